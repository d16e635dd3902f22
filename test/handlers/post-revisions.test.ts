import { describe, expect, it } from 'vitest';
import { APPROVE_POST, APPROVE_POST_WITH_CORRECTIONS, EDIT_POST, REJECT_POST, REVISE_POST, WITHDRAW_POST } from '../../src/views/approvals.js';
import { FINAL_APPROVE_CONFIRM, FINAL_APPROVE_POSTS_BLOCK, FINAL_APPROVE_SELECT } from '../../src/views/final-approval.js';
import { FINAL_APPROVE_POST } from '../../src/views/home.js';
import { FINAL_APPROVE, REASON_BLOCK, REJECT_REASON } from '../../src/views/modals.js';
import { EDIT_POST_FORM, POST_FIELDS, REVISE_POST_FORM, SUBMIT_POST } from '../../src/views/post-form.js';
import { postApprovalMessage } from '../../src/store/posts.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { listParticipants } from '../../src/workflow/participants.js';
import * as posts from '../../src/workflow/posts.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, at, ok } from '../support/factories.js';
import { entityHistory, getPost } from '../support/records.js';
import type { OpenedModal } from '../support/slack-user.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
type Button = { action_id: string; value: string };
const buttons = (call: SlackCall): Button[] =>
  (call.args.blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const button = (call: SlackCall, actionId: string) => buttons(call).find((b) => b.action_id === actionId)!;

/** Waits for the next call to `method` (after those already made) that matches. */
async function next(method: string, matches: (call: SlackCall) => boolean = () => true): Promise<SlackCall> {
  const seen = new Set(harness.fakeSlack.callsTo(method));
  return harness.fakeSlack.waitFor(method, (call) => !seen.has(call) && matches(call));
}

/** Clicks a button and returns the modal it opens. */
async function open(clicked: Button, userId: string, callbackId: string): Promise<OpenedModal> {
  const opened = next('views.open', (c) => (c.args.view as OpenedModal).callback_id === callbackId);
  await harness.slack.blockAction({ action_id: clicked.action_id, value: clicked.value }, { userId, channelId: 'C0CAMPAIGN' });
  const view = (await opened).args.view as OpenedModal;
  expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  return view;
}

/** Clicks a button and returns what only the clicker was told. */
async function refusedClick(clicked: Button, userId: string): Promise<string> {
  const answer = next('response_url');
  await harness.slack.blockAction({ action_id: clicked.action_id, value: clicked.value }, { userId, channelId: 'C0CAMPAIGN' });
  const call = await answer;
  expect(call.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  return String(call.args.text);
}

const fields = ({ content, date, media = '' }: { content: string | null; date: string | null; media?: string }) => ({
  [POST_FIELDS.plannedDate]: { value: { type: 'datepicker', selected_date: date } },
  [POST_FIELDS.content]: { value: { type: 'plain_text_input', value: content } },
  [POST_FIELDS.mediaUrls]: { value: { type: 'plain_text_input', value: media || null } },
});

/** `/campaign post` as the member, choosing the first account: returns the approval message posted in the channel. */
async function submitThroughSlack(campaignId: number, content: string) {
  const opened = next('views.open', (c) => (c.args.view as OpenedModal).callback_id === SUBMIT_POST);
  await harness.slack.command(`post C-${campaignId}`, { userId: PEOPLE.member });
  const modal = (await opened).args.view as OpenedModal;
  const option = modal.blocks.find((b) => b.block_id === POST_FIELDS.account)!.element!.options![0]!;
  const card = next('chat.postMessage', (c) => texts(c).includes(content));
  const values = {
    ...fields({ content, date: '2026-12-05', media: 'https://cdn.example.com/reel.mp4' }),
    [POST_FIELDS.account]: { value: { type: 'static_select', selected_option: { value: option.value } } },
  };
  expect(await harness.slack.viewSubmission({ callback_id: SUBMIT_POST, private_metadata: modal.private_metadata, values }, { userId: PEOPLE.member })).toEqual(
    { status: 200, body: '' },
  );
  const posted = await card;
  return { modal, option, card: posted, postId: Number(button(posted, APPROVE_POST).value.split(':')[0]) };
}

/** An approver rejects through the card's Reject button and the reason modal. */
async function rejectThroughSlack(card: SlackCall, reason: string) {
  const modal = await open(button(card, REJECT_POST), PEOPLE.approver, REJECT_REASON);
  const updated = next('chat.update', (c) => texts(c).includes(':construction: Needs work — sent back by'));
  const reply = next('chat.postMessage', (c) => c.args.thread_ts !== undefined && String(c.args.text).includes('was sent back (needs work) by'));
  await harness.slack.viewSubmission(
    {
      callback_id: REJECT_REASON,
      private_metadata: modal.private_metadata,
      values: { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: reason } } },
    },
    { userId: PEOPLE.approver },
  );
  return { updated: await updated, reply: await reply };
}

