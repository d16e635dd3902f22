import { describe, expect, it } from 'vitest';
import { VALUE } from '../../src/views/campaign-form.js';
import { CONFIRM_STEP } from '../../src/views/modals.js';
import { MOVE_FIELDS, MOVE_PARTICIPANT } from '../../src/views/participants.js';
import { REOPEN, REOPEN_FIELDS, UNDO } from '../../src/views/transitions.js';
import { getCampaign } from '../../src/workflow/campaigns.js';
import { listParticipants, moveParticipant } from '../../src/workflow/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { entityHistory } from '../support/records.js';
import { recruitingCampaign, PEOPLE, T0, at, ok, moveThrough } from '../support/factories.js';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';

let clock = T0;
const harness = harnessForTests({ now: () => clock });

const prisma = () => harness.running.db.prisma;
const undoValue = (view: OpenedModal) => view.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === UNDO)?.value;
const viewText = (view: OpenedModal) => JSON.stringify(mrkdwnTexts(view));

/** Opens `/campaign <name> C-<id>` as `userId` and answers the modal it opened. */
function openModal(command: string, callbackId: string, userId: string): Promise<OpenedModal> {
  return modalOpenedBy(
    harness,
    () => harness.slack.command(command, { userId }),
    (view) => view.callback_id === callbackId,
  );
}

/** Submits the move modal for one participant (chosen before) and returns the view the app answered with. */
async function moveInModal(campaignId: number, participantId: number, version: number, stage: string, userId: string = PEOPLE.member): Promise<OpenedModal> {
  const metadata = JSON.stringify({ campaignId, chosen: { [participantId]: version } });
  const answered = await harness.slack.viewSubmission(
    {
      callback_id: MOVE_PARTICIPANT,
      private_metadata: metadata,
      values: { [MOVE_FIELDS.stage]: { [VALUE]: { type: 'static_select', selected_option: { value: stage } } } },
    },
    { userId },
  );
  const body = answered.body as { response_action: string; view: OpenedModal };
  expect(body.response_action).toBe('update');
  return body.view;
}

const clickUndo = (view: OpenedModal, userId: string = PEOPLE.member) =>
  harness.slack.inModal<OpenedModal>(
    { ...view, callback_id: view.callback_id ?? '' },
    { action_id: UNDO, block_id: 'undo', type: 'button', value: undoValue(view) },
    { userId },
  );
const participant = async (campaignId: number, id: number) => (await listParticipants(prisma(), campaignId)).find((p) => p.id === id)!;

describe('Undo a reversible move', () => {
  it('the confirmation names the kind and offers Undo; Undo restores exactly the state before and is recorded; a second click changes nothing', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Undo flow');
    const aiko = participants[0]!;
    ok(await moveParticipant(prisma(), aiko.id, 'invited', at(PEOPLE.member)));
    const before = await participant(id, aiko.id);

    const done = await moveInModal(id, aiko.id, before.version, 'applied');
    expect(blockKitViolations(done as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(viewText(done)).toContain('Aiko Tanaka* → Applied');
    expect(viewText(done)).toContain('Reversible: Undo for 60 s');
    expect((await participant(id, aiko.id)).stage).toBe('applied');

    clock = new Date(T0.getTime() + 59_000);
    const undone = await clickUndo(done);
    expect(viewText(undone)).toContain('Undone: *Aiko Tanaka* is back in Invited');
    const after = await participant(id, aiko.id);
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    const history = await entityHistory(prisma(), 'participant', aiko.id);
    expect(history.at(-1)).toMatchObject({ action: 'participant.move_undone', actor: PEOPLE.member, from: 'applied', to: 'invited' });

    const again = await clickUndo(done);
    expect(viewText(again)).toContain('already undone');
    expect((await entityHistory(prisma(), 'participant', aiko.id)).length).toBe(history.length);
  });

  it('refuses Undo by someone else, after the window, and once something changed since; an agreement undo restores its clock', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Undo refusals');
    const ben = participants[1]!;
    await moveThrough(prisma(), ben.id, ['invited', 'applied', 'approved', 'deliverables']);
    const before = await participant(id, ben.id);
    const sent = await moveInModal(id, ben.id, before.version, 'agreement_sent');
    expect((await participant(id, ben.id)).agreementSentAt).toEqual(T0);

    expect(viewText(await clickUndo(sent, PEOPLE.salesPic))).toContain('Only the person who made this change can undo it.');
    clock = new Date(T0.getTime() + 61_000);
    expect(viewText(await clickUndo(sent))).toContain('possible for 60 s only');
    expect((await participant(id, ben.id)).stage).toBe('agreement_sent');

    clock = T0;
    const declined = await moveInModal(id, ben.id, (await participant(id, ben.id)).version, 'declined');
    const undone = await clickUndo(declined);
    // The undo restores Agreement sent with the same sending time: the signing window is not restarted.
    expect(viewText(undone)).toContain('back in Agreement sent');
    expect(await participant(id, ben.id)).toMatchObject({ stage: 'agreement_sent', agreementSentAt: T0, agreementDeclinedAt: null });

    const back = await moveInModal(id, ben.id, (await participant(id, ben.id)).version, 'deliverables');
    ok(await moveParticipant(prisma(), ben.id, 'approved', at(PEOPLE.salesPic)));
    expect(viewText(await clickUndo(back))).toContain('It changed again since, so it was not undone.');
    expect((await participant(id, ben.id)).stage).toBe('approved');
  });
});

