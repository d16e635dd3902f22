// Reading the domain's decisions in the transition tests: the exhaustive (from, to) matrices and
// the refusals a user reads.
import { expect } from 'vitest';
import type { Decision } from '../../src/domain/decision.js';

export function refusalOf<T>(decision: Decision<T>) {
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.value)}`);
  return decision;
}

export function decidedValue<T>(decision: Decision<T>): T {
  if (!decision.ok) throw new Error(`expected it to be allowed, refused by ${decision.rule}: ${decision.reason}`);
  return decision.value;
}

/** A reason is a sentence a user can read: starts with a capital letter, ends with a full stop. */
export function expectSentence(reason: string) {
  expect(reason.trim()).not.toBe('');
  expect(reason).toMatch(/^[A-Z].*\.$/);
}

export interface Pair<S extends string, E extends string> {
  from: S;
  to: S;
  expected: E;
  /** The test's name, e.g. "Draft → Archived is refused (draft-delete-not-archive)". */
  name: string;
}

/**
 * Every (from, to) pair of a hand-written matrix: rows are the state moved from, columns the state
 * moved to, both in `states` order.
 */
export function everyPair<S extends string, E extends string>(
  states: readonly S[],
  matrix: Record<S, readonly E[]>,
  label: (state: S) => string,
  verdict: (expected: E) => string,
): Pair<S, E>[] {
  return states.flatMap((from) =>
    states.map((to, column) => {
      const expected = matrix[from][column];
      if (!expected) throw new Error(`no expectation for ${from} → ${to}`);
      return { from, to, expected, name: `${label(from)} → ${label(to)} ${verdict(expected)}` };
    }),
  );
}

/** The pairs whose expectation `keep` selects, as `it.each` cases named after the pair. */
export function casesOf<S extends string, E extends string>(pairs: readonly Pair<S, E>[], keep: (expected: E) => boolean) {
  return pairs.filter((pair) => keep(pair.expected)).map((pair) => [pair.name, pair] as const);
}
