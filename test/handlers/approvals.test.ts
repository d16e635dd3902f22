import { describe, expect, it } from 'vitest';
import {
  APPROVE_POST,
  APPROVE_POST_WITH_CORRECTIONS,
  APPROVE_PROPOSAL,
  EDIT_POST,
  REJECT_POST,
  REJECT_PROPOSAL,
  WITHDRAW_POST,
} from '../../src/views/approvals.js';
import { CONFIRM_STEP, REASON_BLOCK, REJECT_REASON } from '../../src/views/modals.js';
import { OPEN_RECRUITMENT_BUTTON } from '../../src/views/open-recruitment.js';
import { SUBMIT_POST, POST_FIELDS } from '../../src/views/post-form.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, at, brief, submittedPost } from '../support/factories.js';
import { entityHistory, getPost, transactionsThatWrote } from '../support/records.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
const buttons = (call: SlackCall) =>
  (call.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')?.elements ?? [];

async function draft(title: string) {
  const created = await campaigns.createCampaign(prisma(), brief({ title }), at(PEOPLE.member));
  if (!created.ok) throw new Error('not created');
  return created.campaign;
}

/** Runs `/campaign <step> <ref>` and submits the confirmation modal as `userId`. */
async function confirmStep(step: string, ref: string, userId: string) {
  const before = harness.fakeSlack.callsTo('views.open').length;
  await harness.slack.command(`${step} ${ref}`, { userId });
  await expect.poll(() => harness.fakeSlack.callsTo('views.open').length).toBe(before + 1);
  const view = harness.fakeSlack.callsTo('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
  expect(view.callback_id).toBe(CONFIRM_STEP);
  return {
    view,
    submitted: await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: view.private_metadata, values: {} }, { userId }),
  };
}

describe('publishing a proposal', () => {
  it('asks for confirmation saying it cannot be undone; a member is refused in the modal; a PIC publishes and approvers are asked', async () => {
    const campaign = await draft('Proposal flow');
    const ref = `C-${campaign.id}`;
    const { view, submitted } = await confirmStep('publish', ref, PEOPLE.member);
    expect(JSON.stringify(view.blocks)).toContain('can never be deleted');
    expect(submitted.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(submitted.body)).toContain("Only the campaign's PICs or an admin can publish the proposal.");
    expect((await campaigns.getCampaign(prisma(), campaign.id))?.status).toBe('draft');

    const { submitted: published } = await confirmStep('publish', ref, PEOPLE.salesPic);
    expect(published).toEqual({ status: 200, body: '' });
    const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes(`published the proposal for *${ref}`));
    expect(ask.args.channel).toBe('C0CAMPAIGN');
    expect(buttons(ask).map((b) => b.action_id)).toEqual([APPROVE_PROPOSAL, REJECT_PROPOSAL]);
    expect(blockKitViolations(ask.args, 'message')).toEqual([]);
  });

  it('approve by a non-approver is refused ephemerally; an approver decides; a second click says who already did', async () => {
    const campaign = await draft('Approve flow');
    await confirmStep('publish', `C-${campaign.id}`, PEOPLE.salesPic);
    const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes(`*C-${campaign.id} Approve flow*`) && buttons(c).length > 0);
    const [approve] = buttons(ask);

    await harness.slack.blockAction({ action_id: APPROVE_PROPOSAL, value: approve!.value }, { userId: PEOPLE.member, channelId: 'C0CAMPAIGN' });
    const refused = await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes("Only the campaign's approvers"));
    expect(refused.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });

    await harness.slack.blockAction({ action_id: APPROVE_PROPOSAL, value: approve!.value }, { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' });
    const updated = await harness.fakeSlack.waitFor('chat.update', (c) => texts(c).includes(':white_check_mark: Approved by <@U0APPROVE>'));
    expect(buttons(updated).map((b) => b.action_id)).toEqual([OPEN_RECRUITMENT_BUTTON]);
    expect(texts(updated)).toMatch(/<!date\^\d+\^/);
    await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts !== undefined && String(c.args.text).includes(`<@${PEOPLE.salesPic}> the proposal was approved`),
    );

    // The same click again, replayed byte for byte as a Slack retry would be.
    await harness.slack.replay();
    await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes(`Already approved by <@${PEOPLE.approver}>`));
    const decisions = (await entityHistory(prisma(), 'campaign', campaign.id)).filter((e) => e.action === 'campaign.proposal_approved');
    expect(decisions).toHaveLength(1);
  });

  it('reject opens a modal that requires a reason; the message then shows the reason', async () => {
    const campaign = await draft('Reject flow');
    await confirmStep('publish', `C-${campaign.id}`, PEOPLE.salesPic);
    const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes(`*C-${campaign.id} Reject flow*`) && buttons(c).length > 0);
    const reject = buttons(ask)[1]!;
    const opens = harness.fakeSlack.callsTo('views.open').length;
    await harness.slack.blockAction({ action_id: REJECT_PROPOSAL, value: reject.value }, { userId: PEOPLE.approver2 });
    await expect.poll(() => harness.fakeSlack.callsTo('views.open').length).toBe(opens + 1);
    const modal = harness.fakeSlack.callsTo('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe(REJECT_REASON);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);

    const blank = await harness.slack.viewSubmission(
      {
        callback_id: REJECT_REASON,
        private_metadata: modal.private_metadata,
        values: { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: '  ' } } },
      },
      { userId: PEOPLE.approver2 },
    );
    expect(blank.body).toEqual({ response_action: 'errors', errors: { [REASON_BLOCK]: 'Say why, so the submitter can fix it.' } });

    const reason = 'Budget <too low> for 10 creators';
    const done = await harness.slack.viewSubmission(
      {
        callback_id: REJECT_REASON,
        private_metadata: modal.private_metadata,
        values: { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: reason } } },
      },
      { userId: PEOPLE.approver2 },
    );
    expect(done).toEqual({ status: 200, body: '' });
    const updated = await harness.fakeSlack.waitFor('chat.update', (c) => texts(c).includes(':x: Rejected by <@U0APPROVE2>'));
    expect(texts(updated)).toContain('Budget &lt;too low&gt; for 10 creators');
    expect((await campaigns.getCampaign(prisma(), campaign.id))?.status).toBe('draft');
  });
});

