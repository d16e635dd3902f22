import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER_ERROR } from '../../src/handlers/odd-input.js';
import { APPROVE_POST, APPROVE_PROPOSAL, RECORD_RESULTS_BUTTON, REJECT_POST } from '../../src/views/approvals.js';
import { CREATE_CAMPAIGN, CAMPAIGN_FIELDS, createCampaignModal } from '../../src/views/campaign-form.js';
import { ADD_INFLUENCER, INFLUENCER_FIELDS, influencerDraft, influencerModal } from '../../src/views/directory.js';
import { FINAL_APPROVE_POST } from '../../src/views/home.js';
import { CONFIRM_STEP, FINAL_APPROVE, REASON_BLOCK, REJECT_REASON } from '../../src/views/modals.js';
import { MOVE_PARTICIPANT } from '../../src/views/participants.js';
import { RECORD_RESULTS } from '../../src/views/results-form.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { blockKitViolations } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { accountValues, profileValues, campaignFormValues, collaboratingCampaign, PEOPLE, at, brief, ok, submittedPost } from '../support/factories.js';
import { APP_ID, TEAM_ID } from '../support/slack-requests.js';
import { entityHistory } from '../support/records.js';

const harness = harnessForTests({ env: { ADMIN_USER_IDS: PEOPLE.admin, LOG_LEVEL: 'warn' } });

const prisma = () => harness.running.db.prisma;
const OUT_OF_DATE = 'This message or form is out of date, so nothing was changed.';

// Every out-of-date answer names a reference that the log line carries too, as its field and in its message.
function expectLogged(text: string) {
  const reference = /reference to your admin: `([0-9a-f]{8})`/.exec(text)?.[1];
  expect(reference).toBeDefined();
  expect(harness.logs.some((line) => line.level === 40 && line.reference === reference && String(line.msg).includes(`reference ${reference}`))).toBe(true);
}

/** A post waiting for approval, in a collaborating campaign. */
async function pendingPost(title: string) {
  const scenario = await collaboratingCampaign(prisma(), title);
  const post = await submittedPost(prisma(), scenario, `${title} reel`);
  // Its approval message is posted (and its ts stored) now, not in the middle of the test.
  await harness.running.deliver();
  return { scenario, post };
}

const postState = async (postId: number) => ({
  post: await prisma().post.findUniqueOrThrow({ where: { id: postId } }),
  history: await entityHistory(prisma(), 'post', postId),
});

describe('control characters in a form', () => {
  it('a NUL byte in a campaign title is refused at the field, and nothing is saved', async () => {
    const before = await prisma().campaign.count();
    const { status, body } = await harness.slack.viewSubmission(
      { callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: 'Spring\u0000launch' }) },
      { userId: PEOPLE.member },
    );
    expect(status).toBe(200);
    expect(body).toEqual({ response_action: 'errors', errors: { [CAMPAIGN_FIELDS.title]: CONTROL_CHARACTER_ERROR } });
    expect(await prisma().campaign.count()).toBe(before);
  });

  it('a line break is refused in a one-line field and kept in a multiline one, as the submitted view says', async () => {
    const before = await prisma().campaign.count();
    const modal = createCampaignModal(PEOPLE.member);
    const values = campaignFormValues({ title: 'Spring\nlaunch' });
    values[CAMPAIGN_FIELDS.objective] = { value: { type: 'plain_text_input', value: 'Awareness\n\tand sales' } };
    const user = { id: PEOPLE.member, username: 'member', name: 'member', team_id: TEAM_ID };
    const view = {
      id: 'V0LINES',
      team_id: TEAM_ID,
      type: 'modal',
      callback_id: CREATE_CAMPAIGN,
      blocks: modal.blocks,
      private_metadata: modal.private_metadata ?? '',
      state: { values },
      hash: 'h',
      app_id: APP_ID,
    };
    const { status, body } = await harness.slack.interaction({
      type: 'view_submission',
      team: { id: TEAM_ID, domain: 'test-workspace' },
      user,
      api_app_id: APP_ID,
      trigger_id: 'T1',
      view,
    });
    expect(status).toBe(200);
    expect(body).toEqual({ response_action: 'errors', errors: { [CAMPAIGN_FIELDS.title]: CONTROL_CHARACTER_ERROR } });
    expect(await prisma().campaign.count()).toBe(before);
  });

  it('a NUL byte in an influencer name is refused at the field; a tab or line break elsewhere is not refused', async () => {
    const metadata = influencerModal(influencerDraft()).private_metadata!;
    const values = { ...profileValues({ name: 'Chika\u0000Mori', niches: 'Beauty,\tskincare\nand makeup' }), ...accountValues('n1') };
    const { status, body } = await harness.slack.viewSubmission({ callback_id: ADD_INFLUENCER, private_metadata: metadata, values });
    expect(status).toBe(200);
    expect(body).toEqual({ response_action: 'errors', errors: { [INFLUENCER_FIELDS.name]: CONTROL_CHARACTER_ERROR } });
    expect(await prisma().influencer.count({ where: { name: { contains: 'Chika' } } })).toBe(0);
  });
});

