import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit.js';
import { readmeReviewCards, reviewCards, reviewCardsMarkdown } from '../support/review-cards.js';

describe("README's Reviewing posts cards", () => {
  it.each(reviewCards().map(({ state, message }) => [state, message] as const))('%s: within Block Kit limits', (_, message) => {
    expect(blockKitViolations(message as unknown as Record<string, unknown>, 'message')).toEqual([]);
  });

  it('are what the app renders today (rewrite with: node --import tsx test/support/review-cards.ts --write)', () => {
    expect(readmeReviewCards()).toBe(reviewCardsMarkdown());
  });
});
