// When Slack fails after a change is saved: the outbox delivers what Slack must show until Slack
// confirms it, tells the person who acted, and lets admins list and retry what is stuck. Driven only
// through signed requests, with the fake Web API failing on demand.
import { describe, expect, it } from 'vitest';
import { APPROVE_PROPOSAL } from '../../src/views/approvals.js';
import { RETRY_DELIVERIES } from '../../src/views/deliveries.js';
import { OPEN_RECRUITMENT_BUTTON } from '../../src/views/open-recruitment.js';
import { blockKitViolations } from '../support/block-kit.js';
import { campaignFormAnswers, PEOPLE, collaboratingCampaign } from '../support/factories.js';
import { FakeSlack, type SlackCall } from '../support/fake-slack.js';
import { SERVER_URL, freshDatabaseUrl } from '../support/database.js';
import { harnessForTests, startHarness } from '../support/harness.js';
import { type Message, SlackUser, type View, buttonsOf, optionValue, textOf, slackUsersOf } from '../support/slack-user.js';
import { POST_FIELDS } from '../../src/views/post-form.js';
import { REASON_BLOCK } from '../../src/views/modals.js';

const harness = harnessForTests();
const { member, salesPic, approver, admin } = slackUsersOf(harness);

const asMessage = (call: SlackCall): Message => call.args as Message;
const prisma = () => harness.running.db.prisma;

/** Calls to `method` in `channel` whose text includes `text`, oldest first. */
function callsWith(method: string, channel: string, text: string): SlackCall[] {
  return harness.fakeSlack.callsTo(method).filter((call) => call.args.channel === channel && textOf(asMessage(call)).includes(text));
}

/** `/campaign create` filled in and saved in `channel`; returns the campaign's reference once its card is posted. */
async function createCampaign(title: string, channel: string): Promise<string> {
  const saved = await member.submit(await member.openModal('create'), campaignFormAnswers(title, channel));
  expect(saved.body).toBe('');
  await expect.poll(() => callsWith('chat.postMessage', channel, title).length).toBeGreaterThan(0);
  return /C-\d+/.exec(textOf(asMessage(callsWith('chat.postMessage', channel, title)[0]!)))![0];
}

async function publish(ref: string) {
  expect((await salesPic.submit(await salesPic.openModal(`publish ${ref}`))).body).toBe('');
}

/** The notices the app sent `userId` about late or failed deliveries. */
const noticesTo = (userId: string) =>
  harness.fakeSlack.calls.filter(
    (call) => (call.method === 'chat.postEphemeral' && call.args.user === userId) || (call.method === 'chat.postMessage' && call.args.channel === `D${userId}`),
  );

async function stuckList(): Promise<string> {
  return textOf((await admin.answer('deliveries')) as Message);
}

