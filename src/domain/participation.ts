import { PLATFORM_LABELS, type Platform } from './brief.js';
import { type CampaignState, READ_ONLY } from './campaign.js';
import { type Decision, allow, refuse } from './decision.js';

/** Every stage of the participant pipeline, in workflow order (the order decides forward/back). */
export const STAGES = [
  'candidate',
  'invited',
  'applied',
  'reviewing',
  'approved',
  'rejected',
  'deliverables',
  'agreement_sent',
  'signed',
  'declined',
  'collaborating',
  'content_in_review',
  'posted',
  'completed',
  'not_selected',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  candidate: 'Candidate',
  invited: 'Invited',
  applied: 'Applied',
  reviewing: 'Reviewing',
  approved: 'Approved',
  rejected: 'Rejected',
  deliverables: 'Deliverables',
  agreement_sent: 'Agreement sent',
  signed: 'Signed',
  declined: 'Declined',
  collaborating: 'Collaborating',
  content_in_review: 'Content in review',
  posted: 'Posted',
  completed: 'Completed',
  not_selected: 'Not selected',
};

export type Phase = 'candidates' | 'agreement' | 'collaboration' | 'closed';

export const PHASES: Record<Phase, readonly Stage[]> = {
  candidates: ['candidate', 'invited', 'applied', 'reviewing', 'approved', 'rejected', 'deliverables'],
  agreement: ['agreement_sent', 'signed', 'declined'],
  collaboration: ['collaborating', 'content_in_review', 'posted', 'completed'],
  closed: ['not_selected'],
};

export function phaseOf(stage: Stage): Phase {
  return (Object.keys(PHASES) as Phase[]).find((phase) => PHASES[phase].includes(stage)) ?? 'closed';
}

/**
 * The moves the pipeline allows when every optional stage is on. Applied ⇄ Reviewing and
 * Approved ⇄ Rejected move freely; nothing leads from Approved/Rejected back to Applied/Reviewing.
 * Deliverables ← Agreement sent moves a participant back into the Candidates phase.
 * Collaborating is entered only through start collaboration, never by a move.
 */
export const STAGE_MOVES: Record<Stage, readonly Stage[]> = {
  candidate: ['invited'],
  invited: ['applied', 'candidate'],
  applied: ['reviewing', 'approved', 'rejected'],
  reviewing: ['applied', 'approved', 'rejected'],
  approved: ['rejected', 'deliverables'],
  rejected: ['approved'],
  deliverables: ['agreement_sent', 'approved'],
  agreement_sent: ['signed', 'declined', 'deliverables'],
  signed: [],
  declined: [],
  collaborating: ['content_in_review'],
  content_in_review: ['collaborating', 'posted'],
  posted: ['completed'],
  completed: [],
  not_selected: [],
};

/** Where a move into a switched-off stage lands instead, by direction. */
const SKIPPED_TO: Partial<Record<Stage, { forward: readonly Stage[]; back: readonly Stage[] }>> = {
  invited: { forward: ['applied'], back: ['candidate'] },
  applied: { forward: ['approved', 'rejected'], back: ['invited'] },
  reviewing: { forward: ['approved', 'rejected'], back: ['invited'] },
  deliverables: { forward: ['agreement_sent'], back: ['approved'] },
};

const OPTIONAL: Partial<Record<Stage, keyof CampaignState['optionalStages']>> = {
  invited: 'invited',
  applied: 'applications',
  reviewing: 'applications',
  deliverables: 'deliverables',
};

function isSwitchedOff(stage: Stage, campaign: Pick<CampaignState, 'optionalStages'>): boolean {
  const option = OPTIONAL[stage];
  return option !== undefined && !campaign.optionalStages[option];
}

const order = (stage: Stage) => STAGES.indexOf(stage);

/** The stages a participant may move to from `from`, skipping the stages the campaign switched off. */
export function nextStages(from: Stage, campaign: Pick<CampaignState, 'optionalStages'>): Stage[] {
  const land = (target: Stage, seen: Set<Stage>): Stage[] => {
    if (!isSwitchedOff(target, campaign)) return [target];
    if (seen.has(target)) return [];
    seen.add(target);
    const skip = SKIPPED_TO[target];
    const direction = order(target) > order(from) ? 'forward' : 'back';
    return (skip?.[direction] ?? []).flatMap((next) => land(next, seen));
  };
  const targets = STAGE_MOVES[from].flatMap((target) => land(target, new Set()));
  return [...new Set(targets)].filter((stage) => stage !== from).sort((a, b) => order(a) - order(b));
}

