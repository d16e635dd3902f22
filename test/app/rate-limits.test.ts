import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIRM_STEP } from '../../src/views/modals.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { updateDigestSettings } from '../../src/workflow/digests.js';
import { harnessForTests } from '../support/harness.js';
import { recruitingCampaign, PEOPLE, at, brief, ok } from '../support/factories.js';

// Digests are due at 09:00 UTC on weekdays; each test runs on a day of its own.
let today = new Date('2026-11-23T09:05:00Z');
const nextDay = () => (today = new Date(today.getTime() + 24 * 60 * 60 * 1000));

const harness = harnessForTests({ now: () => today });
beforeAll(async () => {
  const settings = { time: '09:00', timeZone: 'UTC', days: [1, 2, 3, 4, 5], overviewChannelId: 'C0OVERVIEW', quietDayMessage: true };
  ok(await updateDigestSettings(harness.running.db.prisma, settings, at(PEOPLE.admin)));
});

const prisma = () => harness.running.db.prisma;
/** Calls since the last campaign was set up: its card and App Homes are not counted. */
let setUpUntil = 0;
const postsIn = (channel: string) =>
  harness.fakeSlack.calls.slice(setUpUntil).filter((call) => call.method === 'chat.postMessage' && call.args.channel === channel);

/** A campaign in `channel` whose digest is the only one due there; its card is posted before the test counts posts. */
async function campaignIn(channel: string, title: string) {
  const campaign = await recruitingCampaign(prisma(), title, { channelId: channel });
  await harness.running.deliver();
  setUpUntil = harness.fakeSlack.calls.length;
  return campaign;
}

async function digestRun(channelId: string) {
  return prisma().digestRun.findFirstOrThrow({ where: { channelId }, orderBy: { id: 'desc' } });
}

describe('Slack rate limits and lost answers', () => {
  it('a post answered 429 is sent again after its Retry-After, and the channel gets one message', async () => {
    const created = await campaigns.createCampaign(prisma(), brief({ title: 'Rate limited', channelId: 'C0LIMITED' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    await harness.running.deliver();
    harness.fakeSlack.fail('chat.postMessage', { error: 'ratelimited', status: 429, retryAfterSeconds: 1, times: 1, channel: 'C0LIMITED' });

    await harness.slack.command(`publish C-${created.campaign.id}`, { userId: PEOPLE.salesPic });
    const view = (await harness.fakeSlack.waitFor('views.open', (c) => JSON.stringify(c.args).includes(`C-${created.campaign.id}`))).args.view as {
      private_metadata: string;
    };
    await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: view.private_metadata, values: {} }, { userId: PEOPLE.salesPic });

    const asks = () => postsIn('C0LIMITED').filter((c) => JSON.stringify(c.args).includes('published the proposal'));
    await expect.poll(() => asks()[1]?.answered, { timeout: 10_000 }).toBe(true);
    const [limited, sent] = asks();
    expect(asks()).toHaveLength(2);
    expect(sent!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    // Stored with the delivery's success, just after Slack answered.
    await expect
      .poll(
        async () => (await prisma().campaign.findUniqueOrThrow({ where: { id: created.campaign.id }, select: { proposalMessageTs: true } })).proposalMessageTs,
      )
      .toBeTruthy();
  });

  it('an App Home update that failed with HTTP 500 is sent again: it only shows the latest state', async () => {
    harness.fakeSlack.fail('views.publish', { error: 'internal_error', status: 500, times: 1 });
    await harness.slack.appHomeOpened(PEOPLE.approver2);
    await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.approver2 && c !== harness.fakeSlack.callsTo('views.publish').find((first) => first.args.user_id === PEOPLE.approver2),
    );
    expect(harness.fakeSlack.callsTo('views.publish').filter((c) => c.args.user_id === PEOPLE.approver2)).toHaveLength(2);
  });

  it('a digest post whose answer was lost, or that Slack answered internal_error, is not posted again and is listed in the next overview', async () => {
    nextDay();
    await campaignIn('C0LOST', 'Lost answer');
    await campaignIn('C0BROKEN', 'Internal error');
    harness.fakeSlack.fail('chat.postMessage', { error: 'internal_error', reset: true, times: 1, channel: 'C0LOST' });
    harness.fakeSlack.fail('chat.postMessage', { error: 'internal_error', times: 1, channel: 'C0BROKEN' });

    await harness.running.tick();
    // The lost post did reach the channel once; sending it again would show it twice.
    expect(postsIn('C0LOST')).toHaveLength(1);
    expect(postsIn('C0BROKEN')).toHaveLength(1);
    expect((await digestRun('C0LOST')).status).toBe('failed');
    expect((await digestRun('C0BROKEN')).error).toBe('internal_error');

    nextDay();
    await harness.running.tick();
    const overview = JSON.stringify(postsIn('C0OVERVIEW').at(-1)!.args);
    expect(overview).toContain('C0LOST');
    expect(overview).toContain('C0BROKEN');
  });

  it('digests of campaigns sharing a channel are posted a second apart, without holding up other channels', async () => {
    nextDay();
    for (const title of ['Shared one', 'Shared two', 'Shared three']) await campaignIn('C0SHARED', title);
    await campaignIn('C0OWN', 'Own channel');

    await harness.running.tick();
    const shared = postsIn('C0SHARED');
    expect(shared).toHaveLength(3);
    for (let i = 1; i < shared.length; i++) expect(shared[i]!.at - shared[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    const [own] = postsIn('C0OWN');
    expect(own!.at).toBeLessThan(shared[1]!.at);
  });
});
