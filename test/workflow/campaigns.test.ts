import { describe, expect, it } from 'vitest';
import * as campaigns from '../../src/workflow/campaigns.js';
import { listParticipants, moveParticipant } from '../../src/workflow/participants.js';
import { recruitingCampaign, sign, PEOPLE, T0, at, brief, ok, moveThrough } from '../support/factories.js';
import { databaseForTests } from '../support/database.js';
import { entityHistory } from '../support/records.js';

const db = databaseForTests();

const pic = at(PEOPLE.salesPic);

describe('creating a campaign', () => {
  it('saves the brief and records who created it', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief(), at(PEOPLE.member));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.campaign).toMatchObject({ status: 'draft', budgetMinor: 1_000_000, currency: 'USD', version: 1, publishedAt: null });
    const history = await entityHistory(db.prisma, 'campaign', created.campaign.id);
    expect(history).toMatchObject([{ actor: PEOPLE.member, action: 'campaign.created', to: 'draft' }]);
  });

  it('refuses dates out of order and a negative budget, and saves nothing', async () => {
    const before = await db.prisma.campaign.count();
    const created = await campaigns.createCampaign(db.prisma, brief({ endDate: new Date('2026-11-01'), budgetMinor: -5 }), at(PEOPLE.member));
    expect(created).toEqual({
      ok: false,
      errors: {
        endDate: 'The end date must be on or after the start date.',
        budgetMinor: 'The budget must be zero or more.',
        recruitmentCloseDate: 'Recruitment must close on or before the end date.',
      },
    });
    expect(await db.prisma.campaign.count()).toBe(before);
  });
});

describe('the lifecycle', () => {
  it('goes from Draft to Archived, each step by the people allowed, each recorded with from → to', async () => {
    const { id } = await recruitingCampaign(db.prisma, 'Lifecycle');
    ok(await campaigns.closeRecruitment(db.prisma, id, pic));
    ok(await campaigns.startCollaboration(db.prisma, id, pic));
    ok(await campaigns.completeCampaign(db.prisma, id, at(PEOPLE.admin)));
    const archived = ok(await campaigns.archiveCampaign(db.prisma, id, pic));
    expect(archived.status).toBe('archived');
    const steps = (await entityHistory(db.prisma, 'campaign', id)).map((e) => `${e.action}:${e.from ?? ''}→${e.to ?? ''}`);
    expect(steps).toEqual([
      'campaign.created:→draft',
      'campaign.proposal_published:draft→proposal_published',
      'campaign.proposal_approved:proposal_published→proposal_approved',
      'campaign.recruitment_opened:proposal_approved→recruiting',
      'campaign.recruitment_closed:recruiting→recruitment_closed',
      'campaign.collaboration_started:recruitment_closed→collaborating',
      'campaign.completed:collaborating→completed',
      'campaign.archived:completed→archived',
    ]);
  });

  it('refuses a member publishing the proposal, saying who may, and changes nothing', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Members only' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const refused = await campaigns.publishProposal(db.prisma, created.campaign.id, at(PEOPLE.member));
    expect(refused).toMatchObject({ ok: false, rule: 'not-permitted', reason: "Only the campaign's PICs or an admin can publish the proposal." });
    expect((await campaigns.getCampaign(db.prisma, created.campaign.id))?.status).toBe('draft');
    expect(await entityHistory(db.prisma, 'campaign', created.campaign.id)).toHaveLength(1);
  });

  it('lets only approvers decide the proposal; a rejection needs a reason and returns the campaign to Draft', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Proposal review' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const id = created.campaign.id;
    ok(await campaigns.publishProposal(db.prisma, id, pic));
    expect(await campaigns.approveProposal(db.prisma, id, pic)).toMatchObject({ ok: false, rule: 'not-permitted' });
    expect(await campaigns.rejectProposal(db.prisma, id, '   ', at(PEOPLE.approver))).toMatchObject({ ok: false, rule: 'rejection-needs-reason' });
    const rejected = ok(await campaigns.rejectProposal(db.prisma, id, 'Budget too low for ten creators', at(PEOPLE.approver)));
    expect(rejected.status).toBe('draft');
    const last = (await entityHistory(db.prisma, 'campaign', id)).at(-1);
    expect(last).toMatchObject({ action: 'campaign.proposal_rejected', actor: PEOPLE.approver, reason: 'Budget too low for ten creators' });
  });
});

describe('deleting', () => {
  it('deletes a draft that was never published; the history keeps the deletion', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Short-lived' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    ok(await campaigns.deleteDraft(db.prisma, created.campaign.id, pic));
    expect(await campaigns.getCampaign(db.prisma, created.campaign.id)).toBeUndefined();
    expect((await entityHistory(db.prisma, 'campaign', created.campaign.id)).map((e) => e.action)).toEqual(['campaign.created', 'campaign.deleted']);
  });

  it('never deletes a campaign whose proposal was published, even once back in Draft', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Published once' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const id = created.campaign.id;
    ok(await campaigns.publishProposal(db.prisma, id, pic));
    ok(await campaigns.rejectProposal(db.prisma, id, 'Rework the brief', at(PEOPLE.approver)));
    expect(await campaigns.deleteDraft(db.prisma, id, pic)).toMatchObject({
      ok: false,
      rule: 'published-never-deleted',
      reason: 'A campaign whose proposal was published can never be deleted; archive it instead.',
    });
    expect(await campaigns.getCampaign(db.prisma, id)).toBeDefined();
    ok(await campaigns.archiveCampaign(db.prisma, id, pic));
  });
});

