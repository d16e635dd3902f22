import type { Campaign } from '../domain/brief.js';
import { NEXT_MANAGER_STEP } from '../domain/campaign.js';
import type { Home, HomeItem } from '../domain/home.js';
import { stillToDecide } from '../domain/quorum.js';
import { agreementExpired, agreementExpiresAt, needsFollowUp } from '../domain/participation.js';
import type { Prisma } from '../store/database.js';
import { readDigestSettings } from '../store/digests.js';
import { campaignsOf, homeParticipants, homePosts } from '../store/home.js';

const DAY = 24 * 60 * 60 * 1000;

/** What a user's App Home shows, in a fixed number of queries however many campaigns and posts there are. */
export async function homeOf(prisma: Prisma, userId: string, now: Date): Promise<Home> {
  const [campaigns, { timeZone }] = await Promise.all([campaignsOf(prisma, userId), readDigestSettings(prisma)]);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const ids = (list: Campaign[]) => list.map((c) => c.id);
  const approving = campaigns.filter((c) => c.approverIds.includes(userId));
  const picOf = campaigns.filter((c) => (c.salesPicId === userId || c.influencerPicId === userId) && !c.collaborationStartedAt);
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const [posts, participants] = await Promise.all([
    homePosts(prisma, {
      campaignIds: ids(campaigns),
      deciding: ids(approving),
      finalApproving: ids(approving.filter((c) => c.status === 'completed')),
      lateBefore: today,
    }),
    homeParticipants(prisma, ids(campaigns), ids(picOf)),
  ]);
  const items = (status: string): HomeItem[] =>
    posts
      .filter(({ post }) => post.status === status)
      .map(({ post, campaignId, influencerName }) => ({ post, influencerName, campaign: byId.get(campaignId)! }));
  // A post stays in the queue of those who still have to decide it (with a quorum, not of those who approved).
  const toDecide = posts.filter(
    ({ post, campaignId, approvals }) => post.status === 'pending_approval' && stillToDecide(byId.get(campaignId)!.quorum, [userId], approvals).length > 0,
  );
  const picIds = new Set(ids(picOf));
  return {
    postsToDecide: toDecide.map(({ post, campaignId, influencerName }) => ({ post, influencerName, campaign: byId.get(campaignId)! })),
    postsToFinalApprove: items('posted'),
    proposalsToDecide: approving.filter((c) => c.status === 'proposal_published'),
    stepsToTake: campaigns.filter((c) => (c.salesPicId === userId || c.influencerPicId === userId) && NEXT_MANAGER_STEP[c.status]),
    campaigns,
    latePosts: items('approved'),
    expiredAgreements: participants.flatMap((participant) => {
      const campaign = byId.get(participant.campaignId)!;
      const expiresAt = agreementExpiresAt(participant, campaign);
      return agreementExpired(participant, campaign, now) && participant.agreementSentAt && expiresAt
        ? [{ campaign, influencerName: participant.influencerName, sentAt: participant.agreementSentAt, expiresAt }]
        : [];
    }),
    followUps: participants
      .filter((participant) => picIds.has(participant.campaignId) && needsFollowUp(participant))
      .map((participant) => ({ campaign: byId.get(participant.campaignId)!, participant })),
    timeZone,
    now,
  };
}
