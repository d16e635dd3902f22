import type { KnownBlock } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { HistoryEntry } from '../domain/history.js';
import { engagementsOf } from '../domain/metrics.js';
import { POST_STATUS_LABELS, type Post, awaitsResults, wasApproved } from '../domain/posts.js';
import { calendarDate, count, mention, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { link, userText } from './mrkdwn.js';
import { OPEN_RECRUITMENT_BUTTON } from './open-recruitment.js';

/** Button values carry only the entity ID and the version the approver sees; the truth is re-read. */
export const APPROVE_POST = 'post_approve';
export const REJECT_POST = 'post_reject';
export const APPROVE_PROPOSAL = 'proposal_approve';
export const REJECT_PROPOSAL = 'proposal_reject';
/** Opens the results modal; the value is the post ID. */
export const RECORD_RESULTS_BUTTON = 'post_record_results_open';

export function buttonValue(id: number, version: number): string {
  return `${id}:${version}`;
}

export function decisionButtons(approveAction: string, rejectAction: string, id: number, version: number): KnownBlock {
  const value = buttonValue(id, version);
  return {
    type: 'actions',
    block_id: 'decision',
    elements: [
      { type: 'button', action_id: approveAction, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value },
      { type: 'button', action_id: rejectAction, text: { type: 'plain_text', text: 'Reject' }, style: 'danger', value },
    ],
  };
}

/** What a decision looks like once made: who, when (in each reader's time zone), why. */
export function decisionLine(decision: HistoryEntry): string {
  const verb = decision.action.endsWith('rejected') ? ':x: Rejected' : ':white_check_mark: Approved';
  const reason = decision.reason ? `\n>${userText(decision.reason, 1500).replaceAll('\n', '\n>')}` : '';
  return `${verb} by ${mention(decision.actor)} ${slackDate(decision.at)}${reason}`;
}

export function proposalApprovalMessage(campaign: Campaign, submittedBy: string, decision?: HistoryEntry): SlackMessage {
  const ref = campaignReference(campaign.id);
  const title = userText(campaign.title, 200);
  const summary = `${mention(submittedBy)} published the proposal for *${ref} ${title}* (${userText(campaign.advertiser, 100)}).`;
  const body = `*Objective:* ${userText(campaign.objective, 1000)}\n*Requirements:* ${userText(campaign.postRequirements, 1500)}`;
  return {
    text: `Proposal ${ref} ${title} ${decision ? 'decided' : 'waits for approval'}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: summary } },
      { type: 'section', text: { type: 'mrkdwn', text: body } },
      decision
        ? { type: 'section', text: { type: 'mrkdwn', text: decisionLine(decision) } }
        : decisionButtons(APPROVE_PROPOSAL, REJECT_PROPOSAL, campaign.id, campaign.version),
      ...(campaign.status === 'proposal_approved' ? [openRecruitmentButton(campaign)] : []),
    ],
  };
}

/** The next step once the proposal is approved; only the PICs may take it (the click re-checks). */
export function openRecruitmentButton(campaign: Campaign): KnownBlock {
  return {
    type: 'actions',
    block_id: 'open_recruitment',
    elements: [{ type: 'button', action_id: OPEN_RECRUITMENT_BUTTON, text: { type: 'plain_text', text: 'Open recruitment' }, style: 'primary', value: buttonValue(campaign.id, campaign.version) }],
  };
}

export function postApprovalMessage(campaign: Campaign, influencerName: string, post: Post, decision?: HistoryEntry): SlackMessage {
  const ref = campaignReference(campaign.id);
  const who = `${mention(post.submittedBy)} submitted a draft post for *${userText(influencerName, 100)}* in *${ref} ${userText(campaign.title, 150)}* (revision ${post.revision}, planned ${calendarDate(post.plannedDate)}).`;
  const content = `>${userText(post.content, 2500).replaceAll('\n', '\n>')}`;
  const media = post.mediaUrls.slice(0, 5).map((url) => link(url, userText(url, 80)));
  const more = post.mediaUrls.length > 5 ? ` +${post.mediaUrls.length - 5} more` : '';
  return {
    text: `Draft post for ${userText(influencerName, 100)} in ${ref} ${decision ? 'decided' : 'waits for approval'}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: who } },
      { type: 'section', text: { type: 'mrkdwn', text: content } },
      ...(media.length ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `Media: ${media.join(' · ')}${more}` }] }] : []),
      ...(decision ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: decisionLine(decision) } }] : [decisionButtons(APPROVE_POST, REJECT_POST, post.id, post.version)]),
      ...resultBlocks(post),
    ],
  };
}

/** Once approved: the live link and numbers when recorded, and the button to record them. */
function resultBlocks(post: Post): KnownBlock[] {
  if (!wasApproved(post)) return [];
  const live = post.postUrl ? `:link: ${link(post.postUrl, 'Live post')}` : ':hourglass: Not live yet';
  const numbers = post.metrics
    ? ` · ${count(post.metrics.reach, 'reach', 'reach')} · ${count(engagementsOf(post.metrics), 'engagement')} · ${count(post.metrics.clicks, 'click')}`
    : '';
  const blocks: KnownBlock[] = [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${live}${numbers} · ${POST_STATUS_LABELS[post.status]}` }] }];
  if (awaitsResults(post)) {
    blocks.push({
      type: 'actions',
      block_id: 'results',
      elements: [{ type: 'button', action_id: RECORD_RESULTS_BUTTON, text: { type: 'plain_text', text: post.metrics ? 'Update results' : 'Record results' }, value: String(post.id) }],
    });
  }
  return blocks;
}
