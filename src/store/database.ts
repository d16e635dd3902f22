import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseLocation } from '../config.js';
import { PrismaClient } from '../generated/prisma/client.js';

export type Prisma = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  location: DatabaseLocation;
  /** The driver adapter the schema engine migrates through. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Runs `fn` while holding a lock that other app instances on the same database wait for. */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  return location.kind === 'server' ? openServer(location) : openEmbedded(location);
}

async function openEmbedded(location: Extract<DatabaseLocation, { kind: 'embedded' | 'memory' }>): Promise<Database> {
  if (location.kind === 'embedded') mkdirSync(location.dataDir, { recursive: true });
  const pglite = await PGlite.create(location.kind === 'embedded' ? location.dataDir : 'memory://');
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    location,
    adapterFactory,
    // PGlite is one connection inside this process: only one app instance can open the folder.
    exclusively: (fn) => fn(),
    isReachable: () => answers(prisma),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

// Any constant works as long as every instance uses the same one.
const MIGRATION_LOCK_KEY = 4_207_311;

async function openServer(location: Extract<DatabaseLocation, { kind: 'server' }>): Promise<Database> {
  const searchPath = location.schema ? `-c search_path="${location.schema.replaceAll('"', '""')}"` : undefined;
  const pool = new pg.Pool({ connectionString: location.url, options: searchPath, max: 10 });
  const adapterFactory = new PrismaPg(pool, { schema: location.schema });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    location,
    adapterFactory,
    async exclusively(fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    isReachable: () => answers(prisma),
    async close() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

async function answers(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
