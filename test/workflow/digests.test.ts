import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackDigestPoster, startScheduler } from '../../src/jobs/scheduler.js';
import { slackClientOptions } from '../../src/slack-client.js';
import type { Database } from '../../src/store/database.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { activeDigests, digestSettings, runDueDigests, updateDigestSettings } from '../../src/workflow/digests.js';
import { SERVER_URL, freshDatabaseUrl, testDatabase } from '../support/database.js';
import { FakeSlack } from '../support/fake-slack.js';
import { startHarness } from '../support/harness.js';
import { collaboratingCampaign, recruitingCampaign, PEOPLE, T0, at, ok } from '../support/factories.js';

let db: Database;
let close: () => Promise<void>;
let fakeSlack: FakeSlack;
beforeAll(async () => {
  ({ db, close } = await testDatabase());
  fakeSlack = await FakeSlack.start();
});
afterAll(async () => {
  await close?.();
  await fakeSlack?.close();
});

// Monday 2026-11-23 09:05 in Tokyo; Tuesday 09:05 a day later.
const MONDAY = new Date('2026-11-23T00:05:00Z');
const TUESDAY = new Date('2026-11-24T00:05:00Z');
const settings = { time: '09:00', timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], overviewChannelId: 'C0OVERVIEW', quietDayMessage: true };
const client = () => new WebClient('xoxb-test-token', slackClientOptions(fakeSlack.apiUrl));
const posts = (channel: string) => fakeSlack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('daily digests', () => {
  it('post once per channel and local day, catch up later that day, and again the next day', async () => {
    ok(await updateDigestSettings(db.prisma, settings, at(PEOPLE.admin)));
    const scenario = await recruitingCampaign(db.prisma, 'Digest once', { channelId: 'C0DIGEST1' });
    const poster = slackDigestPoster(client());

    expect(await runDueDigests(db.prisma, new Date('2026-11-22T23:59:00Z'), poster)).toBeUndefined();
    const first = await runDueDigests(db.prisma, MONDAY, poster);
    expect(first?.sent).toContain(`C0DIGEST1/campaign:${scenario.id}`);
    expect(first?.sent).toContain('C0OVERVIEW/overview');
    // The next minutes' ticks, and a start later the same day, find the claims taken.
    await runDueDigests(db.prisma, new Date(MONDAY.getTime() + 60_000), poster);
    await runDueDigests(db.prisma, new Date('2026-11-23T08:00:00Z'), poster);
    expect(posts('C0DIGEST1')).toHaveLength(1);
    expect(posts('C0OVERVIEW')).toHaveLength(1);

    await runDueDigests(db.prisma, TUESDAY, poster);
    expect(posts('C0DIGEST1')).toHaveLength(2);
  });

  it('skips a muted campaign, isolates a failing channel and lists it in the next overview, and waits out a 429', async () => {
    ok(await updateDigestSettings(db.prisma, settings, at(PEOPLE.admin)));
    const [muted, broken, limited] = [
      await recruitingCampaign(db.prisma, 'Muted'),
      await recruitingCampaign(db.prisma, 'Broken'),
      await recruitingCampaign(db.prisma, 'Limited'),
    ];
    await db.prisma.campaign.update({ where: { id: muted.id }, data: { digestMuted: true, channelId: 'C0MUTED' } });
    await db.prisma.campaign.update({ where: { id: broken.id }, data: { channelId: 'C0GONE' } });
    await db.prisma.campaign.update({ where: { id: limited.id }, data: { channelId: 'C0LIMITED' } });
    fakeSlack.fail('chat.postMessage', { error: 'channel_not_found', channel: 'C0GONE' });
    fakeSlack.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1, times: 1, channel: 'C0LIMITED' });
    const wednesday = new Date('2026-11-25T00:05:00Z');

    const report = await runDueDigests(db.prisma, wednesday, slackDigestPoster(client()));
    expect(report?.failed).toEqual([{ channelId: 'C0GONE', error: 'channel_not_found' }]);
    expect(report?.sent).toContain(`C0LIMITED/campaign:${limited.id}`);
    expect(posts('C0MUTED')).toHaveLength(0);
    expect(posts('C0LIMITED')).toHaveLength(2); // the 429, then the post

    const overview = posts('C0OVERVIEW').at(-1)!;
    expect(JSON.stringify(overview.args)).toContain('C0GONE');
  });

  it.runIf(SERVER_URL)('three app instances on one PostgreSQL firing at the same minute: each channel gets one digest', async () => {
    const database = await freshDatabaseUrl();
    const clock = () => MONDAY;
    const first = await startHarness({ ADMIN_USER_IDS: PEOPLE.admin, DATABASE_URL: database.url }, { now: clock, fakeSlack, databaseUrl: database.url });
    const others = await Promise.all([2, 3].map(() => startHarness({ DATABASE_URL: database.url }, { now: clock, fakeSlack, databaseUrl: database.url })));
    const instances = [first, ...others];
    try {
      const prisma = first.running.db.prisma;
      ok(await updateDigestSettings(prisma, { ...settings, overviewChannelId: 'C0RACEOVERVIEW' }, at(PEOPLE.admin)));
      for (const [i, title] of ['Race A', 'Race B'].entries()) await recruitingCampaign(prisma, title, { channelId: `C0RACE${i}` });
      // Their cards are posted first (by whichever instance claims them): only the digests are counted.
      await first.running.deliver();
      await expect.poll(() => prisma.delivery.count({ where: { status: 'pending' } }), { timeout: 10_000 }).toBe(0);
      const cards = Object.fromEntries(['C0RACE0', 'C0RACE1', 'C0RACEOVERVIEW'].map((channel) => [channel, posts(channel).length]));
      await Promise.all(instances.map((instance) => instance.running.tick()));
      for (const channel of ['C0RACE0', 'C0RACE1', 'C0RACEOVERVIEW']) expect(posts(channel).slice(cards[channel]), channel).toHaveLength(1);
    } finally {
      for (const instance of instances) await instance.stop();
      await database.drop();
    }
  });

  it('within one instance, overlapping runs post each digest once', async () => {
    const scenario = await recruitingCampaign(db.prisma, 'Overlap');
    await db.prisma.campaign.update({ where: { id: scenario.id }, data: { channelId: 'C0OVERLAP' } });
    const thursday = new Date('2026-11-26T00:05:00Z');
    const poster = slackDigestPoster(client());
    await Promise.all([1, 2, 3].map(() => runDueDigests(db.prisma, thursday, poster)));
    expect(posts('C0OVERLAP')).toHaveLength(1);
  });

  it("the scheduler's tick closes due recruitments and posts the due digests, with its own clock", async () => {
    const scenario = await recruitingCampaign(db.prisma, 'Ticked');
    await db.prisma.campaign.update({ where: { id: scenario.id }, data: { channelId: 'C0TICK', recruitmentCloseDate: new Date('2026-11-27T00:00:00Z') } });
    const logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error', setName() {} } as never;
    const scheduler = startScheduler({ prisma: db.prisma, client: client(), logger, now: () => new Date('2026-11-27T00:05:00Z'), deliver: async () => {} });
    try {
      await scheduler.tick();
    } finally {
      await scheduler.stop();
    }
    expect((await db.prisma.campaign.findUnique({ where: { id: scenario.id } }))?.status).toBe('recruitment_closed');
    expect(posts('C0TICK')).toHaveLength(1);
  });

  it('are composed in the same number of SQL statements for 2 campaigns as for 12', async () => {
    const own = await testDatabase();
    try {
      const statements = () =>
        // A client of its own over the same database, logging every statement it sends.
        own.db.withMigrationConnection(async (adapter) => {
          const counting = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
          let count = 0;
          counting.$on('query', () => void (count += 1));
          try {
            const digests = await activeDigests(counting, new Date(T0.getTime() + 60 * 60 * 1000));
            return { campaigns: digests.length, changes: digests.reduce((n, d) => n + d.changes.length, 0), statements: count };
          } finally {
            await counting.$disconnect();
          }
        });
      const seed = async (n: number) => {
        for (let i = 0; i < n; i++) await (i % 2 ? collaboratingCampaign : recruitingCampaign)(own.db.prisma, `Counted ${i}`);
      };
      await seed(2);
      await digestSettings(own.db.prisma); // the first read creates the settings row: not a statement per campaign
      const two = await statements();
      await seed(10);
      const twelve = await statements();
      expect([two.campaigns, twelve.campaigns]).toEqual([2, 12]);
      expect(twelve.changes).toBeGreaterThan(two.changes);
      expect(twelve.statements).toBe(two.statements);
    } finally {
      await own.close();
    }
  });
});