export interface ParticipantState {
  stage: Stage;
  agreementSentAt: Date | null;
  agreementSignedAt: Date | null;
  agreementDeclinedAt: Date | null;
}

/** Where every participant starts. */
export const NEW_PARTICIPANT: ParticipantState = { stage: 'candidate', agreementSentAt: null, agreementSignedAt: null, agreementDeclinedAt: null };

/** The kinds of content a deliverable asks for, in the order forms offer them. */
export const CONTENT_KINDS = ['post', 'reel', 'story', 'video', 'short', 'live', 'other'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  post: 'Feed post',
  reel: 'Reel',
  story: 'Story',
  video: 'Video',
  short: 'Short video',
  live: 'Live stream',
  other: 'Other',
};

/** What the participant must post: how many of which kind, on which platform, by which day. */
export interface Deliverable {
  platform: Platform;
  kind: ContentKind;
  quantity: number;
  /** A calendar day, stored as midnight UTC. */
  dueDate: Date;
  notes: string;
}

export interface Costs {
  budgetMinor: number;
  influencerCostMinor: number;
  shippingCostMinor: number;
}

export interface Participant extends ParticipantState, Costs {
  id: number;
  campaignId: number;
  influencerId: number;
  influencerName: string;
  /** The social accounts chosen for this campaign. */
  accountIds: number[];
  deliverables: Deliverable[];
  version: number;
}

export function agreementExpiresAt(participant: ParticipantState, campaign: Pick<CampaignState, 'agreementWindowDays'>): Date | null {
  if (!participant.agreementSentAt) return null;
  return new Date(participant.agreementSentAt.getTime() + campaign.agreementWindowDays * 24 * 60 * 60 * 1000);
}

/** An agreement sent and not signed or declined within the campaign's signing window. */
export function agreementExpired(participant: ParticipantState, campaign: Pick<CampaignState, 'agreementWindowDays'>, now: Date): boolean {
  const expiresAt = agreementExpiresAt(participant, campaign);
  return participant.stage === 'agreement_sent' && expiresAt !== null && now.getTime() > expiresAt.getTime();
}

const APPLICATION_STAGES: readonly Stage[] = ['applied', 'reviewing'];
const DECIDED_STAGES: readonly Stage[] = ['approved', 'rejected'];

/** May the participant move to `to`? The reason names the rule when it may not. */
export function moveParticipant<P extends ParticipantState>(participant: P, to: Stage, campaign: CampaignState, now: Date): Decision<P> {
  const from = participant.stage;
  const name = (stage: Stage) => STAGE_LABELS[stage];
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (from === to) return refuse('same-stage', `The participant is already in ${name(to)}.`);
  if (from === 'declined')
    return refuse(
      'declined-final',
      'A declined participant does not move; a PIC can send the agreement again (`/campaign resend`) until collaboration starts.',
    );
  if (from === 'not_selected') return refuse('not-selected-final', 'Not selected is final: collaboration started without this influencer.');
  if (DECIDED_STAGES.includes(from) && APPLICATION_STAGES.includes(to)) {
    return refuse('no-return-to-applied', `${name(from)} applicants cannot return to ${name(to)}.`);
  }
  if (isSwitchedOff(to, campaign)) return refuse('stage-switched-off', `The ${name(to)} stage is switched off for this campaign.`);
  if (to === 'collaborating' && phaseOf(from) !== 'collaboration') {
    return refuse('collaboration-by-start-only', 'Participants become Collaborating only when collaboration starts, with a signed agreement.');
  }
  const toPhase = phaseOf(to);
  if (campaign.collaborationStartedAt && (toPhase === 'candidates' || toPhase === 'agreement')) {
    return refuse('group-fixed', 'Collaboration has started: the group is fixed, so no new invitations or agreements.');
  }
  const newApplication = to === 'invited' || (to === 'applied' && order(from) < order('applied'));
  if (newApplication && campaign.status !== 'recruiting') {
    return refuse('invite-while-recruiting', 'Invitations and applications happen only while the campaign is recruiting.');
  }
  if (toPhase === 'agreement' && campaign.status !== 'recruiting' && campaign.status !== 'recruitment_closed') {
    return refuse('agreements-before-collaboration', 'Agreements are handled while recruiting or after recruitment closes, before collaboration starts.');
  }
  if (to === 'signed' && agreementExpired(participant, campaign, now)) {
    return refuse('agreement-expired', 'The agreement expired before it was signed; send it again first.');
  }
  const allowed = nextStages(from, campaign);
  if (!allowed.includes(to)) {
    const options = allowed.length
      ? `From ${name(from)} the participant can move to: ${allowed.map(name).join(', ')}.`
      : from === 'signed'
        ? 'A signed participant becomes Collaborating when collaboration starts.'
        : `${name(from)} is an end stage.`;
    return refuse('stage-move-not-allowed', `A participant cannot move from ${name(from)} to ${name(to)}. ${options}`);
  }
  return allow({
    ...participant,
    stage: to,
    agreementSentAt: to === 'agreement_sent' ? now : participant.agreementSentAt,
    agreementSignedAt: to === 'signed' ? now : participant.agreementSignedAt,
    agreementDeclinedAt: to === 'declined' ? now : participant.agreementDeclinedAt,
  });
}

