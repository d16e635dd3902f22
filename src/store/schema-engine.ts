import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

// Prisma's CLI downloads a native schema engine, which machines without internet access cannot do.
// The same engine compiled to WebAssembly ships on npm; this loads it by hand because its glue
// imports the .wasm file as an ES module, which Node 20 cannot do.
export const SCHEMA_PATH = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

// @types/node 20 does not declare the WebAssembly global; this is the one call we need.
const wasm = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
  }
).WebAssembly;

type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let engineModule: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const glueUrl = pathToFileURL(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const glue: EngineModule = await import(glueUrl.href);
    const bytes = await readFile(new URL('schema_engine_bg.wasm', glueUrl));
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

/**
 * The engine arms 10 s timers (e.g. for the migration lock) and never clears them when the work
 * finishes first: unref'd, they no longer keep `npm run db:migrate` alive after its work.
 */
function withUnrefTimers(glue: EngineModule): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (name.startsWith('__wbg_setTimeout_')) {
      imports[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => NodeJS.Timeout)(...args).unref();
    }
  }
  return imports;
}

/** Opens the schema engine on a database and always frees it afterwards. */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => undefined, bindMigrationAwareSqlAdapterFactory(adapterFactory));
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
  }
}

/** Reads prisma/migrations in the shape the engine expects (the same one `prisma migrate` builds). */
export async function readMigrations(baseDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (path) => {
        const sql = await readFile(join(baseDir, path, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        );
        return { path, migrationFile: { path: 'migration.sql', content: sql } };
      }),
    ),
  };
}
