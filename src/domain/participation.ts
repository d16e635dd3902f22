import type { Platform } from './brief.js';
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

/** What the participant must post. */
export interface Deliverable {
  platform: Platform;
  description: string;
  quantity: number;
  dueDate: Date;
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
  if (from === 'declined') return refuse('declined-final', 'Declined is final: this influencer cannot collaborate in this campaign.');
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

/** An expired agreement can be sent again while collaboration has not started. */
export function resendAgreement<P extends ParticipantState>(participant: P, campaign: CampaignState, now: Date): Decision<P> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (campaign.collaborationStartedAt) return refuse('group-fixed', 'Collaboration has started: no new agreements.');
  if (participant.stage !== 'agreement_sent') return refuse('no-agreement-to-resend', 'Only a sent, unsigned agreement can be sent again.');
  if (!agreementExpired(participant, campaign, now)) {
    return refuse('agreement-not-expired', 'The agreement is still within its signing window.');
  }
  return allow({ ...participant, agreementSentAt: now });
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

/** New participants join while the campaign is still being prepared or recruiting. */
export function mayAddParticipants(campaign: CampaignState): Decision<true> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (campaign.collaborationStartedAt || campaign.status === 'completed') {
    return refuse('group-fixed', 'Collaboration has started: the group is fixed, so no new participants.');
  }
  if (campaign.status === 'recruitment_closed') return refuse('recruitment-closed', 'Recruitment is closed: no new participants.');
  return allow(true);
}
