import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

let harness: Harness;
const logged: string[] = [];
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

describe('an unexpected error', () => {
  it('answers with a short reference, logs the details with it, and no stack trace reaches Slack', async () => {
    const error = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      await harness.running.db.close();
      const body = await harness.slack.answer('list');
      const reply = body as { response_type: string; text: string };
      expect(reply.response_type).toBe('ephemeral');
      const reference = /reference[^`]*`([0-9a-f]{8})`/.exec(reply.text)?.[1];
      expect(reference).toBeDefined();
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(logged.some((line) => line.includes(`reference ${reference}`))).toBe(true);
    } finally {
      console.error = error;
    }
  });
});