describe('draft posts', () => {
  async function submitDraft(title: string) {
    const scenario = await collaboratingCampaign(prisma(), title);
    await harness.slack.command(`post C-${scenario.id}`, { userId: PEOPLE.member });
    const modal = (
      await harness.fakeSlack.waitFor(
        'views.open',
        (c) =>
          (c.args.view as { callback_id: string }).callback_id === SUBMIT_POST &&
          String((c.args.view as { private_metadata: string }).private_metadata).includes(`"campaignId":${scenario.id}`),
      )
    ).args.view as {
      private_metadata: string;
      blocks: Array<{ block_id?: string; element?: { options?: Array<{ value: string }> } }>;
    };
    const target = modal.blocks.find((b) => b.block_id === POST_FIELDS.account)!.element!.options![0]!.value;
    const values = (content: string, media = 'https://cdn.example.com/reel.mp4') => ({
      [POST_FIELDS.account]: { value: { type: 'static_select', selected_option: { value: target } } },
      [POST_FIELDS.plannedDate]: { value: { type: 'datepicker', selected_date: '2026-12-05' } },
      [POST_FIELDS.content]: { value: { type: 'plain_text_input', value: content } },
      [POST_FIELDS.mediaUrls]: { value: { type: 'plain_text_input', value: media } },
    });
    return { scenario, modal, values };
  }

  it('refuses a bad media link in the modal, then asks the approvers with the content and buttons', async () => {
    const { modal, values } = await submitDraft('Post flow');
    const bad = await harness.slack.viewSubmission({
      callback_id: SUBMIT_POST,
      private_metadata: modal.private_metadata,
      values: values('Reel', 'not a link'),
    });
    expect(bad.body).toMatchObject({ response_action: 'errors', errors: { [POST_FIELDS.mediaUrls]: expect.stringContaining('is not an http(s) link') } });
    const ok = await harness.slack.viewSubmission({
      callback_id: SUBMIT_POST,
      private_metadata: modal.private_metadata,
      values: values('Morning *routine* <!here>'),
    });
    expect(ok).toEqual({ status: 200, body: '' });
    const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes('Morning *routine* &lt;!here&gt;'));
    expect(buttons(ask).map((b) => b.action_id)).toEqual([APPROVE_POST, APPROVE_POST_WITH_CORRECTIONS, REJECT_POST, EDIT_POST, WITHDRAW_POST]);
    expect(texts(ask)).not.toContain('<!here>');
  });

  it('approve with corrections: the note is required; the post counts as approved, the note is on the card, in the thread and in the history', async () => {
    const { modal, values } = await submitDraft('Corrections flow');
    await harness.slack.viewSubmission({ callback_id: SUBMIT_POST, private_metadata: modal.private_metadata, values: values('Corrections content') });
    const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes('Corrections content'));
    const corrections = buttons(ask).find((b) => b.action_id === APPROVE_POST_WITH_CORRECTIONS)!;
    const postId = Number(corrections.value.split(':')[0]);
    const opened = harness.fakeSlack.callsTo('views.open').length;
    await harness.slack.blockAction({ action_id: APPROVE_POST_WITH_CORRECTIONS, value: corrections.value }, { userId: PEOPLE.approver });
    await expect.poll(() => harness.fakeSlack.callsTo('views.open').length).toBe(opened + 1);
    const form = harness.fakeSlack.callsTo('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(form).toMatchObject({ callback_id: REJECT_REASON, title: { text: 'Approve with corrections' } });
    expect(blockKitViolations(form as unknown as Record<string, unknown>, 'modal')).toEqual([]);

    const blank = await harness.slack.viewSubmission(
      { callback_id: REJECT_REASON, private_metadata: form.private_metadata, values: { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: null } } } },
      { userId: PEOPLE.approver },
    );
    expect(blank.body).toEqual({ response_action: 'errors', errors: { [REASON_BLOCK]: 'Say what to correct, so the submitter can fix it.' } });
    expect((await getPost(prisma(), postId))?.status).toBe('pending_approval');

    const saved = await harness.slack.viewSubmission(
      {
        callback_id: REJECT_REASON,
        private_metadata: form.private_metadata,
        values: { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: 'Move <the> logo up' } } },
      },
      { userId: PEOPLE.approver },
    );
    expect(saved).toEqual({ status: 200, body: '' });
    const card = await harness.fakeSlack.waitFor(
      'chat.update',
      (c) => texts(c).includes('Corrections content') && texts(c).includes('Approved with corrections'),
    );
    expect(texts(card)).toContain(`:white_check_mark: Approved with corrections by <@${PEOPLE.approver}>`);
    expect(texts(card)).toContain('>Move &lt;the&gt; logo up');
    expect(buttons(card).map((b) => b.action_id)).not.toContain(APPROVE_POST);
    const reply = await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts !== undefined && texts(c).includes('approved with corrections by'),
    );
    expect(texts(reply)).toContain(
      `<@${PEOPLE.member}> your draft post (revision 1) was approved with corrections by <@${PEOPLE.approver}>.\n>Move &lt;the&gt; logo up`,
    );
    expect((await getPost(prisma(), postId))?.status).toBe('approved');
    expect((await entityHistory(prisma(), 'post', postId)).filter((e) => e.action === 'post.approved')).toMatchObject([
      { actor: PEOPLE.approver, reason: 'Move <the> logo up', details: { corrections: true } },
    ]);
  });

  it('two approvers clicking at the same moment: one decision, the other is told who decided', async () => {
    const { modal, values } = await submitDraft('Race flow');
    await harness.slack.viewSubmission({ callback_id: SUBMIT_POST, private_metadata: modal.private_metadata, values: values('Race content') });
    const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes('Race content'));
    const [approve, reject] = buttons(ask);
    const postId = Number(approve!.value.split(':')[0]);
    await Promise.all([
      harness.slack.blockAction({ action_id: APPROVE_POST, value: approve!.value }, { userId: PEOPLE.approver }),
      harness.slack.blockAction({ action_id: APPROVE_POST, value: approve!.value }, { userId: PEOPLE.approver2 }),
    ]);
    await harness.fakeSlack.waitFor('chat.update', (c) => texts(c).includes('Race content') && texts(c).includes(':white_check_mark: Approved by'));
    await harness.fakeSlack.waitFor('response_url', (c) => /Already approved by <@U0APPROVE2?>/.test(String(c.args.text)));
    expect((await entityHistory(prisma(), 'post', postId)).filter((e) => e.action === 'post.approved')).toHaveLength(1);

    // Rejecting an approved post: refused before any modal opens.
    const opens = harness.fakeSlack.callsTo('views.open').length;
    await harness.slack.blockAction({ action_id: REJECT_POST, value: reject!.value }, { userId: PEOPLE.approver });
    await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes('Already approved by'));
    expect(harness.fakeSlack.callsTo('views.open')).toHaveLength(opens);
  });

  it('a burst of Approve clicks on several posts: each approved once, together, each card updated; a double click and a non-approver answered', async () => {
    const contents = ['Reel one', 'Reel two', 'Reel three', 'Reel four', 'Reel five', 'Reel six'];
    const waiting = [];
    for (const content of contents) waiting.push(await submittedPost(prisma(), await collaboratingCampaign(prisma(), `Burst ${waiting.length}`), content));
    await harness.running.deliver();
    const approves = await Promise.all(
      contents.map(async (content) => buttons(await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes(content)))[0]!),
    );
    expect(approves.map((button) => button.action_id)).toEqual(contents.map(() => APPROVE_POST));
    const answered = harness.fakeSlack.callsTo('response_url').length;
    await Promise.all([
      ...approves.map((button) => harness.slack.blockAction({ action_id: APPROVE_POST, value: button.value }, { userId: PEOPLE.approver })),
      harness.slack.blockAction({ action_id: APPROVE_POST, value: approves[0]!.value }, { userId: PEOPLE.approver2 }),
      harness.slack.blockAction({ action_id: APPROVE_POST, value: approves[1]!.value }, { userId: PEOPLE.member }),
    ]);
    for (const content of contents)
      await harness.fakeSlack.waitFor('chat.update', (c) => texts(c).includes(content) && texts(c).includes(':white_check_mark: Approved by'));
    await expect.poll(() => harness.fakeSlack.callsTo('response_url').length).toBe(answered + 2);
    const answers = harness.fakeSlack
      .callsTo('response_url')
      .slice(answered)
      .map((c) => String(c.args.text));
    expect(answers.find((text) => text.includes('Already approved by'))).toMatch(/Already approved by <@U0APPROVE2?>/);
    expect(answers.find((text) => !text.includes('Already approved by'))).toMatch(/Only the campaign's approvers.* can /);
    for (const post of waiting) expect((await entityHistory(prisma(), 'post', post.id)).filter((e) => e.action === 'post.approved')).toHaveLength(1);
    // Saved in fewer transactions than clicks.
    expect(
      await transactionsThatWrote(
        prisma(),
        waiting.map((post) => post.id),
      ),
    ).toBeLessThan(waiting.length);
  });
});

