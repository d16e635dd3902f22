import { describe, expect, it } from 'vitest';
import { APPROVE_POST, RECORD_RESULTS_BUTTON } from '../../src/views/approvals.js';
import { POST_FIELDS, SUBMIT_POST } from '../../src/views/post-form.js';
import { COUNT_FIELDS, RECORD_RESULTS, RESULT_FIELDS } from '../../src/views/results-form.js';
import { parseResults } from '../../src/handlers/views/results-form.js';
import { postApprovalMessage } from '../../src/store/posts.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import * as participants from '../../src/workflow/participants.js';
import * as posts from '../../src/workflow/posts.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, at, ok, submittedPost, FEED_POST_RESULTS } from '../support/factories.js';
import { entityHistory, getPost } from '../support/records.js';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
/** Does `act` and returns the modal it opened. */
const opened = (callbackId: string, act: () => Promise<unknown>) => modalOpenedBy(harness, act, (view) => view.callback_id === callbackId);

const number = (value: string) => ({ value: { type: 'number_input', value } });
const url = (value: string) => ({ value: { type: 'url_text_input', value } });

/** A draft post submitted through Slack (so its approval message exists) and approved with the button. */
async function approvedPost(title: string) {
  const scenario = await collaboratingCampaign(prisma(), title);
  await harness.slack.command(`post C-${scenario.id}`);
  const modal = (
    await harness.fakeSlack.waitFor(
      'views.open',
      (c) => (c.args.view as OpenedModal).callback_id === SUBMIT_POST && (c.args.view as OpenedModal).private_metadata.includes(`"campaignId":${scenario.id}`),
    )
  ).args.view as OpenedModal;
  const target = (modal.blocks.find((b) => b.block_id === POST_FIELDS.account)!.element!.options as Array<{ value: string }>)[0]!.value;
  await harness.slack.viewSubmission({
    callback_id: SUBMIT_POST,
    private_metadata: modal.private_metadata,
    values: {
      [POST_FIELDS.account]: { value: { type: 'static_select', selected_option: { value: target } } },
      [POST_FIELDS.plannedDate]: { value: { type: 'datepicker', selected_date: '2026-12-05' } },
      [POST_FIELDS.content]: { value: { type: 'plain_text_input', value: `${title} reel` } },
      [POST_FIELDS.mediaUrls]: { value: { type: 'plain_text_input', value: null } },
    },
  });
  const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes(`${title} reel`));
  const approve = (ask.args.blocks as OpenedModal['blocks']).find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === APPROVE_POST)!;
  const postId = Number(String(approve.value).split(':')[0]);
  await harness.slack.blockAction({ action_id: APPROVE_POST, value: String(approve.value) }, { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' });
  const approved = await harness.fakeSlack.waitFor('chat.update', (c) => texts(c).includes(`${title} reel`) && texts(c).includes('Approved by'));
  return { scenario, postId, approved, message: (await postApprovalMessage(prisma(), postId))! };
}

describe('the results form, read', () => {
  const revenue = (value: string) => ({ [RESULT_FIELDS.revenue]: number(value) });
  it('amounts in the campaign currency only: decimals a currency does not have are refused (JPY has none)', () => {
    expect(parseResults(revenue('1200'), 0, false)).toMatchObject({ ok: true, result: { metrics: { attributedRevenueMinor: 1_200 } } });
    expect(parseResults(revenue('1200.5'), 0, false)).toEqual({ ok: false, errors: { [RESULT_FIELDS.revenue]: 'Use a whole amount, 0 or more.' } });
    expect(parseResults(revenue('1200.5'), 2, false)).toMatchObject({ ok: true, result: { metrics: { attributedRevenueMinor: 120_050 } } });
    expect(parseResults(revenue('-1'), 2, false)).toEqual({
      ok: false,
      errors: { [RESULT_FIELDS.revenue]: 'Use an amount with at most 2 decimals, 0 or more.' },
    });
  });
});

describe('recording results', () => {
  it('the approved post offers Record results; bad numbers are field errors that change nothing; good ones make the post Posted', async () => {
    const { scenario, postId, approved } = await approvedPost('Results flow');
    const button = (approved.args.blocks as OpenedModal['blocks']).flatMap((b) => b.elements ?? []).find((e) => e.action_id === RECORD_RESULTS_BUTTON);
    expect(button).toMatchObject({ value: String(postId), text: { text: 'Record results' } });
    expect(texts(approved)).toContain('Not live yet');

    const modal = await opened(RECORD_RESULTS, () =>
      harness.slack.blockAction({ action_id: RECORD_RESULTS_BUTTON, value: String(postId) }, { channelId: 'C0CAMPAIGN' }),
    );
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(modal.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([RESULT_FIELDS.postUrl, ...COUNT_FIELDS, RESULT_FIELDS.revenue]);

    const bad = await harness.slack.viewSubmission({
      callback_id: RECORD_RESULTS,
      private_metadata: modal.private_metadata,
      values: {
        [RESULT_FIELDS.postUrl]: url('ftp://example.com/p/1'),
        likes: number('-3'),
        reach: number('12.5'),
        impressions: number('99999999999'),
        [RESULT_FIELDS.revenue]: number('10.505'),
      },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [RESULT_FIELDS.postUrl]: 'Use the http(s) link of the live post.',
        likes: 'Use a whole number, 0 or more.',
        reach: 'Use a whole number, 0 or more.',
        impressions: 'At most 2,147,483,647.',
        [RESULT_FIELDS.revenue]: 'Use an amount with at most 2 decimals, 0 or more.',
      },
    });
    const empty = await harness.slack.viewSubmission({ callback_id: RECORD_RESULTS, private_metadata: modal.private_metadata, values: {} });
    expect(empty.body).toEqual({ response_action: 'errors', errors: { [RESULT_FIELDS.postUrl]: 'Give the live post URL or at least one number.' } });
    expect(await getPost(prisma(), postId)).toMatchObject({ status: 'approved', metrics: null });

    const values = {
      [RESULT_FIELDS.postUrl]: url('https://instagram.com/p/results-flow'),
      impressions: number('30000'),
      reach: number('20000'),
      likes: number('1000'),
      comments: number('100'),
      shares: number('50'),
      saves: number('50'),
      clicks: number('300'),
      conversions: number('12'),
      [RESULT_FIELDS.revenue]: number('9000.00'),
    };
    const saved = await harness.slack.viewSubmission({ callback_id: RECORD_RESULTS, private_metadata: modal.private_metadata, values, id: 'VRESULTS1' });
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await getPost(prisma(), postId)).toMatchObject({
      status: 'posted',
      postUrl: 'https://instagram.com/p/results-flow',
      metrics: FEED_POST_RESULTS,
    });
    expect((await participants.listParticipants(prisma(), scenario.id)).find((p) => p.id === scenario.collaborator.id)?.stage).toBe('posted');
    const shown = await harness.fakeSlack.waitFor('chat.update', (c) => texts(c).includes('results-flow'));
    expect(texts(shown)).toContain('20,000 reach · 1,200 engagements · 300 clicks · Posted');
    expect(blockKitViolations(shown.args, 'message')).toEqual([]);

    // The same submission again (a double click): nothing recorded twice.
    await harness.slack.replay();
    const recorded = (await entityHistory(prisma(), 'post', postId)).filter((e) => e.action === 'post.result_recorded');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      actor: 'U0MEMBER',
      from: 'approved',
      to: 'posted',
      details: expect.objectContaining({ postUrl: 'https://instagram.com/p/results-flow' }),
    });

    // Opened again, the modal shows the recorded numbers; a blank field keeps its number.
    const again = await opened(RECORD_RESULTS, () =>
      harness.slack.blockAction({ action_id: RECORD_RESULTS_BUTTON, value: String(postId) }, { channelId: 'C0CAMPAIGN' }),
    );
    expect(JSON.stringify(again.blocks)).toContain('"initial_value":"9000.00"');
    await harness.slack.viewSubmission({ callback_id: RECORD_RESULTS, private_metadata: again.private_metadata, values: { likes: number('1500') } });
    expect((await getPost(prisma(), postId))?.metrics).toMatchObject({ likes: 1_500, reach: 20_000, attributedRevenueMinor: 900_000 });
  });

  it('/campaign results lets the member choose among approved posts; with none it says why', async () => {
    const { scenario, postId } = await approvedPost('Results command');
    // One approved post: the modal is that post's.
    const single = await opened(RECORD_RESULTS, () => harness.slack.command(`results C-${scenario.id}`));
    expect(single.blocks.find((b) => b.block_id === RESULT_FIELDS.post)).toBeUndefined();
    expect(JSON.parse(single.private_metadata)).toMatchObject({ postId });
    // Two: the member chooses.
    const second = await submittedPost(prisma(), scenario, 'Story', { plannedDate: new Date('2026-12-09') });
    ok(await posts.approvePost(prisma(), second.id, at(PEOPLE.approver)));
    const modal = await opened(RECORD_RESULTS, () => harness.slack.command(`results C-${scenario.id}`));
    const options = modal.blocks.find((b) => b.block_id === RESULT_FIELDS.post)!.element!.options as Array<{ value: string }>;
    expect(options.map((o) => o.value)).toEqual([String(postId), String(second.id)]);
    const unchosen = await harness.slack.viewSubmission({
      callback_id: RECORD_RESULTS,
      private_metadata: modal.private_metadata,
      values: { reach: number('10') },
    });
    expect(unchosen.body).toEqual({ response_action: 'errors', errors: { [RESULT_FIELDS.post]: 'Choose the post.' } });
    await harness.slack.viewSubmission({
      callback_id: RECORD_RESULTS,
      private_metadata: modal.private_metadata,
      values: { [RESULT_FIELDS.post]: { value: { type: 'static_select', selected_option: { value: String(postId) } } }, reach: number('10') },
    });
    expect(await getPost(prisma(), postId)).toMatchObject({ status: 'posted', metrics: expect.objectContaining({ reach: 10, likes: 0 }) });

    const none = await collaboratingCampaign(prisma(), 'No approved posts');
    const answer = await harness.slack.answer(`results C-${none.id}`);
    expect(JSON.stringify(answer)).toContain('No post of C-' + none.id + ' is approved yet');
  });

  it('a file shared in the post thread is linked once (Slack retries the event), with a reply; elsewhere nothing happens', async () => {
    const { postId, message } = await approvedPost('Screenshot flow');
    const shared = await harness.slack.fileShare({ channelId: message.channelId, threadTs: message.ts, fileId: 'F0SHOT1' }, { eventId: 'EvSHOT1' });
    expect(shared.status).toBe(200);
    await harness.fakeSlack.waitFor('chat.postMessage', (c) => c.args.thread_ts === message.ts && String(c.args.text).includes(`linked to post #${postId}`));
    await harness.slack.fileShare({ channelId: message.channelId, threadTs: message.ts, fileId: 'F0SHOT1' }, { eventId: 'EvSHOT1', retryNum: 1 });
    await harness.slack.fileShare({ channelId: message.channelId, threadTs: '1700000000.999999', fileId: 'F0ELSEWHERE' });

    await expect.poll(async () => (await entityHistory(prisma(), 'post', postId)).filter((e) => e.action === 'post.screenshot_linked').length).toBe(1);
    const linked = (await entityHistory(prisma(), 'post', postId)).find((e) => e.action === 'post.screenshot_linked');
    expect(linked?.details).toEqual({ fileId: 'F0SHOT1', permalink: `https://test-workspace.slack.com/files/U0MEMBER/F0SHOT1/insights.png` });
    expect(await prisma().postScreenshot.findMany({ select: { fileId: true, postId: true } })).toEqual([{ fileId: 'F0SHOT1', postId }]);
    expect(harness.fakeSlack.callsTo('chat.postMessage').filter((c) => String(c.args.text).includes('insights screenshot'))).toHaveLength(1);
  });

  it('an archived campaign is read-only: results are refused with the reason', async () => {
    const { scenario, postId } = await approvedPost('Archived results');
    const modal = await opened(RECORD_RESULTS, () =>
      harness.slack.blockAction({ action_id: RECORD_RESULTS_BUTTON, value: String(postId) }, { channelId: 'C0CAMPAIGN' }),
    );
    ok(await campaigns.archiveCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const refused = await harness.slack.viewSubmission({
      callback_id: RECORD_RESULTS,
      private_metadata: modal.private_metadata,
      values: { reach: number('5') },
    });
    expect(refused.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(refused.body)).toContain('Archived campaigns are read-only.');
    expect(JSON.stringify(await harness.slack.answer(`results C-${scenario.id}`))).toContain('archived campaigns are read-only');
  });
});
