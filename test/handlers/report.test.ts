import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CONFIRM_STEP } from '../../src/views/modals.js';
import { FINAL_APPROVE_CONFIRM, FINAL_APPROVE_POSTS_BLOCK, FINAL_APPROVE_SELECT } from '../../src/views/final-approval.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/views/report-chart.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { activeDigests } from '../../src/workflow/digests.js';
import { homeOf } from '../../src/workflow/home.js';
import * as posts from '../../src/workflow/posts.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, at, ok, submittedPost, livePost, setCosts, REEL_RESULTS } from '../support/factories.js';
import { entityHistory, getPost } from '../support/records.js';
import type { OpenedModal } from '../support/slack-user.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');

/** A collaborating campaign with budget $10,000, one influencer paid $1,000 + $100 shipping, and posts in several states. */
async function campaignWithResults(title: string) {
  const scenario = await collaboratingCampaign(prisma(), title);
  await setCosts(prisma(), scenario, { budgetMinor: 200_000, influencerCostMinor: 100_000, shippingCostMinor: 10_000 });
  const live = await livePost(prisma(), scenario, 'Live reel', { postUrl: 'https://instagram.com/p/live', metrics: REEL_RESULTS });
  const second = await submittedPost(prisma(), scenario, 'Second story');
  ok(await posts.approvePost(prisma(), second.id, at(PEOPLE.approver), undefined, 'Tag the brand in the first line'));
  ok(
    await posts.recordPostResult(prisma(), second.id, { postUrl: 'https://instagram.com/p/second', metrics: { reach: 2_000, likes: 100 } }, at(PEOPLE.member)),
  );
  await submittedPost(prisma(), scenario, 'Waiting');
  return { ...scenario, live, second };
}

/** The bytes uploaded for the files shared by one files.completeUploadExternal call. */
function uploadedFiles(complete: SlackCall) {
  return (complete.args.files as Array<{ id: string; title: string }>).map(({ id, title }) => ({ title, ...harness.fakeSlack.uploads.get(id)! }));
}

