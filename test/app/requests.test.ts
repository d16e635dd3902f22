import { describe, expect, it } from 'vitest';
import { CREATE_CAMPAIGN } from '../../src/views/campaign-form.js';
import { harnessForTests } from '../support/harness.js';
import { campaignFormValues } from '../support/factories.js';

const harness = harnessForTests();

describe('request verification', () => {
  it('refuses a request signed with another secret: 401, and no listener runs', async () => {
    const before = harness.fakeSlack.calls.length;
    const { status } = await harness.slack.appHomeOpened('U0FORGER', { signingSecret: 'not-the-real-secret' });
    expect(status).toBe(401);
    const help = await harness.slack.command('help', { signingSecret: 'not-the-real-secret' });
    expect(help.status).toBe(401);
    expect(help.body).not.toHaveProperty('blocks');
    await harness.slack.appHomeOpened('U0CONTROL');
    await harness.fakeSlack.waitFor('views.publish', (call) => call.args.user_id === 'U0CONTROL');
    expect(harness.fakeSlack.calls.slice(before).map((call) => call.args.user_id)).toEqual(['U0CONTROL']);
  });

  it('refuses a correctly signed request older than five minutes (a replay): 401, and no listener runs', async () => {
    const before = harness.fakeSlack.calls.length;
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const { status } = await harness.slack.appHomeOpened('U0REPLAY', { timestamp: sixMinutesAgo });
    expect(status).toBe(401);
    await harness.slack.appHomeOpened('U0CONTROL2');
    await harness.fakeSlack.waitFor('views.publish', (call) => call.args.user_id === 'U0CONTROL2');
    expect(harness.fakeSlack.calls.slice(before).map((call) => call.args.user_id)).toEqual(['U0CONTROL2']);
  });

  // Slack's window is five minutes either way; Bolt 5.1 checks only the past.
  const campaigns = () => harness.running.db.prisma.campaign.count();
  const secondsFromNow = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

  it.each([
    ['10 minutes in the future', 10 * 60],
    ['10 minutes in the past', -10 * 60],
  ])('refuses a correctly signed form submission stamped %s: 401, and no campaign is created', async (_, offset) => {
    const before = await campaigns();
    const { status, body } = await harness.slack.viewSubmission(
      { callback_id: CREATE_CAMPAIGN, values: campaignFormValues() },
      { timestamp: secondsFromNow(offset) },
    );
    expect({ status, body }).toEqual({ status: 401, body: '' });
    expect(await campaigns()).toBe(before);
  });

  it('accepts a correctly signed request stamped within the window, either way', async () => {
    const before = await campaigns();
    const late = await harness.slack.viewSubmission(
      { callback_id: CREATE_CAMPAIGN, values: campaignFormValues(), id: 'V0WINDOW1' },
      { timestamp: secondsFromNow(-4 * 60) },
    );
    const early = await harness.slack.viewSubmission(
      { callback_id: CREATE_CAMPAIGN, values: campaignFormValues(), id: 'V0WINDOW2' },
      { timestamp: secondsFromNow(4 * 60) },
    );
    expect([late.status, early.status]).toEqual([200, 200]);
    expect(await campaigns()).toBe(before + 2);
  });

  it('answers a request without signature headers with 401', async () => {
    const response = await fetch(`${harness.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Fcampaign&text=help',
    });
    expect(response.status).toBe(401);
  });
});

describe('App Home', () => {
  it('publishes the home tab for the user who opened it, with their role', async () => {
    expect((await harness.slack.appHomeOpened('U0ADMIN')).status).toBe(200);
    const call = await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === 'U0ADMIN');
    expect(call.token).toBe('xoxb-test-token');
    const view = call.args.view as { type: string; blocks: Array<{ text?: { text: string } }> };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('You are an *admin*');

    await harness.slack.appHomeOpened('U0MEMBER');
    const member = await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === 'U0MEMBER');
    expect(JSON.stringify(member.args.view)).not.toContain('admin*');
  });

  it('ignores the Messages tab', async () => {
    await harness.slack.event({ type: 'app_home_opened', user: 'U0MESSAGES', channel: 'D0APPHOME', tab: 'messages', event_ts: '1.0' });
    await harness.slack.appHomeOpened('U0AFTER');
    await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === 'U0AFTER');
    expect(harness.fakeSlack.callsTo('views.publish').some((c) => c.args.user_id === 'U0MESSAGES')).toBe(false);
  });

  it('waits out a rate limit (HTTP 429 with Retry-After) and then publishes', async () => {
    // App Homes the earlier tests' changes still owe would meet the 429 first.
    await harness.running.deliver();
    harness.fakeSlack.fail('views.publish', { error: 'ratelimited', retryAfterSeconds: 1, times: 1 });
    await harness.slack.appHomeOpened('U0LIMITED');
    await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === 'U0LIMITED');
    const attempts = () => harness.fakeSlack.callsTo('views.publish').filter((c) => c.args.user_id === 'U0LIMITED');
    await expect.poll(() => attempts().length, { timeout: 5000 }).toBe(2);
  });

  it('survives Slack failing the call and keeps serving', async () => {
    harness.fakeSlack.fail('views.publish', { error: 'internal_error', times: 1 });
    expect((await harness.slack.appHomeOpened('U0FAILED')).status).toBe(200);
    await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === 'U0FAILED');
    expect((await harness.slack.command('help')).status).toBe(200);
  });

  it('treats a retried event like the first delivery (publishing the home tab again is harmless)', async () => {
    await harness.slack.appHomeOpened('U0RETRY', { eventId: 'EvRETRY' });
    await harness.slack.appHomeOpened('U0RETRY', { eventId: 'EvRETRY', retryNum: 1 });
    await expect.poll(() => harness.fakeSlack.callsTo('views.publish').filter((c) => c.args.user_id === 'U0RETRY').length).toBe(2);
  });
});

describe('GET /healthz', () => {
  it('answers 200 while the database answers, and 503 once it is closed', async () => {
    const up = await fetch(`${harness.url}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'up' });

    await harness.running.db.close();
    const down = await fetch(`${harness.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });
  });
});
