import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { VALUE } from '../../views/campaign-form.js';
import { OPEN_DELIVERABLES, PICK_DELIVERABLES_PARTICIPANT, deliverablesMetadata, deliverablesModal } from '../../views/deliverables.js';
import { refuse } from '../../domain/decision.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { listParticipants, participantInCampaign } from '../../workflow/participants.js';
import { isHashConflict } from '../../slack-client.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../odd-input.js';
import { answerRefusal, target } from './clicks.js';

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;

  // "Deliverables" next to a participant (show, App Home): the modal opens on that participant.
  app.action<BlockAction<ButtonAction>>(OPEN_DELIVERABLES, async (args) => {
    await args.ack();
    const found = await participantInCampaign(prisma, target(args.action).id);
    const participants = found ? await listParticipants(prisma, found.campaign.id) : [];
    if (!found) return answerRefusal(args, refuse('participant-not-found', 'That participant no longer exists.'), prisma, now());
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: deliverablesModal(found.campaign, participants, found.participant) });
  });

  // Choosing a participant in the modal shows its deliverable lines, or why they cannot be edited now.
  app.action<BlockAction<StaticSelectAction>>({ block_id: PICK_DELIVERABLES_PARTICIPANT, action_id: VALUE }, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { campaignId } = readMetadata(deliverablesMetadata, body.view.private_metadata);
    const [campaign, participants] = await Promise.all([getCampaign(prisma, campaignId), listParticipants(prisma, campaignId)]);
    if (!campaign) return;
    const chosen = participants.find((p) => String(p.id) === action.selected_option.value);
    try {
      // The hash makes Slack refuse the update if the view changed since this action (a later choice won).
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: deliverablesModal(campaign, participants, chosen) });
    } catch (error) {
      if (!isHashConflict(error)) throw error;
    }
  });
}
