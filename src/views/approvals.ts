import type { ActionsBlock, KnownBlock } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { HistoryEntry } from '../domain/history.js';
import { CHECK_LABELS, failedChecks } from '../domain/compliance.js';
import { quorumProgress } from '../domain/quorum.js';
import { engagementsOf } from '../domain/metrics.js';
import { POST_STATUS_LABELS, type Post, awaitsResults, wasApproved } from '../domain/posts.js';
import { CANCEL, actions, button, confirmDialog, context, section } from './blocks.js';
import { calendarDate, count, mention, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { clampMrkdwn, link, oneLine, truncate, userText } from './mrkdwn.js';
import { OPEN_RECRUITMENT_BUTTON } from './open-recruitment.js';
import { previousContent, revisionChangesBlocks } from './revision-changes.js';

/** Button values carry only the entity ID and the version the approver sees; the truth is re-read. */
export const APPROVE_POST = 'post_approve';
/** Approve with corrections: opens a modal for the note, then approves. */
export const APPROVE_POST_WITH_CORRECTIONS = 'post_approve_corrections';
/** "Needs work": the rejection of a post, with its reason. */
export const REJECT_POST = 'post_reject';
export const APPROVE_PROPOSAL = 'proposal_approve';
export const REJECT_PROPOSAL = 'proposal_reject';
/** Opens the results modal; the value is the post ID. */
export const RECORD_RESULTS_BUTTON = 'post_record_results_open';
/** On a waiting post: the submitter or a PIC changes it or takes it back. On a rejected one: its next revision. */
export const EDIT_POST = 'post_edit_open';
export const WITHDRAW_POST = 'post_withdraw';
export const REVISE_POST = 'post_revise_open';

export function buttonValue(id: number, version: number): string {
  return `${id}:${version}`;
}

export function decisionButtons(approveAction: string, rejectAction: string, id: number, version: number): ActionsBlock {
  const value = buttonValue(id, version);
  return actions([button(approveAction, 'Approve', value, { style: 'primary' }), button(rejectAction, 'Reject', value, { style: 'danger' })], 'decision');
}

/**
 * Approve / Reject for a post (card, App Home, digest). When the post fails a compliance check,
 * Approve first asks for a confirmation that names the failed checks.
 */
export function postDecisionButtons(post: Pick<Post, 'id' | 'version' | 'checks'>): ActionsBlock {
  const value = buttonValue(post.id, post.version);
  const failed = failedChecks(post.checks ?? []);
  const named = failed.map((check) => `${CHECK_LABELS[check.rule]} (${check.detail})`).join('; ');
  const confirm = (approving: string) =>
    failed.length
      ? confirmDialog(
          'Approve with failed checks?',
          truncate(`This post fails ${failed.length === 1 ? 'a check' : `${failed.length} checks`}: ${named}. ${approving}`, 300),
          'Approve anyway',
          CANCEL,
        )
      : undefined;
  return actions(
    [
      button(APPROVE_POST, 'Approve', value, { style: 'primary', confirm: confirm('Approve it anyway?') }),
      button(APPROVE_POST_WITH_CORRECTIONS, 'Approve with corrections', value, { confirm: confirm('Approve it with corrections anyway?') }),
      button(REJECT_POST, 'Needs work', value, { style: 'danger' }),
    ],
    'decision',
  );
}

/** The compliance checks of the post's current content, passed and failed, in one line. */
function checksBlocks(post: Pick<Post, 'checks'>): KnownBlock[] {
  if (!post.checks?.length) return [];
  const line = post.checks
    .map((check) => `${check.passed ? ':white_check_mark:' : ':x:'} ${CHECK_LABELS[check.rule]} (${userText(check.detail, 200)})`)
    .join(' · ');
  return [context(clampMrkdwn(line, 2_000))];
}

/** A post's review has three outcomes: approved, approved with corrections (a note), needs work (a reason). */
const VERBS: Record<string, string> = {
  'post.approved_with_corrections': ':white_check_mark: Approved with corrections',
  'post.rejected': ':construction: Needs work — sent back',
  'post.withdrawn': ':leftwards_arrow_with_hook: Withdrawn',
  'post.expired': ':hourglass: Request expired without a decision: closed',
  'campaign.proposal_rejected': ':x: Rejected',
};

/** What a decision looks like once made: who, when (in each reader's time zone), why. */
export function decisionLine(decision: HistoryEntry): string {
  const verb =
    VERBS[decision.action === 'post.approved' && decision.details?.corrections ? 'post.approved_with_corrections' : decision.action] ??
    ':white_check_mark: Approved';
  const reason = decision.reason ? `\n>${userText(decision.reason, 1500).replaceAll('\n', '\n>')}` : '';
  // A quorum's approval names everyone who approved, the last one (the actor) too.
  const approvers = Array.isArray(decision.details?.approvers) ? (decision.details.approvers as string[]) : [decision.actor];
  return `${verb} by ${approvers.map(mention).join(', ')} ${slackDate(decision.at)}${reason}`;
}

/** While a quorum waits: "Approved 1 of 2 — Client ✓ @kim · Legal waiting", and the corrections asked so far. */
function quorumProgressBlocks(campaign: Campaign, post: Post, given: HistoryEntry[]): KnownBlock[] {
  if (campaign.quorum.kind === 'any' || post.status !== 'pending_approval') return [];
  const progress = quorumProgress(
    campaign.quorum,
    given.map((entry) => entry.actor),
  );
  const who =
    campaign.quorum.kind === 'groups'
      ? progress.groups
          .map((group) => `${userText(group.name, 40)} ${group.approvedBy ? `:white_check_mark: ${mention(group.approvedBy)}` : 'waiting'}`)
          .join(' · ')
      : given.length
        ? given.map((entry) => `:white_check_mark: ${mention(entry.actor)}`).join(' · ')
        : 'nobody yet';
  const notes = given.filter((entry) => entry.reason).map((entry) => `>${oneLine(entry.reason!, 300)} (${mention(entry.actor)})`);
  return [context(clampMrkdwn([`:hourglass_flowing_sand: Approved ${progress.approved} of ${progress.needed} — ${who}`, ...notes].join('\n'), 2_000))];
}

export function proposalApprovalMessage(campaign: Campaign, submittedBy: string, decision?: HistoryEntry): SlackMessage {
  const ref = campaignReference(campaign.id);
  const title = userText(campaign.title, 200);
  const summary = `${mention(submittedBy)} published the proposal for *${ref} ${title}* (${userText(campaign.advertiser, 100)}).`;
  const body = `*Objective:* ${userText(campaign.objective, 1000)}\n*Requirements:* ${userText(campaign.postRequirements, 1500)}`;
  return {
    text: `Proposal ${ref} ${title} ${decision ? 'decided' : 'waits for approval'}`,
    blocks: [
      section(summary),
      section(body),
      decision ? section(decisionLine(decision)) : decisionButtons(APPROVE_PROPOSAL, REJECT_PROPOSAL, campaign.id, campaign.version),
      ...(campaign.status === 'proposal_approved' ? [openRecruitmentButton(campaign)] : []),
    ],
  };
}

const DECISIONS = ['post.approved', 'post.rejected', 'post.withdrawn', 'post.expired'];

/**
 * What the post's history says about its current revision: the rejection it answers (from before
 * it was submitted), its last edit, its decision and its final approval (since it was submitted).
 */
function revisionStory(history: HistoryEntry[]) {
  const submitted = history.findLastIndex((entry) => entry.action === 'post.submitted' || entry.action === 'post.resubmitted');
  const before = history.slice(0, Math.max(submitted, 0));
  const since = history.slice(submitted + 1);
  const last = (entries: HistoryEntry[], actions: string[]) => entries.filter((entry) => actions.includes(entry.action)).at(-1);
  return {
    submission: history[submitted],
    /** A quorum's approvals of this revision so far. */
    approvals: since.filter((entry) => entry.action === 'post.approval_given'),
    answers: last(before, ['post.rejected']),
    edited: last(since, ['post.edited']),
    decision: last(since, DECISIONS),
    /** What the approval deadline did to this revision: reminders to approvers, escalations to PICs. */
    nudges: since.filter((entry) => (entry.action === 'post.reminded' && entry.details?.reason === 'approval') || entry.action === 'post.escalated'),
    finalApproval: last(since, ['post.final_approved']),
  };
}

/** While a post waits: Approve / Reject for approvers, Edit / Withdraw for the submitter and the PICs. */
function waitingButtons(post: Post): KnownBlock {
  const value = buttonValue(post.id, post.version);
  const confirm = confirmDialog(
    'Withdraw this draft?',
    'The approvers will no longer be asked to decide it. It cannot be undone; a new draft can be submitted later.',
    'Withdraw',
    'Keep it',
  );
  const withdraw = button(WITHDRAW_POST, 'Withdraw', value, { confirm });
  return actions([...postDecisionButtons(post).elements, button(EDIT_POST, 'Edit', value), withdraw], 'decision');
}

/** The button under a rejection (card and thread reply) that opens the form for the next revision. */
export function reviseButton(post: Post): KnownBlock {
  // The style after the value, as the README's review cards have always shown it.
  return actions([{ ...button(REVISE_POST, 'Submit revision', buttonValue(post.id, post.version)), style: 'primary' }], 'revise');
}

/** Which rejection a revision answers: who rejected the previous revision, when and why. */
export function answersLine(revision: number, rejection: HistoryEntry): string {
  const why = rejection.reason ? `: “${oneLine(rejection.reason, 1500)}”` : '';
  return `:repeat: Revision ${revision} of this post. Revision ${revision - 1} was sent back (needs work) by ${mention(rejection.actor)} ${slackDate(rejection.at)}${why}`;
}

/** The next step once the proposal is approved; only the PICs may take it (the click re-checks). */
export function openRecruitmentButton(campaign: Campaign): KnownBlock {
  return actions([button(OPEN_RECRUITMENT_BUTTON, 'Open recruitment', buttonValue(campaign.id, campaign.version), { style: 'primary' })], 'open_recruitment');
}

/** The post's approval message, as its history tells it: revision, what it answers and what changed, edits, decision, results. */
/** While a post waits: when the deadline decides, and what it has done so far (every automatic step is on the card). */
function deadlineBlocks(campaign: Campaign, post: Post, nudges: HistoryEntry[], decisionDue: Date | undefined): KnownBlock[] {
  const due =
    post.status === 'pending_approval' && decisionDue
      ? [
          `:alarm_clock: Decision due ${slackDate(decisionDue)}; then ${campaign.timing.deadlines.onDeadline === 'approve' ? 'it is approved automatically' : 'the request expires'}`,
        ]
      : [];
  const steps = nudges.map(
    (entry) => `${entry.action === 'post.escalated' ? 'escalated to' : 'reminded'} ${mention(String(entry.details?.to ?? ''))} ${slackDate(entry.at)}`,
  );
  const done = steps.length ? [`:robot_face: The deadline ${steps.slice(0, 10).join(', ')}${steps.length > 10 ? ` and ${steps.length - 10} more` : ''}`] : [];
  return [...due, ...done].map((line) => context(line));
}

export function postApprovalMessage(campaign: Campaign, influencerName: string, post: Post, history: HistoryEntry[] = [], decisionDue?: Date): SlackMessage {
  const ref = campaignReference(campaign.id);
  const story = revisionStory(history);
  const who = `${mention(post.submittedBy)} submitted a draft post for *${userText(influencerName, 100)}* in *${ref} ${userText(campaign.title, 150)}* (revision ${post.revision}, planned ${calendarDate(post.plannedDate)}).`;
  const content = `>${userText(post.content, 2500).replaceAll('\n', '\n>')}`;
  const media = post.mediaUrls.slice(0, 5).map((url) => link(url, userText(url, 80)));
  const more = post.mediaUrls.length > 5 ? ` +${post.mediaUrls.length - 5} more` : '';
  const answers = story.answers && post.revision > 1 ? [context(answersLine(post.revision, story.answers))] : [];
  const decided = story.decision ? [section(decisionLine(story.decision))] : [];
  const buttons = post.status === 'pending_approval' ? [waitingButtons(post)] : post.status === 'rejected' ? [reviseButton(post)] : [];
  return {
    text: `Draft post for ${userText(influencerName, 100)} in ${ref} (revision ${post.revision}) ${story.decision ? 'decided' : 'waits for approval'}`,
    blocks: [
      section(who),
      ...answers,
      section(content),
      ...(media.length ? [context(`Media: ${media.join(' · ')}${more}`)] : []),
      ...revisionChangesBlocks(post, previousContent(story.submission)),
      ...checksBlocks(post),
      ...quorumProgressBlocks(campaign, post, story.approvals),
      ...(story.edited ? [context(`:pencil2: Edited by ${mention(story.edited.actor)} ${slackDate(story.edited.at)}`)] : []),
      ...deadlineBlocks(campaign, post, story.nudges, decisionDue),
      ...decided,
      ...buttons,
      ...resultBlocks(post),
      ...(story.finalApproval ? [context(`:trophy: Final approved by ${mention(story.finalApproval.actor)} ${slackDate(story.finalApproval.at)}`)] : []),
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
  const blocks: KnownBlock[] = [context(`${live}${numbers} · ${POST_STATUS_LABELS[post.status]}`)];
  if (awaitsResults(post))
    blocks.push(actions([button(RECORD_RESULTS_BUTTON, post.metrics ? 'Update results' : 'Record results', String(post.id))], 'results'));
  return blocks;
}

/** The thread reply to the submitter once their post is decided; after a rejection it offers the next revision. */
export function decisionReply(post: Post, decision: HistoryEntry): SlackMessage {
  const verb = decision.action.endsWith('rejected') ? 'sent back (needs work)' : decision.details?.corrections ? 'approved with corrections' : 'approved';
  const expired = decision.action === 'post.expired';
  const text = expired
    ? `${mention(post.submittedBy)} the approval request of your draft post (revision ${post.revision}) expired: ${userText(decision.reason ?? 'nobody decided in time', 200)}.`
    : `${mention(post.submittedBy)} your draft post (revision ${post.revision}) was ${verb} by ${mention(decision.actor)}.`;
  if (post.status !== 'rejected') {
    // The corrections go to the submitter too: what to fix before it goes live.
    const note = decision.details?.corrections && decision.reason ? `\n>${userText(decision.reason, 1500).replaceAll('\n', '\n>')}` : '';
    return { text, blocks: [section(`${text}${note}`)] };
  }
  const next = `${text} ${expired ? 'Submit it again' : 'Revise it'} here: the form opens with the last caption, media and date, and saving asks the approvers again as revision ${post.revision + 1}.`;
  return { text, blocks: [section(next), reviseButton(post)] };
}

const FIELD_NAMES: Record<string, string> = { content: 'caption', mediaUrls: 'media', plannedDate: 'planned date' };

/** Tells the approvers, in the card's thread, that a waiting draft changed and what. */
export function postEditedReply(campaign: Campaign, edit: HistoryEntry): SlackMessage {
  const changed = Object.keys((edit.details?.changed as Record<string, unknown> | undefined) ?? {}).map((field) => FIELD_NAMES[field] ?? field);
  // A mention per approver notifies each of them; past 20 the rest read the thread like everyone else.
  const approvers = campaign.approverIds.slice(0, 20).map(mention).join(' ');
  const text = `${approvers} ${mention(edit.actor)} edited this draft (${changed.join(', ')}) while it waits for your decision: the message above shows the new version.`;
  return { text, blocks: [section(text)] };
}
