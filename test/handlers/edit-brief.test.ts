import { describe, expect, it } from 'vitest';
import { modalOpenedBy } from '../support/slack-user.js';
import { CAMPAIGN_SETTINGS, DIGEST_FIELDS } from '../../src/views/settings.js';
import { CREATE_CAMPAIGN, EDIT_BRIEF, CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { campaignFormValues, collaboratingCampaign, PEOPLE, T0, at, brief, ok } from '../support/factories.js';
import { entityHistory } from '../support/records.js';

const harness = harnessForTests({ now: () => T0 });

const prisma = () => harness.running.db.prisma;
type Element = Record<string, unknown> & { type: string };
type Block = { type: string; block_id: string; element?: Element; elements?: Array<{ text: string }> };
interface Modal {
  callback_id: string;
  private_metadata: string;
  blocks: Block[];
}
type Values = Record<string, Record<string, unknown>>;

/** What Slack sends when the user saves the modal without touching a field: every prefilled value. */
function prefilled(modal: Modal): Values {
  const state = (e: Element): Record<string, unknown> => {
    switch (e.type) {
      case 'users_select':
        return { selected_user: e.initial_user ?? null };
      case 'multi_users_select':
        return { selected_users: e.initial_users ?? [] };
      case 'multi_static_select':
      case 'checkboxes':
        return { selected_options: e.initial_options ?? [] };
      case 'static_select':
        return { selected_option: e.initial_option ?? null };
      case 'datepicker':
        return { selected_date: e.initial_date ?? null };
      case 'conversations_select':
        return { selected_conversation: e.initial_conversation ?? null };
      default:
        return { value: e.initial_value ?? null };
    }
  };
  return Object.fromEntries(
    modal.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, { value: { type: b.element!.type, ...state(b.element!) } }]),
  );
}
const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const number = (value: string) => ({ value: { type: 'number_input', value } });
const date = (selected_date: string) => ({ value: { type: 'datepicker', selected_date } });

function openEdit(id: number, userId: string): Promise<Modal> {
  return modalOpenedBy<Modal>(
    harness,
    async () => expect(await harness.slack.command(`edit C-${id}`, { userId })).toEqual({ status: 200, body: '' }),
    (view) => view.callback_id === EDIT_BRIEF && view.private_metadata.includes(`"campaignId":${id},`),
  );
}

const edits = async (id: number) => (await entityHistory(prisma(), 'campaign', id)).filter((e) => e.action === 'campaign.brief_edited');