describe('the next revision of a rejected draft', () => {
  it('"Submit revision" in the thread opens the form prefilled; saving makes revision 2 of the same post, asked again with the rejection it answers', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Revision flow');
    const { card, postId } = await submitThroughSlack(scenario.id, 'First take, logo hidden');
    expect(buttons(card).map((b) => b.action_id)).toEqual([APPROVE_POST, APPROVE_POST_WITH_CORRECTIONS, REJECT_POST, EDIT_POST, WITHDRAW_POST]);
    expect(blockKitViolations(card.args, 'message')).toEqual([]);

    const { updated, reply } = await rejectThroughSlack(card, 'Show the <brand> logo');
    expect(buttons(updated).map((b) => b.action_id)).toEqual([REVISE_POST]);
    expect(buttons(reply).map((b) => b.action_id)).toEqual([REVISE_POST]);
    expect(blockKitViolations(reply.args, 'message')).toEqual([]);

    const form = await open(button(reply, REVISE_POST), PEOPLE.member, REVISE_POST_FORM);
    const initial = (block: string) => form.blocks.find((b) => b.block_id === block)!.element!;
    expect(initial(POST_FIELDS.content).initial_value).toBe('First take, logo hidden');
    expect(initial(POST_FIELDS.mediaUrls).initial_value).toBe('https://cdn.example.com/reel.mp4');
    expect(initial(POST_FIELDS.plannedDate).initial_date).toBe('2026-12-05');
    expect(mrkdwnTexts(form).join('\n')).toContain('Revision 2 of the draft post');

    // Every mistake at once: no date, no content, a bad link.
    const bad = await harness.slack.viewSubmission(
      { callback_id: REVISE_POST_FORM, private_metadata: form.private_metadata, values: fields({ content: '  ', date: null, media: 'not a link' }) },
      { userId: PEOPLE.member },
    );
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [POST_FIELDS.plannedDate]: 'Choose the planned date.',
        [POST_FIELDS.content]: 'Write the content to review.',
        [POST_FIELDS.mediaUrls]: '"not a link" is not an http(s) link.',
      },
    });

    const asked = next('chat.postMessage', (c) => texts(c).includes('Second take'));
    const saved = await harness.slack.viewSubmission(
      { callback_id: REVISE_POST_FORM, private_metadata: form.private_metadata, values: fields({ content: 'Second take, logo visible', date: '2026-12-09' }) },
      { userId: PEOPLE.member },
    );
    expect(saved).toEqual({ status: 200, body: '' });
    const revision = await asked;
    expect(texts(revision)).toContain('(revision 2, planned');
    expect(texts(revision)).toContain(`Revision 1 was sent back (needs work) by <@${PEOPLE.approver}>`);
    expect(texts(revision)).toContain('Show the &lt;brand&gt; logo');
    // What changed since revision 1: the caption word by word, the media link taken out, the date moved.
    expect(texts(revision)).toContain(
      [
        ':mag: *What changed since revision 1*',
        'Caption (*added*, ~removed~):',
        '~First~ *Second* take, logo ~hidden~ *visible*',
        'Media removed: ~https://cdn.example.com/reel.mp4~',
        'Planned date: 2026-12-05 → 2026-12-09',
      ].join('\n'),
    );
    expect(button(revision, APPROVE_POST).value.split(':')[0]).toBe(String(postId));
    expect(blockKitViolations(revision.args, 'message')).toEqual([]);

    const post = await getPost(prisma(), postId);
    expect(post).toMatchObject({ status: 'pending_approval', revision: 2, content: 'Second take, logo visible', plannedDate: new Date('2026-12-09') });
    expect((await listParticipants(prisma(), scenario.id)).find((p) => p.id === scenario.collaborator.id)?.stage).toBe('content_in_review');
    const resubmitted = (await entityHistory(prisma(), 'post', postId)).filter((e) => e.action === 'post.resubmitted');
    expect(resubmitted).toHaveLength(1);
    expect(resubmitted[0]).toMatchObject({
      actor: PEOPLE.member,
      from: 'rejected',
      to: 'pending_approval',
      details: {
        revision: 2,
        previousRevision: 1,
        rejectedBy: PEOPLE.approver,
        rejectionReason: 'Show the <brand> logo',
        previous: { content: 'First take, logo hidden', mediaUrls: ['https://cdn.example.com/reel.mp4'], plannedDate: '2026-12-05T00:00:00.000Z' },
      },
    });

    // The same button again, and the same form again: what happened instead, nothing changed.
    expect(await refusedClick(button(reply, REVISE_POST), PEOPLE.member)).toContain(`Already resubmitted by <@${PEOPLE.member}>`);
    const twice = await harness.slack.viewSubmission(
      { callback_id: REVISE_POST_FORM, private_metadata: form.private_metadata, values: fields({ content: 'Third take', date: '2026-12-09' }) },
      { userId: PEOPLE.member },
    );
    expect(JSON.stringify(twice.body)).toContain('Already resubmitted by');
    expect((await getPost(prisma(), postId))?.revision).toBe(2);
  });

  it("a rejection Slack could not reply in yet is told in the old thread before revision 2's message, even when both are retried at once", async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Reply before revision');
    const { card } = await submitThroughSlack(scenario.id, 'Take one');
    const channel = String(card.args.channel);
    harness.fakeSlack.fail('chat.postMessage', { error: 'internal_error', channel });

    const modal = await open(button(card, REJECT_POST), PEOPLE.approver, REJECT_REASON);
    const updated = next('chat.update', (c) => texts(c).includes(':construction: Needs work — sent back by'));
    const values = { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: 'Show the logo' } } };
    await harness.slack.viewSubmission({ callback_id: REJECT_REASON, private_metadata: modal.private_metadata, values }, { userId: PEOPLE.approver });
    const { ts } = (await updated).args;
    const form = await open(button(await updated, REVISE_POST), PEOPLE.member, REVISE_POST_FORM);
    const revised = await harness.slack.viewSubmission(
      { callback_id: REVISE_POST_FORM, private_metadata: form.private_metadata, values: fields({ content: 'Take two', date: '2026-12-09' }) },
      { userId: PEOPLE.member },
    );
    expect(revised).toEqual({ status: 200, body: '' });
    // The rejection's reply failed; revision 2's message waits behind it.
    const failed = (text: string) => harness.fakeSlack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && texts(c).includes(text));
    await expect.poll(() => failed('was sent back (needs work) by').length).toBeGreaterThan(0);
    expect(failed('Take two')).toEqual([]);

    // Slack recovers and an admin retries everything at once: one claim holds both.
    harness.fakeSlack.recover('chat.postMessage');
    const reply = next('chat.postMessage', (c) => c.args.thread_ts === ts && String(c.args.text).includes('was sent back (needs work) by'));
    const asked = next('chat.postMessage', (c) => texts(c).includes('Take two'));
    await harness.slack.command('deliveries retry', { userId: PEOPLE.admin });
    const [told, second] = [await reply, await asked];
    expect(harness.fakeSlack.calls.indexOf(told)).toBeLessThan(harness.fakeSlack.calls.indexOf(second));
    expect(texts(second)).toContain('(revision 2, planned');
  });

  it('/campaign post for an account whose latest post was rejected says so and makes its next revision', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Revision by command');
    const draft = {
      participationId: scenario.collaborator.id,
      socialAccountId: scenario.account.id,
      plannedDate: new Date('2026-12-05'),
      content: 'Take one',
      mediaUrls: [],
    };
    const first = ok(await posts.submitPost(prisma(), draft, at(PEOPLE.member)));
    ok(await posts.rejectPost(prisma(), first.id, 'Too dark', at(PEOPLE.approver2)));

    const { modal, card, postId } = await submitThroughSlack(scenario.id, 'Take two, brighter');
    const option = modal.blocks.find((b) => b.block_id === POST_FIELDS.account)!.element!.options![0]!;
    expect(option.text.text).toMatch(/revision 2 of rejected post$/);
    expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(mrkdwnTexts(modal).join('\n')).toContain("saving makes that post's next revision");

    expect(postId).toBe(first.id);
    expect(texts(card)).toContain(`Revision 1 was sent back (needs work) by <@${PEOPLE.approver2}>`);
    expect(await getPost(prisma(), first.id)).toMatchObject({ revision: 2, status: 'pending_approval', content: 'Take two, brighter' });
    expect((await entityHistory(prisma(), 'post', first.id)).map((e) => e.action)).toEqual(['post.submitted', 'post.rejected', 'post.resubmitted']);
  });

  it('refuses readably, to the clicker only, once the campaign is archived; the form then says why', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Revision refused');
    const { card } = await submitThroughSlack(scenario.id, 'Refused take');
    const { reply } = await rejectThroughSlack(card, 'No');
    const revise = button(reply, REVISE_POST);
    const form = await open(revise, PEOPLE.member, REVISE_POST_FORM);

    ok(await campaigns.archiveCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const opens = harness.fakeSlack.callsTo('views.open').length;
    expect(await refusedClick(revise, PEOPLE.member)).toContain('read-only');
    expect(harness.fakeSlack.callsTo('views.open')).toHaveLength(opens);
    const saved = await harness.slack.viewSubmission(
      { callback_id: REVISE_POST_FORM, private_metadata: form.private_metadata, values: fields({ content: 'Too late', date: '2026-12-09' }) },
      { userId: PEOPLE.member },
    );
    expect(saved.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(saved.body)).toContain('read-only');
  });
});

