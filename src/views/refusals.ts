import type { ModalView } from '@slack/types';
import type { Refusal } from '../domain/decision.js';
import type { HistoryEntry } from '../domain/history.js';
import { textModal } from './blocks.js';
import { mention, slackDate } from './format.js';
import { words } from './history.js';
import { truncate } from './mrkdwn.js';

const DONE: Record<string, string> = {
  'post.approved': 'approved',
  'post.rejected': 'rejected',
  'post.resubmitted': 'resubmitted',
  'post.edited': 'edited',
  'post.withdrawn': 'withdrawn',
  'post.final_approved': 'given final approval',
  'post.result_recorded': 'updated with results',
  'campaign.proposal_published': 'published',
  'campaign.proposal_request_resent': 'published again',
  'campaign.proposal_approved': 'approved',
  'campaign.proposal_rejected': 'rejected',
  'campaign.recruitment_opened': 'opened for recruitment',
  'campaign.recruitment_closed': 'closed for recruitment',
  'campaign.collaboration_started': 'started collaborating',
  'campaign.completed': 'completed',
  'campaign.archived': 'archived',
  'campaign.brief_edited': 'edited',
  'campaign.stages_configured': 'changed (optional stages)',
  'participant.moved': 'moved',
  'participant.move_undone': 'moved back (undone)',
  'participant.reopened': 'reopened',
  'campaign.step_undone': 'reopened for recruitment (undone)',
  'participant.costs_changed': 'changed (budget and costs)',
  'participant.deliverables_changed': 'changed (deliverables)',
  'participant.agreement_resent': 'changed (agreement sent again)',
  'influencer.edited': 'edited',
  'influencer.account_added': 'changed (account added)',
  'influencer.account_edited': 'changed (account edited)',
  'influencer.account_removed': 'changed (account removed)',
};

export function whatHappened(since: HistoryEntry): string {
  const done = DONE[since.action] ?? `changed (${words(since.action)})`;
  return `Already ${done} by ${mention(since.actor)} ${slackDate(since.at)}.`;
}

/** The sentence a refused user sees: the rule's reason, or what happened instead. */
export function refusalText(refusal: Refusal): string {
  return refusal.since ? `:information_source: ${whatHappened(refusal.since)} Nothing was changed.` : `:no_entry: ${refusal.reason}`;
}

export function refusalModal(title: string, refusal: Refusal): ModalView {
  return textModal(title, truncate(refusalText(refusal), 2900));
}
