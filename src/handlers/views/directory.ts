import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { Refusal } from '../../domain/decision.js';
import { ADD_INFLUENCER, ADD_PARTICIPANTS, CSV_BLOCK, EDIT_INFLUENCER, IMPORT_INFLUENCERS, INFLUENCER_FIELDS, PICK_BLOCK, importedModal } from '../../views/directory.js';
import { refusalModal } from '../../views/refusals.js';
import { editInfluencerProfile } from '../../workflow/directory.js';
import { addInfluencers } from '../../workflow/influencers.js';
import { addParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { parseInfluencerCsv, parseInfluencerForm } from './directory-form.js';
import { read } from './form.js';
import { parseStartingStage } from './starting-stage-form.js';

const influencerMetadata = z.object({ influencerId: z.number().int(), version: z.number().int() });
const campaignMetadata = z.object({ campaignId: z.number().int() });

type ViewAnswer = { response_action: 'errors'; errors: Record<string, string> } | { response_action: 'update'; view: ModalView };

/** A taken handle is the user's to fix in the form; anything else replaces the modal with why. */
function refusalAnswer(title: string, refusal: Refusal): ViewAnswer {
  if (refusal.rule === 'account-taken') return { response_action: 'errors', errors: { [INFLUENCER_FIELDS.handle]: refusal.reason } };
  return { response_action: 'update', view: refusalModal(title, refusal) };
}

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;

  app.view(ADD_INFLUENCER, async ({ ack, body, view }) => {
    const parsed = parseInfluencerForm(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const added = await addInfluencers(prisma, [parsed.value], { userId: body.user.id, now: now() });
    if (!added.ok) return ack(refusalAnswer('Add influencer', added));
    await ack();
  });

  app.view(EDIT_INFLUENCER, async ({ ack, body, view }) => {
    const { influencerId, version } = influencerMetadata.parse(JSON.parse(view.private_metadata));
    const parsed = parseInfluencerForm(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const edited = await editInfluencerProfile(prisma, influencerId, parsed.value, { userId: body.user.id, now: now() }, version);
    if (!edited.ok) return ack(refusalAnswer('Edit influencer', edited));
    await ack();
  });

  // All or none: a replayed submission finds every handle taken and adds nothing twice.
  app.view(IMPORT_INFLUENCERS, async ({ ack, body, view }) => {
    const parsed = parseInfluencerCsv(read(view.state.values, CSV_BLOCK).value ?? '');
    if (!parsed.ok) return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: parsed.problem } });
    const added = await addInfluencers(prisma, parsed.value, { userId: body.user.id, now: now() });
    if (!added.ok && (added.rule === 'account-taken' || added.rule === 'invalid-influencer')) {
      return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: `${added.reason} Nothing was imported.` } });
    }
    if (!added.ok) return ack({ response_action: 'update', view: refusalModal('Import influencers', added) });
    await ack({ response_action: 'update', view: importedModal(added.value.length) });
  });

  app.view(ADD_PARTICIPANTS, async ({ ack, body, view }) => {
    const { campaignId } = campaignMetadata.parse(JSON.parse(view.private_metadata));
    const chosen = (read(view.state.values, PICK_BLOCK).selected_options ?? []).map((o) => Number(o.value)).filter(Number.isSafeInteger);
    const starting = parseStartingStage(view.state.values);
    const errors = { ...(chosen.length === 0 ? { [PICK_BLOCK]: 'Choose at least one influencer.' } : {}), ...(starting.ok ? {} : starting.errors) };
    if (Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
    const added = await addParticipants(prisma, campaignId, chosen.map((influencerId) => ({ influencerId })), { userId: body.user.id, now: now() }, starting.ok ? starting.start : undefined);
    if (!added.ok) return ack({ response_action: 'update', view: refusalModal('Add influencers', added) });
    await ack();
  });
}
