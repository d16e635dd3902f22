import { describe, expect, it } from 'vitest';
import { VALUE } from '../../src/views/campaign-form.js';
import { EDIT_COSTS, MOVE_FIELDS, MOVE_PARTICIPANT, costBlockId } from '../../src/views/participants.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { addInfluencers } from '../../src/workflow/influencers.js';
import { addParticipants, listParticipants, moveParticipant } from '../../src/workflow/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, recruitingCampaign, PEOPLE, at, brief, influencer, ok, livePost, moveThrough } from '../support/factories.js';
import { entityHistory } from '../support/records.js';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;

type Option = { text: { text: string }; value: string };

/** Runs `/campaign <name> C-<id>` and returns the modal it opened. */
async function openModal(name: 'move' | 'budget', campaignId: number, userId: string = PEOPLE.member): Promise<OpenedModal> {
  const callbackId = name === 'move' ? MOVE_PARTICIPANT : EDIT_COSTS;
  return modalOpenedBy(
    harness,
    () => harness.slack.command(`${name} C-${campaignId}`, { userId }),
    (view) => view.callback_id === callbackId && JSON.parse(view.private_metadata).campaignId === campaignId,
  );
}

const participantOptions = (modal: OpenedModal) =>
  (modal.blocks.find((b) => b.block_id === MOVE_FIELDS.participant)!.element!.option_groups as Array<{ label: { text: string }; options: Option[] }>) ?? [];
const stageOptions = (modal: OpenedModal) =>
  ((modal.blocks.find((b) => b.block_id === MOVE_FIELDS.stage)?.element?.options as Option[] | undefined) ?? []).map((o) => o.value);

/** The user picks participants in the open move modal; the app redraws it with the stages they may go to. */
async function chooseParticipant(modal: OpenedModal, participantIds: number | number[], userId: string = PEOPLE.member): Promise<{ updated: OpenedModal }> {
  const ids = Array.isArray(participantIds) ? participantIds : [participantIds];
  const choice = {
    type: 'multi_static_select',
    block_id: MOVE_FIELDS.participant,
    action_id: VALUE,
    selected_options: ids.map((id) => ({ text: { type: 'plain_text', text: 'x' }, value: String(id) })),
  };
  return { updated: await harness.slack.inModal<OpenedModal>(modal, choice, { userId }) };
}

const submitMove = (modal: OpenedModal, stage: string | undefined, userId: string = PEOPLE.member) =>
  harness.slack.viewSubmission(
    {
      callback_id: MOVE_PARTICIPANT,
      private_metadata: modal.private_metadata,
      values: stage ? { [MOVE_FIELDS.stage]: { [VALUE]: { type: 'static_select', selected_option: { value: stage } } } } : {},
    },
    { userId },
  );

const stageOf = async (campaignId: number, participantId: number) => (await listParticipants(prisma(), campaignId)).find((p) => p.id === participantId)!.stage;

