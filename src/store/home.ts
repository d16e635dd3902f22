import type { Campaign } from '../domain/brief.js';
import type { Participant } from '../domain/participation.js';
import type { Post } from '../domain/posts.js';
import { listCampaigns } from './campaigns.js';
import { participantsWhere } from './participants.js';
import { toPost } from './posts.js';
import type { Tx } from './tx.js';

/** The user's campaigns (PIC, approver or creator), not archived, newest first. */
export async function campaignsOf(tx: Tx, userId: string): Promise<Campaign[]> {
  return listCampaigns(tx, {
    statuses: ['draft', 'proposal_published', 'proposal_approved', 'recruiting', 'recruitment_closed', 'collaborating', 'completed'],
    person: userId,
  });
}

export interface HomePost {
  post: Post;
  campaignId: number;
  influencerName: string;
  /** Who approved the post's current revision so far (a quorum may need more). */
  approvals: string[];
}

/**
 * Only the posts App Home lists, oldest first: waiting for a decision in `deciding` campaigns,
 * posted in `finalApproving` ones, and approved but planned before `lateBefore` in `campaignIds`.
 */
export async function homePosts(
  tx: Tx,
  { campaignIds, deciding, finalApproving, lateBefore }: { campaignIds: number[]; deciding: number[]; finalApproving: number[]; lateBefore: Date },
): Promise<HomePost[]> {
  if (campaignIds.length === 0) return [];
  const rows = await tx.post.findMany({
    where: {
      OR: [
        { status: 'pending_approval', participation: { campaignId: { in: deciding } } },
        { status: 'posted', participation: { campaignId: { in: finalApproving } } },
        { status: 'approved', plannedDate: { lt: lateBefore }, participation: { campaignId: { in: campaignIds } } },
      ],
    },
    include: {
      participation: { select: { campaignId: true, influencer: { select: { name: true } } } },
      approvals: { select: { userId: true, revision: true }, orderBy: { id: 'asc' } },
    },
    orderBy: { id: 'asc' },
  });
  return rows.map(({ participation, approvals, ...post }) => ({
    post: toPost(post),
    campaignId: participation.campaignId,
    influencerName: participation.influencer.name,
    approvals: approvals.filter((approval) => approval.revision === post.revision).map((approval) => approval.userId),
  }));
}

/** Participants with a sent agreement in `campaignIds`, and every participant of `allOf` (whose follow-ups App Home lists). */
export async function homeParticipants(tx: Tx, campaignIds: number[], allOf: number[]): Promise<Participant[]> {
  if (campaignIds.length === 0) return [];
  return participantsWhere(tx, { campaignId: { in: campaignIds }, OR: [{ stage: 'agreement_sent' }, { campaignId: { in: allOf } }] });
}
