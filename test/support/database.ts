import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { databaseEnvSchema, parseConfig } from '../../src/config.js';
import { type Database, type Prisma, openDatabase } from '../../src/store/database.js';
import { applyPendingMigrations } from '../../src/store/migrations.js';
import { grantConfiguredAdmins } from '../../src/workflow/admins.js';
import { PEOPLE, T0 } from './factories.js';

/** Set by CI for the PostgreSQL leg; unset, tests use PGlite. */
export const SERVER_URL = process.env.TEST_DATABASE_URL;

/**
 * A DATABASE_URL for one test file: a fresh PGlite folder (a copy of the migrated template made
 * once per run; `empty`: a new in-memory PGlite), or a fresh schema on the PostgreSQL server,
 * so files run in parallel unaware of each other.
 */
export async function freshDatabaseUrl({ empty = false } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  if (!SERVER_URL && empty) return { url: 'memory://', drop: async () => undefined };
  if (!SERVER_URL) {
    const folder = mkdtempSync(join(tmpdir(), 'campaign-desk-test-'));
    cpSync(inject('pgliteTemplate'), folder, { recursive: true });
    return { url: `file://${folder}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE SCHEMA "${schema}"`);
  const url = new URL(SERVER_URL);
  url.searchParams.set('schema', schema);
  return { url: url.toString(), drop: () => onServer(`DROP SCHEMA "${schema}" CASCADE`) };
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated database of its own for one test file (PGlite, or a schema on the PostgreSQL server). */
export async function testDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await freshDatabaseUrl();
  const db = await openDatabase(parseConfig({ DATABASE_URL: database.url }, databaseEnvSchema).DATABASE_URL);
  await applyPendingMigrations(db);
  await grantConfiguredAdmins(db.prisma, [PEOPLE.admin], T0);
  return {
    db,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

/** The database of a file's use-case tests: migrated before them, dropped after them. Read `prisma` inside hooks and tests. */
export function databaseForTests(): { readonly prisma: Prisma } {
  let database: Awaited<ReturnType<typeof testDatabase>> | undefined;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database?.close());
  return {
    get prisma() {
      if (!database) throw new Error('The test database opens before the tests.');
      return database.db.prisma;
    },
  };
}