describe('the rest of the lifecycle through Slack', () => {
  it('close, start collaboration, complete and archive: each confirmed, refused when out of order, the card updated in place', async () => {
    const campaign = await draft('Steps via Slack');
    const ref = `C-${campaign.id}`;
    // Out of order: a draft cannot start collaborating; the modal says why and nothing changes.
    const early = await confirmStep('start-collaboration', ref, PEOPLE.salesPic);
    expect(JSON.stringify(early.view.blocks)).toContain('cannot be undone');
    expect(JSON.stringify(early.submitted.body)).toContain('A campaign cannot go from Draft to Collaborating.');

    await confirmStep('publish', ref, PEOPLE.salesPic);
    await campaigns.approveProposal(prisma(), campaign.id, at(PEOPLE.approver));
    await campaigns.openRecruitment(prisma(), campaign.id, at(PEOPLE.salesPic));
    const cardStates = () =>
      harness.fakeSlack
        .callsTo('chat.update')
        .filter((c) => String(c.args.text).startsWith(`${ref} `))
        .map((c) => String(c.args.text).split(': ').at(-1));
    const steps = [
      ['close', 'recruitment_closed', 'Recruitment closed'],
      ['start-collaboration', 'collaborating', 'Collaborating'],
      ['complete', 'completed', 'Completed'],
      ['archive', 'archived', 'Archived'],
    ] as const;
    for (const [step, status, shown] of steps) {
      const { submitted } = await confirmStep(step, ref, PEOPLE.salesPic);
      // Closing is reversible: its confirmation stays open with Undo; the other steps just close the modal.
      if (step === 'close') expect(JSON.stringify(submitted.body)).toContain('undo_change');
      else expect(submitted, step).toEqual({ status: 200, body: '' });
      expect((await campaigns.getCampaign(prisma(), campaign.id))?.status).toBe(status);
      // The card shows each state when the next step waits for it (a faster next step would supersede it).
      await expect.poll(cardStates).toContain(shown);
    }
    const again = await confirmStep('archive', ref, PEOPLE.salesPic);
    expect(JSON.stringify(again.submitted.body)).toContain('read-only');
  });
});
