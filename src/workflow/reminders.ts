// The scheduler's reminders and deadline steps: what is owed (src/domain/reminders.ts), claimed
// once by key in the transaction that records it, then delivered as direct messages by the outbox.
import { type Decision, allow } from '../domain/decision.js';
import type { Delivery } from '../domain/deliveries.js';
import { type ReminderReason, DEADLINE_ACTOR, decisionDue, decisionKey, reminderCandidates, reminderDue } from '../domain/reminders.js';
import { approvePost as decideApprove, rejectPost as decideReject } from '../domain/posts.js';
import { deadlineReason } from '../domain/timing.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { readWorkingTime } from '../store/digests.js';
import { findParticipant } from '../store/participants.js';
import { findPost, savePost } from '../store/posts.js';
import { claimReminders, claimedKeys, findReminder, participantsToRemind, postsToRemind, rememberReminderMessage } from '../store/reminders.js';
import { approvalsOf, postInCampaign, postsOf } from '../store/posts.js';
import { stillToDecide } from '../domain/quorum.js';
import { deadlineTimes } from '../domain/timing.js';
import { agreementExpiresAt, uncoveredDeliverables } from '../domain/participation.js';
import { isEffective } from '../domain/posts.js';
import type { ReminderItem } from '../views/reminders.js';
import type { Tx } from '../store/tx.js';
import { change, event, record } from './change.js';
import { followPost } from './posts.js';

/** The time zone each of these people set in Slack (users.info); the caller falls back to the workspace's. */
export type ZonesOf = (userIds: string[]) => Promise<Map<string, string>>;

/** What each reminder records in the history of its item. */
const REMINDER_ACTIONS: Record<ReminderReason, string> = {
  approval: 'post.reminded',
  escalation: 'post.escalated',
  planned_tomorrow: 'post.reminded',
  planned_today: 'post.reminded',
  deliverable_due: 'participant.reminded',
  agreement_expiring: 'participant.reminded',
};

/**
 * Sends the reminders due now, each once: the claim, its history event and its direct message
 * (an outbox row) are written together, so neither a second instance nor a restart sends it again.
 */
export async function runReminders(prisma: Prisma, now: Date, zonesOf: ZonesOf): Promise<number> {
  const [posts, participants, working] = await Promise.all([postsToRemind(prisma, now), participantsToRemind(prisma, now), readWorkingTime(prisma)]);
  const candidates = reminderCandidates(posts, participants, working, now);
  if (candidates.length === 0) return 0;
  const claimed = await claimedKeys(
    prisma,
    candidates.map((c) => c.key),
  );
  const open = candidates.filter((c) => !claimed.has(c.key));
  if (open.length === 0) return 0;
  // Slack is asked outside any transaction; a zone it cannot tell is the workspace's.
  const zones = await zonesOf([...new Set(open.map((c) => c.userId))]);
  // In key order, so instances claiming the same reminders at once take their row locks in the same order.
  const due = open.filter((c) => reminderDue(c, zones.get(c.userId) ?? working.timeZone, now)).sort((a, b) => a.key.localeCompare(b.key));
  if (due.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    const inserted = await claimReminders(
      tx,
      due.map((c) => ({ key: c.key, entityType: c.entityType, entityId: String(c.entityId), userId: c.userId, at: now })),
    );
    const sent = due.filter((c) => inserted.has(c.key));
    if (sent.length === 0) return 0;
    const acting = { userId: DEADLINE_ACTOR, now };
    const messages: Delivery[] = sent.map((c) => ({ kind: 'reminder', key: c.key }));
    await record(
      tx,
      sent.map((c) => event(acting, c.entityType, c.entityId, REMINDER_ACTIONS[c.reason], { details: { to: c.userId, reason: c.reason } })),
      messages,
    );
    return sent.length;
  });
}

/**
 * Waiting posts past their decision deadline are approved or their request expires, as the campaign
 * says, once: the decision's claim and the post's version make a second instance do nothing.
 */
export async function runDeadlineDecisions(prisma: Prisma, now: Date): Promise<number> {
  const [posts, working] = await Promise.all([postsToRemind(prisma, now), readWorkingTime(prisma)]);
  let decided = 0;
  for (const due of posts.filter((post) => decisionDue(post, post.campaign.timing.deadlines, working, now))) {
    const done = await change(prisma, (tx) => decideByDeadline(tx, due.id, due.revision, now));
    if (done.ok && done.value) decided += 1;
  }
  return decided;
}

