// The outbox: what Slack must show, written with the change it reflects, claimed by one worker at a time.
import { type CampaignPeople, type Delivery, REPLY_KINDS, STATE_KINDS, type StuckDelivery, deliveryKey, isReply, showsState } from '../domain/deliveries.js';
import { Prisma as PrismaTypes } from '../generated/prisma/client.js';
import type { Prisma } from './database.js';
import type { Tx } from './tx.js';

export interface ClaimedDelivery {
  id: bigint;
  delivery: Delivery;
  actor: string;
  /** Tries so far, this one included. */
  attempts: number;
  createdAt: Date;
}

/** Deliveries this process has written (rolled back ones included): a request that wrote none has nothing to deliver. */
let writtenHere = 0;

export function deliveriesWrittenHere(): number {
  return writtenHere;
}

const written = (count: number) => {
  writtenHere += count;
};

/**
 * Due at once. Delivery times are the machine's real time, not the app's clock (which tests set):
 * they schedule retries and leases, nothing a person reads.
 */
export async function enqueueDeliveries(tx: Tx, deliveries: Delivery[], actor: string): Promise<void> {
  if (deliveries.length === 0) return;
  const now = new Date();
  written(deliveries.length);
  // Not createMany: Prisma compiles a createMany anew on every call (its plans are never cached), in
  // time that grows with the rows; a burst of approvals spent tens of milliseconds of the main thread on it.
  await tx.$executeRaw`
    INSERT INTO "Delivery" ("kind", "key", "payload", "actor", "createdAt", "nextAttemptAt")
    SELECT d."kind", d."key", d."payload", ${actor}, ${now}, ${now}
    FROM unnest(${deliveries.map((delivery) => delivery.kind)}::text[], ${deliveries.map(deliveryKey)}::text[], ${deliveries.map((delivery) => JSON.stringify(delivery))}::jsonb[]) AS d("kind", "key", "payload")`;
}

/**
 * The campaign each event is about, with its people, keyed "<entityType>:<entityId>" for campaign,
 * participant and post events: at most three queries however many events a change recorded.
 */
export async function campaignPeopleOf(tx: Tx, entities: ReadonlyArray<{ entityType: string; entityId: string }>): Promise<Map<string, CampaignPeople>> {
  const select = { id: true, salesPicId: true, influencerPicId: true, approverIds: true } as const;
  const idsOf = (type: string) => [...new Set(entities.filter((e) => e.entityType === type && /^\d{1,9}$/.test(e.entityId)).map((e) => Number(e.entityId)))];
  const [campaigns, participants, posts] = await Promise.all([
    idsOf('campaign').length ? tx.campaign.findMany({ where: { id: { in: idsOf('campaign') } }, select }) : [],
    idsOf('participant').length ? tx.participation.findMany({ where: { id: { in: idsOf('participant') } }, select: { id: true, campaign: { select } } }) : [],
    idsOf('post').length
      ? tx.post.findMany({ where: { id: { in: idsOf('post') } }, select: { id: true, participation: { select: { campaign: { select } } } } })
      : [],
  ]);
  const people = (campaign: { id: number; salesPicId: string; influencerPicId: string; approverIds: string[] }): CampaignPeople => ({
    campaignId: campaign.id,
    salesPicId: campaign.salesPicId,
    influencerPicId: campaign.influencerPicId,
    approverIds: campaign.approverIds,
  });
  return new Map([
    ...campaigns.map((c) => [`campaign:${c.id}`, people(c)] as const),
    ...participants.map((p) => [`participant:${p.id}`, people(p.campaign)] as const),
    ...posts.map((p) => [`post:${p.id}`, people(p.participation.campaign)] as const),
  ]);
}

/**
 * App Homes are claimed apart from everything else, so a card's update never waits behind the
 * rebuild of several people's App Homes.
 */
export type DeliveryLane = 'homes' | 'messages' | 'all';

/** Claims serialize on this advisory lock (short transactions), so two workers never hold the same key at once. */
const CLAIM_LOCK = 4_260_001;

