// A campaign's reminders and approval deadlines: which reminders go out, and what a waiting
// approval does as time passes (remind the approvers, escalate to the PICs, then decide or expire).
import { type Duration, type WorkingTime, addDuration, describeDuration, formatDuration } from './durations.js';

export const REMINDER_KINDS = ['plannedDate', 'deliverables', 'agreements', 'approvals'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_LABELS: Record<ReminderKind, string> = {
  plannedDate: 'Planned post dates: the day before and on the day',
  deliverables: 'Deliverables due today',
  agreements: 'Agreements expiring within a day',
  approvals: 'Waiting approvals, after the reminder time below',
};

/** Who each reminder goes to: the person who must act. */
export const REMINDER_RECIPIENTS: Record<ReminderKind, string> = {
  plannedDate: 'To the submitter and the influencer PIC',
  deliverables: 'To the influencer PIC',
  agreements: 'To the influencer PIC',
  approvals: 'To the approvers who still decide',
};

export type OnDeadline = 'approve' | 'expire';

export interface ApprovalDeadlines {
  remindAfter: Duration | null;
  escalateAfter: Duration | null;
  /** After this long without a decision the post is approved or its request expires (`onDeadline`). */
  decideAfter: Duration | null;
  onDeadline: OnDeadline;
  /** Count only working time (the workspace's zone and digest days, 09:00–18:00). */
  businessTime: boolean;
}

export interface Timing {
  reminders: Record<ReminderKind, boolean>;
  /** No reminder of this campaign goes out (deadlines still decide). */
  muted: boolean;
  deadlines: ApprovalDeadlines;
}

export const DEFAULT_TIMING: Timing = {
  reminders: { plannedDate: true, deliverables: true, agreements: true, approvals: true },
  muted: false,
  deadlines: { remindAfter: { amount: 1, unit: 'd' }, escalateAfter: { amount: 2, unit: 'd' }, decideAfter: null, onDeadline: 'expire', businessTime: true },
};

/** A reminder kind goes out: switched on, and the campaign not muted. */
export function remindsAbout(timing: Timing, kind: ReminderKind): boolean {
  return !timing.muted && timing.reminders[kind];
}

const MINUTES = { m: 1, h: 60, d: 24 * 60 } as const;
const minutes = (d: Duration) => d.amount * MINUTES[d.unit];

/** Every fault of the deadline settings at once, by field: each step comes after the one before it. */
export function deadlineErrors(deadlines: ApprovalDeadlines): Partial<Record<'remindAfter' | 'escalateAfter' | 'decideAfter', string>> {
  const errors: Partial<Record<'remindAfter' | 'escalateAfter' | 'decideAfter', string>> = {};
  const { remindAfter, escalateAfter, decideAfter } = deadlines;
  if (remindAfter && escalateAfter && minutes(escalateAfter) <= minutes(remindAfter))
    errors.escalateAfter = 'Escalate after the reminder: choose a longer time.';
  const before = escalateAfter ?? remindAfter;
  if (decideAfter && before && minutes(decideAfter) <= minutes(before))
    errors.decideAfter = 'Decide after the reminder and the escalation: choose a longer time.';
  return errors;
}

/** When each step of a waiting approval is due, counted from the moment the revision was submitted. */
export function deadlineTimes(
  requestedAt: Date,
  deadlines: ApprovalDeadlines,
  working: WorkingTime,
): { remindAt: Date | null; escalateAt: Date | null; decideAt: Date | null } {
  const after = (d: Duration | null) => (d ? addDuration(requestedAt, d, deadlines.businessTime ? working : undefined) : null);
  return { remindAt: after(deadlines.remindAfter), escalateAt: after(deadlines.escalateAfter), decideAt: after(deadlines.decideAfter) };
}

export type DeadlineStep = 'remind' | 'escalate' | 'decide';

/** The steps due at `now` that have not been done yet, in order. */
export function dueDeadlineSteps(times: ReturnType<typeof deadlineTimes>, done: ReadonlySet<DeadlineStep>, now: Date): DeadlineStep[] {
  const due: Array<[DeadlineStep, Date | null]> = [
    ['remind', times.remindAt],
    ['escalate', times.escalateAt],
    ['decide', times.decideAt],
  ];
  return due.filter(([step, at]) => at !== null && at.getTime() <= now.getTime() && !done.has(step)).map(([step]) => step);
}

/** How the settings and the history state the timing, in words. */
export function timingText(timing: Timing): string {
  const on = REMINDER_KINDS.filter((kind) => timing.reminders[kind]);
  const reminders = timing.muted ? 'reminders muted' : on.length ? `reminders: ${on.map((kind) => REMINDER_SHORT[kind]).join(', ')}` : 'no reminders';
  const d = timing.deadlines;
  const steps = [
    d.remindAfter ? `remind after ${formatDuration(d.remindAfter)}` : 'no reminder',
    d.escalateAfter ? `escalate after ${formatDuration(d.escalateAfter)}` : 'no escalation',
    d.decideAfter ? `${d.onDeadline === 'approve' ? 'auto-approve' : 'expire'} after ${formatDuration(d.decideAfter)}` : 'no automatic decision',
  ];
  return `${reminders}; approvals: ${steps.join(', ')}${d.businessTime ? ' (business time)' : ''}`;
}

const REMINDER_SHORT: Record<ReminderKind, string> = {
  plannedDate: 'planned dates',
  deliverables: 'deliverables',
  agreements: 'agreements',
  approvals: 'approvals',
};

/** "No decision in 3 days": why a request expired or was approved by the deadline. */
export function deadlineReason(deadlines: ApprovalDeadlines): string {
  return `No decision within ${deadlines.decideAfter ? describeDuration(deadlines.decideAfter) : 'the deadline'}${deadlines.businessTime ? ' of business time' : ''}`;
}
