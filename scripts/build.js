// `npm install` and `npm run build`: patches PGlite's result reader (scripts/patch-pglite.js),
// generates the Prisma client, compiles src/ to dist/ (what `npm start` runs), and builds the
// migrated database that new embedded data folders start from.
// A runtime install (`npm ci --omit=dev`) of a tree built elsewhere has neither the Prisma CLI nor
// TypeScript: it only builds the database template.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchPGlite } from './patch-pglite.js';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The folder of an installed package, or undefined when it is not installed (dev dependencies). */
function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function run(script, args, env = process.env) {
  execFileSync(process.execPath, [script, ...args], { cwd: root, env, stdio: 'inherit' });
}

const pglite = patchPGlite(dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))));
for (const file of pglite.unmatched)
  console.warn(`PGlite's result reader in ${file} is not the one scripts/patch-pglite.js knows: left unpatched (only slower).`);

const prisma = packageDir('prisma');
if (prisma) {
  // `prisma generate` never runs the schema engine, it only checks that one exists: pointing it at
  // any file stops the CLI from downloading the native engine (see README, Database and migrations).
  const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath;
  run(join(prisma, 'build/index.js'), ['generate'], { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine });
}

const typescript = packageDir('typescript');
if (typescript) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  run(join(typescript, 'bin/tsc'), ['-p', 'tsconfig.build.json']);
}

if (existsSync(join(root, 'dist/store/data-dir.js'))) {
  const { buildTemplate } = await import('../dist/store/data-dir.js');
  try {
    await buildTemplate();
  } catch (error) {
    // Only the first start on a new embedded database is slower without it.
    console.warn(`No template database for new embedded data folders: ${error instanceof Error ? error.message : error}`);
  }
}