describe('Slack fails after the change is saved', () => {
  it('chat.update answers internal_error on Approve: the decision is saved, the approver is told, and the request loses its buttons on the retry', async () => {
    const channel = 'C0UPDATEFAILS';
    const ref = await createCampaign('Update fails', channel);
    await publish(ref);
    await expect.poll(() => callsWith('chat.postMessage', channel, 'published the proposal').length).toBe(1);
    const request = asMessage(callsWith('chat.postMessage', channel, 'published the proposal')[0]!);

    harness.fakeSlack.fail('chat.update', { error: 'internal_error', times: 2, channel });
    const started = Date.now();
    await approver.click({ ...request, channel }, APPROVE_PROPOSAL);

    const notice = await harness.fakeSlack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === PEOPLE.approver && String(c.args.text).includes('could not be updated yet'),
    );
    expect(notice.args.text).toContain(`in <#${channel}>`);
    expect(notice.args.text).toContain('`internal_error`); retrying.');
    expect(notice.at - started).toBeLessThan(3000);

    // Both messages fail once, then show the decision; the request's buttons are replaced by "Open recruitment".
    const decided = () => callsWith('chat.update', channel, 'Approved by').filter((call) => textOf(asMessage(call)).includes('published the proposal'));
    await expect.poll(() => decided().length, { timeout: 10_000 }).toBe(2);
    const shown = decided()[1]!;
    expect(shown.at - decided()[0]!.at).toBeGreaterThanOrEqual(900);
    expect(buttonsOf(asMessage(shown)).map((b) => b.action_id)).toEqual([OPEN_RECRUITMENT_BUTTON]);
    await expect.poll(() => callsWith('chat.postMessage', channel, 'the proposal was approved by').length).toBe(1);
    await expect.poll(() => callsWith('chat.update', channel, 'Proposal approved').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await stuckList()).toContain('Slack shows everything that was saved');
    // Told once, when it was late; nothing when it recovered.
    expect(noticesTo(PEOPLE.approver)).toHaveLength(1);
  });

  it('chat.postMessage fails for good while publishing: the PIC is told, admins see it, and publishing again re-sends the request', async () => {
    const channel = 'C0NOTINCHANNEL';
    const ref = await createCampaign('Request fails', channel);
    harness.fakeSlack.fail('chat.postMessage', { error: 'not_in_channel', times: 1, channel });
    await publish(ref);

    const notice = await harness.fakeSlack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === PEOPLE.salesPic && String(c.args.text).includes('approval request'),
    );
    expect(notice.args.text).toContain('could not be updated (Slack answered `not_in_channel`). An admin can retry with `/campaign deliveries`.');
    const listed = await stuckList();
    expect(listed).toContain(`Approval request of ${ref}: :warning: failed after 1 try (\`not_in_channel\`)`);
    expect(listed).toContain(`for <@${PEOPLE.salesPic}>`);
    const refused = textOf((await member.answer('deliveries')) as Message);
    expect(refused).toContain('Only an admin can see and retry what Slack has not shown yet.');

    // Publishing again (the proposal is already published) sends the request instead of refusing.
    await publish(ref);
    await expect.poll(() => callsWith('chat.postMessage', channel, 'published the proposal').length).toBe(2);
    const request = callsWith('chat.postMessage', channel, 'published the proposal')[1]!;
    expect(buttonsOf(asMessage(request)).map((b) => b.action_id)).toContain(APPROVE_PROPOSAL);
    expect(blockKitViolations(request.args, 'message')).toEqual([]);
    expect(await stuckList()).toContain('Slack shows everything that was saved');
    const history = textOf((await member.answer(`history ${ref}`)) as Message);
    expect(history).toContain('sent the approval request again');
  });

  it('a card post whose answer is lost is not posted twice on its own; an admin retries it with the button', async () => {
    const channel = 'C0RESET';
    harness.fakeSlack.fail('chat.postMessage', { error: 'reset', reset: true, times: 1, channel });
    const saved = await member.submit(await member.openModal('create'), campaignFormAnswers('Answer lost', channel));
    expect(saved.body).toBe('');
    await harness.fakeSlack.waitFor('chat.postEphemeral', (c) => c.args.user === PEOPLE.member && String(c.args.text).includes('`answer_lost`'));
    expect(callsWith('chat.postMessage', channel, 'Answer lost')).toHaveLength(1);

    const answer = (await admin.answer('deliveries')) as Message;
    expect(textOf(answer)).toMatch(/Card of C-\d+: :warning: failed after 1 try \(`answer_lost`\)/);
    await admin.click({ ...answer, channel: 'C0GENERAL' }, RETRY_DELIVERIES);
    const replaced = await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes('being tried again now'));
    expect(replaced.args).toMatchObject({ replace_original: true });
    await expect.poll(() => callsWith('chat.postMessage', channel, 'Answer lost').length).toBe(2);
    // Its ts is stored with the delivery's success, just after Slack answered.
    await expect
      .poll(async () => (await prisma().campaign.findFirstOrThrow({ where: { title: 'Answer lost' }, select: { cardTs: true } })).cardTs)
      .toBeTruthy();
    expect(await stuckList()).toContain('Slack shows everything that was saved');
  });

  it('a 429 with Retry-After is honoured: the card is updated after the wait, and nobody is bothered', async () => {
    const channel = 'C0LIMITEDCARD';
    const ref = await createCampaign('Rate limited card', channel);
    harness.fakeSlack.fail('chat.update', { error: 'ratelimited', retryAfterSeconds: 1, times: 1, channel });
    const before = noticesTo(PEOPLE.salesPic).length;
    await publish(ref);
    const updates = () => callsWith('chat.update', channel, 'Rate limited card');
    await expect.poll(() => updates()[1]?.answered, { timeout: 10_000 }).toBe(true);
    expect(updates()[1]!.at - updates()[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(textOf(asMessage(updates()[1]!))).toContain('Proposal published');
    expect(noticesTo(PEOPLE.salesPic)).toHaveLength(before);
  });

  it('an App Home that fails is published again a second later, without a notice', async () => {
    const before = harness.fakeSlack.calls.length;
    const notices = noticesTo(PEOPLE.member).length;
    harness.fakeSlack.fail('views.publish', { error: 'internal_error', times: 1 });
    await createCampaign('Home fails', 'C0HOMEFAILS');
    const failed = await harness.fakeSlack.waitFor('views.publish', (c) => harness.fakeSlack.calls.indexOf(c) >= before);
    await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === failed.args.user_id && c.at >= failed.at + 900);
    expect(noticesTo(PEOPLE.member)).toHaveLength(notices);
    await expect.poll(() => prisma().delivery.count({ where: { kind: 'home', status: 'pending' } }), { timeout: 10_000 }).toBe(0);
  });
});

