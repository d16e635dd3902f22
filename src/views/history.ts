/**
 * History events as sentences people read ("@ana moved *Aiko Tanaka* from Content in review to
 * Posted (post #3 went live)"), for `/campaign history` and the digest. Event codes stay in the
 * database; an action this file does not know yet still reads as words, never as its code.
 */
import { CAMPAIGN_STATUS_LABELS } from '../domain/campaign.js';
import { CHECK_LABELS, CHECK_RULES, type CheckRule } from '../domain/compliance.js';
import type { HistoryEntry, HistoryNames } from '../domain/history.js';
import { STAGE_LABELS } from '../domain/participation.js';
import { POST_STATUS_LABELS } from '../domain/posts.js';
import { money, slackDate } from './format.js';
import { oneLine } from './mrkdwn.js';

/** How the person who acted is named: a mention in answers to one person, a role where mentions would ping. */
export type ActorName = (actor: string) => string;

const LABELS: Record<string, Record<string, string>> = { campaign: CAMPAIGN_STATUS_LABELS, participant: STAGE_LABELS, post: POST_STATUS_LABELS };

/** `end_date`, `endDate`, `post.withdrawn` → "end date", "withdrawn" (escaped: codes are data too). */
export function words(code: string): string {
  return oneLine(
    code
      .replace(/^[a-z]+\./, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replaceAll('_', ' ')
      .toLowerCase(),
    60,
  );
}

/** A status or stage as people read it; anything else (a brief value) quoted. */
function state(entityType: string, value: string): string {
  const labels = LABELS[entityType] ?? {};
  return Object.hasOwn(labels, value) ? labels[value]! : `“${oneLine(value, 80)}”`;
}

/** Brief fields whose code does not read well as words. */
const FIELD_WORDS: Record<string, string> = {
  budgetMinor: 'budget',
  marginBasisPoints: 'margin',
  approverIds: 'approvers',
  salesPicId: 'sales PIC',
  influencerPicId: 'influencer PIC',
  channelId: 'channel',
  agreementWindowDays: 'days to sign an agreement',
  digestMuted: 'digest muting',
  trackingUrl: 'tracking link',
};
const fieldWords = (field: string) => FIELD_WORDS[field] ?? words(field);

const POST_WENT: Record<string, string> = {
  pending_approval: 'waits for approval',
  approved: 'was approved',
  rejected: 'needs work',
  posted: 'went live',
  final_approved: 'was final approved',
};

const COST_WORDS: Record<string, string> = { budgetMinor: 'budget', influencerCostMinor: 'influencer cost', shippingCostMinor: 'shipping cost' };

type Render = (e: { entry: HistoryEntry; who: string; subject: string; names: HistoryNames; details: Record<string, unknown>; name: ActorName }) => string;

const move = (entry: HistoryEntry) =>
  entry.from && entry.to
    ? ` from ${state(entry.entityType, entry.from)} to ${state(entry.entityType, entry.to)}`
    : entry.to
      ? ` to ${state(entry.entityType, entry.to)}`
      : '';

function costChanges(details: Record<string, unknown>, currency: string): string {
  const before = (details.before ?? {}) as Record<string, number>;
  const after = (details.after ?? {}) as Record<string, number>;
  const changed = Object.keys(COST_WORDS).filter((key) => typeof after[key] === 'number' && after[key] !== before[key]);
  return changed
    .map((key) => `${COST_WORDS[key]} ${typeof before[key] === 'number' ? `${money(before[key]!, currency)} → ` : ''}${money(after[key]!, currency)}`)
    .join(', ');
}

function briefChange(entry: HistoryEntry, details: Record<string, unknown>): string {
  if (typeof details.field === 'string') {
    const value = (v: unknown) => (v === undefined || v === null || v === '' ? 'nothing' : `“${oneLine(typeof v === 'string' ? v : JSON.stringify(v), 80)}”`);
    const from = entry.from ?? details.from;
    const to = entry.to ?? details.to;
    return `the ${fieldWords(details.field)}${from !== undefined || to !== undefined ? ` from ${value(from)} to ${value(to)}` : ''}`;
  }
  const changed = Array.isArray(details.changed) ? details.changed.filter((f): f is string => typeof f === 'string') : [];
  return changed.length ? `the brief: ${changed.map(fieldWords).join(', ')}` : 'the brief';
}

const SENTENCES: Record<string, Render> = {
  'campaign.created': ({ who }) => `${who} created the campaign`,
  'campaign.deleted': ({ who }) => `${who} deleted the draft`,
  'campaign.proposal_published': ({ who }) => `${who} published the proposal for approval`,
  'campaign.proposal_request_resent': ({ who }) => `${who} sent the approval request again (Slack had not shown it)`,
  'campaign.proposal_approved': ({ who }) => `${who} approved the proposal`,
  'campaign.proposal_rejected': ({ who }) => `${who} rejected the proposal; it is a draft again`,
  'campaign.recruitment_opened': ({ who }) => `${who} opened recruitment`,
  'campaign.recruitment_closed': ({ who }) => `${who} closed recruitment`,
  'campaign.collaboration_started': ({ who }) => `${who} started collaboration`,
  'campaign.completed': ({ who }) => `${who} completed the campaign`,
  'campaign.archived': ({ who }) => `${who} archived the campaign`,
  'campaign.brief_edited': ({ who, entry, details }) => `${who} changed ${briefChange(entry, details)}`,
  'campaign.stages_configured': ({ who, details }) =>
    `${who} set the optional stages: ${(['invited', 'applications', 'deliverables'] as const).map((s) => `${words(s)} ${details[s] === false ? 'off' : 'on'}`).join(', ')}`,
  'participant.added': ({ who, subject, entry }) =>
    `${who} added ${subject}${entry.to && entry.to !== 'candidate' ? ` at ${state('participant', entry.to)}` : ' as a candidate'}`,
  'participant.added_at_stage': ({ who, subject, entry }) => `${who} added ${subject} straight${move(entry)}`,
  'participant.moved': ({ who, subject, entry, details }) => {
    const post =
      typeof details.postId === 'number' && typeof details.postStatus === 'string'
        ? ` (post #${details.postId} ${POST_WENT[details.postStatus] ?? words(details.postStatus)})`
        : '';
    return `${who} moved ${subject}${move(entry)}${post}`;
  },
  'participant.move_undone': ({ who, subject, entry }) => `${who} undid the move of ${subject}${move(entry)}`,
  'participant.reopened': ({ who, subject, entry }) => `${who} reopened the decision on ${subject}${move(entry)}`,
  'campaign.step_undone': ({ who, entry }) => `${who} undid closing recruitment${move(entry)}`,
  'participant.costs_changed': ({ who, subject, details, names }) => {
    const changes = costChanges(details, names.currency);
    return `${who} changed the money of ${subject}${changes ? `: ${changes}` : ''}`;
  },
  'participant.deliverables_changed': ({ who, subject }) => `${who} changed the deliverables of ${subject}`,
  'participant.agreement_resent': ({ who, subject }) => `${who} sent the agreement to ${subject} again`,
  'participant.agreement_expired': ({ subject }) => `The agreement sent to ${subject} expired unsigned`,
  'post.submitted': ({ who, subject }) => `${who} submitted ${subject} for approval`,
  'post.resubmitted': ({ who, subject, details }) =>
    `${who} submitted ${typeof details.revision === 'number' ? `revision ${details.revision} of ` : 'a revision of '}${subject}`,
  'post.edited': ({ who, subject }) => `${who} edited ${subject} while it waited for approval`,
  'post.withdrawn': ({ who, subject }) => `${who} withdrew ${subject}`,
  'post.rechecked': ({ who, subject, details }) => {
    const failed = Array.isArray(details.failed) ? details.failed.filter((rule): rule is CheckRule => CHECK_RULES.includes(rule)) : [];
    return `${who}'s brief edit checked ${subject} again: ${failed.length ? `fails ${failed.map((rule) => CHECK_LABELS[rule]).join(', ')}` : 'passes every check'}`;
  },
  'post.approved': ({ who, subject, details }) =>
    `${who} approved ${subject}${details.corrections ? ' with corrections' : ''}${details.automatic ? ' (nobody decided before the deadline)' : ''}`,
  'post.approval_given': ({ who, subject, details }) =>
    `${who} approved ${subject}${details.corrections ? ' with corrections' : ''}${typeof details.approved === 'number' && typeof details.needed === 'number' ? ` (${details.approved} of ${details.needed} approvals)` : ''}`,
  'post.rejected': ({ who, subject }) => `${who} sent ${subject} back: it needs work`,
  'post.expired': ({ subject }) => `The approval request of ${subject} expired without a decision; the submitter may submit it again`,
  'post.reminded': ({ subject, details, name }) =>
    `Reminded ${typeof details.to === 'string' ? name(oneLine(details.to, 20)) : 'someone'} about ${subject}${details.reason === 'approval' ? ' (waiting for approval)' : details.reason === 'planned_today' ? ' (planned for today)' : details.reason === 'planned_tomorrow' ? ' (planned for tomorrow)' : ''}`,
  'post.escalated': ({ subject, details, name }) =>
    `Escalated ${subject} to ${typeof details.to === 'string' ? name(oneLine(details.to, 20)) : 'a PIC'}: nobody decided in time`,
  'participant.reminded': ({ subject, details, name }) =>
    `Reminded ${typeof details.to === 'string' ? name(oneLine(details.to, 20)) : 'the PIC'} about ${subject}${details.reason === 'deliverable_due' ? ' (a deliverable due today)' : details.reason === 'agreement_expiring' ? ' (the agreement expires within a day)' : ''}`,
  'post.result_recorded': ({ who, subject }) => `${who} recorded results for ${subject}`,
  'post.final_approved': ({ who, subject }) => `${who} gave final approval to ${subject}`,
  'post.screenshot_linked': ({ who, subject }) => `${who} linked an insights screenshot to ${subject}`,
  'influencer.added': ({ who, details }) =>
    `${who} added ${typeof details.name === 'string' ? `*${oneLine(details.name, 80)}*` : 'an influencer'} to the directory`,
  'influencer.edited': ({ who }) => `${who} edited an influencer in the directory`,
  'admin.granted': ({ who, entry }) => `${who} made ${entry.entityId === 'system' ? 'the app' : `<@${oneLine(entry.entityId, 20)}>`} an admin`,
  'admin.revoked': ({ who, entry }) => `${who} removed ${`<@${oneLine(entry.entityId, 20)}>`} from the admins`,
  'settings.digest_changed': ({ who }) => `${who} changed when and where digests are posted`,
};

/** What an event is about, named: the influencer, their post, or the campaign. */
function subjectOf(entry: HistoryEntry, names: HistoryNames): string {
  const name = (value: string | undefined) => (value === undefined ? undefined : `*${oneLine(value, 80)}*`);
  switch (entry.entityType) {
    case 'participant':
      return name(names.participants.get(entry.entityId)) ?? 'an influencer';
    case 'post': {
      const number = `post #${oneLine(entry.entityId, 20)}`;
      const influencer = name(names.posts.get(entry.entityId));
      return influencer ? `${number} by ${influencer}` : number;
    }
    case 'campaign':
      return 'the campaign';
    default:
      return words(entry.entityType);
  }
}

/** An action nobody taught this file: "<who> recorded “withdrawn” for <subject>", with from → to. */
const generic: Render = ({ who, subject, entry }) => `${who} recorded “${words(entry.action)}” for ${subject}${move(entry)}`;

/** One event as one sentence, with the reason quoted. */
export function historySentence(entry: HistoryEntry, names: HistoryNames, actorName: ActorName): string {
  const details = entry.details ?? {};
  const render = Object.hasOwn(SENTENCES, entry.action) ? SENTENCES[entry.action]! : generic;
  const sentence = render({ entry, who: actorName(entry.actor), subject: subjectOf(entry, names), names, details, name: actorName });
  const reason = entry.reason && !(entry.action === 'participant.moved' && details.postId !== undefined) ? ` — “${oneLine(entry.reason, 200)}”` : '';
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${reason}`;
}

/** A sentence with its time, as history lists and digests show it (each reader in their own zone). */
export function historyLine(entry: HistoryEntry, names: HistoryNames, actorName: ActorName): string {
  return `${slackDate(entry.at, '{date_short} {time}')} ${historySentence(entry, names, actorName)}`;
}

/**
 * Names people by their role in the campaign, for messages posted in a channel: a mention there
 * would notify everyone named in every digest. `/campaign history` names them.
 */
export function roleName(campaign: { salesPicId: string; influencerPicId: string; approverIds: readonly string[] }): ActorName {
  return (actor) => {
    if (actor === 'system') return 'the scheduler';
    if (actor === 'deadline') return 'the deadline';
    if (actor === campaign.salesPicId && actor === campaign.influencerPicId) return 'the PIC';
    if (actor === campaign.salesPicId) return 'the sales PIC';
    if (actor === campaign.influencerPicId) return 'the influencer PIC';
    return campaign.approverIds.includes(actor) ? 'an approver' : 'a team member';
  };
}
