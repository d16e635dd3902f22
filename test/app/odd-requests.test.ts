// Requests no listener answers, and bodies that are not Slack's requests: each gets an answer at
// once (never Slack's warning after 3 seconds, never a 500) and changes nothing.
import { describe, expect, it } from 'vitest';
import { CREATE_CAMPAIGN } from '../../src/views/campaign-form.js';
import { OUT_OF_DATE_TITLE } from '../../src/views/out-of-date.js';
import { POST_FIELDS, SUBMIT_POST } from '../../src/views/post-form.js';
import { blockKitViolations } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { campaignFormValues, collaboratingCampaign, PEOPLE } from '../support/factories.js';
import { TEAM_ID } from '../support/slack-requests.js';

const harness = harnessForTests();

const campaigns = () => harness.running.db.prisma.campaign.count();
const user = { id: PEOPLE.member, username: 'u0member', name: 'u0member', team_id: TEAM_ID };

/** The next ephemeral answer posted to a response_url after `before` calls. */
async function nextEphemeral(before: number): Promise<string> {
  const call = await harness.fakeSlack.waitFor('response_url', (c) => harness.fakeSlack.calls.indexOf(c) >= before);
  expect(call.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  return String(call.args.text);
}

describe('a button from an older version of a message', () => {
  it('on a campaign card: answered ephemerally with where the campaign stands now, nothing changed', async () => {
    await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: 'Winter <glow>' }) }, { userId: PEOPLE.member });
    const prisma = harness.running.db.prisma;
    await expect.poll(async () => (await prisma.campaign.findFirst({ where: { title: 'Winter <glow>' } }))?.cardTs, { timeout: 10_000 }).toBeTruthy();
    const campaign = (await prisma.campaign.findFirst({ where: { title: 'Winter <glow>' } }))!;
    const before = harness.fakeSlack.calls.length;

    const click = await harness.slack.blockAction(
      { action_id: 'campaign_card_retired_button', value: `${campaign.id}:1` },
      { channelId: campaign.channelId, messageTs: campaign.cardTs! },
    );

    expect(click).toEqual({ status: 200, body: '' });
    expect(await nextEphemeral(before)).toBe(
      `:information_source: This button is from an older version of this message; nothing was changed. C-${campaign.id} *Winter &lt;glow&gt;* is now *Draft*: \`/campaign show C-${campaign.id}\` shows where it stands.`,
    );
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ version: campaign.version, status: 'draft' });
  });

  it('on a post’s approval message: answered with where the post stands now', async () => {
    const prisma = harness.running.db.prisma;
    const scenario = await collaboratingCampaign(prisma, 'Retired buttons');
    await harness.slack.command(`post C-${scenario.id}`, { userId: PEOPLE.member });
    const opened = await harness.fakeSlack.waitFor('views.open', (c) =>
      String((c.args.view as { private_metadata?: string }).private_metadata).includes(`"campaignId":${scenario.id}`),
    );
    const modal = opened.args.view as { private_metadata: string; blocks: Array<{ block_id?: string; element?: { options?: Array<{ value: string }> } }> };
    const account = modal.blocks.find((b) => b.block_id === POST_FIELDS.account)!.element!.options![0]!.value;
    await harness.slack.viewSubmission({
      callback_id: SUBMIT_POST,
      private_metadata: modal.private_metadata,
      values: {
        [POST_FIELDS.account]: { value: { type: 'static_select', selected_option: { value: account } } },
        [POST_FIELDS.plannedDate]: { value: { type: 'datepicker', selected_date: '2026-12-05' } },
        [POST_FIELDS.content]: { value: { type: 'plain_text_input', value: 'Morning routine' } },
        [POST_FIELDS.mediaUrls]: { value: { type: 'plain_text_input', value: 'https://cdn.example.com/reel.mp4' } },
      },
    });
    // Delivered after the set-up's cards and App Homes.
    await expect
      .poll(async () => (await prisma.post.findFirst({ where: { content: 'Morning routine' } }))?.approvalMessageTs, { timeout: 10_000 })
      .toBeTruthy();
    const post = (await prisma.post.findFirst({ where: { content: 'Morning routine' } }))!;
    const before = harness.fakeSlack.calls.length;

    await harness.slack.blockAction(
      { action_id: 'post_retired_button', value: `${post.id}:1` },
      { channelId: post.approvalChannelId!, messageTs: post.approvalMessageTs! },
    );

    expect(await nextEphemeral(before)).toContain(`Post #${post.id} of C-${scenario.id} is now *Pending approval*: \`/campaign show C-${scenario.id}\``);
  });

  it('on a message that is not one of ours: answered ephemerally, pointing to /campaign show and help', async () => {
    const before = harness.fakeSlack.calls.length;
    const click = await harness.slack.blockAction({ action_id: 'retired_button', value: '1:1' }, { channelId: 'C0ELSEWHERE', messageTs: '1600000000.000001' });
    expect(click).toEqual({ status: 200, body: '' });
    const text = await nextEphemeral(before);
    expect(text).toContain('This button is from an older version of this message; nothing was changed.');
    expect(text).toContain('`/campaign show <campaign>`');
    expect(text).toContain('`/campaign help`');
  });

  it('in the App Home: the home is published again with the answer at the top', async () => {
    const click = await harness.slack.blockAction({ action_id: 'retired_home_button' }, { userId: 'U0HOMECLICK', fromHome: true });
    expect(click).toEqual({ status: 200, body: '' });
    const home = await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === 'U0HOMECLICK');
    expect(JSON.stringify(home.args.view)).toContain('This button is from an older version');
  });
});

