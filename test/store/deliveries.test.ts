import { beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey } from '../../src/domain/deliveries.js';
import { type ClaimedDelivery, claimDeliveries, enqueueDeliveries, markDelivered, pruneDeliveries } from '../../src/store/deliveries.js';
import { databaseForTests } from '../support/database.js';

const db = databaseForTests();
beforeEach(() => db.prisma.delivery.deleteMany());

const statuses = async () => (await db.prisma.delivery.findMany({ orderBy: { id: 'asc' } })).map((row) => `${row.key} ${row.status}`);

describe('writing to the outbox', () => {
  it('writes each delivery with its kind, key, payload as given, actor and status, due now', async () => {
    const before = Date.now();
    const deleted = {
      kind: 'deleted_card' as const,
      campaignId: 3,
      channelId: 'C1',
      ts: '1.2',
      campaign: { title: 'Caf\u00e9 "launch" \u{1F680}', budgetMinor: 10 },
      by: 'U1',
      at: '2026-12-01T00:00:00.000Z',
    };
    await enqueueDeliveries(db.prisma, [{ kind: 'post_reply', postId: 7, eventId: '42' }, deleted], 'U0ACTOR');
    const rows = await db.prisma.delivery.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map(({ kind, key, payload, actor, status, attempts }) => ({ kind, key, payload, actor, status, attempts }))).toEqual([
      { kind: 'post_reply', key: 'post_reply:42', payload: { kind: 'post_reply', postId: 7, eventId: '42' }, actor: 'U0ACTOR', status: 'pending', attempts: 0 },
      { kind: 'deleted_card', key: 'campaign_card:3', payload: deleted, actor: 'U0ACTOR', status: 'pending', attempts: 0 },
    ]);
    for (const row of rows) {
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(row.nextAttemptAt).toEqual(row.createdAt);
    }
  });
});

describe('claiming the outbox', () => {
  it('claims only the newest of several updates of one card, and supersedes the older ones; replies are each claimed', async () => {
    for (let i = 0; i < 3; i++)
      await enqueueDeliveries(
        db.prisma,
        [
          { kind: 'campaign_card', campaignId: 1 },
          { kind: 'proposal_reply', campaignId: 1, eventId: String(i) },
        ],
        'U0SALES',
      );
    const claimed = await claimDeliveries(db.prisma, new Date());
    expect(claimed.map((c) => c.delivery.kind).sort()).toEqual(['campaign_card', 'proposal_reply', 'proposal_reply', 'proposal_reply']);
    expect((await statuses()).filter((s) => s.startsWith('campaign_card'))).toEqual([
      'campaign_card:1 superseded',
      'campaign_card:1 superseded',
      'campaign_card:1 pending',
    ]);
  });

  it('claims messages before the thread replies written with them: after a burst of decisions every card goes first', async () => {
    for (const postId of [1, 2, 3])
      await enqueueDeliveries(
        db.prisma,
        [
          { kind: 'post_request', postId, revision: 1 },
          { kind: 'post_reply', postId, eventId: `decision-${postId}`, revision: 1 },
        ],
        'U0APPROVER',
      );
    const first = await claimDeliveries(db.prisma, new Date(), { limit: 3 });
    expect(first.map((c) => c.delivery)).toEqual([1, 2, 3].map((postId) => ({ kind: 'post_request', postId, revision: 1 })));
    await markDelivered(
      db.prisma,
      first.map((c) => c.id),
      new Date(),
    );
    expect((await claimDeliveries(db.prisma, new Date())).map((c) => c.delivery.kind)).toEqual(['post_reply', 'post_reply', 'post_reply']);
  });

  it("holds a new revision's message back while a reply of an earlier revision is pending: that reply would lose its thread", async () => {
    await enqueueDeliveries(db.prisma, [{ kind: 'post_reply', postId: 7, eventId: 'rejected-r1', revision: 1 }], 'U0APPROVER');
    await enqueueDeliveries(db.prisma, [{ kind: 'post_reply', postId: 8, eventId: 'approved-r1', revision: 1 }], 'U0APPROVER');
    await enqueueDeliveries(db.prisma, [{ kind: 'proposal_reply', campaignId: 4, eventId: 'approved' }], 'U0APPROVER');
    await enqueueDeliveries(
      db.prisma,
      [
        { kind: 'post_request', postId: 7, revision: 2 },
        // Its own revision's message: the reply may be waiting for it to be posted, so it is never held back.
        { kind: 'post_request', postId: 8, revision: 1 },
        { kind: 'proposal_request', campaignId: 4 },
      ],
      'U0MEMBER',
    );
    const keys = (claimed: ClaimedDelivery[]) => claimed.map((c) => deliveryKey(c.delivery));
    const first = await claimDeliveries(db.prisma, new Date());
    expect(keys(first)).toEqual(['post_request:8:1', 'proposal_request:4', 'post_reply:rejected-r1', 'post_reply:approved-r1', 'proposal_reply:approved']);
    expect(await claimDeliveries(db.prisma, new Date())).toEqual([]);
    await markDelivered(
      db.prisma,
      first.map((c) => c.id),
      new Date(),
    );
    expect(keys(await claimDeliveries(db.prisma, new Date()))).toEqual(['post_request:7:2']);
  });

  it('skips a key another worker holds, until its lease ends; a claimed delivery is not claimed again', async () => {
    await enqueueDeliveries(db.prisma, [{ kind: 'home', userId: 'U1' }], 'U1');
    const now = new Date();
    expect(await claimDeliveries(db.prisma, now, { leaseSeconds: 60 })).toHaveLength(1);
    await enqueueDeliveries(db.prisma, [{ kind: 'home', userId: 'U1' }], 'U1');
    // Due, newest of its key, never claimed: only the lease on its key holds it.
    expect(await claimDeliveries(db.prisma, new Date(Date.now() + 1000))).toEqual([]);
    // After the lease (a crashed worker), the newest is claimed and the held one superseded.
    const later = new Date(now.getTime() + 61_000);
    const again = await claimDeliveries(db.prisma, later);
    expect(again).toHaveLength(1);
    expect(await statuses()).toEqual(['home:U1 superseded', 'home:U1 pending']);
  });

  it('prunes delivered rows after a week, and keeps failed ones for admins', async () => {
    await enqueueDeliveries(
      db.prisma,
      [
        { kind: 'home', userId: 'U1' },
        { kind: 'home', userId: 'U2' },
        { kind: 'home', userId: 'U3' },
      ],
      'U1',
    );
    const [old, recent, failed] = await db.prisma.delivery.findMany({ orderBy: { id: 'asc' } });
    const week = 7 * 24 * 3600_000;
    await markDelivered(db.prisma, [old!.id], new Date(Date.now() - week - 1000));
    await markDelivered(db.prisma, [recent!.id], new Date());
    await db.prisma.delivery.update({ where: { id: failed!.id }, data: { status: 'failed', finishedAt: new Date(Date.now() - 2 * week) } });
    expect(await pruneDeliveries(db.prisma, new Date(Date.now() - week))).toBe(1);
    expect(await statuses()).toEqual(['home:U2 delivered', 'home:U3 failed']);
  });
});