describe('/campaign move', () => {
  it('lists participants by stage; choosing one updates the view (with its hash) to offer only the allowed stages', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Move flow');
    const [aiko, ben] = participants;
    await moveThrough(prisma(), aiko!.id, ['invited', 'applied', 'approved']);

    const modal = await openModal('move', id);
    expect(JSON.parse(modal.private_metadata)).toEqual({ campaignId: id });
    expect(modal.blocks.find((b) => b.block_id === MOVE_FIELDS.participant)).toMatchObject({ type: 'input', dispatch_action: true });
    expect(participantOptions(modal).map((g) => [g.label.text, g.options.map((o) => [o.text.text, o.value])])).toEqual([
      ['Candidate', [['Ben Ito · Candidate', String(ben!.id)]]],
      ['Approved', [['Aiko Tanaka · Approved', String(aiko!.id)]]],
    ]);

    const { updated } = await chooseParticipant(modal, aiko!.id);
    const current = (await listParticipants(prisma(), id)).find((p) => p.id === aiko!.id)!;
    expect(JSON.parse(updated.private_metadata)).toEqual({ campaignId: id, chosen: { [aiko!.id]: current.version } });
    expect(stageOptions(updated)).toEqual(['rejected', 'deliverables']);
    expect(blockKitViolations(updated as unknown as Record<string, unknown>, 'modal')).toEqual([]);

    // Applied is not offered; a crafted submission is refused by the domain, with its reason.
    const forced = await submitMove(updated, 'applied');
    expect(forced.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(forced.body)).toContain('Approved applicants cannot return to Applied.');
    expect(await stageOf(id, aiko!.id)).toBe('approved');

    expect(JSON.stringify((await submitMove(updated, 'deliverables')).body)).toContain('Aiko Tanaka* → Deliverables (:leftwards_arrow_with_hook: Reversible');
    expect(await stageOf(id, aiko!.id)).toBe('deliverables');
  });

  it('asks for a participant before moving', async () => {
    const { id } = await recruitingCampaign(prisma(), 'Move errors');
    const modal = await openModal('move', id);
    expect((await submitMove(modal, undefined)).body).toEqual({
      response_action: 'errors',
      errors: { [MOVE_FIELDS.participant]: 'Choose at least one participant.' },
    });
  });

  it('moves several participants at once to a stage allowed from where they all are', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Move together');
    const [aiko, ben] = participants;
    const { updated } = await chooseParticipant(await openModal('move', id), [aiko!.id, ben!.id]);
    expect(stageOptions(updated)).toEqual(['invited']);
    expect(JSON.stringify((await submitMove(updated, 'invited')).body)).toContain('→ Invited');
    expect([await stageOf(id, aiko!.id), await stageOf(id, ben!.id)]).toEqual(['invited', 'invited']);

    // Different stages with nothing in common: said plainly, nothing offered.
    await moveThrough(prisma(), aiko!.id, ['applied', 'approved']);
    await moveThrough(prisma(), ben!.id, ['candidate']);
    const { updated: apart } = await chooseParticipant(await openModal('move', id), [aiko!.id, ben!.id]);
    expect(stageOptions(apart)).toEqual([]);
    expect(mrkdwnTexts(apart).join('\n')).toContain('no stage in common');
  });

  it('says why a declined participant has nowhere to go', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Declined flow');
    const ben = participants[1]!;
    await moveThrough(prisma(), ben.id, ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent', 'declined']);
    const { updated } = await chooseParticipant(await openModal('move', id), ben.id);
    expect(stageOptions(updated)).toEqual([]);
    expect(mrkdwnTexts(updated).join('\n')).toContain('a PIC can send the agreement again (`/campaign resend`)');
  });

  it('a replayed submission after someone else moved the participant is refused as stale, saying who', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Stale move');
    const ben = participants[1]!;
    const { updated } = await chooseParticipant(await openModal('move', id), ben.id);
    expect(JSON.stringify((await submitMove(updated, 'invited')).body)).toContain('→ Invited');
    ok(await moveParticipant(prisma(), ben.id, 'candidate', at(PEOPLE.salesPic)));

    const replayed = await harness.slack.replay();
    expect(replayed.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(replayed.body)).toContain(`Already moved by <@${PEOPLE.salesPic}>`);
    expect(await stageOf(id, ben.id)).toBe('candidate');
    expect((await entityHistory(prisma(), 'participant', ben.id)).filter((e) => e.action === 'participant.moved')).toHaveLength(2);
  });
});

const amounts = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([block, value]) => [block, { [VALUE]: { type: 'number_input', value } }]));

/** The modal's state as Slack sends it: every prefilled amount, with `changes` typed over. */
function costValues(modal: OpenedModal, changes: Record<string, string> = {}) {
  const prefilled = Object.fromEntries(modal.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id!, String(b.element!.initial_value)]));
  return amounts({ ...prefilled, ...changes });
}

const submitCosts = (modal: OpenedModal, changes: Record<string, string>, userId: string = PEOPLE.salesPic) =>
  harness.slack.viewSubmission({ callback_id: EDIT_COSTS, private_metadata: modal.private_metadata, values: costValues(modal, changes) }, { userId });

const costsOf = async (campaignId: number, participantId: number) => {
  const p = (await listParticipants(prisma(), campaignId)).find((x) => x.id === participantId)!;
  return [p.budgetMinor, p.influencerCostMinor, p.shippingCostMinor];
};

