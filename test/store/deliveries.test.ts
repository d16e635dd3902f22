import { beforeEach, describe, expect, it } from 'vitest';
import { claimDeliveries, enqueueDeliveries, markDelivered, pruneDeliveries } from '../../src/store/deliveries.js';
import { databaseForTests } from '../support/database.js';

const db = databaseForTests();
beforeEach(() => db.prisma.delivery.deleteMany());

const statuses = async () => (await db.prisma.delivery.findMany({ orderBy: { id: 'asc' } })).map((row) => `${row.key} ${row.status}`);

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

  it('skips a key another worker holds, until its lease ends; a claimed delivery is not claimed again', async () => {
    await enqueueDeliveries(db.prisma, [{ kind: 'home', userId: 'U1' }], 'U1');
    const now = new Date();
    expect(await claimDeliveries(db.prisma, now, { leaseSeconds: 60 })).toHaveLength(1);
    await enqueueDeliveries(db.prisma, [{ kind: 'home', userId: 'U1' }], 'U1');
    expect(await claimDeliveries(db.prisma, now)).toEqual([]);
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
