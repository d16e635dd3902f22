import type { HistoryEntry } from '../domain/history.js';
import type { Prisma } from '../store/database.js';
import { campaignHistory, historyOf } from '../store/history.js';

export function entityHistory(prisma: Prisma, entityType: string, entityId: number): Promise<HistoryEntry[]> {
  return historyOf(prisma, entityType, String(entityId));
}

export function campaignTimeline(prisma: Prisma, campaignId: number): Promise<HistoryEntry[]> {
  return campaignHistory(prisma, campaignId);
}

/** The latest event of `action` on an entity, e.g. who published a proposal or decided a post. */
export async function lastEvent(prisma: Prisma, entityType: string, entityId: number, action?: string): Promise<HistoryEntry | undefined> {
  const entries = await historyOf(prisma, entityType, String(entityId));
  return entries.filter((entry) => !action || entry.action === action).at(-1);
}
