import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { upkeep } from '../../src/store/upkeep.js';
import { SERVER_URL, testDatabase } from '../support/database.js';
import { startHarness } from '../support/harness.js';

// PGlite runs no autovacuum, so the app does its work (src/store/upkeep.ts). A server has its own
// autovacuum, which would change the counts under this test.
describe.skipIf(SERVER_URL)("the embedded database's upkeep, as autovacuum would do it", () => {
  let database: { db: Database; close(): Promise<void> };
  const prisma = () => database.db.prisma;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database?.close());

  /** Statistics reach the views at most once a second unless flushed: this flushes them. */
  async function tables() {
    await prisma().$executeRaw`SELECT pg_stat_force_next_flush()`;
    const rows = await prisma().$queryRaw<Array<{ name: string; rows: number; dead: number }>>`
      SELECT s.relname AS "name", c.reltuples::float8 AS "rows", s.n_dead_tup::int AS "dead"
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = current_schema()`;
    return new Map(rows.map((row) => [row.name, row]));
  }

  const influencers = (count: number, from: number) =>
    prisma().influencer.createMany({ data: Array.from({ length: count }, (_, i) => ({ name: `Influencer ${from + i}`, country: 'GB', niches: [] })) });

  it('analyzes every table that never was, then none until enough of it changed', async () => {
    const before = await tables();
    expect([...before.values()].filter((table) => table.rows < 0).map((table) => table.name)).toContain('Post');
    await tables();
    const first = await upkeep(prisma());
    expect(first.analyzed.sort()).toEqual([...before.keys()].sort());
    expect([...(await tables()).values()].filter((table) => table.rows < 0)).toEqual([]);
    expect(await upkeep(prisma())).toEqual({ analyzed: [], vacuumed: [] });
  });

  it('analyzes a table once more than 50 + 10 % of its rows changed', async () => {
    await influencers(40, 0);
    await tables();
    expect((await upkeep(prisma())).analyzed).not.toContain('Influencer');
    await influencers(20, 40);
    await tables();
    expect((await upkeep(prisma())).analyzed).toContain('Influencer');
    expect((await tables()).get('Influencer')?.rows).toBe(60);
    // 60 rows now: the next analysis waits for 50 + 6 changes.
    await influencers(55, 60);
    await tables();
    expect((await upkeep(prisma())).analyzed).not.toContain('Influencer');
  });

  it('vacuums a table once more than 50 + 20 % of its rows are dead, and so frees them', async () => {
    await prisma().influencer.updateMany({ where: { name: { startsWith: 'Influencer 1' } }, data: { version: { increment: 1 } } });
    const few = await tables();
    expect(few.get('Influencer')?.dead).toBeLessThanOrEqual(50);
    expect((await upkeep(prisma())).vacuumed).not.toContain('Influencer');
    await prisma().influencer.updateMany({ data: { version: { increment: 1 } } });
    expect((await tables()).get('Influencer')?.dead).toBeGreaterThan(50 + 0.2 * 115);
    expect((await upkeep(prisma())).vacuumed).toContain('Influencer');
    expect((await tables()).get('Influencer')?.dead).toBe(0);
  });
});

describe.skipIf(SERVER_URL)('the app on the embedded database', () => {
  it('analyzes its tables right after it starts, not a minute later', async () => {
    const harness = await startHarness({}, { everyMinute: true });
    const neverAnalyzed = () =>
      harness.running.db.prisma.$queryRaw<Array<{ name: string }>>`
        SELECT s.relname AS "name" FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.schemaname = current_schema() AND c.reltuples < 0`;
    try {
      await expect.poll(async () => (await neverAnalyzed()).length, { timeout: 10_000 }).toBe(0);
    } finally {
      await harness.stop();
    }
  });
});
