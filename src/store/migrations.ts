import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { Database } from './database.js';
import { MIGRATIONS_DIR, NO_FILTERS, SCHEMA_PATH, readMigrations, withSchemaEngine } from './schema-engine.js';
import type { Tx } from './tx.js';

/**
 * Applies pending migrations from prisma/migrations and records them in `_prisma_migrations`,
 * exactly as `prisma migrate deploy` does. Instances starting together take turns.
 */
export async function applyPendingMigrations(db: Database, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  // Starting the engine (5 MB of WebAssembly, then a diff of the history) costs seconds: on most
  // starts one read shows there is nothing to do. Only the engine writes, under its lock.
  if (await allRecordedAsApplied(db, migrationsList)) return [];
  return db.withMigrationConnection((adapterFactory) =>
    withSchemaEngine(adapterFactory, async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return appliedMigrationNames;
    }),
  );
}

/** Each folder of prisma/migrations with the checksum Prisma records for it: the SHA-256 of migration.sql. */
export function migrationChecksums({ migrationDirectories }: MigrationList): Array<{ name: string; checksum: string | undefined }> {
  return migrationDirectories.map(({ path, migrationFile: { content } }) => ({
    name: path,
    checksum: content.tag === 'ok' ? createHash('sha256').update(content.value).digest('hex') : undefined,
  }));
}

/**
 * True when `_prisma_migrations` records every folder as applied with an unchanged migration.sql
 * and no migration as failed. Anything else (no table yet, a pending, edited or failed migration)
 * is for the engine to apply or to explain. Asked through the driver adapter: Prisma Client's own
 * start (its query compiler) would cost `npm run db:migrate` most of a second.
 */
async function allRecordedAsApplied(db: Database, migrations: MigrationList): Promise<boolean> {
  const rows = await db.withMigrationConnection(async (adapterFactory) => {
    const adapter = await adapterFactory.connect();
    try {
      const sql = 'SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM _prisma_migrations';
      return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows as Array<[string, string, boolean, boolean]>;
    } catch {
      return undefined;
    } finally {
      await adapter.dispose();
    }
  });
  if (!rows || rows.some(([, , finished, rolledBack]) => !finished && !rolledBack)) return false;
  const applied = new Set(rows.filter(([, , finished, rolledBack]) => finished && !rolledBack).map(([name, checksum]) => `${name}/${checksum}`));
  return migrationChecksums(migrations).every(({ name, checksum }) => checksum && applied.has(`${name}/${checksum}`));
}

/** Migration folders not applied yet; undefined when the database has no migrations table. */
export async function pendingMigrations(prisma: Tx): Promise<string[] | undefined> {
  const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const [table] = await prisma.$queryRaw<Array<{ name: string | null }>>`SELECT to_regclass('_prisma_migrations')::text AS "name"`;
  if (!table?.name) return undefined;
  const applied = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
  const done = new Set(applied.map((row) => row.name));
  return folders.filter((folder) => !done.has(folder));
}

/**
 * The SQL that would bring a database built from prisma/migrations up to prisma/schema.prisma;
 * empty when they agree. The WASM engine cannot open a shadow database itself, so the migrations
 * are replayed on a throw-away in-memory PGlite and that database is compared with the schema.
 */
export async function unmigratedSchemaChanges(schemaText?: string): Promise<string> {
  const pglite = await PGlite.create('memory://');
  try {
    return await withSchemaEngine(new PrismaPGlite(pglite), async (engine, schemaFile) => {
      const schema = schemaText ?? schemaFile;
      await engine.applyMigrations({ migrationsList: await readMigrations(), filters: NO_FILTERS });
      const files = [{ path: SCHEMA_PATH, content: schema }];
      const { stdout } = await engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: MIGRATIONS_DIR },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return (stdout ?? '').replace('-- This is an empty migration.', '').trim();
    });
  } finally {
    await pglite.close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql, in `prisma migrate dev`'s layout. */
export async function createMigration(name: string, now = new Date()): Promise<string | undefined> {
  const script = await unmigratedSchemaChanges();
  if (!script) return undefined;
  const timestamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = join(MIGRATIONS_DIR, `${timestamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'migration.sql'), `${script}\n`);
  await writeFile(
    join(MIGRATIONS_DIR, 'migration_lock.toml'),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return folder;
}
