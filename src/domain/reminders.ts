// Which reminders are owed, to whom, and when they are due in the recipient's own time zone.
// Each has a key: claimed once (src/store/reminders.ts), it is never sent twice.
import { DEFAULT_WORKING_HOURS, type WorkingTime, nextSensibleTime } from './durations.js';
import { type Deliverable, type Stage, agreementExpiresAt, uncoveredDeliverables } from './participation.js';
import type { PostStatus } from './posts.js';
import { type Quorum, stillToDecide } from './quorum.js';
import { localClock } from './schedule.js';
import { type ApprovalDeadlines, type DeadlineStep, type Timing, deadlineTimes, remindsAbout } from './timing.js';

/** The automatic steps are recorded as done by the deadline, not by a person. */
export const DEADLINE_ACTOR = 'deadline';

export type ReminderReason = 'approval' | 'escalation' | 'planned_tomorrow' | 'planned_today' | 'deliverable_due' | 'agreement_expiring';

export interface ReminderCandidate {
  key: string;
  entityType: 'post' | 'participant';
  entityId: number;
  userId: string;
  reason: ReminderReason;
  /** From an instant on (sent at the first sensible hour after it), or on one local day (from 09:00 until it ends). */
  when: { at: Date } | { localDate: string };
}

interface CampaignTiming {
  id: number;
  timing: Timing;
  salesPicId: string;
  influencerPicId: string;
  approverIds: string[];
  quorum: Quorum;
}

export interface WaitingPost {
  id: number;
  status: PostStatus;
  revision: number;
  plannedDate: Date;
  submittedBy: string;
  reviewRequestedAt: Date | null;
  /** Who approved this revision already (under a quorum). */
  approvals: string[];
  campaign: CampaignTiming;
}

export interface FollowedParticipant {
  id: number;
  stage: Stage;
  deliverables: Deliverable[];
  postedPosts: number;
  agreementSentAt: Date | null;
  agreementSignedAt: Date | null;
  agreementDeclinedAt: Date | null;
  campaign: CampaignTiming & { agreementWindowDays: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const unique = (ids: string[]) => [...new Set(ids)];

/** The reminders owed now about waiting and planned posts, deliverables and agreements. */
export function reminderCandidates(
  posts: readonly WaitingPost[],
  participants: readonly FollowedParticipant[],
  working: WorkingTime,
  now: Date,
): ReminderCandidate[] {
  const out: ReminderCandidate[] = [];
  for (const post of posts) {
    const { timing } = post.campaign;
    if (post.status === 'pending_approval' && post.reviewRequestedAt) {
      const times = deadlineTimes(post.reviewRequestedAt, timing.deadlines, working);
      const base = `post:${post.id}:r${post.revision}`;
      if (times.remindAt && remindsAbout(timing, 'approvals')) {
        for (const userId of stillToDecide(post.campaign.quorum, post.campaign.approverIds, post.approvals)) {
          out.push({ key: `${base}:remind:${userId}`, entityType: 'post', entityId: post.id, userId, reason: 'approval', when: { at: times.remindAt } });
        }
      }
      if (times.escalateAt && !timing.muted) {
        for (const userId of unique([post.campaign.salesPicId, post.campaign.influencerPicId])) {
          out.push({ key: `${base}:escalate:${userId}`, entityType: 'post', entityId: post.id, userId, reason: 'escalation', when: { at: times.escalateAt } });
        }
      }
    }
    if (['pending_approval', 'approved', 'rejected'].includes(post.status) && remindsAbout(timing, 'plannedDate')) {
      const on = isoDay(post.plannedDate);
      const before = isoDay(new Date(post.plannedDate.getTime() - DAY_MS));
      const days = [
        ['planned_tomorrow', before],
        ['planned_today', on],
      ] as const;
      for (const userId of unique([post.submittedBy, post.campaign.influencerPicId])) {
        for (const [reason, day] of days) {
          out.push({ key: `planned:${post.id}:${day}:${userId}`, entityType: 'post', entityId: post.id, userId, reason, when: { localDate: day } });
        }
      }
    }
  }
  for (const participant of participants) {
    const { timing } = participant.campaign;
    const pic = participant.campaign.influencerPicId;
    if (remindsAbout(timing, 'deliverables')) {
      for (const due of new Set(uncoveredDeliverables(participant, participant.postedPosts).map((d) => isoDay(d.dueDate)))) {
        out.push({
          key: `deliverable:${participant.id}:${due}:${pic}`,
          entityType: 'participant',
          entityId: participant.id,
          userId: pic,
          reason: 'deliverable_due',
          when: { localDate: due },
        });
      }
    }
    const expiresAt = agreementExpiresAt(participant, participant.campaign);
    if (participant.stage === 'agreement_sent' && expiresAt && expiresAt > now && remindsAbout(timing, 'agreements')) {
      out.push({
        key: `agreement:${participant.id}:${participant.agreementSentAt!.getTime()}:${pic}`,
        entityType: 'participant',
        entityId: participant.id,
        userId: pic,
        reason: 'agreement_expiring',
        when: { at: new Date(expiresAt.getTime() - DAY_MS) },
      });
    }
  }
  return out;
}

/** Is the reminder due at `now` for someone in `timeZone`? At a sensible hour there, and never for a day already gone. */
export function reminderDue(candidate: Pick<ReminderCandidate, 'when'>, timeZone: string, now: Date): boolean {
  if ('at' in candidate.when) return now.getTime() >= nextSensibleTime(candidate.when.at, timeZone).getTime();
  const clock = localClock(now, timeZone);
  return clock.date === candidate.when.localDate && clock.minutes >= DEFAULT_WORKING_HOURS.start;
}

/** The automatic decision of a waiting post, when it is due and not done yet. */
export function decisionDue(post: Pick<WaitingPost, 'status' | 'reviewRequestedAt'>, deadlines: ApprovalDeadlines, working: WorkingTime, now: Date): boolean {
  if (post.status !== 'pending_approval' || !post.reviewRequestedAt) return false;
  const { decideAt } = deadlineTimes(post.reviewRequestedAt, deadlines, working);
  return decideAt !== null && decideAt.getTime() <= now.getTime();
}

export const decisionKey = (post: { id: number; revision: number }) => `post:${post.id}:r${post.revision}:decide`;

/** When the next step of a waiting post is due, for its card ("Decision due Thu 14:00"). */
export function nextDeadline(
  post: Pick<WaitingPost, 'status' | 'reviewRequestedAt'>,
  deadlines: ApprovalDeadlines,
  working: WorkingTime,
): { step: DeadlineStep; at: Date } | undefined {
  if (post.status !== 'pending_approval' || !post.reviewRequestedAt) return undefined;
  const times = deadlineTimes(post.reviewRequestedAt, deadlines, working);
  if (times.decideAt) return { step: 'decide', at: times.decideAt };
  if (times.escalateAt) return { step: 'escalate', at: times.escalateAt };
  return times.remindAt ? { step: 'remind', at: times.remindAt } : undefined;
}
