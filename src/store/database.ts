import { mkdirSync } from 'node:fs';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { ConfigError, type DatabaseLocation } from '../config.js';
import { seedDataDir } from './data-dir.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { startPGliteThread } from './pglite-thread.js';

export type Prisma = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  location: DatabaseLocation;
  /** Runs `fn` with a driver adapter on a connection of its own, for the schema engine. */
  withMigrationConnection<T>(fn: (adapterFactory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens the database, or throws one ConfigError line saying which database failed, why, and what to check. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  try {
    return location.kind === 'server' ? await openServer(location) : await openEmbedded(location);
  } catch (error) {
    throw new ConfigError(`Cannot open the database: ${explain(location, reasonOf(error))}`);
  }
}

function explain(location: DatabaseLocation, reason: string): string {
  if (location.kind === 'server') {
    const shown = new URL(location.url);
    if (shown.password) shown.password = '***';
    return `the PostgreSQL server in DATABASE_URL (${shown.toString()}) did not accept a connection: ${reason}. Check that it runs and is reachable from here, and DATABASE_URL's user, password and database name.`;
  }
  const where = location.kind === 'embedded' ? `in ${location.dataDir}` : 'in memory';
  return `the embedded database ${where} could not be opened: ${reason}. Check that DATABASE_URL names a folder this process can write.`;
}

function reasonOf(error: unknown): string {
  const failure = error as { message?: string; code?: string; errors?: unknown[] };
  // Several addresses refused (IPv4 and IPv6): an AggregateError without a message.
  return failure.message || failure.code || String(failure.errors?.[0] ?? error);
}

// A burst of changes queues for a connection (PGlite has one, the server pool ten). Each waits its
// turn instead of failing after Prisma's default 2 s: Slack already has its ack, the change must land.
const TRANSACTIONS = { maxWait: 30_000, timeout: 15_000 };

async function openEmbedded(location: Extract<DatabaseLocation, { kind: 'embedded' | 'memory' }>): Promise<Database> {
  if (location.kind === 'embedded') await seedDataDir(location.dataDir);
  if (location.kind === 'embedded') mkdirSync(location.dataDir, { recursive: true });
  // On a thread of its own: PGlite's statements run synchronously and would hold up every request.
  const thread = await startPGliteThread(location.kind === 'embedded' ? location.dataDir : 'memory://');
  const { adapterFactory } = thread;
  const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions: TRANSACTIONS });
  return {
    prisma,
    location,
    // PGlite is one connection inside this process: only one app instance can open the folder.
    withMigrationConnection: (fn) => fn(adapterFactory),
    isReachable: () => answers(prisma),
    async close() {
      await prisma.$disconnect();
      await thread.close();
    },
  };
}

async function openServer(location: Extract<DatabaseLocation, { kind: 'server' }>): Promise<Database> {
  // Loaded only for a server: the embedded database starts without them.
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  await connectOnce(pg, location.url);
  const searchPath = location.schema ? `-c search_path="${location.schema.replaceAll('"', '""')}"` : undefined;
  const connect = (max: number) => new pg.Pool({ connectionString: location.url, options: searchPath, max });
  const pool = connect(10);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema: location.schema }), transactionOptions: TRANSACTIONS });
  return {
    prisma,
    location,
    // The schema engine takes a session-level advisory lock (as `prisma migrate deploy` does), so
    // instances starting together migrate one after the other; it never unlocks, so only closing
    // its connection releases the lock: the engine must not borrow a connection from the app's pool.
    async withMigrationConnection(fn) {
      const migrationPool = connect(1);
      try {
        return await fn(new PrismaPg(migrationPool, { schema: location.schema }));
      } finally {
        await migrationPool.end();
      }
    },
    isReachable: () => answers(prisma),
    async close() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

/** The pool connects lazily: without this, a wrong DATABASE_URL would fail later, deep in the schema engine. */
async function connectOnce(pg: typeof import('pg').default, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  await client.end();
}

async function answers(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