describe('/campaign budget', () => {
  it('prefills major units and saves the changed participant in minor units, leaving the others untouched', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Budget flow');
    const [aiko, ben] = participants;
    const modal = await openModal('budget', id, PEOPLE.salesPic);
    expect(JSON.parse(modal.private_metadata)).toEqual({ campaignId: id, versions: { [aiko!.id]: aiko!.version, [ben!.id]: ben!.version } });
    expect(modal.blocks.find((b) => b.block_id === costBlockId(aiko!.id, 'budget'))!.element).toMatchObject({
      type: 'number_input',
      is_decimal_allowed: true,
      initial_value: '0.00',
    });

    const saved = await submitCosts(modal, {
      [costBlockId(aiko!.id, 'budget')]: '1500.25',
      [costBlockId(aiko!.id, 'influencer_cost')]: '1000',
      [costBlockId(aiko!.id, 'shipping_cost')]: '25.5',
    });
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await costsOf(id, aiko!.id)).toEqual([150_025, 100_000, 2_550]);
    expect((await entityHistory(prisma(), 'participant', ben!.id)).filter((e) => e.action === 'participant.costs_changed')).toEqual([]);

    const reopened = await openModal('budget', id, PEOPLE.admin);
    expect(reopened.blocks.find((b) => b.block_id === costBlockId(aiko!.id, 'budget'))!.element!.initial_value).toBe('1500.25');
  });

  it('shows bad amounts as field errors and saves nothing', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Budget errors');
    const [aiko, ben] = participants;
    const modal = await openModal('budget', id, PEOPLE.salesPic);
    const bad = await submitCosts(modal, {
      [costBlockId(aiko!.id, 'budget')]: '-5',
      [costBlockId(aiko!.id, 'influencer_cost')]: 'abc',
      [costBlockId(aiko!.id, 'shipping_cost')]: '1.234',
      [costBlockId(ben!.id, 'budget')]: '200',
    });
    const message = 'Enter an amount of zero or more with at most 2 decimals.';
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [costBlockId(aiko!.id, 'budget')]: message,
        [costBlockId(aiko!.id, 'influencer_cost')]: message,
        [costBlockId(aiko!.id, 'shipping_cost')]: message,
      },
    });
    expect(await costsOf(id, ben!.id)).toEqual([0, 0, 0]);
  });

  it('refuses a member who is not a PIC, with the rule, and saves nothing', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Budget member');
    const [aiko, ben] = participants;
    const modal = await openModal('budget', id, PEOPLE.member);
    const refused = await submitCosts(modal, { [costBlockId(aiko!.id, 'budget')]: '10', [costBlockId(ben!.id, 'budget')]: '20' }, PEOPLE.member);
    expect(refused.body).toMatchObject({ response_action: 'update' });
    const text = mrkdwnTexts(refused.body).join('\n');
    expect(text).toContain("*Aiko Tanaka, Ben Ito*: :no_entry: Only the campaign's PICs or an admin can edit budgets and costs.");
    expect(text).toContain('Nothing was saved.');
    expect(await costsOf(id, aiko!.id)).toEqual([0, 0, 0]);
  });

  it('refuses only the participant with a posted post; the other change still applies', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Budget locked');
    await livePost(prisma(), scenario, 'Reel', { postUrl: 'https://instagram.com/p/locked' });

    const modal = await openModal('budget', scenario.id, PEOPLE.salesPic);
    const partly = await submitCosts(modal, {
      [costBlockId(scenario.collaborator.id, 'budget')]: '99',
      [costBlockId(scenario.notSelected.id, 'shipping_cost')]: '12.30',
    });
    const text = mrkdwnTexts(partly.body).join('\n');
    expect(text).toContain('*Aiko Tanaka*: :no_entry: Budget and costs are locked once the participant has a posted post.');
    expect(text).toContain('The changes for 1 other participant were saved.');
    expect(await costsOf(scenario.id, scenario.collaborator.id)).toEqual([0, 0, 0]);
    expect(await costsOf(scenario.id, scenario.notSelected.id)).toEqual([0, 0, 1_230]);
  });
});

describe('many participants and user text', () => {
  it('keeps every modal within Block Kit limits with 101 participants, and escapes influencer names', async () => {
    const created = await campaigns.createCampaign(prisma(), brief({ title: 'Crowd <!here>' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const id = created.campaign.id;
    const names = ['<!channel> *Bold* & Co', ...Array.from({ length: 100 }, (_, i) => `Creator ${String(i).padStart(3, '0')} ${'x'.repeat(80)}`)];
    const added = ok(
      await addInfluencers(
        prisma(),
        names.map((name, i) => influencer(name, `crowd${id}_${i}`, 1000 + i)),
        at(PEOPLE.member),
      ),
    );
    ok(
      await addParticipants(
        prisma(),
        id,
        added.map((inf) => ({ influencerId: inf.id })),
        at(PEOPLE.member),
      ),
    );

    const move = await openModal('move', id);
    expect(blockKitViolations(move as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const shown = participantOptions(move).flatMap((g) => g.options);
    expect(shown).toHaveLength(100);
    expect(shown.every((o) => o.text.text.length <= 75)).toBe(true);
    expect(mrkdwnTexts(move).join('\n')).toContain('+1 not shown.');
    expect(mrkdwnTexts(move).join('\n')).not.toContain('<!here>');
    const { updated } = await chooseParticipant(move, Number(shown[0]!.value));
    expect(blockKitViolations(updated as unknown as Record<string, unknown>, 'modal')).toEqual([]);

    const budget = await openModal('budget', id, PEOPLE.salesPic);
    expect(blockKitViolations(budget as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(budget.blocks.filter((b) => b.type === 'input')).toHaveLength(60);
    expect(Object.keys(JSON.parse(budget.private_metadata).versions)).toHaveLength(20);
    const texts = mrkdwnTexts(budget).join('\n');
    expect(texts).toContain('Showing the first 20 of 101 participants.');
    expect(texts).toContain('*&lt;!channel&gt; *Bold* &amp; Co*');
    expect(texts).not.toContain('<!channel>');

    // The refusal lists the name escaped too.
    const refused = await submitCosts(budget, { [costBlockId(firstParticipant(budget), 'budget')]: '5' }, PEOPLE.member);
    expect(mrkdwnTexts(refused.body).join('\n')).toContain('&lt;!channel&gt;');
    expect(mrkdwnTexts(refused.body).join('\n')).not.toContain('<!channel>');
  });
});

/** The participant ID of the first row of the budget modal (block IDs are p<id>_<field>). */
function firstParticipant(modal: OpenedModal): number {
  return Number(/^p(\d+)_/.exec(modal.blocks.find((b) => b.type === 'input')!.block_id!)![1]);
}
