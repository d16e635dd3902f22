import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER } from '../../scripts/patch-pglite.js';
import type { Database } from '../../src/store/database.js';
import { SERVER_URL, freshDatabaseUrl, testDatabase } from '../support/database.js';
import { T0 } from '../support/factories.js';

const run = promisify(execFile);

// PGlite runs on a worker thread (src/store/pglite-thread.ts); the PostgreSQL leg has no such thread.
describe.skipIf(SERVER_URL)('the embedded database on a thread of its own', () => {
  let database: { db: Database; close(): Promise<void> };
  const prisma = () => database.db.prisma;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database?.close());

  it('keeps the event loop turning while a statement runs', async () => {
    let turns = 0;
    const turning = setInterval(() => turns++, 0);
    await prisma().$executeRaw`SELECT pg_sleep(0.3)`;
    clearInterval(turning);
    expect(turns).toBeGreaterThan(0);
  });

  it("passes the database's errors on as Prisma knows them: a duplicate key is P2002", async () => {
    await prisma().admin.create({ data: { userId: 'U0TWICE', grantedBy: 'U0ADMIN', grantedAt: T0 } });
    await expect(prisma().admin.create({ data: { userId: 'U0TWICE', grantedBy: 'U0ADMIN', grantedAt: T0 } })).rejects.toMatchObject({
      code: 'P2002',
      meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', originalCode: '23505' } } },
    });
  });

  it('rolls back a failed transaction and goes on answering', async () => {
    await expect(
      prisma().$transaction(async (tx) => {
        await tx.admin.create({ data: { userId: 'U0ROLLEDBACK', grantedBy: 'U0ADMIN', grantedAt: T0 } });
        await tx.$executeRaw`SELECT 1 / 0`;
      }),
    ).rejects.toThrow('division by zero');
    expect(await prisma().admin.findUnique({ where: { userId: 'U0ROLLEDBACK' } })).toBeNull();
  });

  it('runs with 16 MB of shared buffers, not the 128 MB that initdb writes', async () => {
    expect(await prisma().$queryRaw`SHOW shared_buffers`).toEqual([{ shared_buffers: '16MB' }]);
  });

  it('reads every text field back as stored through its patched reader (scripts/patch-pglite.js): multi-byte, empty, null, over many messages', async () => {
    const texts = ['', 'plain', 'Café crème ✓', '日本語のキャプション', '🎉 launch 🚀', 'x'.repeat(70_000), null];
    const rows = await prisma().$queryRaw<Array<{ n: number; text: string | null; after: string }>>`
      SELECT g AS n, (${texts}::text[])[1 + g % ${texts.length}::int] AS text, 'after ' || g AS after FROM generate_series(0, 699) g ORDER BY g`;
    expect(rows).toHaveLength(700);
    for (const row of rows) expect(row).toEqual({ n: row.n, text: texts[row.n % texts.length], after: `after ${row.n}` });
  });

  it('has the installed PGlite patched: each bundle with the result reader decodes from a view', () => {
    const dist = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    const readers = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(c|m)?js$/.test(name))
      .map((name) => readFileSync(join(dist, name), 'utf8'))
      .filter((source) => /string\(\w\)\{/.test(source) && source.includes('cstring(){'));
    expect(readers.length).toBeGreaterThan(0);
    for (const source of readers) expect(source).toContain(MARKER);
  });
});

describe.skipIf(SERVER_URL)('closing the embedded database', () => {
  it('ends its thread: statements after it fail, and the process exits by itself', async () => {
    const database = await freshDatabaseUrl();
    const script = `
      import { openDatabase } from './src/store/database.ts';
      const db = await openDatabase({ kind: 'embedded', dataDir: process.argv[1] });
      await db.prisma.$queryRaw\`SELECT 1\`;
      await db.close();
      await db.prisma.$queryRaw\`SELECT 1\`.then(() => console.log('answered after close'), () => console.log('failed after close'));
    `;
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, fileURLToPath(database.url)]);
      expect(stdout.trim()).toBe('failed after close');
    } finally {
      await database.drop();
    }
  });
});
