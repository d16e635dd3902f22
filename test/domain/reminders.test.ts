import { describe, expect, it } from 'vitest';
import { ANY_APPROVER } from '../../src/domain/quorum.js';
import { decisionDue, reminderCandidates, reminderDue, type WaitingPost } from '../../src/domain/reminders.js';
import { DEFAULT_TIMING, deadlineErrors, deadlineTimes } from '../../src/domain/timing.js';

const PARIS = { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], start: 540, end: 1080 };
const friday1600 = new Date('2026-12-04T15:00:00Z');

function waiting(overrides: Partial<WaitingPost> = {}): WaitingPost {
  return {
    id: 7,
    status: 'pending_approval',
    revision: 2,
    plannedDate: new Date('2026-12-10T00:00:00Z'),
    submittedBy: 'U0SUB',
    reviewRequestedAt: friday1600,
    approvals: [],
    campaign: { id: 1, timing: DEFAULT_TIMING, salesPicId: 'U0SALES', influencerPicId: 'U0INF', approverIds: ['U0A', 'U0B'], quorum: ANY_APPROVER },
    ...overrides,
  };
}

describe('approval deadlines', () => {
  it('count business time in the workspace zone: 1 working day from Friday 16:00 is Monday 16:00, 4 working hours Monday 11:00', () => {
    const times = deadlineTimes(
      friday1600,
      { ...DEFAULT_TIMING.deadlines, remindAfter: { amount: 4, unit: 'h' }, decideAfter: { amount: 3, unit: 'd' } },
      PARIS,
    );
    expect(times.remindAt).toEqual(new Date('2026-12-07T10:00:00Z'));
    expect(times.escalateAt).toEqual(new Date('2026-12-08T15:00:00Z'));
    expect(times.decideAt).toEqual(new Date('2026-12-09T15:00:00Z'));
  });

  it('each step comes after the one before it', () => {
    expect(deadlineErrors({ ...DEFAULT_TIMING.deadlines, remindAfter: { amount: 2, unit: 'd' }, escalateAfter: { amount: 4, unit: 'h' } })).toHaveProperty(
      'escalateAfter',
    );
    expect(deadlineErrors({ ...DEFAULT_TIMING.deadlines, decideAfter: { amount: 1, unit: 'd' } })).toHaveProperty('decideAfter');
    expect(deadlineErrors(DEFAULT_TIMING.deadlines)).toEqual({});
  });

  it('decides once the decision time has passed, only for a waiting post', () => {
    const deadlines = { ...DEFAULT_TIMING.deadlines, decideAfter: { amount: 3, unit: 'd' as const } };
    expect(decisionDue(waiting(), deadlines, PARIS, new Date('2026-12-09T14:59:00Z'))).toBe(false);
    expect(decisionDue(waiting(), deadlines, PARIS, new Date('2026-12-09T15:00:00Z'))).toBe(true);
    expect(decisionDue(waiting({ status: 'approved' }), deadlines, PARIS, new Date('2026-12-20T00:00:00Z'))).toBe(false);
  });
});

describe('reminders', () => {
  it('remind the approvers who still decide, escalate to each PIC once, and remind the submitter and PIC of the planned date', () => {
    const keys = reminderCandidates([waiting()], [], PARIS, friday1600).map((c) => c.key);
    expect(keys).toEqual([
      'post:7:r2:remind:U0A',
      'post:7:r2:remind:U0B',
      'post:7:r2:escalate:U0SALES',
      'post:7:r2:escalate:U0INF',
      'planned:7:2026-12-09:U0SUB',
      'planned:7:2026-12-10:U0SUB',
      'planned:7:2026-12-09:U0INF',
      'planned:7:2026-12-10:U0INF',
    ]);
    const muted = reminderCandidates([waiting({ campaign: { ...waiting().campaign, timing: { ...DEFAULT_TIMING, muted: true } } })], [], PARIS, friday1600);
    expect(muted).toEqual([]);
  });

  it('a day reminder is due from 09:00 in the recipient’s own zone, half-hour offsets included, and not on another day', () => {
    const onDay = { when: { localDate: '2026-12-10' } };
    expect(reminderDue(onDay, 'Asia/Kolkata', new Date('2026-12-10T03:29:00Z'))).toBe(false);
    expect(reminderDue(onDay, 'Asia/Kolkata', new Date('2026-12-10T03:30:00Z'))).toBe(true);
    expect(reminderDue(onDay, 'America/New_York', new Date('2026-12-10T03:30:00Z'))).toBe(false);
    expect(reminderDue(onDay, 'Asia/Kolkata', new Date('2026-12-10T19:00:00Z'))).toBe(false);
  });

  it('a reminder due at night waits for the next sensible hour there', () => {
    const at3am = { when: { at: new Date('2026-12-09T21:30:00Z') } };
    expect(reminderDue(at3am, 'Asia/Kolkata', new Date('2026-12-09T22:00:00Z'))).toBe(false);
    expect(reminderDue(at3am, 'Asia/Kolkata', new Date('2026-12-10T03:30:00Z'))).toBe(true);
  });
});
