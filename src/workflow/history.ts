import type { HistoryEntry } from '../domain/history.js';
import type { Prisma } from '../store/database.js';
import { historyOf } from '../store/history.js';

export function entityHistory(prisma: Prisma, entityType: string, entityId: number): Promise<HistoryEntry[]> {
  return historyOf(prisma, entityType, String(entityId));
}
