import { z } from 'zod';
import { type Costs, STAGES } from '../../domain/participation.js';
import { COST_FIELDS, MOVE_FIELDS, costBlockId } from '../../views/participants.js';
import { type StateValues, fieldErrors, read, toMinorUnits } from './form.js';

const stage = z.enum(STAGES, { error: 'Choose the stage to move to.' });

export function parseMoveStage(values: StateValues) {
  const parsed = stage.safeParse(read(values, MOVE_FIELDS.stage).selected_option?.value);
  return parsed.success ? { ok: true as const, stage: parsed.data } : { ok: false as const, errors: { [MOVE_FIELDS.stage]: parsed.error.issues[0]!.message } };
}

function amount(digits: number) {
  const message = `Enter an amount of zero or more with at most ${digits} decimals.`;
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .transform((text, ctx) => {
      const minor = toMinorUnits(text, digits);
      if (minor === undefined || !Number.isSafeInteger(minor)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return minor;
    });
}

/** Each participant's three amounts in minor units, or the field errors keyed by block ID. */
export function parseCosts(values: StateValues, participantIds: number[], digits: number) {
  const shape = Object.fromEntries(participantIds.flatMap((p) => COST_FIELDS.map((field) => [costBlockId(p, field), amount(digits)])));
  const raw = Object.fromEntries(Object.keys(shape).map((block) => [block, read(values, block).value ?? undefined]));
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error, (path) => String(path[0])) };
  const minor = parsed.data as Record<string, number>;
  const costs = new Map<number, Costs>(
    participantIds.map((p) => [
      p,
      {
        budgetMinor: minor[costBlockId(p, 'budget')]!,
        influencerCostMinor: minor[costBlockId(p, 'influencer_cost')]!,
        shippingCostMinor: minor[costBlockId(p, 'shipping_cost')]!,
      },
    ]),
  );
  return { ok: true as const, costs };
}
