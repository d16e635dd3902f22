import { describe, expect, it } from 'vitest';
import { APPROVE_POST, REJECT_POST } from '../../src/views/approvals.js';
import { CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import { POST_FIELDS } from '../../src/views/post-form.js';
import { REASON_BLOCK, REJECT_REASON } from '../../src/views/modals.js';
import { QUORUM_FIELDS as Q } from '../../src/views/settings.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { SERVER_URL, freshDatabaseUrl } from '../support/database.js';
import { FakeSlack, type SlackCall } from '../support/fake-slack.js';
import { type Harness, harnessForTests, startHarness } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, T0 } from '../support/factories.js';
import { SlackUser, buttonsOf } from '../support/slack-user.js';
import { entityHistory, getPost } from '../support/records.js';

const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
const approveValue = (call: SlackCall) =>
  (buttonsOf(call.args as never).find((button) => button.action_id === APPROVE_POST) as unknown as { value: string }).value;

/** Waits for the next call to `method` (after those already made) that matches. */
function next(harness: Harness, method: string, matches: (call: SlackCall) => boolean): Promise<SlackCall> {
  const seen = new Set(harness.fakeSlack.callsTo(method));
  return harness.fakeSlack.waitFor(method, (call) => !seen.has(call) && matches(call));
}

/** `/campaign post` as the member: the card posted in the channel. */
async function submit(harness: Harness, campaignId: number, caption: string): Promise<SlackCall> {
  const member = new SlackUser(harness, PEOPLE.member);
  const form = await member.openModal(`post C-${campaignId}`);
  const account = (form.blocks.find((block) => block.block_id === POST_FIELDS.account)!.element as unknown as { options: Array<{ value: string }> }).options[0]!
    .value;
  const card = next(harness, 'chat.postMessage', (call) => texts(call).includes(caption));
  await member.submit(form, {
    [POST_FIELDS.account]: account,
    [POST_FIELDS.plannedDate]: '2026-12-05',
    [POST_FIELDS.content]: caption,
    [POST_FIELDS.mediaUrls]: null,
  });
  return card;
}

const click = (harness: Harness, value: string, userId: string) =>
  harness.slack.blockAction({ action_id: APPROVE_POST, value }, { userId, channelId: 'C0CAMPAIGN' });

