import { describe, expect, it } from 'vitest';
import { composeCampaignDigest, daysBetween, needsSomeone } from '../../src/domain/digest-compose.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import { METRICS, campaignFixture, day, participant, post, T0, digestInput } from '../support/factories.js';

// All expected values below are counted by hand.
const campaign = campaignFixture;

function change(entityType: string, entityId: string, action: string, at: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { actor: 'U0MEMBER', at: new Date(at), entityType, entityId, action, ...extra };
}

describe('days between UTC calendar days', () => {
  it('counts calendar days, not 24-hour periods', () => {
    expect(daysBetween(new Date('2026-11-22T23:59:00Z'), new Date('2026-11-23T00:01:00Z'))).toBe(1);
    expect(daysBetween(new Date('2026-11-23T00:00:00Z'), new Date('2026-11-23T23:59:59Z'))).toBe(0);
    expect(daysBetween(new Date('2026-11-23T09:00:00Z'), day('2026-11-20'))).toBe(-3);
    expect(daysBetween(day('2026-02-28'), day('2026-03-01'))).toBe(1);
  });

  it('a post planned for today is due, not overdue, even one minute after midnight; yesterday is 1 day overdue', () => {
    const now = new Date('2026-11-23T00:01:00Z');
    const d = composeCampaignDigest(
      digestInput({
        now,
        posts: [
          post(1, { status: 'approved', plannedDate: day('2026-11-23') }),
          post(2, { status: 'approved', plannedDate: day('2026-11-22') }),
          post(3, { status: 'approved', plannedDate: day('2026-11-24') }),
        ],
      }),
    );
    expect(d.duePosts.map((p) => [p.post.id, p.overdueDays])).toEqual([
      [2, 1],
      [1, 0],
    ]);
    expect(d.health).toBe('late');
  });

  it('days to end across midnight: the end date is a calendar day', () => {
    expect(composeCampaignDigest(digestInput({ now: new Date('2026-12-02T23:59:00Z') })).daysToEnd).toBe(1);
    expect(composeCampaignDigest(digestInput({ now: new Date('2026-12-03T00:00:00Z') })).daysToEnd).toBe(0);
    expect(composeCampaignDigest(digestInput({ now: new Date('2026-12-03T23:59:00Z') })).daysToEnd).toBe(0);
    expect(composeCampaignDigest(digestInput({ now: new Date('2026-12-05T08:00:00Z') })).daysToEnd).toBe(-2);
    expect(composeCampaignDigest(digestInput()).daysToEnd).toBe(10);
  });
});

