import { notice } from '../../views/campaigns.js';
import { refusalText } from '../../views/refusals.js';
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
    const choices = await postsAwaitingResults(input.context.prisma, campaign);
    if (!choices.ok) {
      await input.respond(ephemeral(notice(refusalText(choices))));
      return;
    }
    await input.client.views.open({ trigger_id: input.triggerId, view: recordResultsModal(campaign, choices.value) });
  },
};
