// Digest composing for N campaigns × M participants, each size on a database of its own: time and
// SQL statements, from bench/digests.ts (`benchDigests` seeds, composes and counts).
import { applyPendingMigrations } from '../src/store/migrations.js';
import { type Kind, freshDatabase, open } from './databases.js';
import { benchDigests } from './digests.js';
import { figure, seconds } from './support.js';

export interface Size {
  campaigns: number;
  participants: number;
}

export async function digestFigures(kind: Kind, server: string | undefined, sizes: Size[]): Promise<void> {
  for (const size of sizes) {
    const database = await freshDatabase(kind, server);
    const db = await open(database.url);
    try {
      await applyPendingMigrations(db);
      const { ms, firstMs, statements, digests } = await benchDigests(db, size);
      figure(
        `digests for ${size.campaigns} campaigns × ${size.participants} participants`,
        `${seconds(ms)} (first in the process ${seconds(firstMs)}), ${statements} SQL statements, ${digests} digests`,
        'statements do not grow with campaigns; 1,000 × 50 in < 2 s',
      );
    } finally {
      await db.close();
      await database.drop();
    }
  }
}