const pngSize = (bytes: Buffer) => ({ signature: bytes.subarray(1, 4).toString('ascii'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe('/campaign report', () => {
  it('posts the summary in the channel and the CSV and PNG chart in its thread, uploaded the current way', async () => {
    const scenario = await campaignWithResults('Report flow');
    const answer = await harness.slack.command(`report C-${scenario.id}`, { channelId: 'C0REPORTS' });
    expect(answer).toEqual({ status: 200, body: '' });

    const summary = await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'C0REPORTS' && String(c.args.text).includes(`Report for C-${scenario.id}`),
    );
    expect(blockKitViolations(summary.args, 'message')).toEqual([]);
    // Budget $10,000.00 (brief()); cost 1,000 + 100 = $1,100.00; engagements 350+30+10+10 + 100 = 500 on 10,000 reach.
    const text = texts(summary);
    expect(text).toContain('$1,100.00 of $10,000.00 (11 %)');
    expect(text).toContain('$1,100.00 (1 influencer)');
    expect(text).toContain('500 on 10,000 reach');
    expect(text).toContain('*Engagement rate*\n5 %');
    expect(text).toContain('*Cost per engagement*\n$2.20');
    expect(text).toContain('*ROI*\n100 % ($2,200.00 attributed revenue)'); // (2,200 − 1,100) / 1,100
    expect(text).toContain('3 planned · 2 approved · 2 posted · 0 final approved');
    expect(text).toContain('*Reviews*\n1 approved · 1 approved with corrections · 0 needs work');
    expect(text).toContain('*Profit*\n$9,000.00 (budget $10,000.00 − influencer costs $1,000.00)');
    expect(text).toContain('*Profit by influencer*\n• *Aiko Tanaka* $1,000.00\n• *Ben Ito* $0.00');
    expect(text).toContain(
      'Engagement rate = engagements (likes + comments + shares + saves) ÷ reach × 100 · cost per engagement = total cost (influencers + shipping) ÷ engagements · ROI = (attributed revenue − total cost) ÷ total cost × 100 · profit = budget − influencer costs.',
    );
    expect(text).toMatch(/1\. \*Aiko Tanaka\* · <https:\/\/instagram\.com\/p\/live\|post #\d+> · 400 engagements/);

    const complete = await harness.fakeSlack.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === 'C0REPORTS');
    expect(complete.args.thread_ts).toMatch(/^1700000000\.\d{6}$/);
    expect(harness.fakeSlack.callsTo('files.getUploadURLExternal').map((c) => c.args.filename)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^C-${scenario.id}-report-\\d{4}-\\d{2}-\\d{2}\\.csv$`)), expect.stringMatching(/\.png$/)]),
    );
    const [csv, chart] = uploadedFiles(complete);
    const rows = parse(csv!.bytes.toString('utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.row, r.influencer, r['post status']])).toEqual([
      ['participant', 'Aiko Tanaka', ''],
      ['post', 'Aiko Tanaka', 'Posted'],
      ['post', 'Aiko Tanaka', 'Posted'],
      ['post', 'Aiko Tanaka', 'Pending approval'],
      ['participant', 'Ben Ito', ''],
      ['campaign total', '', ''],
    ]);
    expect(rows[0]).toMatchObject({
      budget: '2000.00',
      'total cost': '1100.00',
      profit: '1000.00',
      engagements: '500',
      reach: '10000',
      'attributed revenue': '2200.00',
      'cost per engagement': '2.20',
      'roi %': '100',
      currency: 'USD',
    });
    expect(rows.at(-1)).toMatchObject({
      budget: '10000.00',
      'influencer cost': '1000.00',
      'total cost': '1100.00',
      profit: '9000.00',
      engagements: '500',
      'cost per engagement': '2.20',
    });
    expect(rows[1]).toMatchObject({ 'post url': 'https://instagram.com/p/live', likes: '350', engagements: '400', 'engagement rate %': '5' });
    expect(pngSize(chart!.bytes)).toEqual({ signature: 'PNG', width: CHART_WIDTH, height: CHART_HEIGHT });
  });

  it('--private answers only the user and sends the files by direct message; a channel the app is not in gets a hint', async () => {
    const scenario = await campaignWithResults('Private report');
    const answer = await harness.slack.answer(`report --private C-${scenario.id}`, { userId: PEOPLE.member });
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining(`Report for C-${scenario.id}`) });
    await harness.fakeSlack.waitFor('conversations.open', (c) => c.args.users === PEOPLE.member);
    await harness.fakeSlack.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === `D${PEOPLE.member}`);

    harness.fakeSlack.fail('chat.postMessage', { error: 'not_in_channel', channel: 'C0OUTSIDE', times: 1 });
    await harness.slack.command(`report C-${scenario.id}`, { channelId: 'C0OUTSIDE' });
    const hint = await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes('the app is not in this channel'));
    expect(hint.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(hint.args.text)).toContain(`/campaign report C-${scenario.id} --private`);
  });
});

describe('closing a campaign', () => {
  it('completing sends the report by direct message to the PICs and approvers, once each', async () => {
    const scenario = await campaignWithResults('Completion report');
    await harness.slack.command(`complete C-${scenario.id}`, { userId: PEOPLE.salesPic });
    const modal = (
      await harness.fakeSlack.waitFor(
        'views.open',
        (c) =>
          (c.args.view as OpenedModal).callback_id === CONFIRM_STEP && (c.args.view as OpenedModal).private_metadata.includes(`"campaignId":${scenario.id}`),
      )
    ).args.view as OpenedModal;
    await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: modal.private_metadata, values: {} }, { userId: PEOPLE.salesPic });
    const people = [PEOPLE.salesPic, PEOPLE.influencerPic, PEOPLE.approver, PEOPLE.approver2];
    for (const person of people) {
      const dm = await harness.fakeSlack.waitFor(
        'chat.postMessage',
        (c) => c.args.channel === `D${person}` && texts(c).includes(`completed *C-${scenario.id} Completion report*`),
      );
      expect(texts(dm)).toContain(`/campaign final-approve C-${scenario.id}`);
      await harness.fakeSlack.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === `D${person}` && c.args.thread_ts !== undefined);
    }
    const intros = harness.fakeSlack.callsTo('chat.postMessage').filter((c) => texts(c).includes(`completed *C-${scenario.id}`));
    expect(intros.map((c) => c.args.channel).sort()).toEqual(people.map((p) => `D${p}`).sort());
  });

  it('approvers final-approve several posts after a confirmation that says it cannot be undone; a repeat changes nothing', async () => {
    const scenario = await campaignWithResults('Bulk final');
    const early = await harness.slack.answer(`final-approve C-${scenario.id}`, { userId: PEOPLE.approver });
    expect(JSON.stringify(early)).toContain('Final approval comes only after the campaign is completed.');
    ok(await campaigns.completeCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const member = await harness.slack.answer(`final-approve C-${scenario.id}`, { userId: PEOPLE.member });
    expect(JSON.stringify(member)).toContain("Only the campaign's approvers can give final approval to posts.");

    await harness.slack.command(`final-approve C-${scenario.id}`, { userId: PEOPLE.approver });
    const select = (
      await harness.fakeSlack.waitFor(
        'views.open',
        (c) => (c.args.view as OpenedModal).callback_id === FINAL_APPROVE_SELECT && (c.args.view as OpenedModal).private_metadata.includes(`${scenario.id}`),
      )
    ).args.view as OpenedModal;
    expect(blockKitViolations(select as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const options = select.blocks.find((b) => b.block_id === FINAL_APPROVE_POSTS_BLOCK)!.element!.options!;
    expect(options.map((o) => o.value)).toEqual([
      expect.stringMatching(new RegExp(`^${scenario.live.id}:\\d+$`)),
      expect.stringMatching(new RegExp(`^${scenario.second.id}:\\d+$`)),
    ]);

    const chosen = (values: string[]) => ({
      [FINAL_APPROVE_POSTS_BLOCK]: {
        value: { type: 'multi_static_select', selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })) },
      },
    });
    const none = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE_SELECT, private_metadata: select.private_metadata, values: chosen([]) },
      { userId: PEOPLE.approver },
    );
    expect(none.body).toEqual({ response_action: 'errors', errors: { [FINAL_APPROVE_POSTS_BLOCK]: 'Choose at least one post.' } });

    const pushed = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE_SELECT, private_metadata: select.private_metadata, values: chosen(options.map((o) => o.value)) },
      { userId: PEOPLE.approver },
    );
    const confirm = (pushed.body as { response_action: string; view: OpenedModal }).view;
    expect((pushed.body as { response_action: string }).response_action).toBe('push');
    expect(confirm.callback_id).toBe(FINAL_APPROVE_CONFIRM);
    expect(JSON.stringify(confirm.blocks)).toContain('Final approval cannot be undone.');
    expect(blockKitViolations(confirm as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect((await getPost(prisma(), scenario.live.id))?.status).toBe('posted'); // nothing yet

    const done = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE_CONFIRM, private_metadata: confirm.private_metadata, values: {} },
      { userId: PEOPLE.approver },
    );
    expect(done.body).toEqual({ response_action: 'clear' });
    for (const id of [scenario.live.id, scenario.second.id]) expect((await getPost(prisma(), id))?.status).toBe('final_approved');

    const again = await harness.slack.replay();
    expect(JSON.stringify(again.body)).toContain(`Already given final approval by <@${PEOPLE.approver}>`);
    const finals = await Promise.all(
      [scenario.live.id, scenario.second.id].map(
        async (id) => (await entityHistory(prisma(), 'post', id)).filter((e) => e.action === 'post.final_approved').length,
      ),
    );
    expect(finals).toEqual([1, 1]);
  });

  it('a stale choice refuses the whole batch: one post final-approved elsewhere, none of the chosen change', async () => {
    const scenario = await campaignWithResults('Bulk stale');
    ok(await campaigns.completeCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const fresh = await Promise.all([scenario.live.id, scenario.second.id].map(async (id) => (await getPost(prisma(), id))!));
    ok(await posts.finalApprovePost(prisma(), scenario.second.id, at(PEOPLE.approver2)));
    const metadata = JSON.stringify({ campaignId: scenario.id, posts: fresh.map((p) => `${p.id}:${p.version}`) });
    const refused = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE_CONFIRM, private_metadata: metadata, values: {} },
      { userId: PEOPLE.approver },
    );
    expect((refused.body as { response_action: string }).response_action).toBe('update');
    expect((await getPost(prisma(), scenario.live.id))?.status).toBe('posted');
  });

  it('two approvers confirming the same batch at once: one wins whole, the other is told, each post approved once', async () => {
    const scenario = await campaignWithResults('Bulk race');
    ok(await campaigns.completeCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const fresh = await Promise.all([scenario.live.id, scenario.second.id].map(async (id) => (await getPost(prisma(), id))!));
    const metadata = JSON.stringify({ campaignId: scenario.id, posts: fresh.map((p) => `${p.id}:${p.version}`) });
    const answers = await Promise.all(
      [PEOPLE.approver, PEOPLE.approver2].map((userId) =>
        harness.slack.viewSubmission({ callback_id: FINAL_APPROVE_CONFIRM, private_metadata: metadata, values: {} }, { userId }),
      ),
    );
    expect(answers.map((a) => (a.body as { response_action: string }).response_action).sort()).toEqual(['clear', 'update']);
    const events = await Promise.all(
      fresh.map(async ({ id }) => (await entityHistory(prisma(), 'post', id)).filter((e) => e.action === 'post.final_approved')),
    );
    expect(events.map((e) => e.length)).toEqual([1, 1]);
    expect(events[0]![0]!.actor).toBe(events[1]![0]!.actor); // the same approver won both
  });

  it('archived: read-only, gone from the active list, while show, history and report still work', async () => {
    const scenario = await campaignWithResults('Archived report');
    ok(await campaigns.archiveCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const list = await harness.slack.answer('list');
    expect(JSON.stringify(list)).not.toContain('Archived report');
    expect((await homeOf(prisma(), PEOPLE.salesPic, new Date())).campaigns.map((c) => c.id)).not.toContain(scenario.id);
    expect((await activeDigests(prisma(), new Date())).map((d) => d.campaign.id)).not.toContain(scenario.id);
    expect(JSON.stringify(await harness.slack.answer(`show C-${scenario.id}`))).toContain('Archived report');
    expect(JSON.stringify(await harness.slack.answer(`history C-${scenario.id}`))).toContain('archived');
    const report = await harness.slack.answer(`report --private C-${scenario.id}`);
    expect(JSON.stringify(report)).toContain('$1,100.00 of $10,000.00');
    expect(JSON.stringify(report)).toContain('Archived');
    const step = await harness.slack.answer(`final-approve C-${scenario.id}`, { userId: PEOPLE.approver });
    expect(JSON.stringify(step)).toContain('Archived campaigns are read-only.');
  });
});
