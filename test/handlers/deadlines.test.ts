import { beforeAll, describe, expect, it } from 'vitest';
import { APPROVE_POST, REVISE_POST } from '../../src/views/approvals.js';
import { POST_FIELDS } from '../../src/views/post-form.js';
import { TIMING_FIELDS as T } from '../../src/views/settings.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { SERVER_URL, freshDatabaseUrl } from '../support/database.js';
import { FakeSlack, type SlackCall } from '../support/fake-slack.js';
import { type Harness, harnessForTests, startHarness } from '../support/harness.js';
import { entityHistory, getPost } from '../support/records.js';
import { collaboratingCampaign, recruitingCampaign, PEOPLE, at, ok, moveThrough } from '../support/factories.js';
import { editDeliverables } from '../../src/workflow/participants.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { SlackUser, buttonsOf } from '../support/slack-user.js';

// Monday 23 November 2026, 09:00 UTC (London is on UTC in winter; Kolkata is +05:30).
const MONDAY_9 = new Date('2026-11-23T09:00:00Z');
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
const dmsTo = (harness: Harness, userId: string) => harness.fakeSlack.callsTo('chat.postMessage').filter((call) => call.args.channel === `D${userId}`);

/** The PIC sets the campaign's deadlines in `/campaign settings`; answers the submission's body. */
async function setDeadlines(harness: Harness, campaignId: number, values: Record<string, unknown>) {
  const pic = new SlackUser(harness, PEOPLE.salesPic);
  const settings = await pic.openModal(`settings C-${campaignId}`);
  expect(blockKitViolations(settings as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  return (await pic.submit(settings, values as Record<string, string | string[] | null>)).body;
}

/** The settings form's deadline fields, counted around the clock (no business time). */
const deadlines = (remindAfter: string, escalateAfter: string | null, decideAfter: string, onDeadline: 'approve' | 'expire') => ({
  [T.remindAfter]: remindAfter,
  [T.escalateAfter]: escalateAfter,
  [T.decideAfter]: decideAfter,
  [T.onDeadline]: onDeadline,
  [T.businessTime]: [],
});
const AUTO_APPROVE_AFTER_A_DAY = deadlines('2h', '4h', '1d', 'approve');

/** `/campaign post` as the member; answers the post's ID once its card is in the channel. */
async function submitPost(harness: Harness, campaignId: number, caption: string, plannedDate = '2026-12-05'): Promise<number> {
  const member = new SlackUser(harness, PEOPLE.member);
  const form = await member.openModal(`post C-${campaignId}`);
  const account = (form.blocks.find((block) => block.block_id === POST_FIELDS.account)!.element as unknown as { options: Array<{ value: string }> }).options[0]!
    .value;
  await member.submit(form, {
    [POST_FIELDS.account]: account,
    [POST_FIELDS.plannedDate]: plannedDate,
    [POST_FIELDS.content]: caption,
    [POST_FIELDS.mediaUrls]: null,
  });
  const card = await harness.fakeSlack.waitFor('chat.postMessage', (call) => texts(call).includes(caption));
  return Number((buttonsOf(card.args as never).find((button) => button.action_id === APPROVE_POST) as unknown as { value: string }).value.split(':')[0]);
}

describe('approval deadlines that act', () => {
  let clock = MONDAY_9;
  const harness = harnessForTests({ now: () => clock });
  beforeAll(async () => {
    // Set in Slack before anyone is reminded: the app keeps a person's zone for hours once asked.
    harness.fakeSlack.timeZones.set(PEOPLE.approver, 'Asia/Kolkata');
    harness.fakeSlack.timeZones.set(PEOPLE.member, 'Asia/Kolkata');
  });
  const prisma = () => harness.running.db.prisma;
  const tick = async (at: Date) => {
    clock = at;
    await harness.running.tick();
    await harness.running.deliver();
  };

  it('the settings refuse durations that are not durations, and steps out of order, in the form', async () => {
    clock = MONDAY_9;
    const scenario = await collaboratingCampaign(prisma(), 'Deadline form');
    expect(await setDeadlines(harness, scenario.id, { [T.remindAfter]: '2 weeks', [T.decideAfter]: '1.5d' })).toEqual({
      response_action: 'errors',
      errors: { [T.remindAfter]: expect.stringContaining('30m, 4h or 3d'), [T.decideAfter]: expect.stringContaining('30m, 4h or 3d') },
    });
    expect(await setDeadlines(harness, scenario.id, { [T.remindAfter]: '4h', [T.escalateAfter]: '2h' })).toMatchObject({
      response_action: 'errors',
      errors: { [T.escalateAfter]: expect.stringContaining('after the reminder') },
    });
    expect(await setDeadlines(harness, scenario.id, AUTO_APPROVE_AFTER_A_DAY)).toBe('');
    expect((await entityHistory(prisma(), 'campaign', scenario.id)).at(-1)).toMatchObject({
      action: 'campaign.brief_edited',
      to: expect.stringContaining('remind after 2h, escalate after 4h, auto-approve after 1d'),
    });
  });

  it('reminds the approvers who still decide in their own zone, escalates to the PICs, then approves by the deadline: each once, all on the card and in history', {
    timeout: 60_000,
  }, async () => {
    clock = MONDAY_9;
    const scenario = await collaboratingCampaign(prisma(), 'Deadline approve');
    expect(await setDeadlines(harness, scenario.id, AUTO_APPROVE_AFTER_A_DAY)).toBe('');
    const postId = await submitPost(harness, scenario.id, 'Deadline caption one');
    const card = await harness.fakeSlack.waitFor('chat.postMessage', (call) => texts(call).includes('Deadline caption one'));
    expect(texts(card)).toContain(':alarm_clock: Decision due <!date^1795510800^');
    expect(texts(card)).toContain('then it is approved automatically');

    await tick(later(MONDAY_9, 119));
    expect(dmsTo(harness, PEOPLE.approver)).toHaveLength(0);
    // 11:00 UTC is 16:30 in Kolkata and 11:00 in London: a sensible hour for both approvers.
    await tick(later(MONDAY_9, 120));
    const reminded = [...dmsTo(harness, PEOPLE.approver), ...dmsTo(harness, PEOPLE.approver2)];
    expect(reminded).toHaveLength(2);
    for (const dm of reminded) {
      expect(blockKitViolations(dm.args, 'message')).toEqual([]);
      expect(texts(dm)).toContain('Your decision is waiting');
      expect(buttonsOf(dm.args as never).map((button) => button.action_id)).toContain(APPROVE_POST);
    }
    await tick(later(MONDAY_9, 121));
    expect([...dmsTo(harness, PEOPLE.approver), ...dmsTo(harness, PEOPLE.approver2)]).toHaveLength(2);

    await tick(later(MONDAY_9, 240));
    expect(dmsTo(harness, PEOPLE.salesPic).filter((dm) => texts(dm).includes('Nobody decided'))).toHaveLength(1);
    expect(dmsTo(harness, PEOPLE.influencerPic).filter((dm) => texts(dm).includes('Nobody decided'))).toHaveLength(1);
    await expect
      .poll(() =>
        harness.fakeSlack
          .callsTo('chat.update')
          .filter((call) => texts(call).includes('The deadline reminded'))
          .map(texts)
          .at(-1),
      )
      .toContain('escalated to');

    await tick(later(MONDAY_9, 24 * 60));
    expect((await getPost(prisma(), postId))?.status).toBe('approved');
    const history = await entityHistory(prisma(), 'post', postId);
    expect(history.filter((entry) => entry.actor === 'deadline').map((entry) => entry.action)).toEqual([
      'post.reminded',
      'post.reminded',
      'post.escalated',
      'post.escalated',
      'post.approved',
    ]);
    expect(history.at(-1)).toMatchObject({ action: 'post.approved', details: { automatic: true } });
    await expect.poll(() => harness.fakeSlack.callsTo('chat.update').some((call) => texts(call).includes('Approved by the deadline'))).toBe(true);
    // The reminders in the approvers' direct messages lose their buttons: nothing waits any more.
    await expect
      .poll(() =>
        harness.fakeSlack
          .callsTo('chat.update')
          .filter((call) => call.args.channel === `D${PEOPLE.approver}`)
          .map((call) => buttonsOf(call.args as never).length)
          .at(-1),
      )
      .toBe(0);
    await tick(later(MONDAY_9, 24 * 60 + 5));
    expect((await entityHistory(prisma(), 'post', postId)).length).toBe(history.length);
  });

  it('a reminder due at night in Kolkata waits for 09:00 there; the request expires and the submitter may submit again', { timeout: 60_000 }, async () => {
    clock = new Date('2026-11-23T13:00:00Z');
    const scenario = await collaboratingCampaign(prisma(), 'Deadline expire');
    expect(await setDeadlines(harness, scenario.id, deadlines('1h', null, '1d', 'expire'))).toBe('');
    const postId = await submitPost(harness, scenario.id, 'Deadline caption two');
    const before = dmsTo(harness, PEOPLE.approver).length;

    // Due 14:00 UTC = 19:30 in Kolkata: London's approver is reminded, Kolkata's waits for 09:00 IST (03:30 UTC).
    await tick(new Date('2026-11-23T14:00:00Z'));
    expect(dmsTo(harness, PEOPLE.approver).length).toBe(before);
    expect(dmsTo(harness, PEOPLE.approver2).filter((dm) => texts(dm).includes('Deadline expire'))).toHaveLength(1);
    await tick(new Date('2026-11-24T03:29:00Z'));
    expect(dmsTo(harness, PEOPLE.approver).length).toBe(before);
    await tick(new Date('2026-11-24T03:30:00Z'));
    expect(dmsTo(harness, PEOPLE.approver).filter((dm) => texts(dm).includes('Deadline expire'))).toHaveLength(1);

    await tick(new Date('2026-11-24T13:00:00Z'));
    expect((await getPost(prisma(), postId))?.status).toBe('rejected');
    expect((await entityHistory(prisma(), 'post', postId)).at(-1)).toMatchObject({
      action: 'post.expired',
      actor: 'deadline',
      reason: 'No decision within 1 day',
    });
    const told = await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (call) => call.args.thread_ts !== undefined && texts(call).includes('expired: No decision within 1 day'),
    );
    expect(texts(told)).toContain(`<@${PEOPLE.member}>`);
    expect(buttonsOf(told.args as never).map((button) => button.action_id)).toContain(REVISE_POST);
  });

  it('reminds the submitter and the influencer PIC of a planned date the day before and on the day, at 09:00 their time, once; a muted campaign reminds nobody', {
    timeout: 60_000,
  }, async () => {
    clock = MONDAY_9;
    const scenario = await collaboratingCampaign(prisma(), 'Planned reminder');
    expect(await setDeadlines(harness, scenario.id, { [T.remindAfter]: null, [T.escalateAfter]: null, [T.decideAfter]: null })).toBe('');
    await submitPost(harness, scenario.id, 'Planned caption', '2026-11-25');
    const planned = (userId: string) => dmsTo(harness, userId).filter((dm) => texts(dm).includes('Planned caption'));

    await tick(new Date('2026-11-24T03:29:00Z'));
    expect(planned(PEOPLE.member)).toHaveLength(0);
    await tick(new Date('2026-11-24T03:30:00Z'));
    expect(planned(PEOPLE.member).map(texts)).toEqual([expect.stringContaining('is planned for tomorrow, 2026-11-25')]);
    expect(planned(PEOPLE.influencerPic)).toHaveLength(0);
    await tick(new Date('2026-11-24T09:00:00Z'));
    expect(planned(PEOPLE.influencerPic)).toHaveLength(1);
    await tick(new Date('2026-11-25T09:00:00Z'));
    expect(planned(PEOPLE.member)).toHaveLength(2);
    expect(planned(PEOPLE.influencerPic).map(texts).at(-1)).toContain('is planned for today');

    const muted = await collaboratingCampaign(prisma(), 'Muted reminders');
    clock = new Date('2026-11-25T09:00:00Z');
    expect(await setDeadlines(harness, muted.id, { [T.muted]: ['muted'] })).toBe('');
    await submitPost(harness, muted.id, 'Muted caption', '2026-11-26');
    await tick(new Date('2026-11-25T10:00:00Z'));
    await tick(new Date('2026-11-26T10:00:00Z'));
    expect(
      harness.fakeSlack.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith('D') && texts(call).includes('Muted caption')),
    ).toEqual([]);
  });
});

