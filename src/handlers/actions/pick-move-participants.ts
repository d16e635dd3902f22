import type { BlockAction, MultiStaticSelectAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { VALUE } from '../../views/campaign-form.js';
import { MOVE_FIELDS, moveMetadata, moveModal } from '../../views/participants.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { listParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { redraw } from './clicks.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  const { prisma } = context;

  // Choosing participants in the move modal: offer only the stages allowed from where they all are.
  listeners.action<BlockAction<MultiStaticSelectAction>>({ block_id: MOVE_FIELDS.participant, action_id: VALUE }, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { campaignId } = readMetadata(moveMetadata, body.view.private_metadata);
    const [campaign, participants] = await Promise.all([getCampaign(prisma, campaignId), listParticipants(prisma, campaignId)]);
    const ids = new Set(action.selected_options.map((option) => option.value));
    const chosen = participants.filter((p) => ids.has(String(p.id)));
    if (!campaign) return;
    await redraw(client, body.view, moveModal(campaign, participants, chosen));
  });
}
