import type { HistoryEntry } from '../domain/history.js';
import type { HistoryEvent as HistoryEventRow } from '../generated/prisma/client.js';
import type { Tx } from './tx.js';

/**
 * Appends history events, returning their IDs in order; the only write to the table (nothing updates
 * or deletes them). One INSERT from arrays, not createManyAndReturn: Prisma compiles that anew on
 * every call (its plans are never cached), in time that grows with the rows.
 */
export async function appendHistory(tx: Tx, entries: HistoryEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const column = <T>(value: (entry: HistoryEntry) => T) => entries.map(value);
  const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO "HistoryEvent" ("actor", "at", "entityType", "entityId", "action", "fromState", "toState", "reason", "details")
    SELECT * FROM unnest(
      ${column((e) => e.actor)}::text[], ${column((e) => e.at.toISOString())}::timestamp(3)[], ${column((e) => e.entityType)}::text[],
      ${column((e) => e.entityId)}::text[], ${column((e) => e.action)}::text[], ${column((e) => e.from ?? null)}::text[],
      ${column((e) => e.to ?? null)}::text[], ${column((e) => e.reason ?? null)}::text[],
      ${column((e) => (e.details === undefined ? null : JSON.stringify(e.details)))}::jsonb[])
    RETURNING "id"`;
  // One statement takes its IDs from the sequence in the order of its rows.
  return rows
    .map((row) => row.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(String);
}

export async function historyEvent(tx: Tx, id: string): Promise<HistoryEntry | undefined> {
  const row = /^\d+$/.test(id) ? await tx.historyEvent.findUnique({ where: { id: BigInt(id) } }) : null;
  return row ? toEntry(row) : undefined;
}

export async function historyOf(tx: Tx, entityType: string, entityId: string): Promise<HistoryEntry[]> {
  return (await historiesOf(tx, entityType, [entityId])).get(entityId) ?? [];
}

/** The histories of several entities of one type, oldest first, in one statement. */
export async function historiesOf(tx: Tx, entityType: string, entityIds: string[]): Promise<Map<string, HistoryEntry[]>> {
  const rows = await tx.historyEvent.findMany({ where: { entityType, entityId: { in: entityIds } }, orderBy: { id: 'asc' } });
  const histories = new Map(entityIds.map((id) => [id, [] as HistoryEntry[]]));
  for (const row of rows) histories.get(row.entityId)?.push(toEntry(row));
  return histories;
}

export async function lastHistoryOf(tx: Tx, entityType: string, entityId: string): Promise<HistoryEntry | undefined> {
  const row = await tx.historyEvent.findFirst({ where: { entityType, entityId }, orderBy: { id: 'desc' } });
  return row ? toEntry(row) : undefined;
}

/** The ID of the entity's latest event with this action, which an Undo names. */
export async function lastHistoryId(tx: Tx, entityType: string, entityId: string, action: string): Promise<string | undefined> {
  const row = await tx.historyEvent.findFirst({ where: { entityType, entityId, action }, orderBy: { id: 'desc' }, select: { id: true } });
  return row ? String(row.id) : undefined;
}

export function toEntry(row: HistoryEventRow): HistoryEntry {
  return {
    actor: row.actor,
    at: row.at,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    from: row.fromState ?? undefined,
    to: row.toState ?? undefined,
    reason: row.reason ?? undefined,
    details: (row.details as Record<string, unknown> | null) ?? undefined,
  };
}

/** The review decisions (approved, needs work) of these posts, oldest first. */
export async function postDecisions(tx: Tx, postIds: number[]): Promise<HistoryEntry[]> {
  if (postIds.length === 0) return [];
  const rows = await tx.historyEvent.findMany({
    where: { entityType: 'post', entityId: { in: postIds.map(String) }, action: { in: ['post.approved', 'post.rejected'] } },
    orderBy: { id: 'asc' },
  });
  return rows.map(toEntry);
}

/** Everything recorded about a campaign: the campaign itself, its participants and their posts. */
export async function campaignHistory(tx: Tx, campaignId: number): Promise<HistoryEntry[]> {
  const participants = await tx.participation.findMany({ where: { campaignId }, select: { id: true, posts: { select: { id: true } } } });
  const rows = await tx.historyEvent.findMany({
    where: {
      OR: [
        { entityType: 'campaign', entityId: String(campaignId) },
        { entityType: 'participant', entityId: { in: participants.map((p) => String(p.id)) } },
        { entityType: 'post', entityId: { in: participants.flatMap((p) => p.posts.map((post) => String(post.id))) } },
      ],
    },
    orderBy: { id: 'asc' },
  });
  return rows.map(toEntry);
}
