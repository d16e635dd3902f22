import { describe, expect, it } from 'vitest';
import * as campaigns from '../../src/workflow/campaigns.js';
import { addInfluencers, editInfluencer, findInfluencers } from '../../src/workflow/influencers.js';
import * as participants from '../../src/workflow/participants.js';
import { recruitingCampaign, PEOPLE, T0, at, influencer, ok, moveThrough } from '../support/factories.js';
import { databaseForTests } from '../support/database.js';
import { entityHistory } from '../support/records.js';

const db = databaseForTests();

const member = at(PEOPLE.member);
const DAY = 24 * 60 * 60 * 1000;

describe('the influencer directory', () => {
  it('adds influencers in bulk, all or none, and refuses an account already in the directory', async () => {
    const added = ok(
      await addInfluencers(
        db.prisma,
        [influencer('Chika Mori', 'chika', 80_000), influencer('Dai Sato', 'dai', 9_000, { niches: ['Gaming', ' gaming '] })],
        member,
      ),
    );
    expect(added.map((i) => i.niches)).toEqual([['beauty'], ['gaming']]);
    const refused = await addInfluencers(db.prisma, [influencer('Eri', 'eri', 1_000), influencer('Chika again', '@chika', 5)], member);
    expect(refused).toMatchObject({ ok: false, rule: 'account-taken', reason: 'Already in the directory: instagram @chika.' });
    expect((await findInfluencers(db.prisma, { niche: 'beauty' })).influencers.map((i) => i.name)).not.toContain('Eri');
  });

  it('searches by niche, platform, country and minimum followers', async () => {
    ok(
      await addInfluencers(
        db.prisma,
        [
          influencer('Fumi (KR)', 'fumi', 200_000, {
            country: 'KR',
            niches: ['food'],
            accounts: [{ platform: 'youtube', handle: 'fumi', followers: 200_000, avgEngagementPct: null }],
          }),
          influencer('Goro', 'goro', 20_000, { niches: ['food'] }),
        ],
        member,
      ),
    );
    const names = async (filter: Parameters<typeof findInfluencers>[1]) => (await findInfluencers(db.prisma, filter)).influencers.map((i) => i.name);
    expect(await names({ niche: 'Food' })).toEqual(['Fumi (KR)', 'Goro']);
    expect(await names({ niche: 'food', platform: 'youtube' })).toEqual(['Fumi (KR)']);
    expect(await names({ niche: 'food', country: 'jp' })).toEqual(['Goro']);
    expect(await names({ niche: 'food', minFollowers: 50_000 })).toEqual(['Fumi (KR)']);
  });

  it('edits a profile on the version the editor saw, and refuses a stale edit', async () => {
    const [hana] = ok(await addInfluencers(db.prisma, [influencer('Hana', 'hana', 1_000)], member));
    const edited = ok(await editInfluencer(db.prisma, hana!.id, { ...influencer('Hana K.', 'hana', 1_500), niches: ['travel'] }, member, hana!.version));
    expect(edited).toMatchObject({ name: 'Hana K.', niches: ['travel'], version: 2 });
    expect(edited.accounts[0]).toMatchObject({ id: hana!.accounts[0]!.id, followers: 1_500 });
    expect(await editInfluencer(db.prisma, hana!.id, influencer('Hana', 'hana', 1_000), member, hana!.version)).toMatchObject({ ok: false, rule: 'stale' });
  });
});

