// What can be taken back, declared per transition: the help, the move modal and the confirmations
// read these tables, and undo and reopen refuse anything they do not allow.
import { type CampaignState, type CampaignStatus, CAMPAIGN_MOVES, READ_ONLY, label } from './campaign.js';
import { type Decision, allow, refuse } from './decision.js';
import { type ParticipantState, STAGE_LABELS, STAGE_MOVES, type Stage, phaseOf } from './participation.js';
import { POST_MOVES, POST_STATUS_LABELS, type PostStatus } from './posts.js';

/**
 * reversible: who did it may Undo within UNDO_WINDOW_MS, restoring exactly the state before;
 * reopenable: an admin may reopen it later, with a reason, announced in the campaign channel;
 * irreversible: neither; its confirmation says so.
 */
export type TransitionKind = 'reversible' | 'reopenable' | 'irreversible';

export const UNDO_WINDOW_MS = 60_000;
export const UNDO_WINDOW_TEXT = `${UNDO_WINDOW_MS / 1000} s`;

export const KIND_LABELS: Record<TransitionKind, string> = {
  reversible: `Reversible: Undo for ${UNDO_WINDOW_TEXT}`,
  reopenable: 'An admin can reopen it, with a reason',
  irreversible: 'Irreversible',
};

/** An applicant's decision: an admin may send it back to Reviewing (the staff override), never to Applied. */
const DECIDED: readonly Stage[] = ['approved', 'rejected'];
const UNDECIDED: readonly Stage[] = ['applied', 'reviewing'];
export const REOPEN_STAGE: Stage = 'reviewing';

/** Every stage move is reversible except an applicant's decision, which an admin can reopen. Start collaboration is irreversible. */
export function stageMoveKind(from: Stage, to: Stage): TransitionKind {
  if (UNDECIDED.includes(from) && DECIDED.includes(to)) return 'reopenable';
  if (to === 'collaborating' && from === 'signed') return 'irreversible';
  if (to === 'not_selected') return 'irreversible';
  return 'reversible';
}

/** Closing recruitment can be undone; every other lifecycle step (publish, decisions, start collaboration, complete, archive) is irreversible. */
export function campaignStepKind(from: CampaignStatus, to: CampaignStatus): TransitionKind {
  return from === 'recruiting' && to === 'recruitment_closed' ? 'reversible' : 'irreversible';
}

/** Post decisions, publication and final approval are irreversible: a post that needs work comes back as a new revision. */
export function postMoveKind(_from: PostStatus, _to: PostStatus): TransitionKind {
  return 'irreversible';
}

/** Every declared transition, for the help and the README. */
export function transitionTable(): Array<{ entity: 'campaign' | 'participant' | 'post'; from: string; to: string; kind: TransitionKind }> {
  const rows: Array<{ entity: 'campaign' | 'participant' | 'post'; from: string; to: string; kind: TransitionKind }> = [];
  for (const [from, tos] of Object.entries(CAMPAIGN_MOVES) as Array<[CampaignStatus, readonly CampaignStatus[]]>) {
    for (const to of tos) rows.push({ entity: 'campaign', from: label(from), to: label(to), kind: campaignStepKind(from, to) });
  }
  for (const [from, tos] of Object.entries(STAGE_MOVES) as Array<[Stage, readonly Stage[]]>) {
    for (const to of tos) rows.push({ entity: 'participant', from: STAGE_LABELS[from], to: STAGE_LABELS[to], kind: stageMoveKind(from, to) });
  }
  // Start collaboration moves participants too: signed ones to Collaborating, the others in play to Not selected.
  rows.push({ entity: 'participant', from: STAGE_LABELS.signed, to: STAGE_LABELS.collaborating, kind: stageMoveKind('signed', 'collaborating') });
  rows.push({ entity: 'participant', from: 'others in play', to: STAGE_LABELS.not_selected, kind: stageMoveKind('candidate', 'not_selected') });
  for (const [from, tos] of Object.entries(POST_MOVES) as Array<[PostStatus, readonly PostStatus[]]>) {
    for (const to of tos) rows.push({ entity: 'post', from: POST_STATUS_LABELS[from], to: POST_STATUS_LABELS[to], kind: postMoveKind(from, to) });
  }
  return rows;
}

