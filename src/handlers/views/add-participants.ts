import type { Listeners } from '../listeners.js';
import { ADD_PARTICIPANTS, PICK_BLOCK, accountsBlockId, addParticipantsMetadata } from '../../views/directory.js';
import { refusalModal } from '../../views/refusals.js';
import { addParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { tellAboutMoves } from '../influencer-messages.js';
import { chosenAccounts } from './directory-form.js';
import { read } from './form.js';
import { readMetadata } from '../payload.js';
import { parseStartingStage } from './starting-stage-form.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(ADD_PARTICIPANTS, async ({ ack, body, view, client, logger }) => {
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