describe('reminders about participants', () => {
  let clock = MONDAY_9;
  const harness = harnessForTests({ now: () => clock });
  const prisma = () => harness.running.db.prisma;
  const tick = async (at: Date) => {
    clock = at;
    await harness.running.tick();
    await harness.running.deliver();
  };
  const pic = (about: string) => dmsTo(harness, PEOPLE.influencerPic).filter((dm) => texts(dm).includes(about));

  it('tell the influencer PIC a day before an agreement expires, and on the day a deliverable is due, once each', { timeout: 60_000 }, async () => {
    clock = MONDAY_9;
    const recruiting = await recruitingCampaign(prisma(), 'Agreement reminder');
    const ben = recruiting.participants[1]!;
    await moveThrough(prisma(), ben.id, ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent'], at(PEOPLE.member, MONDAY_9));
    // Sent Monday 09:00 with 3 days to sign: expires Thursday 09:00, so the PIC hears on Wednesday from 09:00.
    await tick(new Date('2026-11-25T08:59:00Z'));
    expect(pic('Agreement reminder')).toHaveLength(0);
    await tick(new Date('2026-11-25T09:00:00Z'));
    expect(pic('Agreement reminder').map(texts)).toEqual([expect.stringContaining('The agreement sent to *Ben Ito*')]);
    expect(blockKitViolations(pic('Agreement reminder')[0]!.args, 'message')).toEqual([]);
    await tick(new Date('2026-11-25T10:00:00Z'));
    expect(pic('Agreement reminder')).toHaveLength(1);
    expect((await entityHistory(prisma(), 'participant', ben.id)).at(-1)).toMatchObject({
      action: 'participant.reminded',
      actor: 'deadline',
      details: { to: PEOPLE.influencerPic, reason: 'agreement_expiring' },
    });

    // Agreed in the Candidates phase, then signed: collaborating with one reel due Thursday.
    const other = await recruitingCampaign(prisma(), 'Deliverable reminder');
    const aiko = other.participants[0]!;
    await moveThrough(prisma(), aiko.id, ['invited', 'applied', 'approved', 'deliverables'], at(PEOPLE.member, clock));
    ok(
      await editDeliverables(
        prisma(),
        aiko.id,
        [{ platform: 'instagram', kind: 'reel', quantity: 1, dueDate: new Date('2026-11-26T00:00:00Z'), notes: '' }],
        at(PEOPLE.member, clock),
      ),
    );
    await moveThrough(prisma(), aiko.id, ['agreement_sent', 'signed'], at(PEOPLE.member, clock));
    ok(await campaigns.closeRecruitment(prisma(), other.id, at(PEOPLE.salesPic, clock)));
    ok(await campaigns.startCollaboration(prisma(), other.id, at(PEOPLE.salesPic, clock)));
    await tick(new Date('2026-11-26T08:59:00Z'));
    expect(pic('Deliverable reminder')).toHaveLength(0);
    await tick(new Date('2026-11-26T09:00:00Z'));
    expect(pic('Deliverable reminder').map(texts)).toEqual([expect.stringContaining('1 × Instagram Reel, due 2026-11-26')]);
    await tick(new Date('2026-11-26T12:00:00Z'));
    expect(pic('Deliverable reminder')).toHaveLength(1);
  });
});

// Several instances tick at the same minute: each reminder and the automatic decision still happen once.
describe.runIf(SERVER_URL)('deadlines with two app instances (PostgreSQL)', () => {
  it('two instances ticking together send each reminder once and decide once', { timeout: 60_000 }, async () => {
    const database = await freshDatabaseUrl();
    const fakeSlack = await FakeSlack.start();
    let clock = MONDAY_9;
    const instances = [
      await startHarness({ ADMIN_USER_IDS: PEOPLE.admin }, { fakeSlack, databaseUrl: database.url, now: () => clock }),
      await startHarness({ ADMIN_USER_IDS: PEOPLE.admin }, { fakeSlack, databaseUrl: database.url, now: () => clock }),
    ];
    try {
      const prisma = instances[0]!.running.db.prisma;
      const scenario = await collaboratingCampaign(prisma, 'Two instances');
      expect(
        await setDeadlines(instances[0]!, scenario.id, {
          [T.remindAfter]: '1h',
          [T.escalateAfter]: '2h',
          [T.decideAfter]: '3h',
          [T.onDeadline]: 'approve',
          [T.businessTime]: [],
        }),
      ).toBe('');
      const postId = await submitPost(instances[0]!, scenario.id, 'Raced caption');
      for (const minutes of [60, 120, 180]) {
        clock = later(MONDAY_9, minutes);
        await Promise.all(instances.map((instance) => instance.running.tick()));
        await Promise.all(instances.map((instance) => instance.running.deliver()));
      }
      const automatic = (await entityHistory(prisma, 'post', postId)).filter((entry) => entry.actor === 'deadline').map((entry) => entry.action);
      expect(automatic).toEqual(['post.reminded', 'post.reminded', 'post.escalated', 'post.escalated', 'post.approved']);
      const dms = fakeSlack.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith('D') && texts(call).includes('Raced caption'));
      expect(dms.map((call) => call.args.channel).sort()).toEqual(
        [`D${PEOPLE.approver}`, `D${PEOPLE.approver2}`, `D${PEOPLE.influencerPic}`, `D${PEOPLE.salesPic}`].sort(),
      );
    } finally {
      for (const instance of instances) await instance.stop();
      await fakeSlack.close();
      await database.drop();
    }
  });
});
