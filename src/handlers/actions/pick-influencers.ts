import type { BlockAction, MultiStaticSelectAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { VALUE } from '../../views/blocks.js';
import { MAX_PICK, PICK_BLOCK, addParticipantsMetadata, addParticipantsModal } from '../../views/directory.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { directoryCandidates } from '../../workflow/directory.js';
import type { HandlerContext } from '../context.js';
import { redraw } from './clicks.js';
import { chosenAccounts } from '../views/directory-form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma }: HandlerContext): void {
  // Choosing influencers to add: ask which accounts will post for each one who has several.
  listeners.action<BlockAction<MultiStaticSelectAction>>({ block_id: PICK_BLOCK, action_id: VALUE }, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { campaignId, filter } = readMetadata(addParticipantsMetadata, body.view.private_metadata);
    const campaign = await getCampaign(prisma, campaignId);
    if (!campaign) return;
    const candidates = await directoryCandidates(prisma, campaign, filter, MAX_PICK);
    const ids = new Set(action.selected_options.map((option) => Number(option.value)));
    const chosen = candidates.filter((i) => ids.has(i.id));
    await redraw(
      client,
      body.view,
      addParticipantsModal(
        campaign,
        candidates,
        filter,
        chosen,
        chosenAccounts(
          body.view.state.values,
          chosen.map((i) => i.id),
        ),
      ),
    );
  });
}