/** A recorded transition, as its history event keeps it: who, when, and the states on both sides. */
export interface Recorded<S> {
  actor: string;
  at: Date;
  kind: TransitionKind;
  before: S;
  after: S;
}

const sameState = <S extends object>(a: S, b: S) => JSON.stringify(a) === JSON.stringify(b);

/** The rules every undo shares: reversible, the same person, within the window, and nothing changed since. */
function mayUndo<S extends object>(recorded: Recorded<S>, current: S, userId: string, now: Date): Decision<true> {
  if (recorded.kind !== 'reversible') return refuse('not-reversible', 'This change cannot be undone.');
  if (recorded.actor !== userId) return refuse('undo-own-only', 'Only the person who made this change can undo it.');
  if (sameState(current, recorded.before)) return refuse('already-undone', 'This change was already undone.');
  if (now.getTime() - recorded.at.getTime() > UNDO_WINDOW_MS)
    return refuse('undo-window-passed', `Undo is possible for ${UNDO_WINDOW_TEXT} only; that time has passed.`);
  if (!sameState(current, recorded.after)) return refuse('undo-changed-since', 'It changed again since, so it was not undone.');
  return allow(true);
}

/** The participant fields a stage move sets, which its undo restores. */
export function participantSnapshot(p: ParticipantState): ParticipantState {
  return { stage: p.stage, agreementSentAt: p.agreementSentAt, agreementSignedAt: p.agreementSignedAt, agreementDeclinedAt: p.agreementDeclinedAt };
}

/** Undoes a stage move: the participant is exactly as before it, unless the campaign has since fixed the group or been archived. */
export function undoStageMove(
  recorded: Recorded<ParticipantState>,
  current: ParticipantState,
  campaign: CampaignState,
  userId: string,
  now: Date,
): Decision<ParticipantState> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  const may = mayUndo(recorded, participantSnapshot(current), userId, now);
  if (!may.ok) return may;
  if (campaign.collaborationStartedAt && phaseOf(recorded.before.stage) !== 'collaboration') {
    return refuse('group-fixed', 'Collaboration has started: the group is fixed, so this move cannot be undone.');
  }
  return allow(recorded.before);
}

/** The campaign fields a reversible step sets (close recruitment), which its undo restores. */
export interface CampaignStepState {
  status: CampaignStatus;
  recruitmentCloseDate: Date | null;
}

export function undoCampaignStep(recorded: Recorded<CampaignStepState>, current: CampaignStepState, userId: string, now: Date): Decision<CampaignStepState> {
  if (current.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  const may = mayUndo(recorded, { status: current.status, recruitmentCloseDate: current.recruitmentCloseDate }, userId, now);
  return may.ok ? allow(recorded.before) : may;
}

/**
 * An admin reopens an applicant's decision: Approved or Rejected back to Reviewing, before
 * collaboration starts. Never to Applied, and only where applications are reviewed.
 */
export function reopenApplicant<P extends ParticipantState>(participant: P, campaign: CampaignState, reason: string): Decision<P> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (!reason.trim()) return refuse('reopen-needs-reason', 'Say why it is reopened; the reason is kept in the history and shown in the channel.');
  if (!DECIDED.includes(participant.stage)) {
    return refuse('not-reopenable', `Only an Approved or Rejected applicant can be reopened; this one is ${STAGE_LABELS[participant.stage]}.`);
  }
  if (campaign.collaborationStartedAt) return refuse('group-fixed', 'Collaboration has started: the group is fixed, so nothing is reopened.');
  if (!campaign.optionalStages.applications) return refuse('stage-switched-off', `The ${STAGE_LABELS[REOPEN_STAGE]} stage is switched off for this campaign.`);
  return allow({ ...participant, stage: REOPEN_STAGE });
}
