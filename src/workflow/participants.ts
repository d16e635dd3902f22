import { type Campaign, campaignReference } from '../domain/brief.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import {
  type Costs,
  type Deliverable,
  type Participant,
  type Stage,
  agreementExpired,
  agreementExpiresAt,
  deliverableProblem,
  describeDeliverable,
  mayAddParticipants,
  mayEditCosts,
  mayEditDeliverables,
  moveParticipant as decideMove,
  resendAgreement as decideResend,
  startAtStage,
} from '../domain/participation.js';
import type { Action } from '../domain/roles.js';
import { participantSnapshot, stageMoveKind } from '../domain/transitions.js';
import { undoSides } from './undo.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { SYSTEM_ACTOR } from '../domain/history.js';
import { historyOf } from '../store/history.js';
import { findInfluencer } from '../store/influencers.js';
import {
  findParticipant,
  hasEffectivePost,
  insertParticipants,
  openAgreements,
  participantsOf,
  replaceDeliverables,
  saveParticipant,
} from '../store/participants.js';
import type { Tx } from '../store/tx.js';
import { type Acting, change, event, ifCurrent, permission, record } from './change.js';

async function loadWithCampaign(tx: Tx, participantId: number): Promise<Decision<{ participant: Participant; campaign: Campaign }>> {
  const participant = await findParticipant(tx, participantId);
  if (!participant) return refuse('participant-not-found', 'That participant does not exist.');
  const campaign = await findCampaign(tx, participant.campaignId);
  if (!campaign) return refuse('campaign-not-found', 'That campaign does not exist.');
  return allow({ participant, campaign });
}

/** A later stage to start at ("already agreed off-platform") and why, kept in the history. */
export interface StartingStage {
  stage: Stage;
  reason: string;
}

/**
 * Adds influencers from the directory, with the accounts chosen for the campaign; ones already in
 * it are skipped. With `start`, a PIC adds them straight into a later stage.
 */
export async function addParticipants(
  prisma: Prisma,
  campaignId: number,
  entries: Array<{ influencerId: number; accountIds?: number[] }>,
  acting: Acting,
  start?: StartingStage,
): Promise<Decision<Participant[]>> {
  if (start && !start.reason.trim()) return refuse('start-reason-required', 'Say why they start at a later stage (e.g. already agreed off-platform).');
  return change(prisma, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!campaign) return refuse('campaign-not-found', `Campaign ${campaignReference(campaignId)} does not exist.`);
    const refusal = await permission(tx, start ? 'addAtLaterStage' : 'manageParticipants', acting, campaign);
    if (refusal) return refusal;
    const started = start ? startAtStage(start.stage, campaign, acting.now) : undefined;
    const allowed = started ?? mayAddParticipants(campaign);
    if (!allowed.ok) return allowed;
    const resolved: Array<{ influencerId: number; accountIds: number[] }> = [];
    for (const entry of entries) {
      const influencer = await findInfluencer(tx, entry.influencerId);
      if (!influencer) return refuse('influencer-not-found', 'One of the chosen influencers is no longer in the directory.');
      const own = influencer.accounts.map((account) => account.id);
      const accountIds = entry.accountIds ?? influencer.accounts.filter((a) => campaign.platforms.includes(a.platform)).map((a) => a.id);
      if (accountIds.some((id) => !own.includes(id))) return refuse('account-not-owned', `An account chosen for ${influencer.name} belongs to someone else.`);
      if (accountIds.length === 0) return refuse('no-account', `Choose at least one account of ${influencer.name} that will post.`);
      resolved.push({ influencerId: influencer.id, accountIds });
    }
    const added: Participant[] = [];
    for (const participant of await insertParticipants(tx, campaignId, resolved)) {
      added.push(started?.ok ? await saveParticipant(tx, participant, { ...participant, ...started.value }) : participant);
    }
    await record(
      tx,
      added.map((p) =>
        event(acting, 'participant', p.id, 'participant.added', {
          to: p.stage,
          ...(start ? { reason: start.reason.trim() } : {}),
          details: { campaignId, influencerId: p.influencerId, accountIds: p.accountIds },
        }),
      ),
    );
    return allow(added);
  });
}

/**
 * One change of one participant: load it with its campaign, check the actor's permission and the
 * version they saw, then `work` decides and saves, all in one transaction.
 */
function onParticipant<P extends Participant>(
  prisma: Prisma,
  participantId: number,
  action: Action,
  acting: Acting,
  seenVersion: number | undefined,
  work: (tx: Tx, participant: Participant, campaign: Campaign) => Promise<Decision<P>>,
): Promise<Decision<P>> {
  return change(prisma, async (tx) => {
    const loaded = await loadWithCampaign(tx, participantId);
    if (!loaded.ok) return loaded;
    const { participant, campaign } = loaded.value;
    const refusal = (await permission(tx, action, acting, campaign)) ?? (await ifCurrent(tx, 'participant', participant, seenVersion));
    return refusal ?? work(tx, participant, campaign);
  });
}