describe('/campaign edit', () => {
  it('opens every brief field prefilled for a PIC; others are refused readably', async () => {
    const created = await campaigns.createCampaign(prisma(), brief({ title: 'Edit draft' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const { id } = created.campaign;
    const refused = await harness.slack.answer(`edit C-${id}`, { userId: PEOPLE.approver });
    expect(refused).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining("Only the campaign's PICs or an admin can edit this campaign."),
    });

    const modal = await openEdit(id, PEOPLE.salesPic);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(Object.values(F));
    const element = (block: string) => modal.blocks.find((b) => b.block_id === block)!.element!;
    expect(element(F.title).initial_value).toBe('Edit draft');
    expect(element(F.budgetMinor).initial_value).toBe('10000.00');
    expect(element(F.marginBasisPoints).initial_value).toBe('15');
    expect(element(F.endDate).initial_date).toBe('2026-12-31');
    expect(element(F.currency).initial_option).toMatchObject({ value: 'USD' });
    expect(element(F.channelId).initial_conversation).toBe('C0CAMPAIGN');
    expect(element(F.approverIds).initial_users).toEqual([PEOPLE.approver, PEOPLE.approver2]);

    // Saved untouched: nothing changes, nothing is recorded.
    expect(
      await harness.slack.viewSubmission(
        { callback_id: EDIT_BRIEF, private_metadata: modal.private_metadata, values: prefilled(modal) },
        { userId: PEOPLE.salesPic },
      ),
    ).toEqual({ status: 200, body: '' });
    expect(await edits(id)).toEqual([]);
    expect((await campaigns.getCampaign(prisma(), id))?.version).toBe(created.campaign.version);
  });

  it('after publication shows the currency and channel read-only with the reason; saving records one event per changed field with old → new and updates the card', async () => {
    // Created through Slack, so its card is in the channel.
    await harness.slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: 'Edit published' }) }, { userId: PEOPLE.member });
    await harness.fakeSlack.waitFor('chat.postMessage', (c) => String(c.args.text).endsWith(' Edit published: Draft'));
    const { id } = (await prisma().campaign.findFirst({ where: { title: 'Edit published' } }))!;
    ok(await campaigns.publishProposal(prisma(), id, at(PEOPLE.salesPic)));
    const modal = await openEdit(id, PEOPLE.admin);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const locked = modal.blocks.filter((b) => b.type === 'context').map((b) => b.elements![0]!.text);
    expect(locked).toEqual([
      expect.stringMatching(/^\*Currency:\* USD\n:lock: Fixed once the proposal is published/),
      expect.stringMatching(/^\*Campaign channel:\* <#C0CAMPAIGN>\n:lock: Fixed once the proposal is published/),
    ]);
    expect(modal.blocks.some((b) => b.type === 'input' && (b.block_id === F.currency || b.block_id === F.channelId))).toBe(false);

    const values = { ...prefilled(modal), [F.title]: text('Edited <!channel> title'), [F.budgetMinor]: number('13000'), [F.endDate]: date('2027-01-15') };
    expect(await harness.slack.viewSubmission({ callback_id: EDIT_BRIEF, private_metadata: modal.private_metadata, values }, { userId: PEOPLE.admin })).toEqual(
      { status: 200, body: '' },
    );
    expect(await campaigns.getCampaign(prisma(), id)).toMatchObject({
      title: 'Edited <!channel> title',
      budgetMinor: 1_300_000,
      currency: 'USD',
      endDate: new Date('2027-01-15'),
      status: 'proposal_published',
    });
    expect((await edits(id)).map(({ actor, from, to, details }) => ({ actor, from, to, field: details?.field }))).toEqual([
      { actor: PEOPLE.admin, from: 'Edit published', to: 'Edited <!channel> title', field: 'title' },
      { actor: PEOPLE.admin, from: '$12,500.50', to: '$13,000.00', field: 'budgetMinor' },
      { actor: PEOPLE.admin, from: '2026-12-31', to: '2027-01-15', field: 'endDate' },
    ]);
    const card = await harness.fakeSlack.waitFor('chat.update', (c) => String(c.args.text).startsWith(`C-${id} Edited`));
    expect(mrkdwnTexts(card.args).join('\n')).toContain('$13,000.00');
    expect(mrkdwnTexts(card.args).join('\n')).not.toContain('<!channel>');

    // The same submission again is stale: it says who edited, and records nothing more.
    expect(JSON.stringify((await harness.slack.replay()).body)).toContain('Already edited by');
    expect(await edits(id)).toHaveLength(3);
  });

  it('shows every fault at once: a negative budget and an end date before the start date', async () => {
    const created = await campaigns.createCampaign(prisma(), brief({ title: 'Edit faults' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const modal = await openEdit(created.campaign.id, PEOPLE.influencerPic);
    const values = { ...prefilled(modal), [F.budgetMinor]: number('-5'), [F.endDate]: date('2026-11-01'), [F.title]: text(' ') };
    const bad = await harness.slack.viewSubmission(
      { callback_id: EDIT_BRIEF, private_metadata: modal.private_metadata, values },
      { userId: PEOPLE.influencerPic },
    );
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [F.title]: 'The title is required.',
        [F.budgetMinor]: 'Enter an amount of zero or more with at most 2 decimals.',
        [F.endDate]: 'The end date must be on or after the start date.',
        [F.recruitmentCloseDate]: 'Recruitment must close on or before the end date.',
      },
    });
    expect(await edits(created.campaign.id)).toEqual([]);
  });

  it('refuses a locked field server-side too (optional stages after collaboration started), and an archived campaign', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Edit locked');
    const campaign = (await campaigns.getCampaign(prisma(), scenario.id))!;
    const settings = {
      [F.salesPicId]: { value: { type: 'users_select', selected_user: PEOPLE.salesPic } },
      [F.influencerPicId]: { value: { type: 'users_select', selected_user: PEOPLE.influencerPic } },
      [F.approverIds]: { value: { type: 'multi_users_select', selected_users: campaign.approverIds } },
      [F.optionalStages]: { value: { type: 'checkboxes', selected_options: [] } },
      [F.agreementWindowDays]: { value: { type: 'number_input', value: '3' } },
      [DIGEST_FIELDS.muted]: { value: { type: 'checkboxes', selected_options: [] } },
    };
    const private_metadata = JSON.stringify({ campaignId: campaign.id, version: campaign.version });
    const refused = await harness.slack.viewSubmission({ callback_id: CAMPAIGN_SETTINGS, private_metadata, values: settings }, { userId: PEOPLE.salesPic });
    expect(refused.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(refused.body)).toContain('Optional stages: Fixed once collaboration has started');
    expect((await campaigns.getCampaign(prisma(), campaign.id))?.optionalStages).toEqual(campaign.optionalStages);

    const modal = await openEdit(campaign.id, PEOPLE.salesPic);
    expect(modal.blocks.some((b) => b.type === 'input' && b.block_id === F.optionalStages)).toBe(false);
    // The settings form shows them read-only too, and saves the rest.
    await harness.slack.command(`settings C-${campaign.id}`, { userId: PEOPLE.salesPic });
    const settingsModal = (
      await harness.fakeSlack.waitFor(
        'views.open',
        (c) => (c.args.view as Modal).callback_id === CAMPAIGN_SETTINGS && (c.args.view as Modal).private_metadata.includes(`"campaignId":${campaign.id},`),
      )
    ).args.view as Modal;
    expect(settingsModal.blocks.find((b) => b.block_id === F.optionalStages)).toMatchObject({
      type: 'context',
      elements: [{ text: expect.stringContaining(':lock: Fixed once collaboration has started') }],
    });
    const { [F.optionalStages]: _, ...withoutStages } = settings;
    expect(
      await harness.slack.viewSubmission(
        {
          callback_id: CAMPAIGN_SETTINGS,
          private_metadata: settingsModal.private_metadata,
          values: { ...withoutStages, [F.agreementWindowDays]: number('5') },
        },
        { userId: PEOPLE.salesPic },
      ),
    ).toEqual({ status: 200, body: '' });
    expect(await campaigns.getCampaign(prisma(), campaign.id)).toMatchObject({ agreementWindowDays: 5, optionalStages: campaign.optionalStages });

    ok(await campaigns.archiveCampaign(prisma(), campaign.id, at(PEOPLE.salesPic)));
    expect(await harness.slack.answer(`edit C-${campaign.id}`, { userId: PEOPLE.salesPic })).toMatchObject({
      text: expect.stringContaining('Archived campaigns are read-only.'),
    });
  });
});