describe('a form or shortcut no listener has', () => {
  it('an unknown form is closed with a short modal saying it is out of date', async () => {
    const before = await campaigns();
    const { status, body } = await harness.slack.viewSubmission({ callback_id: 'retired_form', private_metadata: '{"id":1}', values: {} });
    expect(status).toBe(200);
    expect(body).toMatchObject({ response_action: 'update', view: { type: 'modal', title: { text: OUT_OF_DATE_TITLE } } });
    expect(blockKitViolations((body as { view: Record<string, unknown> }).view, 'modal')).toEqual([]);
    expect(await campaigns()).toBe(before);
  });

  it('a closed modal (view_closed) is acknowledged', async () => {
    expect(await harness.slack.viewClosed({ callback_id: CREATE_CAMPAIGN })).toEqual({ status: 200, body: '' });
  });

  it('a shortcut is acknowledged', async () => {
    const shortcut = {
      type: 'shortcut',
      callback_id: 'retired_shortcut',
      trigger_id: '1.2.trigger',
      user,
      team: { id: TEAM_ID, domain: 'test-workspace' },
      token: 'deprecated-verification-token',
    };
    expect(await harness.slack.interaction(shortcut)).toEqual({ status: 200, body: '' });
  });
});

describe('a body that is not one of Slack’s requests: 400, nothing changed', () => {
  it.each([
    [
      'block_actions without actions',
      () => harness.slack.interaction({ type: 'block_actions', user, team: { id: TEAM_ID }, trigger_id: '1.2.trigger', actions: [] }),
    ],
    ['a JSON array', () => harness.slack.post('[]', 'application/json')],
    [
      'a JSON array as the interactivity payload',
      () => harness.slack.post(new URLSearchParams({ payload: '[{"type":"block_actions"}]' }).toString(), 'application/x-www-form-urlencoded'),
    ],
    ['an object of no known kind', () => harness.slack.post('{"type":"nonsense"}', 'application/json')],
    ['not JSON at all', () => harness.slack.post('{"type":', 'application/json')],
    [
      'a view_submission without state',
      () =>
        harness.slack.interaction({
          type: 'view_submission',
          user,
          team: { id: TEAM_ID },
          view: { id: 'V0NOSTATE', callback_id: CREATE_CAMPAIGN, private_metadata: '' },
        }),
    ],
    ['a view_submission without a view', () => harness.slack.interaction({ type: 'view_submission', user, team: { id: TEAM_ID } })],
  ])('%s', async (_, send) => {
    const before = await campaigns();
    expect(await send()).toEqual({ status: 400, body: '' });
    expect(await campaigns()).toBe(before);
  });

  it('is refused after the signature check: a forged one still gets 401', async () => {
    expect((await harness.slack.post('[]', 'application/json', { signingSecret: 'not-the-real-secret' })).status).toBe(401);
  });
});
