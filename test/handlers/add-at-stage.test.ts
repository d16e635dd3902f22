import { describe, expect, it } from 'vitest';
import { ADD_PARTICIPANTS, PICK_BLOCK } from '../../src/views/directory.js';
import { STARTING_STAGE_FIELDS } from '../../src/views/starting-stage.js';
import { VALUE } from '../../src/views/blocks.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { addInfluencers } from '../../src/workflow/influencers.js';
import { listParticipants } from '../../src/workflow/participants.js';
import { blockKitViolations } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, recruitingCampaign, PEOPLE, T0, at, influencer, ok } from '../support/factories.js';
import { entityHistory } from '../support/records.js';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';

const harness = harnessForTests({ now: () => T0 });

const prisma = () => harness.running.db.prisma;

function addModal(campaignId: number): Promise<OpenedModal> {
  return modalOpenedBy(
    harness,
    () => harness.slack.command(`add C-${campaignId}`, { userId: PEOPLE.salesPic }),
    (v) => v.callback_id === ADD_PARTICIPANTS && JSON.parse(v.private_metadata).campaignId === campaignId,
  );
}

function values(influencerIds: number[], stage?: string, reason?: string) {
  return {
    [PICK_BLOCK]: {
      [VALUE]: { type: 'multi_static_select', selected_options: influencerIds.map((id) => ({ text: { type: 'plain_text', text: 'x' }, value: String(id) })) },
    },
    [STARTING_STAGE_FIELDS.stage]: { [VALUE]: { type: 'static_select', selected_option: stage ? { value: stage } : null } },
    [STARTING_STAGE_FIELDS.reason]: { [VALUE]: { type: 'plain_text_input', value: reason ?? null } },
  };
}

const submit = (modal: OpenedModal, v: ReturnType<typeof values>, userId: string = PEOPLE.salesPic) =>
  harness.slack.viewSubmission({ callback_id: ADD_PARTICIPANTS, private_metadata: modal.private_metadata, values: v }, { userId });

describe('/campaign add straight into a later stage ("already agreed off-platform")', () => {
  it('offers the later stages, asks for the reason with every other fault at once, and records it in the history', async () => {
    const { id } = await recruitingCampaign(prisma(), 'Off-platform');
    const [mei] = ok(await addInfluencers(prisma(), [influencer('Mei Offline', 'mei_offline', 80_000)], at(PEOPLE.member)));
    const modal = await addModal(id);
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const stages = modal.blocks.find((b) => b.block_id === STARTING_STAGE_FIELDS.stage)!.element!;
    expect(stages.initial_option!.value).toBe('candidate');
    expect(stages.options!.map((o) => o.value)).toEqual(['candidate', 'approved', 'deliverables', 'agreement_sent', 'signed']);

    const faulty = await submit(modal, values([], 'signed'));
    expect(faulty.body).toEqual({
      response_action: 'errors',
      errors: {
        [PICK_BLOCK]: 'Choose at least one influencer.',
        [STARTING_STAGE_FIELDS.reason]: 'Say why they start at a later stage (e.g. already agreed off-platform).',
      },
    });

    const member = await submit(modal, values([mei!.id], 'signed', 'Agreed by email'), PEOPLE.member);
    expect(JSON.stringify(member.body)).toContain("Only the campaign's PICs or an admin can add an influencer at a later stage.");
    expect((await listParticipants(prisma(), id)).some((p) => p.influencerId === mei!.id)).toBe(false);

    expect(await submit(modal, values([mei!.id], 'agreement_sent', 'Agreed by email on 20 Nov'))).toEqual({ status: 200, body: '' });
    const added = (await listParticipants(prisma(), id)).find((p) => p.influencerId === mei!.id)!;
    expect(added).toMatchObject({ stage: 'agreement_sent', agreementSentAt: T0 });
    expect((await entityHistory(prisma(), 'participant', added.id)).map((e) => [e.action, e.actor, e.to, e.reason])).toEqual([
      ['participant.added', PEOPLE.salesPic, 'agreement_sent', 'Agreed by email on 20 Nov'],
    ]);
    expect(JSON.stringify(await harness.slack.answer(`show C-${id}`))).toContain('Mei Offline');
    // The influencer PIC is sent the agreement message for Mei (the sales PIC added her).
    await harness.fakeSlack.waitFor(
      'chat.postMessage',
      (c) => String(c.args.channel).startsWith('D') && JSON.stringify(c.args).includes('Mei Offline') && JSON.stringify(c.args).includes('Please sign it by'),
    );
  });

  it('works after recruitment closes, and is refused readably once collaboration started', async () => {
    const closed = await recruitingCampaign(prisma(), 'Closed but agreed');
    ok(await campaigns.closeRecruitment(prisma(), closed.id, at(PEOPLE.salesPic)));
    const [noa] = ok(await addInfluencers(prisma(), [influencer('Noa Signed', 'noa_signed', 30_000)], at(PEOPLE.member)));
    expect(await submit(await addModal(closed.id), values([noa!.id], 'signed', 'Contract signed on paper'))).toEqual({ status: 200, body: '' });
    expect((await listParticipants(prisma(), closed.id)).find((p) => p.influencerId === noa!.id)).toMatchObject({ stage: 'signed', agreementSignedAt: T0 });

    const started = await collaboratingCampaign(prisma(), 'Too late to add');
    const [ren] = ok(await addInfluencers(prisma(), [influencer('Ren Late', 'ren_late', 30_000)], at(PEOPLE.member)));
    const refused = await submit(await addModal(started.id), values([ren!.id], 'signed', 'Agreed yesterday'));
    expect(JSON.stringify(refused.body)).toContain('Collaboration has started: the group is fixed, so no new participants.');
    expect((await listParticipants(prisma(), started.id)).some((p) => p.influencerId === ren!.id)).toBe(false);
  });
});
