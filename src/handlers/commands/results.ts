import { campaignReference } from '../../domain/brief.js';
import { notice } from '../../views/campaigns.js';
import { recordResultsModal } from '../../views/results-form.js';
import { postsAwaitingResults } from '../../workflow/posts.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

export const results: Subcommand = {
  name: 'results',
  usage: 'results <campaign>',
  summary: "record a post's live link and numbers (impressions, reach, engagement, revenue)",
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    if (campaign.status === 'archived') {
      await input.ack(ephemeral(notice(`:no_entry: ${campaignReference(campaign.id)} is archived: archived campaigns are read-only.`)));
      return;
    }
    const choices = await postsAwaitingResults(input.context.prisma, campaign.id);
    if (choices.length === 0) {
      await input.ack(ephemeral(notice(`:no_entry: No post of ${campaignReference(campaign.id)} is approved yet: results are recorded once a post is approved.`)));
      return;
    }
    await input.ack();
    await input.client.views.open({ trigger_id: input.triggerId, view: recordResultsModal(campaign, choices) });
  },
};
