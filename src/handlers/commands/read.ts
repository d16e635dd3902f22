import { campaignReference } from '../../domain/brief.js';
import { followUpSection } from '../../views/agreements.js';
import { LISTED_PER_STATUS, campaignDetails, campaignList, historyMessage } from '../../views/campaigns.js';
import { digestSettings } from '../../workflow/digests.js';
import { listActiveCampaigns } from '../../workflow/campaigns.js';
import { campaignTimeline } from '../../workflow/history.js';
import { campaignOverview } from '../../workflow/report.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

export const list: Subcommand = {
  name: 'list',
  usage: 'list',
  summary: 'active campaigns by status',
  async run({ respond, context }) {
    await respond(ephemeral(campaignList(await listActiveCampaigns(context.prisma, LISTED_PER_STATUS))));
  },
};

export const show: Subcommand = {
  name: 'show',
  usage: 'show <campaign>',
  summary: "a campaign's brief, who is in each stage since when, and its money",
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const [{ report, accounts, since }, { timeZone }] = await Promise.all([
      campaignOverview(input.context.prisma, campaign, input.context.now()),
      digestSettings(input.context.prisma),
    ]);
    const details = campaignDetails(report, accounts, since);
    const more = `\`/campaign deliverables ${campaignReference(campaign.id)}\` · \`/campaign resend ${campaignReference(campaign.id)}\``;
    const followUps = followUpSection(
      report.participants.map(({ participant }) => ({ campaign, participant })),
      input.context.now(),
      timeZone,
      50 - details.blocks.length,
      { more },
    );
    await input.respond(ephemeral({ ...details, blocks: [...details.blocks, ...followUps] }));
  },
};

export const history: Subcommand = {
  name: 'history',
  usage: 'history <campaign>',
  summary: 'every recorded change of a campaign, its participants and posts',
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const { entries, names } = await campaignTimeline(input.context.prisma, campaign);
    await input.respond(ephemeral(historyMessage(campaign, entries, names)));
  },
};
