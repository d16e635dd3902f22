import { beforeAll, describe, expect, it } from 'vitest';
import { VALUE } from '../../src/views/blocks.js';
import { RESEND_AGREEMENT, RESEND_FORM, RESEND_PICK } from '../../src/views/agreements.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { digestSettings, updateDigestSettings } from '../../src/workflow/digests.js';
import { listParticipants, markExpiredAgreements, moveParticipant } from '../../src/workflow/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { recruitingCampaign, sign, PEOPLE, T0, at, ok, moveThrough } from '../support/factories.js';
import { entityHistory } from '../support/records.js';

const DAY = 24 * 60 * 60 * 1000;
let clock = T0;
const harness = harnessForTests({ now: () => clock });
beforeAll(async () => {
  const settings = await digestSettings(harness.running.db.prisma);
  ok(await updateDigestSettings(harness.running.db.prisma, { ...settings, timeZone: 'Asia/Tokyo' }, at(PEOPLE.admin)));
});

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args.view).join('\n');
const participantOf = async (campaignId: number, participantId: number) => (await listParticipants(prisma(), campaignId)).find((p) => p.id === participantId)!;

const TO_SENT = ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent'] as const;

describe('agreements with a visible clock', () => {
  it('show, the digest and the PIC’s App Home say until when a sent agreement can be signed, in the workspace’s zone', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Clock flow');
    await moveThrough(prisma(), participants[0]!.id, TO_SENT); // sent Mon 23 Nov 09:00 UTC; 3 days → Thu 26 Nov 18:00 in Tokyo

    const shown = await harness.slack.answer(`show C-${id}`);
    expect(mrkdwnTexts(shown).join('\n')).toContain(':memo: Agreement sent · sign by Thu 26 Nov, 18:00');
    expect(blockKitViolations(shown as Record<string, unknown>, 'message')).toEqual([]);

    const digest = await harness.slack.answer(`digest C-${id}`);
    const digestText = mrkdwnTexts(digest).join('\n');
    expect(digestText).toContain('*Agreements waiting for a signature* (1)');
    expect(digestText).toContain('*Aiko Tanaka* · sign by Thu 26 Nov, 18:00');

    await harness.slack.appHomeOpened(PEOPLE.influencerPic);
    // Wait for the App Home showing the clock: a refresh left over from an earlier change may arrive first.
    const home = await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.influencerPic && texts(c).includes('Clock flow') && texts(c).includes('sign by Thu 26 Nov, 18:00'),
    );
    expect(blockKitViolations(home.args.view as Record<string, unknown>, 'home')).toEqual([]);
  });

  it('an expiry is recorded by the scheduler and reported in the digest; /campaign resend sends it again with a new clock', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Expiry flow');
    const aiko = participants[0]!;
    await moveThrough(prisma(), aiko.id, TO_SENT);

    const none = await harness.slack.answer(`resend C-${id}`, { userId: PEOPLE.influencerPic });
    expect(JSON.stringify(none)).toContain(`No agreement to send again in C-${id}: only expired or declined agreements can be sent again`);

    clock = new Date(T0.getTime() + 4 * DAY); // Fri 27 Nov 09:00 UTC
    await markExpiredAgreements(prisma(), clock); // what the every-minute schedule does
    const digest = mrkdwnTexts(await harness.slack.answer(`digest C-${id}`)).join('\n');
    expect(digest).toContain(`*Agreements past their signing window* (1) — a PIC can send them again: \`/campaign resend C-${id}\``);
    expect(digest).toContain('*Aiko Tanaka* · sign by Thu 26 Nov, 18:00 passed');
    expect(digest).toContain('The agreement sent to *Aiko Tanaka* expired unsigned');

    await harness.slack.command(`resend C-${id}`, { userId: PEOPLE.influencerPic });
    const opened = await harness.fakeSlack.waitFor(
      'views.open',
      (c) =>
        (c.args.view as { callback_id: string; private_metadata: string }).callback_id === RESEND_FORM &&
        JSON.parse((c.args.view as { private_metadata: string }).private_metadata).campaignId === id,
    );
    const modal = opened.args.view as {
      private_metadata: string;
      blocks: Array<{ block_id?: string; element?: { options?: Array<{ text: { text: string }; value: string }> } }>;
    };
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(modal.blocks.find((b) => b.block_id === RESEND_PICK)!.element!.options!.map((o) => o.text.text)).toEqual(['Aiko Tanaka · expired']);

    const values = { [RESEND_PICK]: { [VALUE]: { type: 'static_select', selected_option: { value: String(aiko.id) } } } };
    const member = await harness.slack.viewSubmission(
      { callback_id: RESEND_FORM, private_metadata: modal.private_metadata, values },
      { userId: PEOPLE.member },
    );
    expect(JSON.stringify(member.body)).toContain("Only the campaign's PICs or an admin can send an agreement again.");

    const sent = await harness.slack.viewSubmission(
      { callback_id: RESEND_FORM, private_metadata: modal.private_metadata, values },
      { userId: PEOPLE.influencerPic },
    );
    expect(JSON.stringify(sent.body)).toContain('Agreement sent again to *Aiko Tanaka* · sign by Mon 30 Nov, 18:00.');
    expect(await participantOf(id, aiko.id)).toMatchObject({ stage: 'agreement_sent', agreementSentAt: clock });
    // The PIC who resent it gets the message for the influencer, with the new date to sign by.
    const draft = await harness.fakeSlack.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === PEOPLE.influencerPic && JSON.stringify(c.args).includes('Aiko Tanaka') && JSON.stringify(c.args).includes('30 Nov'),
    );
    expect(draft.args.channel).toBe('C0CAMPAIGN');
    const events = (await entityHistory(prisma(), 'participant', aiko.id)).filter((e) => e.action.startsWith('participant.agreement_'));
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['participant.agreement_expired', 'system'],
      ['participant.agreement_resent', PEOPLE.influencerPic],
    ]);
  });

  it('after a decline a PIC sends it again from the button in show; others are told why; a second click is stale', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Decline flow');
    const ben = participants[1]!;
    await moveThrough(prisma(), ben.id, [...TO_SENT, 'declined']);
    const shown = await harness.slack.answer(`show C-${id}`);
    const declined = await participantOf(id, ben.id);
    const button = `"action_id":"${RESEND_AGREEMENT}","text":{"type":"plain_text","text":"Send agreement again"},"value":"${ben.id}:${declined.version}"`;
    expect(JSON.stringify(shown)).toContain(button);

    clock = new Date(T0.getTime() + DAY); // Tue 24 Nov 09:00 UTC
    const click = { action_id: RESEND_AGREEMENT, value: `${ben.id}:${declined.version}` };
    await harness.slack.blockAction(click, { userId: PEOPLE.member });
    await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes("Only the campaign's PICs or an admin can send an agreement again."));
    expect((await participantOf(id, ben.id)).stage).toBe('declined');

    await harness.slack.blockAction(click, { userId: PEOPLE.salesPic });
    await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text) === ':memo: Agreement sent again to *Ben Ito* · sign by Fri 27 Nov, 18:00.');
    expect(await participantOf(id, ben.id)).toMatchObject({ stage: 'agreement_sent', agreementSentAt: clock, agreementDeclinedAt: null });
    const resent = (await entityHistory(prisma(), 'participant', ben.id)).filter((e) => e.action === 'participant.agreement_resent');
    expect(resent.map((e) => [e.actor, e.from, e.to])).toEqual([[PEOPLE.salesPic, 'declined', 'agreement_sent']]);

    await harness.slack.blockAction(click, { userId: PEOPLE.influencerPic });
    await harness.fakeSlack.waitFor(
      'response_url',
      (c) => String(c.args.text).includes(`by <@${PEOPLE.salesPic}>`) && String(c.args.text).includes('Nothing was changed.'),
    );
  });

  it('from App Home a PIC sends a declined agreement again (the answer comes at the top); after collaboration starts it is refused', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Home resend');
    const [aiko, ben] = participants;
    await moveThrough(prisma(), ben!.id, [...TO_SENT, 'declined']);
    await harness.slack.appHomeOpened(PEOPLE.influencerPic);
    const version = (await participantOf(id, ben!.id)).version;
    // The App Home offering Ben's declined agreement (a refresh left over from an earlier change may arrive first).
    await harness.fakeSlack.waitFor(
      'views.publish',
      (c) =>
        c.args.user_id === PEOPLE.influencerPic && texts(c).includes('Home resend') && JSON.stringify(c.args.view).includes(`"value":"${ben!.id}:${version}"`),
    );

    await harness.slack.blockAction({ action_id: RESEND_AGREEMENT, value: `${ben!.id}:${version}` }, { userId: PEOPLE.influencerPic, fromHome: true });
    await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.influencerPic && texts(c).includes('Agreement sent again to *Ben Ito* · sign by Thu 26 Nov, 18:00.'),
    );

    ok(await moveParticipant(prisma(), ben!.id, 'declined', at(PEOPLE.member)));
    await sign(prisma(), aiko!.id);
    ok(await campaigns.closeRecruitment(prisma(), id, at(PEOPLE.salesPic)));
    ok(await campaigns.startCollaboration(prisma(), id, at(PEOPLE.salesPic)));
    const after = (await participantOf(id, ben!.id)).version;
    await harness.slack.blockAction({ action_id: RESEND_AGREEMENT, value: `${ben!.id}:${after}` }, { userId: PEOPLE.influencerPic, fromHome: true });
    await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.influencerPic && texts(c).includes('Collaboration has started: no new agreements.'),
    );
    expect((await participantOf(id, ben!.id)).stage).toBe('declined');
  });
});