/** Moves a participant to another stage if the pipeline allows it (agreement stages record their times). */
export function moveParticipant(
  prisma: Prisma,
  participantId: number,
  to: Stage,
  acting: Acting,
  seenVersion?: number,
): Promise<Decision<Participant & { eventId: string }>> {
  return onParticipant(
    prisma,
    participantId,
    'manageParticipants',
    acting,
    seenVersion,
    async (tx, participant, campaign): Promise<Decision<Participant & { eventId: string }>> => {
      const decided = decideMove(participant, to, campaign, acting.now);
      if (!decided.ok) return decided;
      const after = await saveParticipant(tx, participant, decided.value);
      const details =
        stageMoveKind(participant.stage, to) === 'reversible' ? { undo: undoSides(participantSnapshot(participant), participantSnapshot(after)) } : undefined;
      const [eventId] = await record(tx, [
        event(acting, 'participant', participant.id, 'participant.moved', { from: participant.stage, to, ...(details ? { details } : {}) }),
      ]);
      return allow({ ...after, eventId: eventId! });
    },
  );
}

/** A PIC sends an expired or declined agreement again: a new signing window starts now. */
export function resendAgreement(prisma: Prisma, participantId: number, acting: Acting, seenVersion?: number): Promise<Decision<Participant>> {
  return onParticipant(prisma, participantId, 'resendAgreement', acting, seenVersion, async (tx, participant, campaign) => {
    const decided = decideResend(participant, campaign, acting.now);
    if (!decided.ok) return decided;
    const after = await saveParticipant(tx, participant, decided.value);
    const details = { previousSentAt: participant.agreementSentAt?.toISOString(), expiresAt: agreementExpiresAt(after, campaign)?.toISOString() };
    await record(tx, [event(acting, 'participant', participant.id, 'participant.agreement_resent', { from: participant.stage, to: after.stage, details })]);
    return allow(after);
  });
}

/** Replaces the participant's deliverables; the history event lists the lines removed and added. */
export function editDeliverables(
  prisma: Prisma,
  participantId: number,
  deliverables: Deliverable[],
  acting: Acting,
  seenVersion?: number,
): Promise<Decision<Participant>> {
  const problem = deliverables.map(deliverableProblem).find(Boolean);
  if (problem) return Promise.resolve(refuse('invalid-deliverable', problem));
  return onParticipant(prisma, participantId, 'manageParticipants', acting, seenVersion, async (tx, participant, campaign) => {
    const allowed = mayEditDeliverables(participant, campaign);
    if (!allowed.ok) return allowed;
    const before = participant.deliverables.map(describeDeliverable);
    const after = deliverables.map(describeDeliverable);
    const removed = before.filter((line) => !after.includes(line));
    const added = after.filter((line) => !before.includes(line));
    if (removed.length === 0 && added.length === 0) return refuse('deliverables-unchanged', 'Nothing changed: the deliverables are as they were.');
    const saved = await replaceDeliverables(tx, participant, deliverables);
    await record(tx, [event(acting, 'participant', participant.id, 'participant.deliverables_changed', { details: { removed, added } })]);
    return allow(saved);
  });
}

/** Budget and costs stay editable until the participant has a posted post. */
export async function editCosts(prisma: Prisma, participantId: number, costs: Costs, acting: Acting, seenVersion?: number): Promise<Decision<Participant>> {
  if (Object.values(costs).some((amount) => !Number.isSafeInteger(amount) || amount < 0)) {
    return refuse('costs-not-negative', 'Budget and costs are amounts of zero or more.');
  }
  return onParticipant(prisma, participantId, 'editBudgets', acting, seenVersion, async (tx, participant, campaign) => {
    const allowed = mayEditCosts(await hasEffectivePost(tx, participant.id), campaign);
    if (!allowed.ok) return allowed;
    const after = await saveParticipant(tx, participant, { ...participant, ...costs });
    const before: Costs = {
      budgetMinor: participant.budgetMinor,
      influencerCostMinor: participant.influencerCostMinor,
      shippingCostMinor: participant.shippingCostMinor,
    };
    await record(tx, [event(acting, 'participant', participant.id, 'participant.costs_changed', { details: { before, after: costs } })]);
    return allow(after);
  });
}

/** One participant with its campaign, for buttons that act on it; undefined when either is gone. */
export async function participantInCampaign(prisma: Prisma, participantId: number): Promise<{ participant: Participant; campaign: Campaign } | undefined> {
  const loaded = await loadWithCampaign(prisma, participantId);
  return loaded.ok ? loaded.value : undefined;
}

export async function listParticipants(prisma: Prisma, campaignId: number): Promise<Participant[]> {
  return participantsOf(prisma, campaignId);
}

/**
 * Called by the scheduler: records, as `system`, each agreement that passed its signing window,
 * once per sending (a re-sent agreement that expires again is recorded again).
 */
export async function markExpiredAgreements(prisma: Prisma, now: Date): Promise<Participant[]> {
  const marked: Participant[] = [];
  for (const participant of await openAgreements(prisma)) {
    const campaign = await findCampaign(prisma, participant.campaignId);
    if (!campaign || !agreementExpired(participant, campaign, now)) continue;
    const recorded = (await historyOf(prisma, 'participant', String(participant.id))).some(
      (entry) => entry.action === 'participant.agreement_expired' && participant.agreementSentAt !== null && entry.at > participant.agreementSentAt,
    );
    if (recorded) continue;
    await prisma.$transaction((tx) =>
      record(tx, [
        {
          actor: SYSTEM_ACTOR,
          at: now,
          entityType: 'participant',
          entityId: String(participant.id),
          action: 'participant.agreement_expired',
          details: { sentAt: participant.agreementSentAt?.toISOString(), expiredAt: agreementExpiresAt(participant, campaign)?.toISOString() },
        },
      ]),
    );
    marked.push(participant);
  }
  return marked;
}