describe('Reopen a decision (admins)', () => {
  it('a non-admin is refused; a reason is required; the admin reopens Rejected to Reviewing, recorded and announced in the channel', async () => {
    clock = T0;
    const { id, participants } = await recruitingCampaign(prisma(), 'Reopen flow');
    const aiko = participants[0]!;
    await moveThrough(prisma(), aiko.id, ['invited', 'applied', 'rejected']);

    // A non-admin is told at once, before any form opens.
    expect(JSON.stringify(await harness.slack.answer(`reopen C-${id}`, { userId: PEOPLE.member }))).toContain('Only an admin');
    const modal = await openModal(`reopen C-${id}`, REOPEN, PEOPLE.admin);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const values = (reason: string) => ({
      [REOPEN_FIELDS.participant]: { value: { type: 'static_select', selected_option: { value: String(aiko.id) } } },
      [REOPEN_FIELDS.reason]: { value: { type: 'plain_text_input', value: reason } },
    });
    const submit = async (reason: string, userId: string) =>
      (await harness.slack.viewSubmission({ callback_id: REOPEN, private_metadata: modal.private_metadata, values: values(reason) }, { userId })).body;

    expect(await submit('  ', PEOPLE.admin)).toMatchObject({
      response_action: 'errors',
      errors: { [REOPEN_FIELDS.reason]: expect.stringContaining('Say why') },
    });
    expect(JSON.stringify(await submit('Please', PEOPLE.member))).toContain('Only an admin');
    expect((await participant(id, aiko.id)).stage).toBe('rejected');

    const reopened = await submit('Brand asked to look again <!channel>', PEOPLE.admin);
    expect(JSON.stringify(reopened)).toContain('back in Reviewing');
    expect((await participant(id, aiko.id)).stage).toBe('reviewing');
    expect((await entityHistory(prisma(), 'participant', aiko.id)).at(-1)).toMatchObject({
      action: 'participant.reopened',
      actor: PEOPLE.admin,
      from: 'rejected',
      to: 'reviewing',
      reason: 'Brand asked to look again <!channel>',
    });
    const told = await harness.fakeSlack.waitFor('chat.postMessage', (c) => String(c.args.text).includes('reopened the decision on *Aiko Tanaka*'));
    expect(told.args.channel).toBe((await getCampaign(prisma(), id))!.channelId);
    expect(String(told.args.text)).toContain('&lt;!channel&gt;');
    expect(String(told.args.text)).toContain('Rejected → Reviewing');

    // Reviewing is not a decision: nothing is left to reopen, and the command says so.
    const answered = await harness.slack.answer(`reopen C-${id}`, { userId: PEOPLE.admin });
    expect(JSON.stringify(answered)).toContain('No decision to reopen');
  });
});

describe('Close recruitment, then Undo', () => {
  it('the confirmation offers Undo; the PIC takes it back and recruitment is open again with its close date', async () => {
    clock = T0;
    const { id } = await recruitingCampaign(prisma(), 'Close and undo');
    const view = await openModal(`close C-${id}`, CONFIRM_STEP, PEOPLE.salesPic);
    expect(viewText(view)).toContain('Reversible: Undo for 60 s');
    const answered = (
      await harness.slack.viewSubmission({ callback_id: CONFIRM_STEP, private_metadata: view.private_metadata, values: {} }, { userId: PEOPLE.salesPic })
    ).body as { view: OpenedModal };
    expect((await getCampaign(prisma(), id))!.status).toBe('recruitment_closed');
    const undone = await clickUndo(answered.view, PEOPLE.salesPic);
    expect(viewText(undone)).toContain(`recruitment for C-${id} is open again`);
    expect((await getCampaign(prisma(), id))!.status).toBe('recruiting');
    expect((await entityHistory(prisma(), 'campaign', id)).at(-1)).toMatchObject({
      action: 'campaign.step_undone',
      from: 'recruitment_closed',
      to: 'recruiting',
    });
  });

  it('irreversible steps say so in their confirmation, and /campaign help lists what can be taken back', async () => {
    const { id } = await recruitingCampaign(prisma(), 'Kinds shown');
    const view = await openModal(`archive C-${id}`, CONFIRM_STEP, PEOPLE.salesPic);
    expect(viewText(view)).toContain(':lock: Irreversible');
    const help = JSON.stringify(await harness.slack.answer('help'));
    expect(help).toContain('What can be taken back');
    expect(help).toContain('Applied → Rejected');
    expect(help).toContain('/campaign reopen');
  });
});
