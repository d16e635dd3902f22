import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by CI for the PostgreSQL leg; unset, tests use in-memory PGlite. */
export const SERVER_URL = process.env.TEST_DATABASE_URL;

/**
 * A DATABASE_URL for one test file: a fresh in-memory PGlite, or a fresh schema on the
 * PostgreSQL server so that files run in parallel without seeing each other's rows.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!SERVER_URL) return { url: 'memory://', drop: async () => undefined };
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
