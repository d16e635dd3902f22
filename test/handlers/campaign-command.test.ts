import { describe, expect, it } from 'vitest';
import { harnessForTests } from '../support/harness.js';

const harness = harnessForTests({ env: {} });

interface CommandReply {
  response_type: string;
  text: string;
  blocks: Array<{ type: string; text?: { text: string } }>;
}

describe('/campaign help', () => {
  it.each(['', 'help', '  HELP  '])('answers %j ephemerally with the usage of every subcommand', async (text) => {
    const { status, body } = await harness.slack.command(text);
    expect(status).toBe(200);
    const reply = body as CommandReply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('/campaign help');
    expect(reply.blocks.map((block) => block.text?.text).join('\n')).toContain('`/campaign help`');
  });

  it('answers an unknown subcommand with an error and the usage', async () => {
    const { status, body } = await harness.slack.command('frobnicate C-1');
    expect(status).toBe(200);
    const reply = body as CommandReply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('`frobnicate` is not a /campaign subcommand');
    expect(reply.text).toContain('/campaign help');
  });

  it('escapes what the user typed, so a subcommand such as <!channel> pings nobody', async () => {
    const { body } = await harness.slack.command('<!channel>');
    const reply = body as CommandReply;
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
    expect(reply.blocks[0]?.text?.text).toContain('&lt;!channel&gt;');
  });
});
