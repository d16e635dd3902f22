import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { VALUE } from '../../views/campaign-form.js';
import { MOVE_FIELDS, moveModal } from '../../views/participants.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { listParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { moveMetadata } from '../views/participants-form.js';

const isHashConflict = (error: unknown) => (error as { data?: { error?: string } }).data?.error === 'hash_conflict';

export function register(app: App, context: HandlerContext): void {
  const { prisma } = context;

  // Choosing a participant in the move modal: offer only the stages allowed from theirs.
  app.action<BlockAction<StaticSelectAction>>({ block_id: MOVE_FIELDS.participant, action_id: VALUE }, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { campaignId } = moveMetadata.parse(JSON.parse(body.view.private_metadata));
    const [campaign, participants] = await Promise.all([getCampaign(prisma, campaignId), listParticipants(prisma, campaignId)]);
    const chosen = participants.find((p) => String(p.id) === action.selected_option.value);
    if (!campaign || !chosen) return;
    try {
      // The hash makes Slack refuse the update if the view changed since this action (a later choice won).
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: moveModal(campaign, participants, chosen) });
    } catch (error) {
      if (!isHashConflict(error)) throw error;
    }
  });
}
