import type { Campaign } from '../domain/brief.js';
import { type Decision, type Refusal, refuse } from '../domain/decision.js';
import { type HistoryEntry, SYSTEM_ACTOR } from '../domain/history.js';
import { type Action, permissionRefusal, rolesOf } from '../domain/roles.js';
import { isAdmin } from '../store/admins.js';
import type { Prisma } from '../store/database.js';
import { type Delivery, deliveriesForAll } from '../domain/deliveries.js';
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
  const ids = await appendHistory(tx, entries);
  // A change that loaded its campaign says so (every event is about it): no need to look the people up again.
  const people = campaign ? undefined : await campaignPeopleOf(tx, entries);
  const known = campaign && {
    campaignId: campaign.id,
    salesPicId: campaign.salesPicId,
    influencerPicId: campaign.influencerPicId,
    approverIds: campaign.approverIds,
  };
  const recorded = entries.map((entry, index) => ({
    entry: { ...entry, id: ids[index] as string },
    people: known ?? people?.get(`${entry.entityType}:${entry.entityId}`),
  }));
  // Reminders sent about a post carry its buttons: they follow the post like its card does.
  const posts = [...new Set(entries.filter((entry) => entry.entityType === 'post').map((entry) => entry.entityId))];
  const reminders = (await reminderMessagesOf(tx, 'post', posts)).map((key): Delivery => ({ kind: 'reminder', key }));
  await enqueueDeliveries(tx, deliveriesForAll(recorded, [...extra, ...reminders]), entries[0]?.actor ?? SYSTEM_ACTOR);
  return ids;
}
