import { describe, expect, it } from 'vitest';
import { VALUE } from '../../src/views/blocks.js';
import { EDIT_DELIVERABLES, OPEN_DELIVERABLES, PICK_DELIVERABLES_PARTICIPANT, deliverableBlockId } from '../../src/views/deliverables.js';
import { editDeliverables, listParticipants, moveParticipant } from '../../src/workflow/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { recruitingCampaign, PEOPLE, T0, at, ok, moveThrough } from '../support/factories.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { entityHistory } from '../support/records.js';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';

let clock = T0;
const harness = harnessForTests({ now: () => clock });

const prisma = () => harness.running.db.prisma;

const ofCampaign = (campaignId: number) => (v: OpenedModal) => v.callback_id === EDIT_DELIVERABLES && JSON.parse(v.private_metadata).campaignId === campaignId;

function openDeliverables(campaignId: number): Promise<OpenedModal> {
  return modalOpenedBy(harness, () => harness.slack.command(`deliverables C-${campaignId}`), ofCampaign(campaignId));
}

/** The user picks a participant in the open modal; returns the view the app redrew with their deliverables. */
function choose(modal: OpenedModal, participantId: number): Promise<OpenedModal> {
  return harness.slack.inModal<OpenedModal>(modal, {
    type: 'static_select',
    block_id: PICK_DELIVERABLES_PARTICIPANT,
    action_id: VALUE,
    selected_option: { text: { type: 'plain_text', text: 'x' }, value: String(participantId) },
  });
}

type Line = { platform?: string; kind?: string; quantity?: string; due?: string; notes?: string };

/** `view.state.values` as Slack sends it: empty inputs arrive as null. */
function lineValues(lines: Line[]) {
  return Object.fromEntries(
    lines.flatMap((line, i) => [
      [deliverableBlockId(i, 'platform'), { [VALUE]: { type: 'static_select', selected_option: line.platform ? { value: line.platform } : null } }],
      [deliverableBlockId(i, 'kind'), { [VALUE]: { type: 'static_select', selected_option: line.kind ? { value: line.kind } : null } }],
      [deliverableBlockId(i, 'quantity'), { [VALUE]: { type: 'number_input', value: line.quantity ?? null } }],
      [deliverableBlockId(i, 'due'), { [VALUE]: { type: 'datepicker', selected_date: line.due ?? null } }],
      [deliverableBlockId(i, 'notes'), { [VALUE]: { type: 'plain_text_input', value: line.notes ?? null } }],
    ]),
  );
}

const submit = (modal: OpenedModal, lines: Line[], userId: string = PEOPLE.member) =>
  harness.slack.viewSubmission({ callback_id: EDIT_DELIVERABLES, private_metadata: modal.private_metadata, values: lineValues(lines) }, { userId });

const deliverablesOf = async (campaignId: number, participantId: number) =>
  (await listParticipants(prisma(), campaignId)).find((p) => p.id === participantId)!.deliverables;

async function toDeliverablesStage(participantId: number) {
  await moveThrough(prisma(), participantId, ['invited', 'applied', 'approved', 'deliverables']);
}

/** The participant at the Deliverables stage with `deliverables` agreed. */
async function withDeliverables(participantId: number, deliverables: Parameters<typeof editDeliverables>[2]) {
  await toDeliverablesStage(participantId);
  ok(await editDeliverables(prisma(), participantId, deliverables, at(PEOPLE.member)));
}