/**
 * A PIC sends an agreement again after it expired or was declined, until collaboration starts:
 * the participant is (back) in Agreement sent with a new sending time, so a new signing window.
 */
export function resendAgreement<P extends ParticipantState>(participant: P, campaign: CampaignState, now: Date): Decision<P> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (campaign.collaborationStartedAt) return refuse('group-fixed', 'Collaboration has started: no new agreements.');
  if (participant.stage !== 'agreement_sent' && participant.stage !== 'declined') {
    return refuse('no-agreement-to-resend', 'Only an expired or declined agreement can be sent again.');
  }
  if (participant.stage === 'agreement_sent' && !agreementExpired(participant, campaign, now)) {
    return refuse('agreement-not-expired', 'The agreement is still within its signing window; it can be sent again once it expires or is declined.');
  }
  if (campaign.status !== 'recruiting' && campaign.status !== 'recruitment_closed') {
    return refuse('agreements-before-collaboration', 'Agreements are handled while recruiting or after recruitment closes, before collaboration starts.');
  }
  return allow({ ...participant, stage: 'agreement_sent', agreementSentAt: now, agreementDeclinedAt: null });
}

/**
 * Start collaboration fixes the group: signed participants become Collaborating, every other
 * participant still in play becomes Not selected. Declined stays Declined.
 */
export function stageAtCollaborationStart(stage: Stage): Stage {
  if (stage === 'signed') return 'collaborating';
  if (stage === 'declined' || phaseOf(stage) === 'collaboration') return stage;
  return 'not_selected';
}

export function mayEditDeliverables(participant: ParticipantState, campaign: CampaignState): Decision<true> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (phaseOf(participant.stage) !== 'candidates') {
    return refuse('deliverables-candidates-only', 'Deliverables can be edited only in the Candidates phase; move the participant back to edit them.');
  }
  return allow(true);
}

export function mayEditCosts(hasEffectivePost: boolean, campaign: CampaignState): Decision<true> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (hasEffectivePost) return refuse('costs-locked-after-post', 'Budget and costs are locked once the participant has a posted post.');
  return allow(true);
}

/** The stages a known influencer may join at directly ("already agreed off-platform"). */
export const LATER_START_STAGES = ['approved', 'deliverables', 'agreement_sent', 'signed'] as const satisfies readonly Stage[];
export type LaterStartStage = (typeof LATER_START_STAGES)[number];

/**
 * A PIC adds an influencer straight into a later stage, with a reason, while recruiting or after
 * recruitment closes and before collaboration starts. Agreement stages record their times.
 */
