import { describe, expect, it } from 'vitest';
import { APPROVE_PROPOSAL } from '../../src/views/approvals.js';
import { HOME_CAMPAIGN_STEP } from '../../src/views/home.js';
import { CONFIRM_STEP } from '../../src/views/modals.js';
import { CLOSE_DATE_BLOCK, OPEN_RECRUITMENT, OPEN_RECRUITMENT_BUTTON } from '../../src/views/open-recruitment.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { PEOPLE, T0, at, brief, ok } from '../support/factories.js';
import { entityHistory } from '../support/records.js';

const harness = harnessForTests({ now: () => T0 });

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
type Block = {
  type: string;
  block_id?: string;
  elements?: Array<{ action_id: string; value: string }>;
  accessory?: { action_id: string; value: string };
  element?: { initial_date?: string };
};
const blocksOf = (call: SlackCall) => (call.args.blocks ?? (call.args.view as { blocks: unknown[] }).blocks) as Block[];
const buttons = (call: SlackCall) => blocksOf(call).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
const closeDate = (selected_date: string | null) => ({ [CLOSE_DATE_BLOCK]: { value: { type: 'datepicker', selected_date } } });

/** A campaign whose proposal was published through `/campaign publish` (so its message is in the channel). */
async function published(title: string) {
  const created = await campaigns.createCampaign(prisma(), brief({ title }), at(PEOPLE.member));
  if (!created.ok) throw new Error('not created');
  const ref = `C-${created.campaign.id}`;
  await harness.slack.command(`publish ${ref}`, { userId: PEOPLE.salesPic });
  const confirm = (
    await harness.fakeSlack.waitFor('views.open', (c) =>
      (c.args.view as { callback_id: string; private_metadata: string }).private_metadata?.includes(`"campaignId":${created.campaign.id},`),
    )
  ).args.view as { private_metadata: string };
  await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: confirm.private_metadata, values: {} }, { userId: PEOPLE.salesPic });
  const ask = await harness.fakeSlack.waitFor('chat.postMessage', (c) => texts(c).includes(`*${ref} ${title}*`) && buttons(c).length > 0);
  return { id: created.campaign.id, ref, ask };
}

async function modalFor(id: number) {
  const call = await harness.fakeSlack.waitFor(
    'views.open',
    (c) =>
      (c.args.view as { callback_id: string; private_metadata: string }).callback_id === OPEN_RECRUITMENT &&
      (c.args.view as { private_metadata: string }).private_metadata.includes(`"campaignId":${id},`),
  );
  return call.args.view as { private_metadata: string; blocks: Block[] };
}

