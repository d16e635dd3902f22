// A campaign run from Slack alone: every step below is a signed slash command, modal submission or
// button click to the real app, checked by what Slack is asked to show. Nothing calls src/workflow.
import { describe, expect, it } from 'vitest';
import { INFLUENCER_FIELDS as I, PICK_BLOCK, accountBlockId } from '../../src/views/directory.js';
import { REASON_BLOCK } from '../../src/views/modals.js';
import { MOVE_FIELDS } from '../../src/views/participants.js';
import { POST_FIELDS } from '../../src/views/post-form.js';
import { RESULT_FIELDS } from '../../src/views/results-form.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { type Message, type SlackUser, type View, buttonsOf, optionValue, textOf, slackUsersOf } from '../support/slack-user.js';
import { PEOPLE, campaignFormAnswers, TO_SIGNED } from '../support/factories.js';

const harness = harnessForTests();
const { member, salesPic, approver, influencerPic } = slackUsersOf(harness);

const asMessage = (call: SlackCall): Message => call.args as Message;

/** The newest message the app posted or updated in the campaign channel whose text includes `text`. */
async function latestMessage(text: string, withButton?: string): Promise<Message> {
  const matches = (call: SlackCall) =>
    (call.method === 'chat.postMessage' || call.method === 'chat.update') &&
    call.args.channel === 'C0CAMPAIGN' &&
    textOf(asMessage(call)).includes(text) &&
    (!withButton || buttonsOf(asMessage(call)).some((b) => b.action_id === withButton));
  await expect.poll(() => harness.fakeSlack.calls.some(matches)).toBe(true);
  return asMessage(harness.fakeSlack.calls.filter(matches).at(-1)!);
}

/** `/campaign create`, filled in and saved: the reference its card shows (C-12). */
async function createCampaign(title: string): Promise<string> {
  const form = await member.openModal('create');
  const saved = await member.submit(form, campaignFormAnswers(title));
  expect(saved.body, textOf(saved.body as Message)).toBe('');
  const card = await latestMessage(title);
  const ref = /C-\d+/.exec(card.text ?? '')?.[0];
  expect(ref).toBeDefined();
  return ref!;
}

/** `/campaign <step> <ref>` confirmed in its modal; returns Slack's answer to the confirmation. */
async function confirmStep(user: SlackUser, step: string, ref: string) {
  const confirm = await user.openModal(`${step} ${ref}`);
  return user.submit(confirm);
}

describe('a draft', () => {
  it('is deleted by its PIC from Slack, after a confirmation; a published one never is', async () => {
    const ref = await createCampaign('Short-lived idea');
    const refused = await confirmStep(member, 'delete', ref);
    expect(textOf(refused.body as Message)).toContain("Only the campaign's PICs or an admin can delete this draft.");

    expect((await confirmStep(salesPic, 'delete', ref)).body).toBe('');
    const card = await latestMessage(`:wastebasket: Deleted by <@${PEOPLE.salesPic}>`);
    expect(card.text).toBe(`${ref} Short-lived idea: Deleted`);
    expect(textOf((await member.answer(`show ${ref}`)) as Message)).toContain('No campaign matches');

    const kept = await createCampaign('Published idea');
    expect((await confirmStep(salesPic, 'publish', kept)).body).toBe('');
    const again = await confirmStep(salesPic, 'delete', kept);
    expect(textOf(again.body as Message)).toContain('can never be deleted; archive it instead');
  });
});

/** What `/campaign <text>` answers ephemerally, as one string. */
async function answer(user: SlackUser, text: string): Promise<string> {
  return textOf((await user.answer(text)) as Message);
}

/** `/campaign move <ref>`: picks the participant by name, then the stage, and saves. */
async function moveParticipant(ref: string, name: string, stage: string) {
  const form = await member.openModal(`move ${ref}`);
  const chosen = await member.choose(form, MOVE_FIELDS.participant, [optionValue(form, MOVE_FIELDS.participant, name)]);
  const saved = await member.submit(chosen, { [MOVE_FIELDS.stage]: stage });
  // The confirmation names the move and offers Undo (a reversible move) or says it can be reopened.
  expect(JSON.stringify(saved.body), `${name} → ${stage}`).toMatch(/Moved:.*→/);
}

