// Where each leg of the bench keeps its data: a new embedded data dir, or a new schema on the
// PostgreSQL server (as test/support/database.ts makes them), dropped at the end.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { databaseEnvSchema, parseConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/store/database.js';

export type Kind = 'embedded' | 'postgresql';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

const DEFAULT_SERVER = 'postgresql://postgres@127.0.0.1:5432/test';

/** The PostgreSQL server to use: TEST_DATABASE_URL, or the default one if it answers; undefined otherwise. */
export async function serverUrl(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function freshDatabase(kind: Kind, server?: string): Promise<BenchDatabase> {
  if (kind === 'embedded') {
    const folder = mkdtempSync(join(tmpdir(), 'campaign-desk-bench-'));
    return { url: `file://${folder}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await onServer(server!, `CREATE SCHEMA "${schema}"`);
  const url = new URL(server!);
  url.searchParams.set('schema', schema);
  return { url: url.toString(), drop: () => onServer(server!, `DROP SCHEMA "${schema}" CASCADE`) };
}

/** Opens a database by DATABASE_URL in this process (an embedded one only while no app has it open). */
export function open(url: string): Promise<Database> {
  return openDatabase(parseConfig({ DATABASE_URL: url }, databaseEnvSchema).DATABASE_URL);
}

/** Rows in every table, to tell whether a command wrote anything. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const db = await open(url);
  try {
    const tables = await db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`);
      counts[name] = Number(row!.n);
    }
    return counts;
  } finally {
    await db.close();
  }
}

async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
