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