describe('start collaboration', () => {
  it('happens exactly once and fixes the group: signed → Collaborating, the rest → Not selected, Declined stays', async () => {
    const { id, participants } = await recruitingCampaign(db.prisma, 'Fix the group');
    const [signed, declined] = participants;
    await sign(db.prisma, signed!.id);
    await moveThrough(db.prisma, declined!.id, ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent', 'declined']);
    expect(await campaigns.startCollaboration(db.prisma, id, pic)).toMatchObject({ ok: false, rule: 'campaign-move-not-allowed' });
    ok(await campaigns.closeRecruitment(db.prisma, id, pic));
    ok(await campaigns.startCollaboration(db.prisma, id, pic));
    expect((await listParticipants(db.prisma, id)).map((p) => p.stage)).toEqual(['collaborating', 'declined']);

    const again = await campaigns.startCollaboration(db.prisma, id, pic);
    expect(again).toMatchObject({ ok: false, rule: 'collaboration-starts-once' });
    const starts = (await entityHistory(db.prisma, 'campaign', id)).filter((e) => e.action === 'campaign.collaboration_started');
    expect(starts).toHaveLength(1);
  });
});

describe('the scheduler', () => {
  it('closes recruitment on its close date, recorded as system', async () => {
    const { id } = await recruitingCampaign(db.prisma, 'Closes by itself');
    expect(await campaigns.closeDueRecruitments(db.prisma, new Date('2026-11-27T00:00:00Z'))).toEqual([]);
    const closed = await campaigns.closeDueRecruitments(db.prisma, new Date('2026-11-28T00:00:00Z'));
    expect(closed.map((c) => c.id)).toContain(id);
    expect((await entityHistory(db.prisma, 'campaign', id)).at(-1)).toMatchObject({
      actor: 'system',
      action: 'campaign.recruitment_closed',
      to: 'recruitment_closed',
    });
    expect(await campaigns.closeDueRecruitments(db.prisma, new Date('2026-11-29T00:00:00Z'))).toEqual([]);
  });
});

describe('stale and repeated actions', () => {
  it('refuses an action on a version the actor no longer sees, and says what happened instead', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Double click' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const { id, version } = created.campaign;
    ok(await campaigns.publishProposal(db.prisma, id, pic, version));
    const repeated = await campaigns.publishProposal(db.prisma, id, at(PEOPLE.influencerPic), version);
    expect(repeated).toMatchObject({ ok: false, rule: 'stale', since: { actor: PEOPLE.salesPic, action: 'campaign.proposal_published' } });
    expect((await entityHistory(db.prisma, 'campaign', id)).filter((e) => e.action === 'campaign.proposal_published')).toHaveLength(1);
  });
});

describe('archived campaigns', () => {
  it('refuse every change with a clear message', async () => {
    const { id, participants } = await recruitingCampaign(db.prisma, 'Read only');
    ok(await campaigns.archiveCampaign(db.prisma, id, pic));
    const refusals = [
      await campaigns.openRecruitment(db.prisma, id, pic),
      await campaigns.editBrief(db.prisma, id, { optionalStages: { invited: false, applications: true, deliverables: true } }, pic),
      await campaigns.editBrief(db.prisma, id, brief({ title: 'Renamed' }), pic),
      await moveParticipant(db.prisma, participants[0]!.id, 'invited', at(PEOPLE.member)),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, reason: expect.stringMatching(/read-only/) });
  });
});

describe('history', () => {
  it('is append-only in the database itself: updating or deleting an event fails', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Tamper-proof' }), at(PEOPLE.member, T0));
    if (!created.ok) throw new Error('not created');
    await expect(db.prisma.historyEvent.updateMany({ where: { entityId: String(created.campaign.id) }, data: { actor: 'someone-else' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.historyEvent.deleteMany({ where: { entityId: String(created.campaign.id) } })).rejects.toThrow(/append-only/);
    expect(await entityHistory(db.prisma, 'campaign', created.campaign.id)).toMatchObject([{ actor: PEOPLE.member }]);
  });
});

describe('editing the brief', () => {
  it('refuses a field locked after publication whatever the door, and changes nothing', async () => {
    const created = await campaigns.createCampaign(db.prisma, brief({ title: 'Locked currency' }), at(PEOPLE.member));
    if (!created.ok) throw new Error('not created');
    const { id } = created.campaign;
    expect((await campaigns.editBrief(db.prisma, id, { currency: 'EUR' }, pic)).ok).toBe(true);
    ok(await campaigns.publishProposal(db.prisma, id, pic));
    const refused = await campaigns.editBrief(db.prisma, id, { currency: 'JPY', title: 'Renamed' }, pic);
    expect(refused).toMatchObject({ ok: false, rule: 'brief-field-locked', reason: expect.stringContaining('Currency: Fixed once the proposal is published') });
    expect(await campaigns.getCampaign(db.prisma, id)).toMatchObject({ currency: 'EUR', title: 'Locked currency' });
    const edits = (await entityHistory(db.prisma, 'campaign', id)).filter((e) => e.action === 'campaign.brief_edited');
    expect(edits).toMatchObject([{ from: 'USD', to: 'EUR', details: { field: 'currency', label: 'Currency' } }]);
  });
});
