import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { VALUE } from '../../views/campaign-form.js';
import { PICK_DELIVERABLES_PARTICIPANT, deliverablesMetadata, deliverablesModal } from '../../views/deliverables.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { listParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../payload.js';
import { redraw } from './clicks.js';

export function register(listeners: Listeners, { prisma }: HandlerContext): void {
  // Choosing a participant in the modal shows its deliverable lines, or why they cannot be edited now.
  listeners.action<BlockAction<StaticSelectAction>>({ block_id: PICK_DELIVERABLES_PARTICIPANT, action_id: VALUE }, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { campaignId } = readMetadata(deliverablesMetadata, body.view.private_metadata);
    const [campaign, participants] = await Promise.all([getCampaign(prisma, campaignId), listParticipants(prisma, campaignId)]);
    if (!campaign) return;
    const chosen = participants.find((p) => String(p.id) === action.selected_option.value);
    await redraw(client, body.view, deliverablesModal(campaign, participants, chosen));
  });
}