describe('opening recruitment', () => {
  it('the approved proposal offers "Open recruitment" to the PICs only; the form checks the close date; opening saves it, updates the card and removes the button', async () => {
    const { id, ref, ask } = await published('Open via button');
    await harness.slack.blockAction({ action_id: APPROVE_PROPOSAL, value: buttons(ask)[0]!.value }, { userId: PEOPLE.approver, channelId: 'C0CAMPAIGN' });
    const approved = await harness.fakeSlack.waitFor(
      'chat.update',
      (c) => texts(c).includes(`*${ref} Open via button*`) && buttons(c).some((b) => b.action_id === OPEN_RECRUITMENT_BUTTON),
    );
    expect(blockKitViolations(approved.args, 'message')).toEqual([]);
    await harness.fakeSlack.waitFor('chat.postMessage', (c) => c.args.thread_ts !== undefined && String(c.args.text).includes(`\`/campaign open ${ref}\``));
    const open = buttons(approved).find((b) => b.action_id === OPEN_RECRUITMENT_BUTTON)!;

    await harness.slack.blockAction({ action_id: OPEN_RECRUITMENT_BUTTON, value: open.value }, { userId: PEOPLE.member, channelId: 'C0CAMPAIGN' });
    const refused = await harness.fakeSlack.waitFor('response_url', (c) =>
      String(c.args.text).includes("Only the campaign's PICs or an admin can open recruitment."),
    );
    expect(refused.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });

    await harness.slack.blockAction({ action_id: OPEN_RECRUITMENT_BUTTON, value: open.value }, { userId: PEOPLE.influencerPic, channelId: 'C0CAMPAIGN' });
    const modal = await modalFor(id);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(modal.blocks.find((b) => b.block_id === CLOSE_DATE_BLOCK)?.element?.initial_date).toBe('2026-11-28');

    const submit = (date: string | null) =>
      harness.slack.viewSubmission(
        { callback_id: OPEN_RECRUITMENT, private_metadata: modal.private_metadata, values: closeDate(date) },
        { userId: PEOPLE.influencerPic },
      );
    expect((await submit('2026-11-22')).body).toEqual({
      response_action: 'errors',
      errors: { [CLOSE_DATE_BLOCK]: expect.stringContaining('cannot close in the past') },
    });
    expect((await submit('2027-01-05')).body).toEqual({
      response_action: 'errors',
      errors: { [CLOSE_DATE_BLOCK]: expect.stringContaining('on or before the end date') },
    });
    expect((await campaigns.getCampaign(prisma(), id))?.status).toBe('proposal_approved');

    expect(await submit('2026-11-23')).toEqual({ status: 200, body: '' });
    expect(await campaigns.getCampaign(prisma(), id)).toMatchObject({ status: 'recruiting', recruitmentCloseDate: new Date('2026-11-23') });
    const opened = (await entityHistory(prisma(), 'campaign', id)).filter((e) => e.action === 'campaign.recruitment_opened');
    expect(opened).toMatchObject([
      { actor: PEOPLE.influencerPic, from: 'proposal_approved', to: 'recruiting', details: { recruitmentCloseDate: '2026-11-23' } },
    ]);
    await harness.fakeSlack.waitFor('chat.update', (c) => String(c.args.text) === `${ref} Open via button: Recruiting`);
    await harness.fakeSlack.waitFor(
      'chat.update',
      (c) =>
        texts(c).includes(`*${ref} Open via button*`) && texts(c).includes('Approved by') && !buttons(c).some((b) => b.action_id === OPEN_RECRUITMENT_BUTTON),
    );

    // The same click again: already done, said with who did it.
    await harness.slack.blockAction({ action_id: OPEN_RECRUITMENT_BUTTON, value: open.value }, { userId: PEOPLE.salesPic, channelId: 'C0CAMPAIGN' });
    await harness.fakeSlack.waitFor('response_url', (c) => String(c.args.text).includes(`Already opened for recruitment by <@${PEOPLE.influencerPic}>`));
    expect(await submit('2026-11-30')).toMatchObject({ body: { response_action: 'update' } });
    expect((await entityHistory(prisma(), 'campaign', id)).filter((e) => e.action === 'campaign.recruitment_opened')).toHaveLength(1);
  });

  it('/campaign open does the same; others are refused ephemerally; an empty date means closing by hand', async () => {
    const created = await campaigns.createCampaign(prisma(), brief({ title: 'Open via command' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const { id } = created.campaign;
    const early = (await harness.slack.answer(`open C-${id}`, { userId: PEOPLE.salesPic })) as { response_type: string; text: string };
    expect(early).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('A campaign cannot go from Draft to Recruiting.') });
    ok(await campaigns.publishProposal(prisma(), id, at(PEOPLE.salesPic)));
    ok(await campaigns.approveProposal(prisma(), id, at(PEOPLE.approver)));

    const member = (await harness.slack.answer(`open C-${id}`, { userId: PEOPLE.approver })) as { text: string };
    expect(member.text).toContain("Only the campaign's PICs or an admin can open recruitment.");

    expect(await harness.slack.command(`open C-${id}`, { userId: PEOPLE.salesPic })).toEqual({ status: 200, body: '' });
    const modal = await modalFor(id);
    expect(
      await harness.slack.viewSubmission(
        { callback_id: OPEN_RECRUITMENT, private_metadata: modal.private_metadata, values: closeDate(null) },
        { userId: PEOPLE.salesPic },
      ),
    ).toEqual({ status: 200, body: '' });
    expect(await campaigns.getCampaign(prisma(), id)).toMatchObject({ status: 'recruiting', recruitmentCloseDate: null });
  });

  it("App Home shows a PIC the campaigns waiting for their next step, with the step's button", async () => {
    const approved = await campaigns.createCampaign(prisma(), brief({ title: 'Waiting to open' }), at(PEOPLE.member));
    const recruiting = await campaigns.createCampaign(prisma(), brief({ title: 'Waiting to close' }), at(PEOPLE.member));
    if (!approved.ok || !recruiting.ok) throw new Error('not created');
    for (const { campaign } of [approved, recruiting]) {
      ok(await campaigns.publishProposal(prisma(), campaign.id, at(PEOPLE.salesPic)));
      ok(await campaigns.approveProposal(prisma(), campaign.id, at(PEOPLE.approver)));
    }
    ok(await campaigns.openRecruitment(prisma(), recruiting.campaign.id, at(PEOPLE.salesPic)));

    const openOf = (call: SlackCall) => buttons(call).find((b) => b.action_id === OPEN_RECRUITMENT_BUTTON && b.value.startsWith(`${approved.campaign.id}:`));
    const closeOf = (call: SlackCall) =>
      buttons(call).find((b) => b.action_id === HOME_CAMPAIGN_STEP && b.value.startsWith(`close:${recruiting.campaign.id}:`));
    await harness.slack.appHomeOpened(PEOPLE.salesPic);
    // An App Home refresh left over from the previous test may arrive first: wait for the one showing both steps.
    const home = await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.salesPic && openOf(c) !== undefined && closeOf(c) !== undefined,
    );
    expect(mrkdwnTexts(home.args.view).join('\n')).toContain('*Next steps in your campaigns*');
    expect(blockKitViolations(home.args.view as Record<string, unknown>, 'home')).toEqual([]);
    const open = openOf(home);
    const close = closeOf(home);
    // Someone else's home does not offer them.
    await harness.slack.appHomeOpened(PEOPLE.member);
    const other = await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === PEOPLE.member);
    expect(buttons(other).some((b) => b.action_id === HOME_CAMPAIGN_STEP || b.action_id === OPEN_RECRUITMENT_BUTTON)).toBe(false);

    await harness.slack.blockAction({ action_id: OPEN_RECRUITMENT_BUTTON, value: open!.value }, { userId: PEOPLE.salesPic, fromHome: true });
    await modalFor(approved.campaign.id);
    await harness.slack.blockAction({ action_id: HOME_CAMPAIGN_STEP, value: close!.value }, { userId: PEOPLE.salesPic, fromHome: true });
    const confirm = (
      await harness.fakeSlack.waitFor(
        'views.open',
        (c) =>
          (c.args.view as { callback_id: string; private_metadata: string }).callback_id === CONFIRM_STEP &&
          (c.args.view as { private_metadata: string }).private_metadata.includes(`"campaignId":${recruiting.campaign.id},`),
      )
    ).args.view as { private_metadata: string };
    expect(
      JSON.stringify(
        (await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: confirm.private_metadata, values: {} }, { userId: PEOPLE.salesPic }))
          .body,
      ),
    ).toContain('Recruitment is closed');
    expect((await campaigns.getCampaign(prisma(), recruiting.campaign.id))?.status).toBe('recruitment_closed');
  });

  it('/campaign help lists every lifecycle step in order, with who takes it', async () => {
    const help = (await harness.slack.answer('help')) as { text: string };
    const order = [
      '/campaign create',
      '/campaign publish',
      'Approve / Reject',
      '/campaign open',
      '/campaign close',
      '/campaign start-collaboration',
      '/campaign complete',
      '/campaign final-approve',
      '/campaign archive',
    ];
    const lifecycle = help.text.slice(help.text.indexOf('Campaign lifecycle, in order'));
    const positions = order.map((step) => lifecycle.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(help.text).toContain('`/campaign open <campaign>` — open recruitment');
  });
});