describe('tampered or stale button values', () => {
  it.each([
    ['Approve', 'abc:def', APPROVE_POST],
    ['Reject', '99999999999:1', REJECT_POST],
    ['Record results', '1:2', RECORD_RESULTS_BUTTON],
    ['Final approve', undefined, FINAL_APPROVE_POST],
  ])('%s with the value %s answers out of date ephemerally, with a logged reference, and changes nothing', async (_, value, actionId) => {
    const { post } = await pendingPost(`Tampered ${actionId}`);
    const before = await postState(post.id);
    const { status } = await harness.slack.blockAction(
      { action_id: actionId, ...(value === undefined ? {} : { value }) },
      { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' },
    );
    expect(status).toBe(200);
    const answer = await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes(OUT_OF_DATE));
    expect(answer.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expectLogged(String(answer.args.text));
    expect(await postState(post.id)).toEqual(before);
    expect(harness.fakeSlack.callsTo('views.open').filter((c) => JSON.stringify(c.args).includes(`Tampered ${actionId}`))).toEqual([]);
  });

  it('in App Home, the answer is at the top of App Home', async () => {
    const created = await campaigns.createCampaign(prisma(), brief({ title: 'Home tamper' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const { campaign } = created;
    ok(await campaigns.publishProposal(prisma(), campaign.id, at(PEOPLE.salesPic)));
    const before = await entityHistory(prisma(), 'campaign', campaign.id);
    const { status } = await harness.slack.blockAction({ action_id: APPROVE_PROPOSAL, value: `${campaign.id}:x` }, { userId: PEOPLE.approver, fromHome: true });
    expect(status).toBe(200);
    const home = await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.approver && JSON.stringify(c.args.view).includes(OUT_OF_DATE),
    );
    expectLogged(JSON.stringify(home.args.view).replaceAll('\\`', '`'));
    expect(await entityHistory(prisma(), 'campaign', campaign.id)).toEqual(before);
  });
});

describe('tampered form metadata', () => {
  it.each([
    ['the step confirmation, not JSON', CONFIRM_STEP, () => 'not json', {}],
    [
      'the reject reason, an ID that is not a number',
      REJECT_REASON,
      (postId: number) => JSON.stringify({ kind: 'post', id: `${postId}`, version: 1 }),
      { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: 'Off brief' } } },
    ],
    ['the move form, the wrong shape', MOVE_PARTICIPANT, () => '[]', {}],
    ['the results form, an ID the database cannot hold', RECORD_RESULTS, () => JSON.stringify({ postId: 99_999_999_999, version: 1 }), {}],
  ])('%s: the modal says it is out of date, with a logged reference, and nothing changes', async (_, callbackId, metadata, values) => {
    const { scenario, post } = await pendingPost(`Metadata ${callbackId}`);
    const before = { post: await postState(post.id), campaign: await entityHistory(prisma(), 'campaign', scenario.id) };
    const { status, body } = await harness.slack.viewSubmission(
      { callback_id: callbackId, private_metadata: metadata(post.id), values },
      { userId: PEOPLE.admin },
    );
    expect(status).toBe(200);
    const answer = body as { response_action: string; view: Record<string, unknown> };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toContain(OUT_OF_DATE);
    expect(blockKitViolations(answer.view, 'modal')).toEqual([]);
    expectLogged(JSON.stringify(answer.view).replaceAll('\\`', '`'));
    expect({ post: await postState(post.id), campaign: await entityHistory(prisma(), 'campaign', scenario.id) }).toEqual(before);
  });

  it('an ID that no longer exists is answered in the modal and changes nothing', async () => {
    const { post } = await pendingPost('Gone post');
    const before = await postState(post.id);
    const { status, body } = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE, private_metadata: JSON.stringify({ id: post.id + 1000, version: 1 }), values: {} },
      { userId: PEOPLE.admin },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(body)).toContain('That post does not exist.');
    expect(await postState(post.id)).toEqual(before);
  });
});
