import { describe, expect, it } from 'vitest';
import { CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import { ADMINS_BLOCK, CAMPAIGN_SETTINGS, DIGEST_FIELDS, SETTINGS } from '../../src/views/settings.js';
import { digestSettings } from '../../src/workflow/digests.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { admins } from '../../src/workflow/admins.js';
import { blockKitViolations } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { PEOPLE, at, brief } from '../support/factories.js';

const harness = harnessForTests();

const digest = (timeZone = 'Asia/Tokyo') => ({
  [DIGEST_FIELDS.time]: { value: { type: 'timepicker', selected_time: '08:30' } },
  [DIGEST_FIELDS.timeZone]: { value: { type: 'plain_text_input', value: timeZone } },
  [DIGEST_FIELDS.days]: { value: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '3' }, { value: '5' }] } },
  [DIGEST_FIELDS.overviewChannelId]: { value: { type: 'conversations_select', selected_conversation: 'C0MANAGERS' } },
  [DIGEST_FIELDS.quietDayMessage]: { value: { type: 'checkboxes', selected_options: [] } },
});
const adminsValue = (users: string[], timeZone?: string) => ({
  [ADMINS_BLOCK]: { value: { type: 'multi_users_select', selected_users: users } },
  ...digest(timeZone),
});

describe('/campaign settings', () => {
  it('is refused ephemerally to a non-admin', async () => {
    const body = await harness.slack.answer('settings', { userId: PEOPLE.member });
    expect(body).toMatchObject({ response_type: 'ephemeral', text: ':no_entry: Only an admin can manage admins.' });
  });

  it('lets an admin change the admins, records each grant and removal, and keeps at least one', async () => {
    await harness.slack.command('settings', { userId: PEOPLE.admin });
    const opened = await harness.fakeSlack.waitFor('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === SETTINGS);
    expect(blockKitViolations(opened.args.view as Record<string, unknown>, 'modal')).toEqual([]);

    const none = await harness.slack.viewSubmission({ callback_id: SETTINGS, values: adminsValue([]) }, { userId: PEOPLE.admin });
    expect(none.body).toEqual({ response_action: 'errors', errors: { [ADMINS_BLOCK]: 'Keep at least one admin.' } });

    const badZone = await harness.slack.viewSubmission(
      { callback_id: SETTINGS, values: adminsValue([PEOPLE.salesPic], 'Mars/Olympus') },
      { userId: PEOPLE.admin },
    );
    expect(badZone.body).toEqual({
      response_action: 'errors',
      errors: { [DIGEST_FIELDS.timeZone]: 'Use an IANA time zone such as Asia/Tokyo or Europe/Paris.' },
    });
    expect(await admins(harness.running.db.prisma)).toEqual([PEOPLE.admin]);

    const saved = await harness.slack.viewSubmission({ callback_id: SETTINGS, values: adminsValue([PEOPLE.salesPic]) }, { userId: PEOPLE.admin });
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await digestSettings(harness.running.db.prisma)).toMatchObject({
      time: '08:30',
      timeZone: 'Asia/Tokyo',
      days: [1, 3, 5],
      overviewChannelId: 'C0MANAGERS',
      quietDayMessage: false,
    });
    expect(await admins(harness.running.db.prisma)).toEqual([PEOPLE.salesPic]);
    const events = await harness.running.db.prisma.historyEvent.findMany({ where: { entityType: 'admin' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['admin.granted', PEOPLE.admin, 'system'],
      ['admin.granted', PEOPLE.salesPic, PEOPLE.admin],
      ['admin.revoked', PEOPLE.admin, PEOPLE.admin],
    ]);

    const formerAdmin = await harness.slack.viewSubmission({ callback_id: SETTINGS, values: adminsValue([PEOPLE.admin]) }, { userId: PEOPLE.admin });
    expect(JSON.stringify(formerAdmin.body)).toContain('Only an admin can manage admins.');
  });

  it("lets a campaign's PICs change its PICs, approvers and optional stages; others are refused; the card is updated", async () => {
    const prisma = harness.running.db.prisma;
    const created = await campaigns.createCampaign(prisma, brief({ title: 'People change' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const ref = `C-${created.campaign.id}`;
    expect(((await harness.slack.answer(`settings ${ref}`, { userId: PEOPLE.member })) as { text: string }).text).toContain(
      "Only the campaign's PICs or an admin can edit this campaign.",
    );

    await harness.slack.command(`settings ${ref}`, { userId: PEOPLE.influencerPic });
    const view = (await harness.fakeSlack.waitFor('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === CAMPAIGN_SETTINGS)).args
      .view as { private_metadata: string };
    expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const values = (approvers: string[], days: string) => ({
      [F.salesPicId]: { value: { type: 'users_select', selected_user: PEOPLE.salesPic } },
      [F.influencerPicId]: { value: { type: 'users_select', selected_user: PEOPLE.influencerPic } },
      [F.approverIds]: { value: { type: 'multi_users_select', selected_users: approvers } },
      [F.optionalStages]: { value: { type: 'checkboxes', selected_options: [{ value: 'applications' }] } },
      [F.agreementWindowDays]: { value: { type: 'number_input', value: days } },
      [DIGEST_FIELDS.muted]: { value: { type: 'checkboxes', selected_options: [{ value: 'muted' }] } },
    });
    const bad = await harness.slack.viewSubmission(
      { callback_id: CAMPAIGN_SETTINGS, private_metadata: view.private_metadata, values: values([], '0') },
      { userId: PEOPLE.influencerPic },
    );
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { [F.approverIds]: 'Choose at least one approver.', [F.agreementWindowDays]: 'Give between 1 and 90 days to sign.' },
    });

    const saved = await harness.slack.viewSubmission(
      { callback_id: CAMPAIGN_SETTINGS, private_metadata: view.private_metadata, values: values([PEOPLE.admin], '5') },
      { userId: PEOPLE.influencerPic },
    );
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await campaigns.getCampaign(prisma, created.campaign.id)).toMatchObject({
      approverIds: [PEOPLE.admin],
      agreementWindowDays: 5,
      digestMuted: true,
      optionalStages: { invited: false, applications: true, deliverables: false },
      title: 'People change',
    });
    await harness.fakeSlack.waitFor('chat.postMessage', (c) => String(c.args.text).startsWith(`${ref} `));

    const stale = await harness.slack.replay();
    expect(JSON.stringify(stale.body)).toContain('Already edited by');
  });
});
