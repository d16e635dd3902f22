import type { Campaign } from '../domain/brief.js';
import { type Decision, type Refusal, refuse } from '../domain/decision.js';
import { type HistoryEntry, SYSTEM_ACTOR } from '../domain/history.js';
import { type Action, permissionRefusal, rolesOf } from '../domain/roles.js';
import { isAdmin } from '../store/admins.js';
import type { Prisma } from '../store/database.js';
import { type CampaignPeople, type Delivery, deliveriesForAll } from '../domain/deliveries.js';
import { campaignPeopleOf, enqueueDeliveries } from '../store/deliveries.js';
import { appendHistory, lastHistoryOf } from '../store/history.js';
import { reminderMessagesOf } from '../store/reminders.js';
import { type Tx, VersionConflict } from '../store/tx.js';

/** Who acts, and when. Use cases take the time from the caller: the domain has no clock. */
export interface Acting {
  userId: string;
  now: Date;
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

/**
 * Runs one change in one short transaction: load, let the domain decide, save state and history.
 * A refusal rolls back whatever the work wrote; a lost race (another change committed first)
 * becomes a refusal that says what happened instead.
 */
export async function change<T>(prisma: Prisma, work: (tx: Tx) => Promise<Decision<T>>): Promise<Decision<T>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const decision = await work(tx);
      if (!decision.ok) throw new Refused(decision);
      return decision;
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (error instanceof VersionConflict) return staleRefusal(prisma, error.entityType, error.entityId);
    throw error;
  }
}

/** "It changed since you saw it", with the change that did it. */
async function staleRefusal(tx: Tx, entityType: string, entityId: string): Promise<Refusal> {
  const since = await lastHistoryOf(tx, entityType, entityId);
  return { ...refuse('stale', 'This changed since you saw it; nothing was done.'), ...(since ? { since } : {}) };
}

/** Refuses when the actor acted on an older version than the one stored (double click, retry, race). */
export async function ifCurrent(
  tx: Tx,
  entityType: string,
  entity: { id: number; version: number },
  seenVersion: number | undefined,
): Promise<Refusal | undefined> {
  if (seenVersion === undefined || seenVersion === entity.version) return undefined;
  return staleRefusal(tx, entityType, String(entity.id));
}

export async function permission(tx: Tx, action: Action, acting: Acting, campaign?: Campaign): Promise<Refusal | undefined> {
  const reason = permissionRefusal(action, rolesOf(acting.userId, campaign, await isAdmin(tx, acting.userId)));
  return reason ? refuse('not-permitted', reason) : undefined;
}

export function event(acting: Acting, entityType: string, entityId: number, action: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { actor: acting.userId, at: acting.now, entityType, entityId: String(entityId), action, ...extra };
}

/**
 * Records a change: its history events and, in the same transaction, what Slack must show because
 * of it (cards, requests, replies, App Homes), which the outbox then delivers until Slack confirms.
 * `extra` is for what events cannot say (a deleted campaign's card); `campaign`, when every event is about it.
 * Answers the events' IDs, which an Undo names.
 */
export async function record(tx: Tx, entries: HistoryEntry[], extra: Delivery[] = [], campaign?: Campaign): Promise<string[]> {
  return recordAll(tx, [{ entries, ...(campaign ? { campaign } : {}) }], extra);
}

/**
 * Records several changes at once (a group of approvals, each by its own approver): one statement
 * for their history, one for their reminders and one per person acting for their deliveries,
 * however many changes there are.
 */
export async function recordAll(tx: Tx, changes: Array<{ entries: HistoryEntry[]; campaign?: Campaign }>, extra: Delivery[] = []): Promise<string[]> {
  const entries = changes.flatMap((one) => one.entries);
  const ids = await appendHistory(tx, entries);
  // A change that loaded its campaign says so (every event is about it): no need to look the people up again.
  const unknown = changes.filter((one) => !one.campaign).flatMap((one) => one.entries);
  const people = unknown.length > 0 ? await campaignPeopleOf(tx, unknown) : undefined;
  // Reminders sent about a post carry its buttons: they follow the post like its card does.
  const reminders = await reminderMessagesOf(tx, 'post', [...new Set(entries.filter((entry) => entry.entityType === 'post').map((entry) => entry.entityId))]);
  // Each approver is told about their own change's deliveries: one statement per person acting.
  const byActor = new Map<string, Delivery[]>();
  let next = 0;
  changes.forEach(({ entries: own, campaign }, index) => {
    const known = campaign && peopleOf(campaign);
    const recorded = own.map((entry) => ({
      entry: { ...entry, id: ids[next++] as string },
      people: known ?? people?.get(`${entry.entityType}:${entry.entityId}`),
    }));
    const followed = reminders
      .filter((reminder) => own.some((entry) => entry.entityType === 'post' && entry.entityId === reminder.entityId))
      .map(({ key }): Delivery => ({ kind: 'reminder', key }));
    const actor = own[0]?.actor ?? SYSTEM_ACTOR;
    byActor.set(actor, [...(byActor.get(actor) ?? []), ...deliveriesForAll(recorded, [...(index === 0 ? extra : []), ...followed])]);
  });
  for (const [actor, deliveries] of byActor) await enqueueDeliveries(tx, deliveries, actor);
  return ids;
}

const peopleOf = (campaign: Campaign): CampaignPeople => ({
  campaignId: campaign.id,
  salesPicId: campaign.salesPicId,
  influencerPicId: campaign.influencerPicId,
  approverIds: campaign.approverIds,
});
