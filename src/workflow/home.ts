import { NEXT_MANAGER_STEP } from '../domain/campaign.js';
import { agreementExpired } from '../domain/participation.js';
import type { Home } from '../domain/home.js';
import type { Prisma } from '../store/database.js';
import { agreementsSentIn, campaignsOf, postsIn } from '../store/home.js';

const DAY = 24 * 60 * 60 * 1000;

export async function homeOf(prisma: Prisma, userId: string, now: Date): Promise<Home> {
  const campaigns = await campaignsOf(prisma, userId);
  const approving = campaigns.filter((c) => c.approverIds.includes(userId));
  const posts = await postsIn(prisma, campaigns);
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const agreements = await agreementsSentIn(prisma, campaigns);
  return {
    postsToDecide: posts.filter((p) => p.post.status === 'pending_approval' && p.campaign.approverIds.includes(userId)),
    postsToFinalApprove: posts.filter((p) => p.post.status === 'posted' && p.campaign.status === 'completed' && p.campaign.approverIds.includes(userId)),
    proposalsToDecide: approving.filter((c) => c.status === 'proposal_published'),
    stepsToTake: campaigns.filter((c) => (c.salesPicId === userId || c.influencerPicId === userId) && NEXT_MANAGER_STEP[c.status]),
    campaigns,
    latePosts: posts.filter((p) => p.post.status === 'approved' && p.post.plannedDate.getTime() < today),
    expiredAgreements: agreements.flatMap((a) => {
      const campaign = campaigns.find((c) => c.id === a.campaignId)!;
      return agreementExpired(a, campaign, now) && a.agreementSentAt ? [{ campaign, influencerName: a.influencer.name, sentAt: a.agreementSentAt }] : [];
    }),
  };
}
