/** Who did something: a Slack user ID, or the app itself (scheduler, start-up). */
export type Actor = string;
export const SYSTEM_ACTOR: Actor = 'system';

/** One recorded change. History is append-only: events are written once and never edited. */
export interface HistoryEntry {
  actor: Actor;
  at: Date;
  entityType: string;
  entityId: string;
  action: string;
  from?: string;
  to?: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/**
 * What history events need to read as sentences: the influencer of each participant and of each
 * post (by entity ID, as events store them), and the campaign's currency for amounts.
 */
export interface HistoryNames {
  participants: ReadonlyMap<string, string>;
  posts: ReadonlyMap<string, string>;
  currency: string;
}

export function historyNames(
  currency: string,
  participants: ReadonlyArray<{ id: number; influencerName: string }>,
  posts: ReadonlyArray<{ id: number; participationId: number }>,
): HistoryNames {
  const byParticipant = new Map(participants.map((p) => [String(p.id), p.influencerName]));
  return {
    participants: byParticipant,
    posts: new Map(
      posts.flatMap((post) =>
        byParticipant.has(String(post.participationId)) ? [[String(post.id), byParticipant.get(String(post.participationId))!] as const] : [],
      ),
    ),
    currency,
  };
}

/** Since when each participant is in its current stage: the latest event that brought it there. */
export function stageSince(entries: readonly HistoryEntry[], participants: ReadonlyArray<{ id: number; stage: string }>): Map<number, Date> {
  const since = new Map<number, Date>();
  for (const participant of participants) {
    const id = String(participant.id);
    const arrived = entries.filter((entry) => entry.entityType === 'participant' && entry.entityId === id && entry.to === participant.stage).at(-1);
    if (arrived) since.set(participant.id, arrived.at);
  }
  return since;
}
