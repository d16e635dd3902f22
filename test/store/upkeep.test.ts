import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnvSchema, parseConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { upkeep } from '../../src/store/upkeep.js';
import { SERVER_URL, freshDatabaseUrl, testDatabase } from '../support/database.js';
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
    const rows = await prisma().$queryRaw<Array<{ name: string; rows: number; dead: number; changed: number }>>`
      SELECT s.relname AS "name", c.reltuples::float8 AS "rows", s.n_dead_tup::int AS "dead", s.n_mod_since_analyze::int AS "changed"
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = current_schema()`;
    return new Map(rows.map((row) => [row.name, row]));
  }

  const influencers = (count: number, from: number) =>
    prisma().influencer.createMany({ data: Array.from({ length: count }, (_, i) => ({ name: `Influencer ${from + i}`, country: 'GB', niches: [] })) });

  it('analyzes a table never analyzed (as in a database made before the upkeep), then none until enough of it changed', async () => {
    await prisma().$executeRaw`CREATE TABLE "NeverAnalyzed" ("id" int)`;
    await prisma().$executeRaw`INSERT INTO "NeverAnalyzed" SELECT generate_series(1, 10)`;
    expect((await tables()).get('NeverAnalyzed')?.rows).toBe(-1);
    expect((await upkeep(prisma())).analyzed).toContain('NeverAnalyzed');
    expect([...(await tables()).values()].filter((table) => table.rows < 0)).toEqual([]);
    expect((await tables()).get('NeverAnalyzed')?.rows).toBe(10);
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

  it('analyzes a table that grew since its last analysis though its change count restarted at zero (as at each start)', async () => {
    await prisma().$executeRaw`CREATE TABLE "FilledLastRun" ("id" int, "note" text)`;
    await prisma().$executeRaw`ANALYZE "FilledLastRun"`;
    await prisma().$executeRaw`INSERT INTO "FilledLastRun" SELECT n, repeat('x', 40) FROM generate_series(1, 2000) AS n`;
    await tables();
    // What a restart does to the counters: PGlite keeps them in memory only.
    await prisma().$executeRaw`SELECT pg_stat_reset()`;
    expect((await tables()).get('FilledLastRun')).toMatchObject({ rows: 0, changed: 0 });
    expect((await upkeep(prisma())).analyzed).toContain('FilledLastRun');
    expect((await tables()).get('FilledLastRun')?.rows).toBe(2000);
    await prisma().$executeRaw`INSERT INTO "FilledLastRun" SELECT n, 'y' FROM generate_series(1, 20) AS n`;
    await prisma().$executeRaw`SELECT pg_stat_reset()`;
    expect((await upkeep(prisma())).analyzed).not.toContain('FilledLastRun');
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
  it('analyzes the tables never analyzed within seconds of its start, not a minute later', async () => {
    const database = await freshDatabaseUrl();
    const db = await openDatabase(parseConfig({ DATABASE_URL: database.url }, databaseEnvSchema).DATABASE_URL);
    await db.prisma.$executeRaw`CREATE TABLE "FromAnOlderVersion" ("id" int)`;
    await db.close();
    const harness = await startHarness({}, { everyMinute: true, databaseUrl: database.url });
    const rows = async () =>
      (
        await harness.running.db.prisma.$queryRaw<Array<{ rows: number }>>`
          SELECT reltuples::float8 AS "rows" FROM pg_class WHERE relname = 'FromAnOlderVersion'`
      )[0]?.rows;
    try {
      await expect.poll(rows, { timeout: 10_000 }).toBe(0);
    } finally {
      await harness.stop();
      await database.drop();
    }
  });
});

describe.skipIf(SERVER_URL)('a new data folder', () => {
  it('starts with its tables analyzed: the template built at install was', async () => {
    const database = await freshDatabaseUrl();
    const db = await openDatabase(parseConfig({ DATABASE_URL: database.url }, databaseEnvSchema).DATABASE_URL);
    try {
      const never = await db.prisma.$queryRaw<Array<{ name: string }>>`
        SELECT relname AS "name" FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND reltuples < 0`;
      expect(never).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
