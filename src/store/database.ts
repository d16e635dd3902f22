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
  /** Runs `fn` with a driver adapter on a connection of its own, for the schema engine. */
  withMigrationConnection<T>(fn: (adapterFactory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
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
    // PGlite is one connection inside this process: only one app instance can open the folder.
    withMigrationConnection: (fn) => fn(adapterFactory),
    isReachable: () => answers(prisma),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openServer(location: Extract<DatabaseLocation, { kind: 'server' }>): Promise<Database> {
  const searchPath = location.schema ? `-c search_path="${location.schema.replaceAll('"', '""')}"` : undefined;
  const connect = (max: number) => new pg.Pool({ connectionString: location.url, options: searchPath, max });
  const pool = connect(10);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema: location.schema }) });
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

async function answers(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
