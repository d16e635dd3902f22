// Undo of a reversible change (by who made it, within the window) and an admin's audited reopen.
// The rules are in src/domain/transitions.ts; here they are loaded, saved and recorded.
import type { Campaign } from '../domain/brief.js';
import {
  campaignStepKind,
  type CampaignStepState,
  type Recorded,
  reopenApplicant,
  stageMoveKind,
  undoCampaignStep,
  undoStageMove,
} from '../domain/transitions.js';
import type { CampaignStatus } from '../domain/campaign.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import type { HistoryEntry } from '../domain/history.js';
import type { Participant, ParticipantState, Stage } from '../domain/participation.js';
import { findCampaign, saveCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { historyEvent } from '../store/history.js';
import { findParticipant, saveParticipant } from '../store/participants.js';
import { type Acting, change, event, ifCurrent, permission, record } from './change.js';

type Stored = Record<string, string | null>;

/** Both sides of a reversible change, as its history event stores them (dates as ISO text). */
export function undoSides<S extends object>(before: S, after: S): { before: Stored; after: Stored } {
  const store = (state: S) =>
    Object.fromEntries(Object.entries(state).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : (value as string | null)]));
  return { before: store(before), after: store(after) };
}

const DATE_FIELDS = new Set(['agreementSentAt', 'agreementSignedAt', 'agreementDeclinedAt', 'recruitmentCloseDate']);

function revive<S>(stored: Stored): S {
  return Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, DATE_FIELDS.has(key) && value !== null ? new Date(value) : value])) as S;
}

export function stepSnapshot(campaign: CampaignStepState): CampaignStepState {
  return { status: campaign.status, recruitmentCloseDate: campaign.recruitmentCloseDate };
}

function recordedOf<S>(entry: HistoryEntry, kind: Recorded<S>['kind']): Recorded<S> | undefined {
  const sides = entry.details?.undo as { before: Stored; after: Stored } | undefined;
  if (!sides) return undefined;
  return { actor: entry.actor, at: entry.at, kind, before: revive<S>(sides.before), after: revive<S>(sides.after) };
}

/** What an undo took back, for the confirmation. */
export type Undone =
  | { entity: 'participant'; participant: Participant; from: Stage; to: Stage }
  | { entity: 'campaign'; campaign: Campaign; from: CampaignStatus; to: CampaignStatus };

/** Undoes the change that history event `eventId` recorded, if it is reversible, yours, recent and still current. */
export function undoChange(prisma: Prisma, eventId: string, acting: Acting): Promise<Decision<Undone>> {
  return change(prisma, async (tx): Promise<Decision<Undone>> => {
    const entry = await historyEvent(tx, eventId);
    if (entry?.entityType === 'participant' && entry.action === 'participant.moved') {
      const participant = await findParticipant(tx, Number(entry.entityId));
      const campaign = participant && (await findCampaign(tx, participant.campaignId));
      if (!participant || !campaign) return refuse('participant-not-found', 'That participant no longer exists.');
      const recorded = recordedOf<ParticipantState>(entry, stageMoveKind(entry.from as Stage, entry.to as Stage));
      if (!recorded) return refuse('not-reversible', 'This change cannot be undone.');
      const decided = undoStageMove(recorded, participant, campaign, acting.userId, acting.now);
      if (!decided.ok) return decided;
      const after = await saveParticipant(tx, participant, { ...participant, ...decided.value });
      await record(tx, [
        event(acting, 'participant', participant.id, 'participant.move_undone', { from: participant.stage, to: after.stage, details: { undoes: eventId } }),
      ]);
      return allow({ entity: 'participant', participant: after, from: participant.stage, to: after.stage });
    }
    if (entry?.entityType === 'campaign' && entry.action === 'campaign.recruitment_closed') {
      const campaign = await findCampaign(tx, Number(entry.entityId));
      if (!campaign) return refuse('campaign-not-found', 'That campaign no longer exists.');
      const recorded = recordedOf<CampaignStepState>(entry, campaignStepKind(entry.from as CampaignStatus, entry.to as CampaignStatus));
      if (!recorded) return refuse('not-reversible', 'This change cannot be undone.');
      const decided = undoCampaignStep(recorded, campaign, acting.userId, acting.now);
      if (!decided.ok) return decided;
      const after = await saveCampaign(tx, campaign, { ...campaign, ...decided.value });
      await record(
        tx,
        [event(acting, 'campaign', campaign.id, 'campaign.step_undone', { from: campaign.status, to: after.status, details: { undoes: eventId } })],
        [],
        after,
      );
      return allow({ entity: 'campaign', campaign: after, from: campaign.status, to: after.status });
    }
    return refuse('not-reversible', 'This change cannot be undone.');
  });
}

/** An admin reopens an applicant's decision with a reason: audited, and announced in the campaign channel. */
export function reopenParticipant(prisma: Prisma, participantId: number, reason: string, acting: Acting, seenVersion?: number): Promise<Decision<Participant>> {
  return change(prisma, async (tx) => {
    const participant = await findParticipant(tx, participantId);
    const campaign = participant && (await findCampaign(tx, participant.campaignId));
    if (!participant || !campaign) return refuse('participant-not-found', 'That participant does not exist.');
    const refusal = (await permission(tx, 'reopenDecision', acting, campaign)) ?? (await ifCurrent(tx, 'participant', participant, seenVersion));
    if (refusal) return refusal;
    const decided = reopenApplicant(participant, campaign, reason);
    if (!decided.ok) return decided;
    const after = await saveParticipant(tx, participant, decided.value);
    const reopened = event(acting, 'participant', participant.id, 'participant.reopened', { from: participant.stage, to: after.stage, reason: reason.trim() });
    await record(tx, [reopened], [], campaign);
    return allow(after);
  });
}

/** May this user reopen decisions in this campaign? Checked before the form opens (the reopen re-checks). */
export async function mayReopen(prisma: Prisma, campaign: Campaign, acting: Acting): Promise<Decision<true>> {
  return (await permission(prisma, 'reopenDecision', acting, campaign)) ?? allow(true);
}