describe('each kind of message recovers', () => {
  it("a post's approval message, the rejection in its thread and the report DMs: each fails once, then is shown once", { timeout: 30_000 }, async () => {
    const channel = 'C0POSTFAILS';
    const scenario = await collaboratingCampaign(prisma(), 'Posts fail', { channelId: channel });
    const ref = `C-${scenario.id}`;
    // The set-up's cards and App Homes go out first, so the failures below hit what the test does.
    await harness.running.deliver();

    harness.fakeSlack.fail('chat.postMessage', { error: 'internal_error', times: 1, channel });
    const form = await member.openModal(`post ${ref}`);
    const account = optionValue(form, POST_FIELDS.account, scenario.influencers[0]!.name);
    expect(
      (await member.submit(form, { [POST_FIELDS.account]: account, [POST_FIELDS.plannedDate]: '2026-12-20', [POST_FIELDS.content]: 'Retried reel' })).body,
    ).toBe('');
    await harness.fakeSlack.waitFor('chat.postEphemeral', (c) => c.args.user === PEOPLE.member && String(c.args.text).includes('the post approval message in'));
    const requests = () => callsWith('chat.postMessage', channel, 'Retried reel');
    await expect.poll(() => requests()[1]?.answered, { timeout: 10_000 }).toBe(true);
    expect(requests()).toHaveLength(2);
    await expect.poll(async () => (await prisma().post.findFirstOrThrow({ where: { content: 'Retried reel' } })).approvalMessageTs).toBeTruthy();
    const stored = await prisma().post.findFirstOrThrow({ where: { content: 'Retried reel' } });
    expect(stored).toMatchObject({ approvalChannelId: channel, approvalMessageRevision: 1 });
    expect(stored.approvalMessageTs).toMatch(/^\d+\.\d+$/);

    // The reply in its thread fails once too; it is posted once, in the right thread.
    harness.fakeSlack.fail('chat.postMessage', { error: 'internal_error', times: 1, channel });
    const reason = await approver.expectModal(() => approver.click({ ...asMessage(requests()[1]!), channel, ts: stored.approvalMessageTs! }, 'post_reject'));
    expect((await approver.submit(reason, { [REASON_BLOCK]: 'Add #ad' })).body).toBe('');
    const replies = () =>
      harness.fakeSlack
        .callsTo('chat.postMessage')
        .filter((c) => c.args.thread_ts === stored.approvalMessageTs && String(c.args.text).includes('was sent back (needs work) by'));
    await expect.poll(() => replies()[1]?.answered, { timeout: 10_000 }).toBe(true);
    expect(replies()).toHaveLength(2);

    // Completing sends the report to each PIC and approver; opening the DMs fails once.
    harness.fakeSlack.fail('conversations.open', { error: 'internal_error', times: 1 });
    expect((await salesPic.submit(await salesPic.openModal(`complete ${ref}`))).body).toBe('');
    const reports = () =>
      harness.fakeSlack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('D') && textOf(asMessage(c)).includes(ref));
    await expect.poll(() => new Set(reports().map((c) => c.args.channel)).size, { timeout: 10_000 }).toBe(3);
    expect(reports()).toHaveLength(3);
    await expect.poll(() => prisma().delivery.findMany({ where: { status: { in: ['pending', 'failed'] } } }), { timeout: 10_000 }).toEqual([]);
  });

  it('a card update whose connection is reset is sent again by the client at once: updating twice is harmless', async () => {
    const channel = 'C0RESETUPDATE';
    const ref = await createCampaign('Reset update', channel);
    harness.fakeSlack.fail('chat.update', { error: 'reset', reset: true, times: 1, channel });
    await publish(ref);
    const updates = () => callsWith('chat.update', channel, 'Reset update');
    await expect.poll(() => updates()[1]?.answered, { timeout: 10_000 }).toBe(true);
    expect(textOf(asMessage(updates()[1]!))).toContain('Proposal published');
  });
});

