import { describe, expect, it } from 'vitest';
import { harnessForTests } from '../support/harness.js';

const harness = harnessForTests({ env: {} });

describe('an unexpected error', () => {
  it('answers with a short reference; the log line carries it with the user and the campaign, as JSON; no stack trace reaches Slack', async () => {
    await harness.running.db.close();
    const body = await harness.slack.answer('show C-42', { userId: 'U0CURIOUS' });
    const reply = body as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    const reference = /reference[^`]*`([0-9a-f]{8})`/.exec(reply.text)?.[1];
    expect(reference).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const line = harness.logs.find((entry) => entry.level === 50 && String(entry.msg).includes(`reference ${reference}`));
    expect(line).toMatchObject({ reference, user: 'U0CURIOUS', campaign: 42, err: { type: expect.any(String), stack: expect.any(String) } });
  });
});