async function decideByDeadline(tx: Tx, postId: number, revision: number, now: Date): Promise<Decision<boolean>> {
  const claimed = await claimReminders(tx, [
    { key: decisionKey({ id: postId, revision }), entityType: 'post', entityId: String(postId), userId: null, at: now },
  ]);
  if (claimed.size === 0) return allow(false);
  const post = await findPost(tx, postId);
  const participant = post && (await findParticipant(tx, post.participationId));
  const campaign = participant && (await findCampaign(tx, participant.campaignId));
  if (!post || !participant || !campaign || post.status !== 'pending_approval' || post.revision !== revision) return allow(false);
  const { deadlines } = campaign.timing;
  const reason = deadlineReason(deadlines);
  const approving = deadlines.onDeadline === 'approve';
  const decided = approving ? decideApprove(post, campaign) : decideReject(post, reason, campaign);
  if (!decided.ok) return allow(false);
  const acting = { userId: DEADLINE_ACTOR, now };
  const after = await savePost(tx, post, decided.value, now);
  const action = approving ? 'post.approved' : 'post.expired';
  await record(
    tx,
    [
      event(acting, 'post', post.id, action, { from: post.status, to: after.status, reason, details: { revision: after.revision, automatic: true } }),
      ...(await followPost(tx, participant, after, acting)),
    ],
    [],
    campaign,
  );
  return allow(true);
}

/** A sent reminder as its direct message shows it now, or undefined when its item is gone. */
export async function reminderToShow(
  prisma: Prisma,
  key: string,
): Promise<{ userId: string; channelId: string | null; messageTs: string | null; item: ReminderItem } | undefined> {
  const row = await findReminder(prisma, key);
  if (!row?.userId) return undefined;
  const [kind, id, third] = key.split(':');
  const sent = { userId: row.userId, channelId: row.channelId, messageTs: row.messageTs };
  if (kind === 'post') {
    const found = await postInCampaign(prisma, Number(id));
    if (!found) return undefined;
    const revision = Number(third?.slice(1));
    const reason: ReminderReason = key.includes(':escalate:') ? 'escalation' : 'approval';
    const approvals = found.campaign.quorum.kind === 'any' ? [] : await approvalsOf(prisma, found.post.id, revision);
    const waitingFor = stillToDecide(found.campaign.quorum, found.campaign.approverIds, approvals);
    const working = await readWorkingTime(prisma);
    const decideAt = found.post.reviewRequestedAt ? deadlineTimes(found.post.reviewRequestedAt, found.campaign.timing.deadlines, working).decideAt : null;
    const item: ReminderItem = {
      on: 'post',
      reason,
      campaign: found.campaign,
      influencerName: found.influencerName,
      post: found.post,
      revision,
      mayDecide: waitingFor.includes(row.userId),
      waitingFor,
      ...(decideAt ? { decisionDue: decideAt } : {}),
    };
    return { ...sent, item };
  }
  if (kind === 'planned') {
    const found = await postInCampaign(prisma, Number(id));
    if (!found) return undefined;
    const reason: ReminderReason = third === found.post.plannedDate.toISOString().slice(0, 10) ? 'planned_today' : 'planned_tomorrow';
    return {
      ...sent,
      item: {
        on: 'post',
        reason,
        campaign: found.campaign,
        influencerName: found.influencerName,
        post: found.post,
        revision: found.post.revision,
        mayDecide: false,
        waitingFor: [],
      },
    };
  }
  const participant = await findParticipant(prisma, Number(id));
  const campaign = participant && (await findCampaign(prisma, participant.campaignId));
  if (!participant || !campaign) return undefined;
  const posted = (await postsOf(prisma, [participant.id])).filter(isEffective).length;
  const dueToday = uncoveredDeliverables(participant, posted).filter((d) => d.dueDate.toISOString().slice(0, 10) === third);
  const reason: ReminderReason = kind === 'deliverable' ? 'deliverable_due' : 'agreement_expiring';
  const item: ReminderItem = {
    on: 'participant',
    reason,
    campaign,
    influencerName: participant.influencerName,
    dueToday,
    agreementExpiresAt: agreementExpiresAt(participant, campaign),
    stillOut: participant.stage === 'agreement_sent',
  };
  return { ...sent, item };
}

/** Where the reminder's direct message is, once Slack has posted it. */
export const rememberReminder = rememberReminderMessage;