// PGlite is one connection in one process; several instances sharing work is proven on the server.
describe.runIf(SERVER_URL)('two app instances on one PostgreSQL database', () => {
  it('deliver each outbox item once: every card is posted once, then updated in place', { timeout: 60_000 }, async () => {
    const database = await freshDatabaseUrl();
    const fakeSlack = await FakeSlack.start();
    const instances = [
      await startHarness({ ADMIN_USER_IDS: PEOPLE.admin }, { fakeSlack, databaseUrl: database.url }),
      await startHarness({ ADMIN_USER_IDS: PEOPLE.admin }, { fakeSlack, databaseUrl: database.url }),
    ];
    try {
      // A slow Slack keeps deliveries in flight while the other instance's worker looks for work.
      fakeSlack.delay('chat.postMessage', 300);
      fakeSlack.delay('chat.update', 300);
      const channel = 'C0TWOINSTANCES';
      const titles = Array.from({ length: 6 }, (_, i) => `Shared outbox ${i}`);
      // The forms are opened one by one, then saved all at once on both instances: their workers claim side by side.
      const users = instances.map((instance) => new SlackUser(instance, PEOPLE.member));
      const forms: View[] = [];
      for (const i of titles.keys()) forms.push(await users[i % 2]!.openModal('create'));
      const saved = await Promise.all(titles.map((title, i) => users[i % 2]!.submit(forms[i]!, campaignFormAnswers(title, channel))));
      expect(saved.map((answer) => answer.body)).toEqual(titles.map(() => ''));
      const posts = (title: string) =>
        fakeSlack
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === channel && textOf(asMessage(c)).includes(title) && !textOf(asMessage(c)).includes('published the proposal'));
      await expect.poll(() => titles.every((title) => posts(title)[0]?.answered), { timeout: 20_000 }).toBe(true);

      // Both instances publish at once: each proposal is asked once, each card updated in place.
      const refs = titles.map((title) => /C-\d+/.exec(textOf(asMessage(posts(title)[0]!)))![0]);
      const pics = instances.map((instance) => new SlackUser(instance, PEOPLE.salesPic));
      const confirmations: View[] = [];
      for (const [i, ref] of refs.entries()) confirmations.push(await pics[(i + 1) % 2]!.openModal(`publish ${ref}`));
      await Promise.all(confirmations.map((view, i) => pics[(i + 1) % 2]!.submit(view)));
      await expect
        .poll(
          () =>
            refs.every((ref) =>
              fakeSlack.callsTo('chat.postMessage').some((c) => c.answered && textOf(asMessage(c)).includes(`published the proposal for *${ref}`)),
            ),
          { timeout: 20_000 },
        )
        .toBe(true);
      const db = instances[0]!.running.db.prisma;
      await expect.poll(() => db.delivery.count({ where: { status: 'pending' } }), { timeout: 20_000 }).toBe(0);

      for (const [i, title] of titles.entries()) {
        expect(posts(title), title).toHaveLength(1);
        expect(fakeSlack.callsTo('chat.postMessage').filter((c) => textOf(asMessage(c)).includes(`published the proposal for *${refs[i]}`))).toHaveLength(1);
      }
      const delivered = await db.delivery.groupBy({
        by: ['key'],
        where: { status: 'delivered', kind: { in: ['campaign_card', 'proposal_request'] } },
        _count: true,
      });
      expect(delivered.length).toBe(titles.length * 2);
      expect(await db.delivery.count({ where: { status: 'failed' } })).toBe(0);
    } finally {
      for (const instance of instances) await instance.stop();
      await fakeSlack.close();
      await database.drop();
    }
  });
});
