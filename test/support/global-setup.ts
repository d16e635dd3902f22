import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/store/database.js';
import { applyPendingMigrations } from '../../src/store/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite folder that each test file copies: PGlite's initdb costs seconds, a copy milliseconds. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  // The PostgreSQL leg gives each test file a schema on the server instead.
  if (process.env.TEST_DATABASE_URL) return undefined;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'campaign-desk-template-')), 'data');
  const db = await openDatabase({ kind: 'embedded', dataDir });
  await applyPendingMigrations(db);
  await db.close();
  project.provide('pgliteTemplate', dataDir);
  return () => rmSync(join(dataDir, '..'), { recursive: true, force: true });
}
