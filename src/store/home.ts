import type { Campaign } from '../domain/brief.js';
import type { Post } from '../domain/posts.js';
import { listCampaigns } from './campaigns.js';
import { postsOf } from './posts.js';
import type { Tx } from './tx.js';

/** The user's campaigns (PIC, approver or creator), not archived, newest first. */
export async function campaignsOf(tx: Tx, userId: string): Promise<Campaign[]> {
  return listCampaigns(tx, { statuses: ['draft', 'proposal_published', 'proposal_approved', 'recruiting', 'recruitment_closed', 'collaborating', 'completed'], person: userId });
}

export interface PostInCampaign {
  post: Post;
  campaign: Campaign;
  influencerName: string;
  stage: string;
  agreementSentAt: Date | null;
}

/** Posts of the given campaigns with their participant, in one query per kind of row. */
export async function postsIn(tx: Tx, campaigns: Campaign[]): Promise<PostInCampaign[]> {
  const participations = await tx.participation.findMany({
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    select: { id: true, campaignId: true, stage: true, agreementSentAt: true, influencer: { select: { name: true } } },
  });
  const byId = new Map(participations.map((p) => [p.id, p]));
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const posts = await postsOf(tx, participations.map((p) => p.id));
  return posts.map((post) => {
    const participation = byId.get(post.participationId)!;
    return {
      post,
      campaign: campaignById.get(participation.campaignId)!,
      influencerName: participation.influencer.name,
      stage: participation.stage,
      agreementSentAt: participation.agreementSentAt,
    };
  });
}

export async function agreementsSentIn(tx: Tx, campaigns: Campaign[]) {
  return tx.participation.findMany({
    where: { campaignId: { in: campaigns.map((c) => c.id) }, stage: 'agreement_sent' },
    select: { id: true, campaignId: true, stage: true, agreementSentAt: true, agreementSignedAt: true, agreementDeclinedAt: true, influencer: { select: { name: true } } },
  });
}