describe('editing or withdrawing a waiting draft', () => {
  it('the submitter edits: the card is updated in place and says "edited", the approvers are told in its thread', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Edit flow');
    const { card, postId } = await submitThroughSlack(scenario.id, 'Before the edit');

    expect(await refusedClick(button(card, EDIT_POST), PEOPLE.approver)).toContain(
      "Only whoever submitted the post or the campaign's PICs (or an admin) can edit or withdraw it.",
    );

    const form = await open(button(card, EDIT_POST), PEOPLE.member, EDIT_POST_FORM);
    const same = await harness.slack.viewSubmission(
      {
        callback_id: EDIT_POST_FORM,
        private_metadata: form.private_metadata,
        values: fields({ content: 'Before the edit', date: '2026-12-05', media: 'https://cdn.example.com/reel.mp4' }),
      },
      { userId: PEOPLE.member },
    );
    expect(same.body).toEqual({
      response_action: 'errors',
      errors: { [POST_FIELDS.content]: 'Nothing changed: the caption, media and date are as they were.' },
    });

    const updated = next('chat.update', (c) => texts(c).includes('After the edit'));
    const told = next('chat.postMessage', (c) => c.args.thread_ts !== undefined && String(c.args.text).includes('edited this draft'));
    const saved = await harness.slack.viewSubmission(
      {
        callback_id: EDIT_POST_FORM,
        private_metadata: form.private_metadata,
        values: fields({ content: 'After the edit', date: '2026-12-05', media: 'https://cdn.example.com/reel.mp4' }),
      },
      { userId: PEOPLE.member },
    );
    expect(saved).toEqual({ status: 200, body: '' });
    const edited = await updated;
    expect(edited.args.ts).toBe((await postApprovalMessage(prisma(), postId))!.ts);
    expect(texts(edited)).toContain(`:pencil2: Edited by <@${PEOPLE.member}>`);
    expect(blockKitViolations(edited.args, 'message')).toEqual([]);
    expect(String((await told).args.text)).toBe(
      `<@${PEOPLE.approver}> <@${PEOPLE.approver2}> <@${PEOPLE.member}> edited this draft (caption) while it waits for your decision: the message above shows the new version.`,
    );

    const history = (await entityHistory(prisma(), 'post', postId)).filter((e) => e.action === 'post.edited');
    expect(history).toEqual([
      expect.objectContaining({ actor: PEOPLE.member, details: { revision: 1, changed: { content: { from: 'Before the edit', to: 'After the edit' } } } }),
    ]);
    expect(await getPost(prisma(), postId)).toMatchObject({ status: 'pending_approval', revision: 1, content: 'After the edit' });

    // The card's old buttons are stale; once approved, the post cannot be edited any more.
    expect(await refusedClick(button(card, APPROVE_POST), PEOPLE.approver)).toContain(`Already edited by <@${PEOPLE.member}>`);
    await harness.slack.blockAction(
      { action_id: APPROVE_POST, value: button(edited, APPROVE_POST).value },
      { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' },
    );
    await expect.poll(async () => (await getPost(prisma(), postId))?.status).toBe('approved');
    const current = (await getPost(prisma(), postId))!;
    expect(await refusedClick({ action_id: EDIT_POST, value: `${postId}:${current.version}` }, PEOPLE.member)).toContain(
      'Only a post waiting for approval can be edited; this one is approved (ready to post).',
    );
    expect(await refusedClick({ action_id: WITHDRAW_POST, value: `${postId}:${current.version}` }, PEOPLE.member)).toContain(
      'a decided post cannot be withdrawn',
    );
  });

  it('a PIC withdraws: the card shows it without buttons, the participant leaves Content in review', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Withdraw flow');
    const { card, postId } = await submitThroughSlack(scenario.id, 'To be withdrawn');
    const stage = async () => (await listParticipants(prisma(), scenario.id)).find((p) => p.id === scenario.collaborator.id)?.stage;
    expect(await stage()).toBe('content_in_review');

    const withdraw = button(card, WITHDRAW_POST) as Button & { confirm?: unknown };
    expect(withdraw.confirm).toBeDefined();
    expect(await refusedClick(withdraw, PEOPLE.approver2)).toContain('can edit or withdraw it');

    const updated = next('chat.update', (c) => texts(c).includes('To be withdrawn'));
    await harness.slack.blockAction({ action_id: WITHDRAW_POST, value: withdraw.value }, { userId: PEOPLE.salesPic, channelId: 'C0CAMPAIGN' });
    const shown = await updated;
    expect(texts(shown)).toContain(`Withdrawn by <@${PEOPLE.salesPic}>`);
    expect(buttons(shown)).toEqual([]);
    expect(await stage()).toBe('collaborating');
    expect((await entityHistory(prisma(), 'post', postId)).at(-1)).toMatchObject({
      action: 'post.withdrawn',
      actor: PEOPLE.salesPic,
      from: 'pending_approval',
      to: 'withdrawn',
    });

    expect(await refusedClick(withdraw, PEOPLE.member)).toContain(`Already withdrawn by <@${PEOPLE.salesPic}>`);
  });
});

