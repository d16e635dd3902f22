import { type Campaign, campaignReference } from '../domain/brief.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import {
  type Costs,
  type Deliverable,
  type Participant,
  type Stage,
  agreementExpired,
  agreementExpiresAt,
  mayAddParticipants,
  mayEditCosts,
  mayEditDeliverables,
  moveParticipant as decideMove,
  resendAgreement as decideResend,
} from '../domain/participation.js';
import type { Action } from '../domain/roles.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { SYSTEM_ACTOR } from '../domain/history.js';
import { appendHistory, historyOf } from '../store/history.js';
import { findInfluencer } from '../store/influencers.js';
import { findParticipant, hasEffectivePost, insertParticipants, openAgreements, participantsOf, replaceDeliverables, saveParticipant } from '../store/participants.js';
import type { Tx } from '../store/tx.js';
import { type Acting, change, event, ifCurrent, permission } from './change.js';

async function loadWithCampaign(tx: Tx, participantId: number): Promise<Decision<{ participant: Participant; campaign: Campaign }>> {
  const participant = await findParticipant(tx, participantId);
  if (!participant) return refuse('participant-not-found', 'That participant does not exist.');
  const campaign = await findCampaign(tx, participant.campaignId);
  if (!campaign) return refuse('campaign-not-found', 'That campaign does not exist.');
  return allow({ participant, campaign });
}

/** Adds influencers from the directory, with the accounts chosen for the campaign; ones already in it are skipped. */
export async function addParticipants(
  prisma: Prisma,
  campaignId: number,
  entries: Array<{ influencerId: number; accountIds?: number[] }>,
  acting: Acting,
): Promise<Decision<Participant[]>> {
  return change(prisma, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!campaign) return refuse('campaign-not-found', `Campaign ${campaignReference(campaignId)} does not exist.`);
    const refusal = await permission(tx, 'manageParticipants', acting, campaign);
    if (refusal) return refusal;
    const allowed = mayAddParticipants(campaign);
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
    const added = await insertParticipants(tx, campaignId, resolved);
    await appendHistory(tx, added.map((p) => event(acting, 'participant', p.id, 'participant.added', { to: p.stage, details: { campaignId, influencerId: p.influencerId, accountIds: p.accountIds } })));
    return allow(added);
  });
}

/**
 * One change of one participant: load it with its campaign, check the actor's permission and the
 * version they saw, then `work` decides and saves, all in one transaction.
 */
function onParticipant(
  prisma: Prisma,
  participantId: number,
  action: Action,
  acting: Acting,
  seenVersion: number | undefined,
  work: (tx: Tx, participant: Participant, campaign: Campaign) => Promise<Decision<Participant>>,
): Promise<Decision<Participant>> {
  return change(prisma, async (tx) => {
    const loaded = await loadWithCampaign(tx, participantId);
    if (!loaded.ok) return loaded;
    const { participant, campaign } = loaded.value;
    const refusal = (await permission(tx, action, acting, campaign)) ?? (await ifCurrent(tx, 'participant', participant, seenVersion));
    return refusal ?? work(tx, participant, campaign);
  });
}

/** Moves a participant to another stage if the pipeline allows it (agreement stages record their times). */
export function moveParticipant(prisma: Prisma, participantId: number, to: Stage, acting: Acting, seenVersion?: number): Promise<Decision<Participant>> {
  return onParticipant(prisma, participantId, 'manageParticipants', acting, seenVersion, async (tx, participant, campaign) => {
    const decided = decideMove(participant, to, campaign, acting.now);
    if (!decided.ok) return decided;
    const after = await saveParticipant(tx, participant, decided.value);
    await appendHistory(tx, [event(acting, 'participant', participant.id, 'participant.moved', { from: participant.stage, to })]);
    return allow(after);
  });
}

export function resendAgreement(prisma: Prisma, participantId: number, acting: Acting, seenVersion?: number): Promise<Decision<Participant>> {
  return onParticipant(prisma, participantId, 'manageParticipants', acting, seenVersion, async (tx, participant, campaign) => {
    const decided = decideResend(participant, campaign, acting.now);
    if (!decided.ok) return decided;
    const after = await saveParticipant(tx, participant, decided.value);
    await appendHistory(tx, [event(acting, 'participant', participant.id, 'participant.agreement_resent')]);
    return allow(after);
  });
}

export function editDeliverables(prisma: Prisma, participantId: number, deliverables: Deliverable[], acting: Acting, seenVersion?: number): Promise<Decision<Participant>> {
  return onParticipant(prisma, participantId, 'manageParticipants', acting, seenVersion, async (tx, participant, campaign) => {
    const allowed = mayEditDeliverables(participant, campaign);
    if (!allowed.ok) return allowed;
    const after = await replaceDeliverables(tx, participant, deliverables);
    await appendHistory(tx, [event(acting, 'participant', participant.id, 'participant.deliverables_changed', { details: { count: deliverables.length } })]);
    return allow(after);
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
    const before: Costs = { budgetMinor: participant.budgetMinor, influencerCostMinor: participant.influencerCostMinor, shippingCostMinor: participant.shippingCostMinor };
    await appendHistory(tx, [event(acting, 'participant', participant.id, 'participant.costs_changed', { details: { before, after: costs } })]);
    return allow(after);
  });
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
    await appendHistory(prisma, [
      { actor: SYSTEM_ACTOR, at: now, entityType: 'participant', entityId: String(participant.id), action: 'participant.agreement_expired', details: { sentAt: participant.agreementSentAt?.toISOString(), expiredAt: agreementExpiresAt(participant, campaign)?.toISOString() } },
    ]);
    marked.push(participant);
  }
  return marked;
}
