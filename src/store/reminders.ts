import { EFFECTIVE_POST_STATUSES } from '../domain/posts.js';
import type { FollowedParticipant, WaitingPost } from '../domain/reminders.js';
import { toCampaign } from './campaigns.js';
import { participantsWhere } from './participants.js';
import type { Tx } from './tx.js';

export interface ReminderClaim {
  key: string;
  entityType: string;
  entityId: string;
  userId: string | null;
  at: Date;
}

/**
 * Claims reminders and deadline steps by key, in the transaction that records them: answers the keys
 * this call inserted. A key claimed before (another instance, an earlier run) is skipped, so each is done once.
 */
export async function claimReminders(tx: Tx, claims: ReminderClaim[]): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const rows = await tx.reminder.createManyAndReturn({ data: claims, skipDuplicates: true, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

/** Which of these keys were claimed already. */
export async function claimedKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.reminder.findMany({ where: { key: { in: keys } }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

export async function findReminder(tx: Tx, key: string) {
  return (await tx.reminder.findUnique({ where: { key } })) ?? undefined;
}

/** Where a reminder's direct message is, so a change of its item updates it. */
export async function rememberReminderMessage(tx: Tx, key: string, channelId: string, ts: string): Promise<void> {
  await tx.reminder.updateMany({ where: { key }, data: { channelId, messageTs: ts } });
}

/** The keys of the direct messages sent about these entities: their buttons must follow the item. */
export async function reminderMessagesOf(tx: Tx, entityType: string, entityIds: string[]): Promise<Array<{ key: string; entityId: string }>> {
  if (entityIds.length === 0) return [];
  return tx.reminder.findMany({ where: { entityType, entityId: { in: entityIds }, messageTs: { not: null } }, select: { key: true, entityId: true } });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Posts a reminder or a deadline may concern: every waiting one, and the others planned within a few days. */
export async function postsToRemind(tx: Tx, now: Date): Promise<WaitingPost[]> {
  const near = { gte: new Date(now.getTime() - 2 * DAY_MS), lte: new Date(now.getTime() + 3 * DAY_MS) };
  const rows = await tx.post.findMany({
    where: {
      participation: { campaign: { status: { not: 'archived' } } },
      OR: [{ status: 'pending_approval' }, { status: { in: ['approved', 'rejected'] }, plannedDate: near }],
    },
    include: { approvals: { select: { revision: true, userId: true } }, participation: { select: { campaignId: true } } },
  });
  // Each campaign read and converted once, not once for each of its posts (the scheduler asks every minute).
  const campaignIds = [...new Set(rows.map((row) => row.participation.campaignId))];
  const campaignRows = campaignIds.length > 0 ? await tx.campaign.findMany({ where: { id: { in: campaignIds } } }) : [];
  const campaigns = new Map(campaignRows.map((row) => [row.id, toCampaign(row)]));
  return rows.flatMap((row) => {
    const campaign = campaigns.get(row.participation.campaignId);
    if (!campaign) return [];
    return [
      {
        id: row.id,
        status: row.status,
        revision: row.revision,
        plannedDate: row.plannedDate,
        submittedBy: row.submittedBy,
        reviewRequestedAt: row.reviewRequestedAt,
        approvals: row.approvals.filter((a) => a.revision === row.revision).map((a) => a.userId),
        campaign,
      },
    ];
  });
}

/** Participants with an agreement out, or collaborating with deliverables due within a few days, and their posted count. */
export async function participantsToRemind(tx: Tx, now: Date): Promise<FollowedParticipant[]> {
  const near = { gte: new Date(now.getTime() - 2 * DAY_MS), lte: new Date(now.getTime() + 3 * DAY_MS) };
  const participants = await participantsWhere(tx, {
    campaign: { status: { not: 'archived' } },
    OR: [{ stage: 'agreement_sent' }, { stage: { in: ['collaborating', 'content_in_review', 'posted'] }, deliverables: { some: { dueDate: near } } }],
  });
  if (participants.length === 0) return [];
  const ids = participants.map((p) => p.id);
  const [posted, campaigns] = await Promise.all([
    tx.post.groupBy({ by: ['participationId'], where: { participationId: { in: ids }, status: { in: [...EFFECTIVE_POST_STATUSES] } }, _count: { _all: true } }),
    tx.campaign.findMany({ where: { id: { in: [...new Set(participants.map((p) => p.campaignId))] } } }),
  ]);
  const postedBy = new Map(posted.map((row) => [row.participationId, row._count._all]));
  const campaignBy = new Map(campaigns.map((row) => [row.id, toCampaign(row)]));
  return participants.map((p) => ({ ...p, postedPosts: postedBy.get(p.id) ?? 0, campaign: campaignBy.get(p.campaignId)! }));
}