describe('a whole campaign through Slack', () => {
  it('goes from /campaign create to archive with commands, forms and buttons only', { timeout: 120_000 }, async () => {
    const title = 'Winter glow journey';
    const ref = await createCampaign(title);

    // The PIC publishes; the approver approves on the message in the channel.
    expect((await confirmStep(salesPic, 'publish', ref)).body).toBe('');
    const request = await latestMessage(`${ref} ${title}`, 'proposal_approve');
    await approver.click(request, 'proposal_approve');
    await latestMessage(`Approved by <@${PEOPLE.approver}>`);

    // The PIC opens recruitment, with a close date.
    const open = await salesPic.openModal(`open ${ref}`);
    expect((await salesPic.submit(open)).body).toBe('');
    expect(await answer(member, `show ${ref}`)).toContain('Recruiting');

    // Two influencers join the directory, then the campaign.
    for (const [name, handle] of [
      ['Aiko Journey', 'aiko_journey'],
      ['Ben Journey', 'ben_journey'],
    ] as const) {
      const form = await member.openModal('influencers add');
      const row = form.blocks.map((b) => /^account\.(.+)\.platform$/.exec(b.block_id ?? '')?.[1]).find(Boolean)!;
      const account = {
        [accountBlockId(row, 'platform')]: 'instagram',
        [accountBlockId(row, 'handle')]: handle,
        [accountBlockId(row, 'followers')]: '50000',
        [accountBlockId(row, 'avgEngagement')]: '3',
      };
      const saved = await member.submit(form, { [I.name]: name, [I.country]: 'JP', [I.niches]: 'beauty', [I.email]: `${handle}@example.com`, ...account });
      expect(saved.body, textOf(saved.body as Message)).toBe('');
    }
    const add = await member.openModal(`add ${ref}`);
    const picked = [optionValue(add, PICK_BLOCK, 'Aiko Journey'), optionValue(add, PICK_BLOCK, 'Ben Journey')];
    expect((await member.submit(add, { [PICK_BLOCK]: picked })).body).toBe('');

    // Aiko goes through the pipeline to a signed agreement; Ben stays a candidate.
    for (const stage of TO_SIGNED) await moveParticipant(ref, 'Aiko Journey', stage);
    expect(JSON.stringify((await confirmStep(salesPic, 'close', ref)).body)).toContain('Recruitment is closed');
    expect((await confirmStep(salesPic, 'start-collaboration', ref)).body).toBe('');
    expect(await answer(member, `show ${ref}`)).toMatch(/Collaborating/);

    // A draft post is rejected with a reason, revised, and approved.
    const postForm = await member.openModal(`post ${ref}`);
    const account = optionValue(postForm, POST_FIELDS.account, 'Aiko Journey');
    expect(
      (
        await member.submit(postForm, {
          [POST_FIELDS.account]: account,
          [POST_FIELDS.plannedDate]: '2026-12-20',
          [POST_FIELDS.content]: 'Winter glow with @glowlabs',
        })
      ).body,
    ).toBe('');
    const card = await latestMessage('Winter glow with @glowlabs', 'post_reject');
    const reason = await approver.expectModal(() => approver.click(card, 'post_reject'));
    expect((await approver.submit(reason, { [REASON_BLOCK]: 'Add #ad at the start' })).body).toBe('');
    await latestMessage('Add #ad at the start');

    const revision = await member.openModal(`post ${ref}`);
    expect(
      (
        await member.submit(revision, {
          [POST_FIELDS.account]: account,
          [POST_FIELDS.plannedDate]: '2026-12-21',
          [POST_FIELDS.content]: '#ad Winter glow with @glowlabs',
        })
      ).body,
    ).toBe('');
    const revised = await latestMessage('#ad Winter glow with @glowlabs', 'post_approve');
    expect(textOf(revised)).toMatch(/[Rr]evision 2/);
    await approver.click(revised, 'post_approve');

    // Results go live on the approved card.
    const approved = await latestMessage('#ad Winter glow with @glowlabs', 'post_record_results_open');
    const results = await member.expectModal(() => member.click(approved, 'post_record_results_open'));
    const recorded = await member.submit(results, {
      [RESULT_FIELDS.postUrl]: 'https://instagram.com/p/winterglow',
      reach: '40000',
      likes: '2000',
      comments: '150',
    });
    expect(recorded.body, textOf(recorded.body as Message)).toBe('');
    expect(await answer(member, `show ${ref}`)).toContain('Posted');

    // Completion, final approval of the post, then the archive.
    expect((await confirmStep(salesPic, 'complete', ref)).body).toBe('');
    const finalApproval = await approver.openModal(`final-approve ${ref}`);
    const confirm = await approver.submit(finalApproval);
    const pushed = (confirm.body as { response_action: string; view: View }).view;
    expect((await approver.submit(pushed)).body).toEqual({ response_action: 'clear' });
    await latestMessage(`Final approved by <@${PEOPLE.approver}>`);
    expect((await confirmStep(salesPic, 'archive', ref)).body).toBe('');

    const shown = await answer(member, `show ${ref}`);
    expect(shown).toContain('Archived');
    const history = await answer(influencerPic, `history ${ref}`);
    for (const step of ['published', 'approved', 'recruitment', 'Aiko Journey', 'Add #ad at the start', 'archived']) expect(history).toContain(step);
    expect(history).not.toMatch(/participant\.moved|content_in_review/);
  });
});