describe('the participant pipeline', () => {
  it('adds directory influencers once, with their accounts on the campaign platforms', async () => {
    const { id, participants: added, influencers } = await recruitingCampaign(db.prisma, 'Pipeline');
    expect(added.map((p) => p.stage)).toEqual(['candidate', 'candidate']);
    expect(added[0]!.accountIds).toEqual([influencers[0]!.accounts[0]!.id]);
    expect(ok(await participants.addParticipants(db.prisma, id, [{ influencerId: influencers[0]!.id }], member))).toEqual([]);
  });

  it('refuses to send an Approved applicant back to Applied, naming the rule, and records nothing', async () => {
    const {
      participants: [p],
    } = await recruitingCampaign(db.prisma, 'No return');
    await moveThrough(db.prisma, p!.id, ['invited', 'applied', 'reviewing', 'applied', 'approved', 'rejected', 'approved'], member);
    const refused = await participants.moveParticipant(db.prisma, p!.id, 'applied', member);
    expect(refused).toMatchObject({ ok: false, rule: 'no-return-to-applied', reason: 'Approved applicants cannot return to Applied.' });
    expect((await entityHistory(db.prisma, 'participant', p!.id)).map((e) => e.to)).toEqual([
      'candidate',
      'invited',
      'applied',
      'reviewing',
      'applied',
      'approved',
      'rejected',
      'approved',
    ]);
  });

  it('skips the optional stages a campaign switched off', async () => {
    const {
      id,
      participants: [p],
    } = await recruitingCampaign(db.prisma, 'Short pipeline');
    expect(
      await campaigns.editBrief(db.prisma, id, { optionalStages: { invited: false, applications: false, deliverables: false } }, at(PEOPLE.salesPic)),
    ).toMatchObject({ ok: true });
    expect(await participants.moveParticipant(db.prisma, p!.id, 'invited', member)).toMatchObject({ ok: false, rule: 'stage-switched-off' });
    ok(await participants.moveParticipant(db.prisma, p!.id, 'approved', member));
    ok(await participants.moveParticipant(db.prisma, p!.id, 'agreement_sent', member));
  });

  it('expires an agreement after the signing window; it can be re-sent, then signed', async () => {
    const {
      participants: [p],
    } = await recruitingCampaign(db.prisma, 'Agreements');
    await moveThrough(db.prisma, p!.id, ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent'], member);
    const late = at(PEOPLE.member, new Date(T0.getTime() + 3 * DAY + 1));
    expect(await participants.moveParticipant(db.prisma, p!.id, 'signed', late)).toMatchObject({ ok: false, rule: 'agreement-expired' });
    expect(await participants.resendAgreement(db.prisma, p!.id, at(PEOPLE.salesPic))).toMatchObject({ ok: false, rule: 'agreement-not-expired' });
    expect(await participants.resendAgreement(db.prisma, p!.id, late)).toMatchObject({ ok: false, rule: 'not-permitted' });
    const resent = ok(await participants.resendAgreement(db.prisma, p!.id, at(PEOPLE.salesPic, late.now)));
    expect(resent.agreementSentAt).toEqual(late.now);
    expect(ok(await participants.moveParticipant(db.prisma, p!.id, 'signed', late)).agreementSignedAt).toEqual(late.now);
  });

  it('edits deliverables only in the Candidates phase; moving back re-enables editing', async () => {
    const {
      participants: [p],
    } = await recruitingCampaign(db.prisma, 'Deliverables');
    const reel = [{ platform: 'instagram' as const, kind: 'reel' as const, quantity: 1, dueDate: new Date('2026-12-10'), notes: 'Tag the brand' }];
    await moveThrough(db.prisma, p!.id, ['invited', 'applied', 'approved', 'deliverables'], member);
    expect(ok(await participants.editDeliverables(db.prisma, p!.id, reel, member)).deliverables).toEqual(reel);
    const changed = (await entityHistory(db.prisma, 'participant', p!.id)).filter((e) => e.action === 'participant.deliverables_changed');
    expect(changed.map((e) => e.details)).toEqual([{ removed: [], added: ['1 × Instagram Reel, due 2026-12-10 (Tag the brand)'] }]);
    ok(await participants.moveParticipant(db.prisma, p!.id, 'agreement_sent', member));
    expect(await participants.editDeliverables(db.prisma, p!.id, [], member)).toMatchObject({ ok: false, rule: 'deliverables-candidates-only' });
    ok(await participants.moveParticipant(db.prisma, p!.id, 'deliverables', member));
    expect(ok(await participants.editDeliverables(db.prisma, p!.id, [], member)).deliverables).toEqual([]);
  });

  it('lets only managers edit budgets, and refuses negative amounts', async () => {
    const {
      participants: [p],
    } = await recruitingCampaign(db.prisma, 'Budgets');
    const costs = { budgetMinor: 100_000, influencerCostMinor: 60_000, shippingCostMinor: 2_500 };
    expect(await participants.editCosts(db.prisma, p!.id, costs, member)).toMatchObject({ ok: false, rule: 'not-permitted' });
    expect(await participants.editCosts(db.prisma, p!.id, { ...costs, shippingCostMinor: -1 }, at(PEOPLE.salesPic))).toMatchObject({
      ok: false,
      rule: 'costs-not-negative',
    });
    expect(ok(await participants.editCosts(db.prisma, p!.id, costs, at(PEOPLE.admin)))).toMatchObject(costs);
  });

  it('the scheduler records each expired agreement once, as system, and again after a re-sent one expires', async () => {
    const {
      participants: [p],
    } = await recruitingCampaign(db.prisma, 'Expiry marks');
    await moveThrough(db.prisma, p!.id, ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent'], member);
    const expired = new Date(T0.getTime() + 3 * DAY + 1);
    expect(await participants.markExpiredAgreements(db.prisma, new Date(T0.getTime() + 3 * DAY))).toEqual([]);
    expect((await participants.markExpiredAgreements(db.prisma, expired)).map((x) => x.id)).toContain(p!.id);
    expect((await participants.markExpiredAgreements(db.prisma, new Date(expired.getTime() + DAY))).map((x) => x.id)).not.toContain(p!.id);
    ok(await participants.resendAgreement(db.prisma, p!.id, at(PEOPLE.salesPic, expired)));
    expect((await participants.markExpiredAgreements(db.prisma, new Date(expired.getTime() + 4 * DAY))).map((x) => x.id)).toContain(p!.id);
    const marks = (await entityHistory(db.prisma, 'participant', p!.id)).filter((e) => e.action === 'participant.agreement_expired');
    expect(marks.map((e) => e.actor)).toEqual(['system', 'system']);
  });
});
