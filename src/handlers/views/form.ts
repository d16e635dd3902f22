import { z } from 'zod';
import { VALUE } from '../../views/campaign-form.js';

/** What Slack sends for one input element in `view.state.values` (only the fields we read). */
export const elementState = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});
export type ElementState = z.infer<typeof elementState>;

export type StateValues = Record<string, Record<string, unknown>>;

/** The state of the block's single input ("value" action) as a plain record. */
export function read(values: StateValues, blockId: string): ElementState {
  return elementState.parse(values[blockId]?.[VALUE] ?? {});
}

/** Turns zod issues into Slack's `response_action: "errors"` map, keyed by block ID. */
export function fieldErrors(error: z.ZodError, blockOf: (path: PropertyKey[]) => string | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const block = blockOf(issue.path);
    if (block && !errors[block]) errors[block] = issue.message;
  }
  return errors;
}

/** "1,500.25" in a currency with 2 digits → 150025 minor units; undefined when not a plain amount. */
export function toMinorUnits(text: string, digits: number): number | undefined {
  const cleaned = text.replaceAll(',', '').trim();
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function isoDay(value: string | null | undefined): Date | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
}
