// A campaign run from Slack alone: every step below is a signed slash command, modal submission or
// button click to the real app, checked by what Slack is asked to show. Nothing calls src/workflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import type { SlackCall } from '../support/fake-slack.js';
import { type Harness, startHarness } from '../support/harness.js';
import { type Message, SlackUser, buttonsOf, textOf } from '../support/slack-user.js';
import { PEOPLE } from '../support/workflow.js';

let harness: Harness;
let member: SlackUser;
let salesPic: SlackUser;
let approver: SlackUser;
beforeAll(async () => {
  harness = await startHarness({ ADMIN_USER_IDS: PEOPLE.admin });
  member = new SlackUser(harness, PEOPLE.member);
  salesPic = new SlackUser(harness, PEOPLE.salesPic);
  approver = new SlackUser(harness, PEOPLE.approver);
});
afterAll(() => harness?.stop());

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
  const saved = await member.submit(form, {
    [F.title]: title,
    [F.advertiser]: 'Glow Labs',
    [F.salesPicId]: PEOPLE.salesPic,
    [F.influencerPicId]: PEOPLE.influencerPic,
    [F.country]: 'JP',
    [F.category]: 'Beauty',
    [F.objective]: 'Awareness for the new serum',
    [F.platforms]: ['instagram'],
    [F.postRequirements]: 'One reel, tag @glowlabs',
    [F.budgetMinor]: '10000',
    [F.currency]: 'USD',
    [F.marginBasisPoints]: '15',
    [F.startDate]: '2026-12-01',
    [F.endDate]: '2027-01-31',
    [F.channelId]: 'C0CAMPAIGN',
    [F.approverIds]: [PEOPLE.approver],
  });
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
    expect(textOf((await member.command(`show ${ref}`)).body as Message)).toContain('No campaign matches');

    const kept = await createCampaign('Published idea');
    expect((await confirmStep(salesPic, 'publish', kept)).body).toBe('');
    const again = await confirmStep(salesPic, 'delete', kept);
    expect(textOf(again.body as Message)).toContain('can never be deleted; archive it instead');
  });
});

describe('a whole campaign through Slack', () => {
  it('goes from /campaign create to archive with commands, forms and buttons only', async () => {
    const title = 'Winter glow journey';
    const ref = await createCampaign(title);

    // The PIC publishes; the approver approves on the message in the channel.
    expect((await confirmStep(salesPic, 'publish', ref)).body).toBe('');
    const request = await latestMessage(`${ref} ${title}`, 'proposal_approve');
    await approver.click(request, 'proposal_approve');
    await latestMessage(`Approved by <@${PEOPLE.approver}>`);
  });
});