/**
 * Claims up to `limit` due deliveries for `leaseSeconds` (after a crash they are free again then).
 * Rows are locked FOR UPDATE SKIP LOCKED, and a key another worker holds is skipped, so each delivery
 * is delivered by one worker at a time and a card's updates never overtake each other. Of several
 * pending deliveries that show the state of one thing, only the newest is claimed (it is rendered
 * from the database as it is then), and the older ones are marked superseded.
 *
 * Messages are claimed before thread replies, so after a burst of decisions every card loses its
 * stale buttons first. A new revision's message is not claimed while a reply of an earlier revision
 * is pending (the decision on the old one): that reply would have no thread left.
 */
export async function claimDeliveries(
  prisma: Prisma,
  now: Date,
  { limit = 10, leaseSeconds = 120, lane = 'all' as DeliveryLane } = {},
): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const inLane = lane === 'all' ? PrismaTypes.sql`TRUE` : PrismaTypes.sql`(d."kind" = 'home') = ${lane === 'homes'}`;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`;
    // What decides whether a row may go is read from every pending row in one pass (the window
    // below), not per candidate: correlated subqueries made a claim among 100 pending rows take
    // 21 ms instead of 3.
    //   held: another worker holds the key; newest: of a key's pending rows, the only one a state kind
    //   claims; earliestReply: the earliest revision of a post's pending replies. A post's message
    //   for a later revision than such a reply waits: it replaces the thread, and the reply would
    //   have none left (a reply of its own revision may be waiting for it, so never holds it back).
    const rows = await tx.$queryRaw<Array<{ id: bigint; kind: string; key: string; payload: Delivery; actor: string; attempts: number; createdAt: Date }>>`
      UPDATE "Delivery" SET "claimedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT d."id" FROM "Delivery" d JOIN (
          SELECT p."id",
            bool_or(coalesce(p."claimedUntil" >= ${now}, false)) OVER (PARTITION BY p."key") AS "held",
            max(p."id") OVER (PARTITION BY p."key") AS "newest",
            min((p."payload"->>'revision')::int) FILTER (WHERE p."kind" = 'post_reply') OVER (PARTITION BY p."payload"->'postId') AS "earliestReply"
          FROM "Delivery" p WHERE p."status" = 'pending') w ON w."id" = d."id"
        WHERE d."status" = 'pending' AND d."nextAttemptAt" <= ${now} AND ${inLane} AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ${now})
          AND NOT w."held"
          AND (d."kind" NOT IN (${PrismaTypes.join(STATE_KINDS)}) OR d."id" = w."newest")
          AND NOT coalesce(d."kind" = 'post_request' AND w."earliestReply" < (d."payload"->>'revision')::int, false)
        ORDER BY d."kind" IN (${PrismaTypes.join(REPLY_KINDS)}), d."id" LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)
      RETURNING "id", "kind", "key", "payload", "actor", "attempts", "createdAt"`;
    const replyLast = (row: (typeof rows)[number]) => (isReply(row.kind as Delivery['kind']) ? 1 : 0);
    rows.sort((a, b) => replyLast(a) - replyLast(b) || (a.id < b.id ? -1 : 1));
    // Raw: an updateMany of N `OR`ed keys is compiled anew by Prisma for every new N.
    const covering = rows.filter((claimed) => showsState(claimed.kind as Delivery['kind']));
    if (covering.length > 0) {
      await tx.$executeRaw`
        UPDATE "Delivery" d SET "status" = 'superseded', "finishedAt" = ${now}, "claimedUntil" = NULL
        FROM unnest(${covering.map((row) => row.key)}::text[], ${covering.map((row) => row.id)}::bigint[]) AS newer("key", "id")
        WHERE d."key" = newer."key" AND d."id" < newer."id" AND d."status" = 'pending' AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ${now})`;
    }
    return rows.map((row) => ({ id: row.id, delivery: row.payload, actor: row.actor, attempts: row.attempts, createdAt: row.createdAt }));
  });
}

/**
 * Frees every claim. Only for the embedded database, which one process opens at a time: a claim
 * found at start-up is a crashed run's, and waiting out its lease would only delay its delivery.
 */
export async function releaseClaims(prisma: Prisma): Promise<number> {
  const { count } = await prisma.delivery.updateMany({ where: { status: 'pending', claimedUntil: { not: null } }, data: { claimedUntil: null } });
  return count;
}

export async function markDelivered(tx: Tx, ids: bigint[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.delivery.updateMany({ where: { id: { in: ids } }, data: { status: 'delivered', finishedAt: now, claimedUntil: null, lastError: null } });
}

/** A failed try: again at `retryAt`, or failed for good (listed for admins) when there is none. */
export async function markAttemptFailed(tx: Tx, id: bigint, error: string, now: Date, retryAt: Date | undefined): Promise<void> {
  await tx.delivery.update({
    where: { id },
    data: retryAt
      ? { lastError: error, nextAttemptAt: retryAt, claimedUntil: null }
      : { status: 'failed', lastError: error, finishedAt: now, claimedUntil: null },
  });
}

/** Not ready yet (a reply whose message is not in Slack yet): again at `retryAt`, the try not counted. */
export async function postponeDelivery(tx: Tx, id: bigint, retryAt: Date, why: string): Promise<void> {
  await tx.delivery.update({ where: { id }, data: { attempts: { decrement: 1 }, nextAttemptAt: retryAt, claimedUntil: null, lastError: why } });
}

/** Failed deliveries, and pending ones that failed at least once: what admins see in `/campaign deliveries`. */
export async function stuckDeliveries(tx: Tx, limit: number): Promise<{ rows: StuckDelivery[]; total: number }> {
  const where = { OR: [{ status: 'failed' }, { status: 'pending', lastError: { not: null } }] };
  const [rows, total] = await Promise.all([tx.delivery.findMany({ where, orderBy: { id: 'asc' }, take: limit }), tx.delivery.count({ where })]);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      delivery: row.payload as unknown as Delivery,
      actor: row.actor,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      nextAttemptAt: row.nextAttemptAt,
    })),
    total,
  };
}

/** Every failed or waiting delivery is tried again now, from a fresh count. Returns how many. */
export async function retryStuckDeliveries(tx: Tx, now: Date): Promise<number> {
  const { count } = await tx.delivery.updateMany({
    where: { OR: [{ status: 'failed' }, { status: 'pending', lastError: { not: null } }] },
    data: { status: 'pending', attempts: 0, nextAttemptAt: now, claimedUntil: null, finishedAt: null },
  });
  written(count);
  return count;
}

/** Delivered and superseded deliveries are kept a week (to look into a report), then deleted; failed ones stay until retried. */
export async function pruneDeliveries(prisma: Prisma, finishedBefore: Date): Promise<number> {
  const { count } = await prisma.delivery.deleteMany({ where: { status: { in: ['delivered', 'superseded'] }, finishedAt: { lt: finishedBefore } } });
  return count;
}

/** Whether a delivery of `key` is still to be tried. */
export async function deliveryPending(tx: Tx, key: string): Promise<boolean> {
  return (await tx.delivery.count({ where: { key, status: 'pending' } })) > 0;
}

/** Whether the latest delivery of `key` failed, or failed at least once and waits to retry. */
export async function deliveryFailed(tx: Tx, key: string): Promise<boolean> {
  const latest = await tx.delivery.findFirst({ where: { key }, orderBy: { id: 'desc' }, select: { status: true, lastError: true } });
  return latest?.status === 'failed' || (latest?.status === 'pending' && latest.lastError !== null);
}

/** Failed deliveries that a new one replaces (publishing again re-sends the approval request): no longer listed for admins. */
export async function supersedeFailedDeliveries(tx: Tx, key: string, now: Date): Promise<void> {
  await tx.delivery.updateMany({ where: { key, status: 'failed' }, data: { status: 'superseded', finishedAt: now } });
}
