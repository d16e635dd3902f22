// What tests read back from the database to check a change: the history of one entity, one post.
// Straight from src/store: the app reads these through its use cases, never one by one like this.
import type { HistoryEntry } from '../../src/domain/history.js';
import type { Post } from '../../src/domain/posts.js';
import type { Prisma } from '../../src/store/database.js';
import { historyOf } from '../../src/store/history.js';
import { findPost } from '../../src/store/posts.js';

export function entityHistory(prisma: Prisma, entityType: string, entityId: number): Promise<HistoryEntry[]> {
  return historyOf(prisma, entityType, String(entityId));
}

export function getPost(prisma: Prisma, postId: number): Promise<Post | undefined> {
  return findPost(prisma, postId);
}

/** How many transactions last wrote these posts (PostgreSQL's xmin: the ID of the transaction that wrote a row's version). */
export async function transactionsThatWrote(prisma: Prisma, postIds: number[]): Promise<number> {
  const rows = await prisma.$queryRaw<unknown[]>`SELECT DISTINCT xmin::text FROM "Post" WHERE id = ANY(${postIds})`;
  return rows.length;
}
