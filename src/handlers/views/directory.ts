import type { App } from '@slack/bolt';
import { accountKey, accountName } from '../../domain/influencer.js';
import {
  ADD_INFLUENCER,
  ADD_PARTICIPANTS,
  CSV_BLOCK,
  EDIT_INFLUENCER,
  IMPORT_INFLUENCERS,
  type InfluencerDraft,
  PICK_BLOCK,
  accountBlockId,
  accountsBlockId,
  addParticipantsMetadata,
  importProblemsText,
  importedModal,
} from '../../views/directory.js';
import { refusalModal } from '../../views/refusals.js';
import { addInfluencers, editInfluencer, importInfluencers, importProblems, takenAccounts } from '../../workflow/influencers.js';
import { addParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { tellAboutMoves } from '../influencer-messages.js';
import { type ParsedInfluencer, chosenAccounts, parseInfluencerCsv, parseInfluencerForm, readInfluencerDraft } from './directory-form.js';
import { read } from './form.js';
import { readMetadata } from '../odd-input.js';
import { parseStartingStage } from './starting-stage-form.js';

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;

  /** Every field error at once: the typed ones and the accounts another influencer already has. */
  async function influencerErrors(draft: InfluencerDraft, parsed: ParsedInfluencer): Promise<Record<string, string>> {
    const errors = { ...parsed.errors };
    for (const taken of await takenAccounts(
      prisma,
      parsed.accounts.map((a) => a.account),
      draft.influencerId,
    )) {
      const row = parsed.accounts.find((a) => accountKey(a.account) === accountKey(taken));
      if (row) errors[accountBlockId(row.key, 'handle')] ??= `${accountName(taken)} is already in the directory (${taken.influencer.name}).`;
    }
    return errors;
  }

  // Add and edit share the form; the influencer's ID in the metadata tells them apart.
  app.view({ callback_id: new RegExp(`^(${ADD_INFLUENCER}|${EDIT_INFLUENCER})$`) }, async ({ ack, body, view }) => {
    const draft = readInfluencerDraft(view);
    const parsed = parseInfluencerForm(draft);
    const errors = await influencerErrors(draft, parsed);
    if (!parsed.profile || Object.keys(errors).length) return ack({ response_action: 'errors', errors });
    const acting = { userId: body.user.id, now: now() };
    const saved =
      draft.influencerId === undefined
        ? await addInfluencers(prisma, [parsed.profile], acting)
        : await editInfluencer(prisma, draft.influencerId, parsed.profile, acting, draft.version);
    if (!saved.ok) return ack({ response_action: 'update', view: refusalModal(view.title.text, saved) });
    await ack();
  });

  // All or none: a replayed submission finds every account taken and adds nothing twice.
  app.view(IMPORT_INFLUENCERS, async ({ ack, body, view }) => {
    const parsed = parseInfluencerCsv(read(view.state.values, CSV_BLOCK).value ?? '');
    if ('problem' in parsed) return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: parsed.problem } });
    if (parsed.problems.length) {
      // The rows that read well are checked against the directory too, so every problem shows at once.
      const problems = [...parsed.problems, ...(await importProblems(prisma, parsed.rows))].sort((a, b) => a.row - b.row);
      return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: importProblemsText(problems) } });
    }
    const imported = await importInfluencers(prisma, parsed.rows, { userId: body.user.id, now: now() });
    if (!imported.ok && 'problems' in imported) return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: importProblemsText(imported.problems) } });
    if (!imported.ok) return ack({ response_action: 'update', view: refusalModal('Import influencers', imported) });
    await ack({ response_action: 'update', view: importedModal(imported.value) });
  });

  app.view(ADD_PARTICIPANTS, async ({ ack, body, view, client, logger }) => {
    const { campaignId } = readMetadata(addParticipantsMetadata, view.private_metadata);
    const chosen = (read(view.state.values, PICK_BLOCK).selected_options ?? []).map((o) => Number(o.value)).filter(Number.isSafeInteger);
    const starting = parseStartingStage(view.state.values);
    const accounts = chosenAccounts(view.state.values, chosen);
    const unticked = [...accounts].filter(([, ids]) => ids.length === 0).map(([id]) => [accountsBlockId(id), 'Choose at least one account that will post.']);
    const errors = {
      ...(chosen.length === 0 ? { [PICK_BLOCK]: 'Choose at least one influencer.' } : {}),
      ...Object.fromEntries(unticked),
      ...(starting.ok ? {} : starting.errors),
    };
    if (Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
    const entries = chosen.map((influencerId) => ({ influencerId, ...(accounts.has(influencerId) ? { accountIds: accounts.get(influencerId) } : {}) }));
    const added = await addParticipants(prisma, campaignId, entries, { userId: body.user.id, now: now() }, starting.ok ? starting.start : undefined);
    if (!added.ok) return ack({ response_action: 'update', view: refusalModal('Add influencers', added) });
    await ack();
    await tellAboutMoves(client, prisma, logger, campaignId, added.value, body.user.id);
  });
}
