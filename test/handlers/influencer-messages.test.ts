// When a decision concerns influencers, the influencer PIC gets the message to send them.
import { describe, expect, it } from 'vitest';
import { VALUE } from '../../src/views/campaign-form.js';
import { CONFIRM_STEP, confirmStepModal } from '../../src/views/modals.js';
import { MOVE_FIELDS, MOVE_PARTICIPANT, moveModal } from '../../src/views/participants.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { listParticipants } from '../../src/workflow/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { recruitingCampaign, sign, PEOPLE, at, ok, moveThrough } from '../support/factories.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');

/** The move form submitted with these participants chosen (as Slack sends it back) and a stage. */
async function submitMove(campaignId: number, participantIds: number[], stage: string, userId: string) {
  const campaign = (await campaigns.getCampaign(prisma(), campaignId))!;
  const all = await listParticipants(prisma(), campaignId);
  const modal = moveModal(
    campaign,
    all,
    all.filter((p) => participantIds.includes(p.id)),
  );
  return harness.slack.viewSubmission(
    {
      callback_id: MOVE_PARTICIPANT,
      private_metadata: modal.private_metadata!,
      values: { [MOVE_FIELDS.stage]: { [VALUE]: { type: 'static_select', selected_option: { value: stage } } } },
    },
    { userId },
  );
}

describe('ready-to-send messages for influencers', () => {
  it('the influencer PIC who invites gets the invitation ephemerally, with the campaign details', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Invite drafts');
    expect((await submitMove(id, [participants[0]!.id], 'invited', PEOPLE.influencerPic)).status).toBe(200);
    const shown = await harness.fakeSlack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === PEOPLE.influencerPic && texts(c).includes(`C-${id} Invite drafts`),
    );
    expect(shown.args.channel).toBe('C0CAMPAIGN');
    expect(blockKitViolations(shown.args, 'message')).toEqual([]);
    const text = texts(shown);
    expect(text).toContain(`*Aiko Tanaka* is now Invited in *C-${id} Invite drafts*. Ready to send, copy it into an email or a DM:`);
    expect(text).toContain('```Hi Aiko Tanaka,\n\nWe would love you to take part in “Invite drafts”, a campaign for Glow Labs.');
    expect(text).toContain(
      'Dates: 2026-12-01 to 2026-12-31\nPlatforms: Instagram, TikTok\nWhat we ask: One reel and one story, tag @glowlabs\nTracking link: https://glow.example.com/?utm_source=influencers```',
    );
  });

  it('an agreement sent by someone else reaches the influencer PIC by direct message, with the sign-by date', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Agreement drafts');
    await moveThrough(prisma(), participants[0]!.id, ['invited', 'applied', 'approved', 'deliverables']);
    await submitMove(id, [participants[0]!.id], 'agreement_sent', PEOPLE.member);
    const dm = await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === `D${PEOPLE.influencerPic}` && texts(c).includes(`C-${id} Agreement drafts`),
    );
    expect(texts(dm)).toMatch(
      /Here is your agreement for “Agreement drafts”, a campaign for Glow Labs\.\nPlease sign it by \w{3}, \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\./,
    );
    expect(harness.fakeSlack.callsTo('chat.postEphemeral').some((c) => texts(c).includes(`C-${id} Agreement drafts`))).toBe(false);
  });

  it('after collaboration starts, the influencer PIC gets whom to tell what and both drafts', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Start drafts');
    await sign(prisma(), participants[0]!.id);
    const campaign = ok(await campaigns.closeRecruitment(prisma(), id, at(PEOPLE.salesPic)));
    const modal = confirmStepModal('start-collaboration', campaign);
    expect(
      (await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: modal.private_metadata!, values: {} }, { userId: PEOPLE.salesPic }))
        .status,
    ).toBe(200);
    const dm = await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === `D${PEOPLE.influencerPic}` && texts(c).includes(`C-${id} Start drafts`),
    );
    expect(blockKitViolations(dm.args, 'message')).toEqual([]);
    const text = texts(dm);
    expect(text).toContain(
      '• *Collaborating* (1), tell them collaboration starts: *Aiko Tanaka*\n• *Not selected* (1), thank them, they were not selected: *Ben Ito*',
    );
    expect(text).toContain('```Hi Aiko Tanaka,\n\nOur collaboration starts now on “Start drafts”, a campaign for Glow Labs.');
    expect(text).toContain(
      '```Hi Ben Ito,\n\nThank you for your interest in “Start drafts”, a campaign for Glow Labs. This time we are going ahead with other creators',
    );
  });
});