describe('/campaign deliverables', () => {
  it('picks a participant, shows every fault of every line at once, then saves the lines and records what changed', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Deliverables form');
    const aiko = participants[0]!;
    await toDeliverablesStage(aiko.id);

    const picker = await openDeliverables(id);
    expect(picker.submit).toBeUndefined();
    const modal = await choose(picker, aiko.id);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ campaignId: id, participantId: aiko.id, lines: 2 });
    expect(modal.blocks.find((b) => b.block_id === deliverableBlockId(0, 'kind'))!.element).toMatchObject({ type: 'static_select' });

    const faulty = await submit(modal, [
      { kind: 'reel', quantity: '2' },
      { platform: 'tiktok', kind: 'video', quantity: '500', due: '2026-12-12' },
    ]);
    expect(faulty.body).toEqual({
      response_action: 'errors',
      errors: {
        [deliverableBlockId(0, 'platform')]: 'Choose the platform.',
        [deliverableBlockId(0, 'due')]: 'Choose the due date.',
        [deliverableBlockId(1, 'quantity')]: 'Enter a whole number from 1 to 100 (0 removes the line).',
      },
    });
    expect(await deliverablesOf(id, aiko.id)).toEqual([]);

    const saved = await submit(modal, [{ platform: 'instagram', kind: 'reel', quantity: '2', due: '2026-12-10', notes: 'Tag @glowlabs' }, {}]);
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await deliverablesOf(id, aiko.id)).toEqual([
      { platform: 'instagram', kind: 'reel', quantity: 2, dueDate: new Date('2026-12-10T00:00:00Z'), notes: 'Tag @glowlabs' },
    ]);
    const events = (await entityHistory(prisma(), 'participant', aiko.id)).filter((e) => e.action === 'participant.deliverables_changed');
    expect(events.map((e) => [e.actor, e.details])).toEqual([[PEOPLE.member, { removed: [], added: ['2 × Instagram Reel, due 2026-12-10 (Tag @glowlabs)'] }]]);

    // Reopened: prefilled, one empty line more; 0 removes a line.
    const again = await choose(await openDeliverables(id), aiko.id);
    expect(again.blocks.find((b) => b.block_id === deliverableBlockId(0, 'quantity'))!.element).toMatchObject({ initial_value: '2' });
    expect(again.blocks.find((b) => b.block_id === deliverableBlockId(0, 'due'))!.element).toMatchObject({ initial_date: '2026-12-10' });
    expect(
      await submit(again, [
        { platform: 'instagram', kind: 'reel', quantity: '0', due: '2026-12-10' },
        { platform: 'tiktok', kind: 'video', quantity: '1', due: '2026-12-12' },
      ]),
    ).toEqual({ status: 200, body: '' });
    expect((await deliverablesOf(id, aiko.id)).map((d) => [d.platform, d.kind, d.quantity])).toEqual([['tiktok', 'video', 1]]);
  });

  it('outside the Candidates phase says why and what to do; a submission from an older form is refused', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Deliverables locked');
    const ben = participants[1]!;
    await toDeliverablesStage(ben.id);
    const open = await choose(await openDeliverables(id), ben.id);
    ok(await moveParticipant(prisma(), ben.id, 'agreement_sent', at(PEOPLE.member)));

    const locked = await choose(await openDeliverables(id), ben.id);
    expect(locked.submit).toBeUndefined();
    expect(mrkdwnTexts(locked).join('\n')).toContain('Deliverables can be edited only in the Candidates phase; move the participant back to edit them.');

    // The form opened before the move is stale: nothing is saved and the user is told what happened.
    const stale = await submit(open, [{ platform: 'instagram', kind: 'story', quantity: '1', due: '2026-12-10' }]);
    expect(stale.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(stale.body)).toContain(`Already moved by <@${PEOPLE.member}>`);

    // Same version, but the phase forbids it: the domain's reason.
    const current = (await listParticipants(prisma(), id)).find((p) => p.id === ben.id)!;
    const crafted = { ...open, private_metadata: JSON.stringify({ ...JSON.parse(open.private_metadata), version: current.version }) };
    const refused = await submit(crafted, [{ platform: 'instagram', kind: 'story', quantity: '1', due: '2026-12-10' }]);
    expect(JSON.stringify(refused.body)).toContain('Deliverables can be edited only in the Candidates phase');
    expect(await deliverablesOf(id, ben.id)).toEqual([]);
  });

  it('the Deliverables button next to a participant in /campaign show opens the form on that participant', async () => {
    const { id, participants } = await recruitingCampaign(prisma(), 'Deliverables from show');
    const aiko = participants[0]!;
    await withDeliverables(aiko.id, [{ platform: 'instagram', kind: 'story', quantity: 3, dueDate: new Date('2026-12-05'), notes: '' }]);

    const shown = await harness.slack.answer(`show C-${id}`);
    const text = JSON.stringify(shown);
    expect(text).toContain('3 × Instagram Story, due 2026-12-05');
    const current = (await listParticipants(prisma(), id)).find((p) => p.id === aiko.id)!;
    expect(text).toContain(`"action_id":"${OPEN_DELIVERABLES}"`);
    expect(text).toContain(`"value":"${aiko.id}:${current.version}"`);
    expect(blockKitViolations(shown as Record<string, unknown>, 'message')).toEqual([]);

    const modal = await modalOpenedBy(
      harness,
      () => harness.slack.blockAction({ action_id: OPEN_DELIVERABLES, value: `${aiko.id}:${current.version}` }),
      ofCampaign(id),
    );
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ participantId: aiko.id, version: current.version, lines: 2 });
    expect(modal.blocks.find((b) => b.block_id === deliverableBlockId(0, 'quantity'))!.element).toMatchObject({ initial_value: '3' });
  });

  it('a deliverable due without a posted post is late in the digest and in the report', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Late deliverables');
    const aiko = participants[0]!;
    await withDeliverables(aiko.id, [{ platform: 'instagram', kind: 'reel', quantity: 1, dueDate: new Date('2026-11-25'), notes: '' }]);
    ok(await moveParticipant(prisma(), aiko.id, 'agreement_sent', at(PEOPLE.member)));
    ok(await moveParticipant(prisma(), aiko.id, 'signed', at(PEOPLE.member)));
    ok(await campaigns.closeRecruitment(prisma(), id, at(PEOPLE.salesPic)));
    ok(await campaigns.startCollaboration(prisma(), id, at(PEOPLE.salesPic)));

    clock = new Date('2026-11-25T12:00:00Z'); // due today: not late yet
    expect(JSON.stringify(await harness.slack.answer(`digest C-${id}`))).not.toContain('*Late deliverables*');

    clock = new Date('2026-11-26T12:00:00Z');
    const digest = mrkdwnTexts(await harness.slack.answer(`digest C-${id}`)).join('\n');
    expect(digest).toContain('*Late deliverables* (1) — due, without enough posted posts');
    expect(digest).toContain('*Aiko Tanaka* · 1 × Instagram Reel, due 2026-11-25');

    const report = mrkdwnTexts(await harness.slack.answer(`report C-${id} --private`)).join('\n');
    expect(report).toContain('*Aiko Tanaka* · deliverable 1 × Instagram Reel, due 2026-11-25 not posted: 1 day late');
  });
});
