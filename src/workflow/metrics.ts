import { type Metrics, campaignMetrics, participantMetrics, participantNumbers } from '../domain/metrics.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { followersOf } from '../store/influencers.js';
import { participantsOf } from '../store/participants.js';
import { postsOf } from '../store/posts.js';

export interface CampaignNumbers {
  campaign: Metrics;
  participants: Array<{ participantId: number; influencerName: string; metrics: Metrics }>;
}

/** Numbers of a campaign and each participant, from effective (posted) posts only. */
export async function campaignNumbers(prisma: Prisma, campaignId: number): Promise<CampaignNumbers | undefined> {
  const campaign = await findCampaign(prisma, campaignId);
  if (!campaign) return undefined;
  const participants = await participantsOf(prisma, campaignId);
  const followers = await followersOf(prisma, participants.flatMap((p) => p.accountIds));
  const posts = await postsOf(prisma, participants.map((p) => p.id));
  const numbers = participants.map((p) => participantNumbers(p, posts, followers));
  return {
    campaign: campaignMetrics({ budgetMinor: campaign.budgetMinor, participants: numbers }),
    participants: participants.map((p, i) => ({ participantId: p.id, influencerName: p.influencerName, metrics: participantMetrics(numbers[i]!) })),
  };
}
