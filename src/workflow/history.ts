import type { Campaign } from '../domain/brief.js';
import { type HistoryEntry, type HistoryNames, historyNames } from '../domain/history.js';
import type { Prisma } from '../store/database.js';
import { campaignHistory, historyOf, lastHistoryId } from '../store/history.js';
import { participantsOf } from '../store/participants.js';
import { postsOf } from '../store/posts.js';

/** Everything recorded about a campaign, oldest first, with the names its sentences need (one query per kind). */
export async function campaignTimeline(prisma: Prisma, campaign: Campaign): Promise<{ entries: HistoryEntry[]; names: HistoryNames }> {
  const participants = await participantsOf(prisma, campaign.id);
  const [entries, posts] = await Promise.all([
    campaignHistory(prisma, campaign.id),
    postsOf(
      prisma,
      participants.map((p) => p.id),
    ),
  ]);
  return { entries, names: historyNames(campaign.currency, participants, posts) };
}

/** The latest event of `action` on an entity, e.g. who published a proposal or decided a post. */
/** The ID of the latest such event, for the Undo of a confirmation. */
export function lastEventId(prisma: Prisma, entityType: string, entityId: number, action: string): Promise<string | undefined> {
  return lastHistoryId(prisma, entityType, String(entityId), action);
}

export async function lastEvent(prisma: Prisma, entityType: string, entityId: number, action?: string): Promise<HistoryEntry | undefined> {
  const entries = await historyOf(prisma, entityType, String(entityId));
  return entries.filter((entry) => !action || entry.action === action).at(-1);
}
