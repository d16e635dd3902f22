// The app's listeners are found by ID in one global middleware instead of Bolt's listener list: the
// same requests must reach the same listeners as Bolt would send them to. Driven through Bolt's own
// processEvent with request bodies from Slack's SDK test suites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type BlockAction, type ButtonAction, type ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { Listeners } from '../../src/handlers/listeners.js';

const PAYLOADS = join(import.meta.dirname, '../fixtures/slack/payloads');
const payload = (name: string) => JSON.parse(readFileSync(join(PAYLOADS, name), 'utf8')) as Record<string, unknown>;
const slashCommand = () => Object.fromEntries(new URLSearchParams(readFileSync(join(PAYLOADS, 'slash-command.bolt-python.txt'), 'utf8')));

/** A Bolt app whose only listener outside `listeners` records what fell through to it. */
function boltWith(listeners: Listeners) {
  const fellThrough: string[] = [];
  const app = new App({
    token: 'xoxb-test',
    signingSecret: 'secret',
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    tokenVerificationEnabled: false,
    // processEvent is called directly: the receiver never listens.
    receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
  });
  app.use(listeners.dispatch);
  app.action(/.*/, async ({ ack, action }) => {
    fellThrough.push(`action ${'action_id' in action ? action.action_id : ''}`);
    await ack();
  });
  app.view({ type: 'view_closed', callback_id: /.*/ }, async ({ ack, view }) => {
    fellThrough.push(`view_closed ${view.callback_id}`);
    await ack();
  });
  const send = async (body: Record<string, unknown>) => {
    let acked = 0;
    const event: ReceiverEvent = { body, ack: async () => void acked++ };
    await app.processEvent(event);
    return acked;
  };
  return { send, fellThrough };
}

describe('listeners by ID', () => {
  it('sends a button click to the listener of its action_id, with what Bolt gives a listener', async () => {
    const listeners = new Listeners();
    const heard: unknown[] = [];
    listeners.action<BlockAction<ButtonAction>>('a', async ({ ack, action, body, respond, next }) => {
      heard.push([action.action_id, body.user.id, typeof respond, await next()]);
      await ack();
    });
    const bolt = boltWith(listeners);
    expect(await bolt.send(payload('block-actions.message-button.bolt-python.json'))).toBe(1);
    expect(heard).toEqual([['a', 'W111', 'function', undefined]]);
    expect(bolt.fellThrough).toEqual([]);
  });

  it("prefers the listener of the action's block to the one of its action_id alone", async () => {
    const listeners = new Listeners();
    const heard: string[] = [];
    listeners.action('a', async ({ ack }) => {
      heard.push('any block');
      await ack();
    });
    listeners.action({ block_id: 'b', action_id: 'a' }, async ({ ack }) => {
      heard.push('block b');
      await ack();
    });
    listeners.action({ block_id: 'other', action_id: 'a' }, async ({ ack }) => {
      heard.push('block other');
      await ack();
    });
    await boltWith(listeners).send(payload('block-actions.message-button.bolt-python.json'));
    expect(heard).toEqual(['block b']);
  });

  it('sends a submission to the listener of its callback_id, and not a view_closed of the same view (as Bolt does)', async () => {
    const listeners = new Listeners();
    const heard: string[] = [];
    listeners.view('view-id', async ({ ack, view }) => {
      heard.push(`${view.callback_id} ${view.state.values.hspI?.maBWU?.value}`);
      await ack();
    });
    const bolt = boltWith(listeners);
    await bolt.send(payload('view-submission.bolt-python.json'));
    await bolt.send(payload('view-closed.bolt-python.json'));
    expect(heard).toEqual(['view-id test']);
    expect(bolt.fellThrough).toEqual(['view_closed view-id']);
  });

  it('sends a slash command to the listener of its name, and an event to the listener of its type', async () => {
    const listeners = new Listeners();
    const heard: string[] = [];
    listeners.command('/hello-world', async ({ ack, command }) => {
      heard.push(`${command.command} ${command.text}`);
      await ack();
    });
    listeners.event('message', async ({ event }) => {
      heard.push(`${event.type} ${'subtype' in event ? event.subtype : ''}`);
    });
    const bolt = boltWith(listeners);
    await bolt.send(slashCommand());
    await bolt.send(payload('event.message-file-share.bolt-python.json'));
    expect(heard).toEqual(['/hello-world Hi', 'message file_share']);
  });

  it('lets a request no listener is for go on to the next middleware', async () => {
    const listeners = new Listeners();
    listeners.action('not-a', async ({ ack }) => ack());
    const bolt = boltWith(listeners);
    expect(await bolt.send(payload('block-actions.message-button.bolt-python.json'))).toBe(1);
    expect(bolt.fellThrough).toEqual(['action a']);
  });

  it('refuses a second listener for one ID, which would never run', () => {
    const listeners = new Listeners();
    listeners.view('view-id', async ({ ack }) => ack());
    expect(() => listeners.view('view-id', async ({ ack }) => ack())).toThrow('Two listeners for view view-id');
    listeners.action({ block_id: 'b', action_id: 'a' }, async ({ ack }) => ack());
    expect(() => listeners.action({ block_id: 'b', action_id: 'a' }, async ({ ack }) => ack())).toThrow('Two listeners for action b a');
  });
});
