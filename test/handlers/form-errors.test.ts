import { describe, expect, it } from 'vitest';
import { CREATE_CAMPAIGN, CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import { ADMINS_BLOCK, DIGEST_FIELDS, SETTINGS } from '../../src/views/settings.js';
import { digestSettings } from '../../src/workflow/digests.js';
import { harnessForTests } from '../support/harness.js';
import { campaignFormValues, PEOPLE } from '../support/factories.js';

// Every fault of a form comes back in one response, field errors and cross-field rules together.
// The campaign settings, results and budget forms are proven in settings, results and participants tests.
const harness = harnessForTests();

describe('every fault in a form at once', () => {
  it('campaign brief: a negative budget, an end date before the start date and a missing approver together', async () => {
    const before = await harness.running.db.prisma.campaign.count();
    const values = campaignFormValues({ budget: '-5', startDate: '2026-12-31', endDate: '2026-12-01', recruitmentCloseDate: null, approvers: [] });
    const { body } = await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values }, { userId: PEOPLE.member });
    expect(body).toEqual({
      response_action: 'errors',
      errors: {
        [F.budgetMinor]: 'Enter an amount of zero or more with at most 2 decimals.',
        [F.endDate]: 'The end date must be on or after the start date.',
        [F.approverIds]: 'Choose at least one approver.',
      },
    });
    expect(await harness.running.db.prisma.campaign.count()).toBe(before);
  });

  it('workspace settings: no admin, an unknown time zone and no day together, and nothing saved', async () => {
    const saved = await digestSettings(harness.running.db.prisma);
    const values = {
      [ADMINS_BLOCK]: { value: { type: 'multi_users_select', selected_users: [] } },
      [DIGEST_FIELDS.time]: { value: { type: 'timepicker', selected_time: '08:30' } },
      [DIGEST_FIELDS.timeZone]: { value: { type: 'plain_text_input', value: 'Mars/Olympus' } },
      [DIGEST_FIELDS.days]: { value: { type: 'checkboxes', selected_options: [] } },
      [DIGEST_FIELDS.overviewChannelId]: { value: { type: 'conversations_select', selected_conversation: null } },
      [DIGEST_FIELDS.quietDayMessage]: { value: { type: 'checkboxes', selected_options: [] } },
    };
    const { body } = await harness.slack.viewSubmission({ callback_id: SETTINGS, values }, { userId: PEOPLE.admin });
    expect(body).toEqual({
      response_action: 'errors',
      errors: {
        [ADMINS_BLOCK]: 'Keep at least one admin.',
        [DIGEST_FIELDS.timeZone]: 'Use an IANA time zone such as Asia/Tokyo or Europe/Paris.',
        [DIGEST_FIELDS.days]: 'Choose at least one day.',
      },
    });
    expect(await digestSettings(harness.running.db.prisma)).toEqual(saved);
  });
});
