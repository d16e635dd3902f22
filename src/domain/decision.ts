import type { HistoryEntry } from './history.js';

/**
 * Every rule a refusal can name, defined once: a misspelt rule does not compile. Tests and logs
 * read the rule; users read the refusal's reason. Grouped by what the rule guards.
 */
export type RefusalRule =
  // Any change
  | 'not-permitted'
  | 'stale'
  | 'archived-read-only'
  | 'campaign-not-found'
  | 'participant-not-found'
  | 'post-not-found'
  | 'influencer-not-found'
  // Campaign lifecycle and brief
  | 'same-status'
  | 'campaign-move-not-allowed'
  | 'collaboration-starts-once'
  | 'draft-delete-not-archive'
  | 'published-never-deleted'
  | 'only-drafts-deleted'
  | 'stages-fixed'
  | 'recruitment-close-date'
  | 'not-due'
  | 'rejection-needs-reason'
  | 'brief-field-locked'
  | 'invalid-brief'
  // Participants: stages, agreements, deliverables, costs
  | 'same-stage'
  | 'stage-move-not-allowed'
  | 'stage-switched-off'
  | 'declined-final'
  | 'not-selected-final'
  | 'no-return-to-applied'
  | 'collaboration-by-start-only'
  | 'group-fixed'
  | 'invite-while-recruiting'
  | 'recruitment-closed'
  | 'start-stage-not-allowed'
  | 'later-start-while-recruiting'
  | 'start-reason-required'
  | 'agreements-before-collaboration'
  | 'agreement-expired'
  | 'agreement-not-expired'
  | 'no-agreement-to-resend'
  | 'account-not-owned'
  | 'no-account'
  | 'invalid-deliverable'
  | 'deliverables-unchanged'
  | 'deliverables-candidates-only'
  | 'costs-not-negative'
  | 'costs-locked-after-post'
  // Undo and reopen
  | 'not-reversible'
  | 'undo-own-only'
  | 'already-undone'
  | 'undo-window-passed'
  | 'undo-changed-since'
  | 'reopen-needs-reason'
  | 'not-reopenable'
  // Posts: review, quorum, results
  | 'same-post-status'
  | 'approved-not-rejected'
  | 'posted-never-back'
  | 'withdrawn-stays'
  | 'decided-post-stays'
  | 'post-move-not-allowed'
  | 'posts-during-collaboration'
  | 'post-content-required'
  | 'post-unchanged'
  | 'only-waiting-posts-edited'
  | 'account-not-selected'
  | 'not-in-an-approver-group'
  | 'group-already-approved'
  | 'already-approved-by-you'
  | 'final-approval-after-completion'
  | 'nothing-to-final-approve'
  | 'result-needs-url-or-metrics'
  | 'results-after-approval'
  | 'no-approved-posts'
  | 'not-a-post-thread'
  // Influencer directory
  | 'invalid-influencer'
  | 'account-taken'
  | 'account-not-found'
  | 'account-in-use'
  | 'email-ambiguous'
  | 'email-other-name'
  | 'too-many-accounts'
  | 'import-problems'
  // Settings
  | 'last-admin'
  | 'invalid-digest-schedule';

/**
 * What the domain answers to "may this happen?": the new state, or a refusal whose reason a user
 * can act on. `rule` names the rule for tests and logs; `reason` is the sentence users see.
 * `since` is the change that made the action stale (a double click, two approvers at once).
 */
export type Decision<T> = { ok: true; value: T } | Refusal;

export interface Refusal {
  ok: false;
  rule: RefusalRule;
  reason: string;
  since?: HistoryEntry;
}

export function allow<T>(value: T): Decision<T> {
  return { ok: true, value };
}

export function refuse(rule: RefusalRule, reason: string): Refusal {
  return { ok: false, rule, reason };
}
