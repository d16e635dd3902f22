import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseEnvSchema, parseConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { SERVER_URL, freshDatabaseUrl } from '../support/database.js';
import { harnessForTests } from '../support/harness.js';
import { recruitingCampaign } from '../support/factories.js';

const harness = harnessForTests();

describe('/campaign digest', () => {
  it("previews a campaign's digest and the overview ephemerally, and marks nothing sent", async () => {
    const scenario = await recruitingCampaign(harness.running.db.prisma, 'Preview <!channel>');
    const one = (await harness.slack.answer(`digest C-${scenario.id}`)) as { response_type: string; blocks: unknown[] };
    expect(one.response_type).toBe('ephemeral');
    const text = mrkdwnTexts(one).join('\n') + JSON.stringify(one.blocks);
    expect(text).toContain(`C-${scenario.id}`);
    expect(mrkdwnTexts(one).join('\n')).not.toContain('<!channel>');
    expect(blockKitViolations(one as Record<string, unknown>, 'message')).toEqual([]);

    const overview = (await harness.slack.answer('digest')) as { response_type: string; blocks: unknown[] };
    expect(overview.response_type).toBe('ephemeral');
    expect(JSON.stringify(overview.blocks)).toContain(`C-${scenario.id}`);
    expect(await harness.running.db.prisma.digestRun.count()).toBe(0);
  });
});

describe.skipIf(SERVER_URL)('npm run digest -- --dry-run', { timeout: 120_000 }, () => {
  it('prints the digests as text from the configured database, without Slack, and writes nothing', async () => {
    const database = await freshDatabaseUrl();
    try {
      const before = await rowCounts(database.url);
      const { code, output } = await dryRun(database.url);
      expect(code).toBe(0);
      expect(output).toContain('Digest schedule: 09:00 UTC, ISO weekdays 1,2,3,4,5');
      expect(output).toContain('overview (no overview channel set)');
      expect(await rowCounts(database.url)).toEqual(before); // not even the settings row it read
    } finally {
      await database.drop();
    }
  });

  it('refuses a database that has no tables yet, without creating one', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'campaign-desk-dry-run-')), 'data');
    try {
      const { code, output } = await dryRun(`file://${folder}`);
      expect(code).toBe(1);
      expect(output.trim()).toBe('Nothing to show: the database has no tables yet; run npm start or npm run db:migrate first.');
      expect(existsSync(folder)).toBe(false);
    } finally {
      rmSync(dirname(folder), { recursive: true, force: true });
    }
  });

  it('refuses a database with pending migrations, without applying them', async () => {
    const database = await freshDatabaseUrl();
    try {
      await withDatabase(
        database.url,
        (db) => db.prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "migration_name" = (SELECT max("migration_name") FROM "_prisma_migrations")`,
      );
      const before = await rowCounts(database.url);
      const { code, output } = await dryRun(database.url);
      expect(code).toBe(1);
      expect(output.trim()).toBe('Nothing to show: the database has 1 pending migration; run npm start or npm run db:migrate first.');
      expect(await rowCounts(database.url)).toEqual(before);
    } finally {
      await database.drop();
    }
  });
});

async function dryRun(databaseUrl: string): Promise<{ code: number; output: string }> {
  const root = join(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/digest-cli.ts'), '--dry-run'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  return { code: code as number, output };
}

async function withDatabase<T>(databaseUrl: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(parseConfig({ DATABASE_URL: databaseUrl }, databaseEnvSchema).DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Rows in every table, by table. */
function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  return withDatabase(databaseUrl, async (db) => {
    const tables = await db.prisma.$queryRaw<
      Array<{ name: string }>
    >`SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = current_schema()`;
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int AS "count" FROM "${name}"`);
      counts[name] = row!.count;
    }
    return counts;
  });
}