describe('final approval updates the post messages', () => {
  async function postedThroughSlack(campaignId: number, content: string) {
    const { card, postId } = await submitThroughSlack(campaignId, content);
    await harness.slack.blockAction({ action_id: APPROVE_POST, value: button(card, APPROVE_POST).value }, { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' });
    await expect.poll(async () => (await getPost(prisma(), postId))?.status).toBe('approved');
    return ok(await posts.recordPostResult(prisma(), postId, { postUrl: `https://instagram.com/p/${postId}` }, at(PEOPLE.member)));
  }

  it('from App Home and with /campaign final-approve: each card says who gave final approval and when', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Final cards');
    const single = await postedThroughSlack(scenario.id, 'Single final');
    const bulk = await postedThroughSlack(scenario.id, 'Bulk final');
    ok(await campaigns.completeCampaign(prisma(), scenario.id, at(PEOPLE.salesPic)));

    const opened = next('views.open', (c) => (c.args.view as OpenedModal).callback_id === FINAL_APPROVE);
    await harness.slack.blockAction({ action_id: FINAL_APPROVE_POST, value: `${single.id}:${single.version}` }, { userId: PEOPLE.approver2, fromHome: true });
    const modal = (await opened).args.view as OpenedModal;
    const singleCard = next('chat.update', (c) => texts(c).includes('Single final') && texts(c).includes(':trophy: Final approved by'));
    await harness.slack.viewSubmission({ callback_id: FINAL_APPROVE, private_metadata: modal.private_metadata, values: {} }, { userId: PEOPLE.approver2 });
    expect(texts(await singleCard)).toMatch(new RegExp(`:trophy: Final approved by <@${PEOPLE.approver2}> <!date\\^\\d+\\^`));

    const select = next('views.open', (c) => (c.args.view as OpenedModal).callback_id === FINAL_APPROVE_SELECT);
    await harness.slack.command(`final-approve C-${scenario.id}`, { userId: PEOPLE.approver });
    const chooser = (await select).args.view as OpenedModal;
    const chosen = {
      [FINAL_APPROVE_POSTS_BLOCK]: {
        value: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'x' }, value: `${bulk.id}:${bulk.version}` }] },
      },
    };
    const pushed = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE_SELECT, private_metadata: chooser.private_metadata, values: chosen },
      { userId: PEOPLE.approver },
    );
    const confirm = (pushed.body as { view: OpenedModal }).view;
    const bulkCard = next('chat.update', (c) => texts(c).includes('Bulk final') && texts(c).includes(':trophy: Final approved by'));
    await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE_CONFIRM, private_metadata: confirm.private_metadata, values: {} },
      { userId: PEOPLE.approver },
    );
    const shown = await bulkCard;
    expect(texts(shown)).toContain(`:trophy: Final approved by <@${PEOPLE.approver}>`);
    expect(blockKitViolations(shown.args, 'message')).toEqual([]);
  });
});
