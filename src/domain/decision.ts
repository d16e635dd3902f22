import type { HistoryEntry } from './history.js';

/**
 * What the domain answers to "may this happen?": the new state, or a refusal whose reason a user
 * can act on. `rule` names the rule for tests and logs; `reason` is the sentence users see.
 * `since` is the change that made the action stale (a double click, two approvers at once).
 */
export type Decision<T> = { ok: true; value: T } | Refusal;

export interface Refusal {
  ok: false;
  rule: string;
  reason: string;
  since?: HistoryEntry;
}

export function allow<T>(value: T): Decision<T> {
  return { ok: true, value };
}

export function refuse(rule: string, reason: string): Refusal {
  return { ok: false, rule, reason };
}