describe('post approval by named groups', () => {
  const harness = harnessForTests({ now: () => T0 });
  const prisma = () => harness.running.db.prisma;

  it('set in the settings: each group approves once, the card shows the progress, App Home keeps the post for who still decides', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Client and Legal');
    const pic = new SlackUser(harness, PEOPLE.salesPic);
    const settings = await pic.openModal(`settings C-${scenario.id}`);
    expect(blockKitViolations(settings as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const groups = {
      [Q.kind]: 'groups',
      [Q.groups[0]!.name]: 'Client',
      [Q.groups[0]!.members]: [PEOPLE.approver],
      [Q.groups[1]!.name]: 'Legal',
      [Q.groups[1]!.members]: [PEOPLE.approver2],
    };
    expect((await pic.submit(settings, groups)).body).toBe('');
    expect((await entityHistory(prisma(), 'campaign', scenario.id)).at(-1)).toMatchObject({
      action: 'campaign.brief_edited',
      from: 'any one approver',
      to: `Client (<@${PEOPLE.approver}>) and Legal (<@${PEOPLE.approver2}>)`,
    });

    const card = await submit(harness, scenario.id, 'Two groups decide');
    expect(texts(card)).toContain(':hourglass_flowing_sand: Approved 0 of 2 — Client waiting · Legal waiting');
    const value = approveValue(card);
    const postId = Number(value.split(':')[0]);

    const progress = next(harness, 'chat.update', (call) => texts(call).includes('Approved 1 of 2'));
    await click(harness, value, PEOPLE.approver);
    expect(texts(await progress)).toContain(`:hourglass_flowing_sand: Approved 1 of 2 — Client :white_check_mark: <@${PEOPLE.approver}> · Legal waiting`);
    expect((await getPost(prisma(), postId))?.status).toBe('pending_approval');

    // App Home: gone from the queue of who approved, still in Legal's.
    const home = async (userId: string) => {
      const published = next(harness, 'views.publish', (call) => call.args.user_id === userId);
      await harness.slack.appHomeOpened(userId);
      return JSON.stringify((await published).args.view);
    };
    expect(await home(PEOPLE.approver)).not.toContain('Two groups decide');
    expect(await home(PEOPLE.approver2)).toContain('Two groups decide');

    // The same approver again: told why, nothing changes.
    const refused = next(harness, 'response_url', () => true);
    await click(harness, value, PEOPLE.approver);
    expect((await refused).args.text).toContain('You already approved this revision');

    // …nor send back what they approved: each approver decides a revision once.
    const opened = harness.fakeSlack.callsTo('views.open').length;
    const notBack = next(harness, 'response_url', () => true);
    await harness.slack.blockAction({ action_id: REJECT_POST, value }, { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' });
    expect((await notBack).args.text).toContain('You already approved this revision');
    expect(harness.fakeSlack.callsTo('views.open')).toHaveLength(opened);
    // A "Needs work" form opened before the approval and saved after it is refused too.
    const late = await harness.slack.viewSubmission(
      {
        callback_id: REJECT_REASON,
        private_metadata: JSON.stringify({ kind: 'post', id: postId, version: Number(value.split(':')[1]) }),
        values: { [REASON_BLOCK]: { value: { type: 'plain_text_input', value: 'Changed my mind' } } },
      },
      { userId: PEOPLE.approver },
    );
    expect(late.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(late.body)).toContain('You already approved this revision');

    const approved = next(
      harness,
      'chat.update',
      (call) => texts(call).includes('Two groups decide') && texts(call).includes(':white_check_mark: Approved by'),
    );
    await click(harness, value, PEOPLE.approver2);
    expect(texts(await approved)).toContain(`:white_check_mark: Approved by <@${PEOPLE.approver}>, <@${PEOPLE.approver2}>`);
    expect((await getPost(prisma(), postId))?.status).toBe('approved');
    const history = (await entityHistory(prisma(), 'post', postId)).map((entry) => [entry.action, entry.actor]);
    expect(history.filter(([action]) => action === 'post.approval_given' || action === 'post.approved')).toEqual([
      ['post.approval_given', PEOPLE.approver],
      ['post.approved', PEOPLE.approver2],
    ]);
  });

  it('refuses in the form a group member who is not an approver, and a count above the approvers', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Bad quorum');
    const pic = new SlackUser(harness, PEOPLE.salesPic);
    const settings = await pic.openModal(`settings C-${scenario.id}`);
    const outsider = await pic.submit(settings, { [Q.kind]: 'groups', [Q.groups[0]!.name]: 'Legal', [Q.groups[0]!.members]: ['U0OUTSIDER'] });
    expect(outsider.body).toEqual({
      response_action: 'errors',
      errors: { [Q.kind]: '<@U0OUTSIDER> is in a group but not an approver of the campaign: add them to the approvers first.' },
    });
    const tooMany = await pic.submit(settings, { [Q.kind]: 'count', [Q.count]: '9' });
    expect(tooMany.body).toMatchObject({
      response_action: 'errors',
      errors: { [Q.kind]: expect.stringMatching(/^The campaign has \d approvers: ask for at most that many approvals\.$/) },
    });
    const zero = await pic.submit(settings, { [Q.kind]: 'count', [Q.count]: '0' });
    expect(zero.body).toEqual({ response_action: 'errors', errors: { [Q.kind]: 'Ask for at least one approval.' } });
    const noNumber = await pic.submit(settings, { [Q.kind]: 'count', [Q.count]: null });
    expect(noNumber.body).toEqual({ response_action: 'errors', errors: { [Q.count]: 'Say how many approvers must approve.' } });
    const noGroup = await pic.submit(settings, { [Q.kind]: 'groups' });
    expect(noGroup.body).toEqual({ response_action: 'errors', errors: { [Q.kind]: 'Name at least one group and choose its members.' } });
    const unnamed = await pic.submit(settings, { [Q.kind]: 'groups', [Q.groups[0]!.members]: [PEOPLE.approver] });
    expect(unnamed.body).toEqual({ response_action: 'errors', errors: { [Q.groups[0]!.name]: 'Name this group.' } });
    expect((await entityHistory(prisma(), 'campaign', scenario.id)).some((entry) => entry.action === 'campaign.brief_edited')).toBe(false);
    // Removing an approver that a group needs, through /campaign edit, is refused at the approvers.
    const groups = await pic.openModal(`settings C-${scenario.id}`);
    expect((await pic.submit(groups, { [Q.kind]: 'groups', [Q.groups[0]!.name]: 'Legal', [Q.groups[0]!.members]: [PEOPLE.approver2] })).body).toBe('');
    const edit = await pic.openModal(`edit C-${scenario.id}`);
    const answer = await pic.submit(edit, { [F.approverIds]: [PEOPLE.approver] });
    expect(answer.body).toEqual({
      response_action: 'errors',
      errors: { [F.approverIds]: `<@${PEOPLE.approver2}> is in a group but not an approver of the campaign: add them to the approvers first.` },
    });
  });
});

// PGlite is one connection in one process; approvers acting at the same moment on several instances is proven on the server.
describe.runIf(SERVER_URL)('two approvers at the same moment on two app instances (PostgreSQL)', () => {
  it('2 of the approvers: both approvals are kept, the post is approved exactly once', { timeout: 60_000 }, async () => {
    const database = await freshDatabaseUrl();
    const fakeSlack = await FakeSlack.start();
    const instances = [
      await startHarness({ ADMIN_USER_IDS: PEOPLE.admin }, { fakeSlack, databaseUrl: database.url, now: () => T0 }),
      await startHarness({ ADMIN_USER_IDS: PEOPLE.admin }, { fakeSlack, databaseUrl: database.url, now: () => T0 }),
    ];
    try {
      const prisma = instances[0]!.running.db.prisma;
      for (let round = 0; round < 5; round++) {
        const scenario = await collaboratingCampaign(prisma, `Race ${round}`);
        const pic = new SlackUser(instances[0]!, PEOPLE.salesPic);
        const settings = await pic.openModal(`settings C-${scenario.id}`);
        expect((await pic.submit(settings, { [Q.kind]: 'count', [Q.count]: '2' })).body).toBe('');
        const card = await submit(instances[0]!, scenario.id, `Race post ${round}`);
        const value = approveValue(card);
        const postId = Number(value.split(':')[0]);
        await Promise.all([click(instances[0]!, value, PEOPLE.approver), click(instances[1]!, value, PEOPLE.approver2)]);
        await expect.poll(async () => (await getPost(prisma, postId))?.status, { timeout: 10_000 }).toBe('approved');
        const decisions = (await entityHistory(prisma, 'post', postId)).filter(
          (entry) => entry.action === 'post.approval_given' || entry.action === 'post.approved',
        );
        expect(decisions.map((entry) => entry.action).sort()).toEqual(['post.approval_given', 'post.approved']);
        expect(new Set(decisions.map((entry) => entry.actor))).toEqual(new Set([PEOPLE.approver, PEOPLE.approver2]));
        expect(await prisma.postApproval.count({ where: { postId } })).toBe(2);
      }
    } finally {
      for (const instance of instances) await instance.stop();
      await fakeSlack.close();
      await database.drop();
    }
  });
});
