import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { migrationChecksums } from './migrations.js';
import { NO_FILTERS, readMigrations, withSchemaEngine } from './schema-engine.js';

/** Where `npm install` keeps migrated embedded databases for new data folders to start from. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../node_modules/.cache/campaign-desk/', import.meta.url));

const PGLITE_ENTRY = createRequire(import.meta.url).resolve('@electric-sql/pglite');

/**
 * Gives a new embedded database its tables before PGlite opens the folder: a copy of the template
 * that `npm install` built with the same migrations and PGlite version, which takes a fraction of
 * PGlite's initdb plus the migrations. Without such a template, PGlite creates the database in a
 * worker thread, so that its second, initdb-only instance leaves memory with the thread; the
 * migrations are then applied at start as usual.
 */
export async function seedDataDir(dataDir: string, templatesDir = TEMPLATES_DIR): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const template = join(templatesDir, await templateName());
  if (!existsSync(join(template, 'PG_VERSION'))) return initdbInWorker(dataDir);
  // PG_VERSION is what makes PGlite take the folder for a database: copied last, a copy cut short is
  // redone. Synchronous: nothing else runs yet, and cpSync takes half as long as cp for these 1,000 files.
  cpSync(template, dataDir, { recursive: true, filter: (source) => source !== join(template, 'PG_VERSION') });
  copyFileSync(join(template, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
}

/** Builds the template for the current migrations (run by `npm install`); drops the stale ones. */
export async function buildTemplate(templatesDir = TEMPLATES_DIR): Promise<string> {
  const name = await templateName();
  const template = join(templatesDir, name);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = `${template}.${process.pid}`;
  await mkdir(templatesDir, { recursive: true });
  await rm(building, { recursive: true, force: true });
  const pglite = await PGlite.create(building);
  try {
    const migrationsList = await readMigrations();
    await withSchemaEngine(new PrismaPGlite(pglite), (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }));
    // PGlite runs no autovacuum: a new data folder starts with its (empty) tables analyzed, so the
    // app's upkeep (src/store/upkeep.ts) has nothing to do at its first start.
    await pglite.exec('ANALYZE');
  } finally {
    await pglite.close();
  }
  await rename(building, template);
  for (const entry of await readdir(templatesDir)) {
    if (!entry.startsWith(name)) await rm(join(templatesDir, entry), { recursive: true, force: true });
  }
  return template;
}

/** Changes when templates are built differently (2: their tables analyzed), so that install builds them again. */
const TEMPLATE_FORMAT = 2;

/** Names the migrations (and checksums) a template holds, the PGlite version that wrote it, and how it was built. */
async function templateName(): Promise<string> {
  const pglitePackage = JSON.parse(readFileSync(join(PGLITE_ENTRY, '../../package.json'), 'utf8')) as { version: string };
  const key = JSON.stringify([pglitePackage.version, migrationChecksums(await readMigrations()), TEMPLATE_FORMAT]);
  return `pglite-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

async function initdbInWorker(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     require(workerData.pglite).PGlite.create(workerData.dataDir).then((pglite) => pglite.close());`,
    { eval: true, workerData: { pglite: PGLITE_ENTRY, dataDir } },
  );
  const [code] = (await once(worker, 'exit')) as [number];
  if (code !== 0) throw new Error(`creating the database in ${dataDir} failed (exit ${code})`);
}
