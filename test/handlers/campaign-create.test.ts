import { describe, expect, it } from 'vitest';
import { CREATE_CAMPAIGN, CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { campaignFormValues, PEOPLE } from '../support/factories.js';

const harness = harnessForTests();

const campaigns = () => harness.running.db.prisma.campaign.findMany({ orderBy: { id: 'asc' } });

describe('/campaign create', () => {
  it('acknowledges, then opens the modal with the trigger ID; the modal is within Block Kit limits', async () => {
    const { status, body } = await harness.slack.command('create', { userId: PEOPLE.member });
    expect(status).toBe(200);
    expect(body).toBe('');
    const opened = await harness.fakeSlack.waitFor('views.open');
    expect(opened.args.trigger_id).toMatch(/trigger/);
    const view = opened.args.view as Record<string, unknown>;
    expect(view.callback_id).toBe(CREATE_CAMPAIGN);
    expect(blockKitViolations(view, 'modal')).toEqual([]);
  });

  it.each([
    [
      'dates out of order',
      { startDate: '2026-12-31', endDate: '2026-12-01', recruitmentCloseDate: null },
      F.endDate,
      'The end date must be on or after the start date.',
    ],
    ['a negative budget', { budget: '-5' }, F.budgetMinor, 'Enter an amount of zero or more with at most 2 decimals.'],
    ['non-numeric money', { budget: '12,5.00.1' }, F.budgetMinor, 'Enter an amount of zero or more with at most 2 decimals.'],
    ['too many decimals for the currency', { budget: '100.5', currency: 'JPY' }, F.budgetMinor, 'Enter an amount of zero or more with at most 0 decimals.'],
    ['a bad tracking URL', { trackingUrl: 'glow.example.com' }, F.trackingUrl, 'Enter a full http(s) link, e.g. https://example.com/?utm_source=…'],
    ['a too-long title', { title: 'x'.repeat(151) }, F.title, 'The title is at most 150 characters.'],
    ['no approvers', { approvers: [] }, F.approverIds, 'Choose at least one approver.'],
    ['a direct message as the channel', { channel: 'D0DIRECT' }, F.channelId, 'Choose a channel (not a direct message).'],
    ['a margin over 100 %', { margin: '120' }, F.marginBasisPoints, 'Enter a margin between 0 and 100 %, at most two decimals.'],
  ])('shows %s as a field error in the modal and saves nothing', async (_, overrides, block, message) => {
    const before = (await campaigns()).length;
    const { status, body } = await harness.slack.viewSubmission(
      { callback_id: CREATE_CAMPAIGN, values: campaignFormValues(overrides) },
      { userId: PEOPLE.member },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ response_action: 'errors', errors: { [block]: message } });
    expect((await campaigns()).length).toBe(before);
  });

  it('creates a draft, posts its card in the campaign channel, and a repeated submission creates nothing twice', async () => {
    const values = campaignFormValues({ title: '<!channel> Holiday <@U0BOSS> guide' });
    const first = await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values, id: 'V0CREATE1' }, { userId: PEOPLE.member });
    expect(first).toEqual({ status: 200, body: '' });
    const card = await harness.fakeSlack.waitFor('chat.postMessage', (call) => call.args.channel === 'C0CAMPAIGN');
    const created = (await campaigns()).at(-1)!;
    expect(created).toMatchObject({
      title: '<!channel> Holiday <@U0BOSS> guide',
      budgetMinor: 1_250_050n,
      currency: 'USD',
      marginBasisPoints: 1500,
      status: 'draft',
      createdBy: PEOPLE.member,
    });
    const parsed = mrkdwnTexts(card.args).join('\n');
    expect(parsed).toContain('&lt;!channel&gt; Holiday &lt;@U0BOSS&gt; guide');
    expect(parsed).not.toContain('<!channel>');
    expect(parsed).not.toContain('<@U0BOSS>');
    expect(parsed).toContain('$12,500.50');
    expect(blockKitViolations(card.args, 'message')).toEqual([]);

    // Slack retrying the same request, and the user submitting the same view again.
    expect((await harness.slack.replay()).status).toBe(200);
    expect((await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values, id: 'V0CREATE1' }, { userId: PEOPLE.member })).status).toBe(200);
    expect((await campaigns()).filter((c) => c.title === created.title)).toHaveLength(1);
    expect(harness.fakeSlack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0CAMPAIGN')).toHaveLength(1);
  });
});

describe('reading campaigns', () => {
  it('lists active campaigns, shows one, and shows its history, all ephemerally', async () => {
    await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: 'Summer sandals' }) }, { userId: PEOPLE.member });
    const created = (await campaigns()).at(-1)!;
    const ref = `C-${created.id}`;

    const list = (await harness.slack.answer('list')) as { response_type: string; text: string; blocks: unknown[] };
    expect(list.response_type).toBe('ephemeral');
    expect(JSON.stringify(list.blocks)).toContain(`*${ref}* Summer sandals`);

    for (const typed of [ref, 'sandals', 'SUMMER']) {
      const shown = (await harness.slack.answer(`show ${typed}`)) as { response_type: string; blocks: unknown[] };
      expect(shown.response_type).toBe('ephemeral');
      expect(JSON.stringify(shown.blocks)).toContain(`${ref} Summer sandals`);
    }

    const history = (await harness.slack.answer(`history ${ref}`)) as { blocks: unknown[] };
    expect(JSON.stringify(history.blocks)).toContain(`<@${PEOPLE.member}> created the campaign`);
    expect(JSON.stringify(history.blocks)).not.toContain('campaign.created');
  });

  it('answers an unknown or ambiguous campaign with "not found" or the matches, and the usage', async () => {
    const unknown = (await harness.slack.answer('show C-9999')) as { text: string };
    expect(unknown.text).toContain('No campaign matches `C-9999`');
    expect(unknown.text).toContain('/campaign show <campaign>');
    await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: 'Winter boots A' }) });
    await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: 'Winter boots B' }) });
    const ambiguous = (await harness.slack.answer('show winter boots')) as { text: string; blocks: unknown[] };
    expect(ambiguous.text).toContain('matches several campaigns');
    expect(JSON.stringify(ambiguous.blocks)).toContain('Winter boots A');
    expect(JSON.stringify(ambiguous.blocks)).toContain('Winter boots B');
    const missing = (await harness.slack.answer('show')) as { text: string };
    expect(missing.text).toContain('Say which campaign');
  });
});
