import { campaignReference } from '../../domain/brief.js';
import { followUpSection } from '../../views/agreements.js';
import { campaignDetails, campaignList, historyMessage } from '../../views/campaigns.js';
import { digestSettings } from '../../workflow/digests.js';
import { listActiveCampaigns } from '../../workflow/campaigns.js';
import { campaignTimeline } from '../../workflow/history.js';
import { listParticipants } from '../../workflow/participants.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

export const list: Subcommand = {
  name: 'list',
  usage: 'list',
  summary: 'active campaigns by status',
  async run({ ack, context }) {
    await ack(ephemeral(campaignList(await listActiveCampaigns(context.prisma))));
  },
};

export const show: Subcommand = {
  name: 'show',
  usage: 'show <campaign>',
  summary: "a campaign's brief and participants by stage",
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const [participants, { timeZone }] = await Promise.all([listParticipants(input.context.prisma, campaign.id), digestSettings(input.context.prisma)]);
    const details = campaignDetails(campaign, participants);
    const more = `\`/campaign deliverables ${campaignReference(campaign.id)}\` · \`/campaign resend ${campaignReference(campaign.id)}\``;
    const followUps = followUpSection(participants.map((participant) => ({ campaign, participant })), input.context.now(), timeZone, 50 - details.blocks.length, { more });
    await input.ack(ephemeral({ ...details, blocks: [...details.blocks, ...followUps] }));
  },
};

export const history: Subcommand = {
  name: 'history',
  usage: 'history <campaign>',
  summary: 'every recorded change of a campaign, its participants and posts',
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    await input.ack(ephemeral(historyMessage(campaign, await campaignTimeline(input.context.prisma, campaign.id))));
  },
};