describe('composeCampaignDigest', () => {
  it('a quiet day: nothing changed, nothing waits, nothing due; on track', () => {
    const d = composeCampaignDigest(digestInput({ posts: [post(1, { status: 'posted' }), post(2, { status: 'approved', plannedDate: day('2026-11-25') })] }));
    expect(d.quiet).toBe(true);
    expect(d.health).toBe('on_track');
    expect(d.funnel).toEqual([{ stage: 'collaborating', count: 2 }]);
    expect(d.awaitingApproval).toEqual([]);
    expect(d.duePosts).toEqual([]);
    expect(d.expiredAgreements).toEqual([]);
    expect(d.recruitmentClosesInDays).toBeNull();
  });

  it('funnel counts per stage in pipeline order, only stages with someone', () => {
    const d = composeCampaignDigest(
      digestInput({
        participants: [
          participant(1, { stage: 'signed' }),
          participant(2, { stage: 'candidate' }),
          participant(3, { stage: 'signed' }),
          participant(4, { stage: 'applied' }),
        ],
      }),
    );
    expect(d.funnel).toEqual([
      { stage: 'candidate', count: 1 },
      { stage: 'applied', count: 1 },
      { stage: 'signed', count: 2 },
    ]);
  });

  it('posts awaiting approval: influencer name, approvers, days waited since the latest change (0 without one), oldest first', () => {
    const d = composeCampaignDigest(
      digestInput({
        posts: [post(5, { status: 'pending_approval', participationId: 2 }), post(6, { status: 'pending_approval' }), post(7, { status: 'draft' })],
        changes: [
          change('post', '6', 'post.submitted', '2026-11-20T23:00:00Z'),
          change('post', '6', 'post.resubmitted', '2026-11-21T10:00:00Z'),
          change('post', '60', 'post.submitted', '2026-11-01T10:00:00Z'),
        ],
      }),
    );
    expect(d.awaitingApproval.map((a) => [a.post.id, a.influencerName, a.waitingDays, a.approverIds])).toEqual([
      [6, 'Influencer 1', 2, ['U0APP1', 'U0APP2']],
      [5, 'Influencer 2', 0, ['U0APP1', 'U0APP2']],
    ]);
    expect(d.health).toBe('needs_attention'); // waited 2 days
    expect(d.quiet).toBe(false);
  });

  it('a post waiting 1 day keeps the campaign on track', () => {
    const d = composeCampaignDigest(
      digestInput({
        posts: [post(6, { status: 'pending_approval' })],
        changes: [change('post', '6', 'post.submitted', '2026-11-22T23:59:00Z')],
      }),
    );
    expect(d.awaitingApproval[0]!.waitingDays).toBe(1);
    expect(d.health).toBe('on_track');
  });

  it('expired agreements are past the signing window, with the moment they expired', () => {
    const d = composeCampaignDigest(
      digestInput({
        campaign: campaign({ status: 'recruitment_closed', collaborationStartedAt: null }),
        participants: [
          participant(1, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-19T10:00:00Z') }), // expired 2026-11-22T10:00
          participant(2, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-21T10:00:00Z') }), // expires 2026-11-24
          participant(3, { stage: 'signed', agreementSentAt: new Date('2026-11-01T10:00:00Z'), agreementSignedAt: new Date('2026-11-02T10:00:00Z') }),
        ],
      }),
    );
    expect(d.expiredAgreements.map((e) => [e.participant.id, e.expiredAt.toISOString()])).toEqual([[1, '2026-11-22T10:00:00.000Z']]);
    expect(d.health).toBe('needs_attention');
    expect(d.quiet).toBe(false);
  });

  it('recruitment closing soon: 0 to 3 days ahead while recruiting, otherwise null', () => {
    const recruiting = (close: string, now = T0) =>
      composeCampaignDigest(digestInput({ now, campaign: campaign({ status: 'recruiting', collaborationStartedAt: null, recruitmentCloseDate: day(close) }) }))
        .recruitmentClosesInDays;
    expect(recruiting('2026-11-25')).toBe(2);
    expect(recruiting('2026-11-23')).toBe(0);
    expect(recruiting('2026-11-26')).toBe(3);
    expect(recruiting('2026-11-27')).toBeNull();
    expect(recruiting('2026-11-22')).toBeNull();
    expect(recruiting('2026-11-26', new Date('2026-11-22T23:59:00Z'))).toBeNull(); // 4 calendar days ahead, though under 4 × 24 h
    expect(recruiting('2026-11-26', new Date('2026-11-23T00:00:00Z'))).toBe(3);
  });

  it('a campaign closing recruitment soon is not quiet', () => {
    const d = composeCampaignDigest(
      digestInput({ campaign: campaign({ status: 'recruiting', collaborationStartedAt: null, recruitmentCloseDate: day('2026-11-24') }) }),
    );
    expect(d.recruitmentClosesInDays).toBe(1);
    expect(d.quiet).toBe(false);
    expect(
      composeCampaignDigest(digestInput({ campaign: campaign({ status: 'collaborating', recruitmentCloseDate: day('2026-11-24') }) })).recruitmentClosesInDays,
    ).toBeNull();
  });

  it('health: late when past the end date unless completed; over budget needs attention; late wins', () => {
    const past = campaign({ endDate: day('2026-11-22') });
    expect(composeCampaignDigest(digestInput({ campaign: past })).health).toBe('late');
    expect(composeCampaignDigest(digestInput({ campaign: { ...past, status: 'completed' } })).health).toBe('on_track');
    const over = { ...METRICS, totalCostMinor: 120_000, remainingBudgetMinor: -20_000, overBudget: true };
    const d = composeCampaignDigest(digestInput({ metrics: over }));
    expect(d.health).toBe('needs_attention');
    expect(d.quiet).toBe(true); // over budget alone is not a change nor an item waiting for someone
    expect(composeCampaignDigest(digestInput({ metrics: over, campaign: past })).health).toBe('late');
  });

  it('changes are kept, oldest first, and make the day not quiet', () => {
    const d = composeCampaignDigest(
      digestInput({
        changes: [
          change('post', '6', 'post.rejected', '2026-11-22T15:00:00Z', { reason: 'Logo missing' }),
          change('participant', '1', 'participant.moved', '2026-11-22T10:00:00Z', { from: 'applied', to: 'approved' }),
        ],
      }),
    );
    expect(d.changes.map((c) => c.action)).toEqual(['participant.moved', 'post.rejected']);
    expect(d.quiet).toBe(false);
    expect(d.health).toBe('on_track');
  });
});

describe('due today and tomorrow', () => {
  it('lists planned posts, deliverables not yet met and agreements about to expire, today first; nothing later; a day with any is not quiet', () => {
    const deliverable = (dueDate: string, quantity = 1) => ({
      platform: 'instagram' as const,
      kind: 'reel' as const,
      quantity,
      dueDate: day(dueDate),
      notes: '',
    });
    const d = composeCampaignDigest(
      digestInput({
        campaign: campaign({ agreementWindowDays: 3 }),
        participants: [
          participant(1, { deliverables: [deliverable('2026-11-24'), deliverable('2026-11-25')] }),
          participant(2, { deliverables: [deliverable('2026-11-23')] }),
          participant(3, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-20T12:00:00Z') }),
          participant(4, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-22T12:00:00Z') }),
        ],
        posts: [
          post(10, { status: 'approved', participationId: 1, plannedDate: day('2026-11-24') }),
          post(11, { status: 'pending_approval', participationId: 1, plannedDate: day('2026-11-23') }),
          post(12, { status: 'approved', participationId: 2, plannedDate: day('2026-11-26') }),
          post(13, { status: 'posted', participationId: 2, plannedDate: day('2026-11-23') }),
        ],
      }),
    );
    expect(d.dueSoon.map((item) => [item.kind, item.inDays, item.kind === 'post' ? item.post.id : item.participant.id])).toEqual([
      ['post', 0, 11],
      ['agreement', 0, 3],
      ['post', 1, 10],
      ['deliverable', 1, 1],
    ]);
    expect(d.quiet).toBe(false);
  });
});

describe('needsSomeone', () => {
  it('lists posts awaiting (approvers), due posts (influencer PIC), expired agreements (influencer PIC), at most 3', () => {
    const d = composeCampaignDigest(
      digestInput({
        campaign: campaign({ status: 'recruitment_closed', collaborationStartedAt: null }),
        participants: [participant(1, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-01T10:00:00Z') })],
        posts: [
          post(1, { status: 'pending_approval' }),
          post(2, { status: 'approved', plannedDate: day('2026-11-21') }),
          post(3, { status: 'approved', plannedDate: day('2026-11-23') }),
        ],
        changes: [change('post', '1', 'post.submitted', '2026-11-20T08:00:00Z')],
        metrics: { ...METRICS, overBudget: true },
      }),
    );
    expect(needsSomeone(d)).toEqual([
      { what: '1 post awaiting approval (oldest 3 days)', who: ['U0APP1', 'U0APP2'] },
      { what: '2 posts due to go live (1 overdue)', who: ['U0INFPIC'] },
      { what: '1 agreement past the signing window', who: ['U0INFPIC'] },
    ]);
  });

  it('says how many waiting posts fail a compliance check', () => {
    const failing = { checks: [{ rule: 'disclosure' as const, passed: false, detail: 'none of #ad' }] };
    const passing = { checks: [{ rule: 'disclosure' as const, passed: true, detail: '#ad' }] };
    const waiting = (...checks: Array<typeof failing | typeof passing | { checks: null }>) =>
      needsSomeone(composeCampaignDigest(digestInput({ posts: checks.map((c, i) => post(i + 1, { status: 'pending_approval', ...c })) })))[0]?.what;
    expect(waiting(failing, passing, { checks: null })).toBe('3 posts awaiting approval; 1 fails a compliance check');
    expect(waiting(failing, failing, passing)).toBe('3 posts awaiting approval; 2 fail a compliance check');
    expect(waiting(failing, failing)).toBe('2 posts awaiting approval; all fail a compliance check');
    expect(waiting(failing)).toBe('1 post awaiting approval; 1 fails a compliance check');
    expect(waiting(passing)).toBe('1 post awaiting approval');
  });

  it('over budget goes to the sales PIC; nothing when nothing needs anyone', () => {
    expect(needsSomeone(composeCampaignDigest(digestInput({ metrics: { ...METRICS, overBudget: true } })))).toEqual([
      { what: 'over budget', who: ['U0SALES'] },
    ]);
    expect(needsSomeone(composeCampaignDigest(digestInput()))).toEqual([]);
    const today = composeCampaignDigest(digestInput({ posts: [post(3, { status: 'approved', plannedDate: day('2026-11-23') })] }));
    expect(needsSomeone(today)).toEqual([{ what: '1 post due to go live today', who: ['U0INFPIC'] }]);
  });
});