export function startAtStage(stage: Stage, campaign: CampaignState, now: Date): Decision<ParticipantState> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (campaign.collaborationStartedAt || campaign.status === 'completed') {
    return refuse('group-fixed', 'Collaboration has started: the group is fixed, so no new participants.');
  }
  if (!(LATER_START_STAGES as readonly Stage[]).includes(stage)) {
    return refuse('start-stage-not-allowed', `A participant can start only as a Candidate or at ${LATER_START_STAGES.map((s) => STAGE_LABELS[s]).join(', ')}.`);
  }
  if (campaign.status !== 'recruiting' && campaign.status !== 'recruitment_closed') {
    return refuse(
      'later-start-while-recruiting',
      'Influencers join at a later stage only while recruiting or after recruitment closes: open recruitment first.',
    );
  }
  if (isSwitchedOff(stage, campaign)) return refuse('stage-switched-off', `The ${STAGE_LABELS[stage]} stage is switched off for this campaign.`);
  const sent = stage === 'agreement_sent' || stage === 'signed';
  return allow({ ...NEW_PARTICIPANT, stage, agreementSentAt: sent ? now : null, agreementSignedAt: stage === 'signed' ? now : null });
}

/** New participants join while the campaign is still being prepared or recruiting. */
export function mayAddParticipants(campaign: CampaignState): Decision<true> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (campaign.collaborationStartedAt || campaign.status === 'completed') {
    return refuse('group-fixed', 'Collaboration has started: the group is fixed, so no new participants.');
  }
  if (campaign.status === 'recruitment_closed') return refuse('recruitment-closed', 'Recruitment is closed: no new participants.');
  return allow(true);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A deliverable is late when its due day has passed (in UTC) and the participant, in the
 * Collaboration phase, has fewer posted posts than its deliverables due by that day ask for.
 * Which post covers which deliverable is not tracked: posted posts are counted against the
 * deliverables in due-date order.
 */
export function lateDeliverables(participant: Pick<Participant, 'stage' | 'deliverables'>, postedPosts: number, now: Date): Deliverable[] {
  const today = Math.floor(now.getTime() / DAY_MS);
  return uncoveredDeliverables(participant, postedPosts).filter((deliverable) => Math.floor(deliverable.dueDate.getTime() / DAY_MS) < today);
}

/** While collaborating: the deliverables, in due order, that the posted posts do not cover yet (each counts every one due before it). */
export function uncoveredDeliverables(participant: Pick<Participant, 'stage' | 'deliverables'>, postedPosts: number): Deliverable[] {
  if (phaseOf(participant.stage) !== 'collaboration') return [];
  let due = 0;
  return [...participant.deliverables]
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime())
    .filter((deliverable) => {
      due += deliverable.quantity;
      return postedPosts < due;
    });
}

/** "2 × Instagram Reel, due 2026-12-10 (notes)": how history and lists name a deliverable. */
export function describeDeliverable(d: Deliverable): string {
  const notes = d.notes.trim() ? ` (${d.notes.trim()})` : '';
  return `${d.quantity} × ${PLATFORM_LABELS[d.platform]} ${CONTENT_KIND_LABELS[d.kind]}, due ${d.dueDate.toISOString().slice(0, 10)}${notes}`;
}

/** A participant whose deliverables or agreement someone should look at: agreeing what to post, or an agreement out. */
export function needsFollowUp(participant: Pick<Participant, 'stage' | 'deliverables'>): boolean {
  return participant.deliverables.length > 0 || ['deliverables', 'agreement_sent', 'declined'].includes(participant.stage);
}

export const MAX_DELIVERABLE_QUANTITY = 100;
export const MAX_DELIVERABLE_NOTES = 500;

/** Why a deliverable cannot be saved, or undefined when it can. */
export function deliverableProblem(deliverable: Deliverable): string | undefined {
  const { quantity, notes, kind, dueDate } = deliverable;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_DELIVERABLE_QUANTITY)
    return `How many is a whole number from 1 to ${MAX_DELIVERABLE_QUANTITY}.`;
  if (!(CONTENT_KINDS as readonly string[]).includes(kind)) return 'Choose a kind of content.';
  if (Number.isNaN(dueDate.getTime())) return 'Choose a due date.';
  if (notes.length > MAX_DELIVERABLE_NOTES) return `Notes are at most ${MAX_DELIVERABLE_NOTES} characters.`;
  return undefined;
}
