// Report numbers against fixtures computed by hand (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import { campaignReport, reviewOutcomes } from '../../src/domain/report.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import { campaignFixture, day, participant, post, postMetrics, FEED_POST_RESULTS, T0 } from '../support/factories.js';

const followers = new Map([
  [1, 120_000],
  [2, 45_000],
  [3, 8_000],
]);

describe('campaign report', () => {
  it('matches the hand-computed numbers of a campaign with posts', () => {
    const report = campaignReport({
      campaign: campaignFixture({ budgetMinor: 1_000_000 }), // $10,000.00
      participants: [
        participant(1, { stage: 'posted', budgetMinor: 500_000, influencerCostMinor: 300_000, shippingCostMinor: 20_000 }),
        participant(2, { stage: 'collaborating', budgetMinor: 300_000, influencerCostMinor: 150_000, shippingCostMinor: 10_000 }),
        participant(3, { stage: 'not_selected' }),
      ],
      posts: [
        // 1,000 + 100 + 50 + 50 = 1,200 engagements on 20,000 reach
        post(1, {
          participationId: 1,
          status: 'posted',
          metrics: FEED_POST_RESULTS,
        }),
        // 200 + 20 + 10 + 10 = 240 engagements on 5,000 reach
        post(2, {
          participationId: 1,
          status: 'final_approved',
          metrics: postMetrics({
            impressions: 8_000,
            reach: 5_000,
            likes: 200,
            comments: 20,
            shares: 10,
            saves: 10,
            clicks: 50,
            conversions: 3,
            attributedRevenueMinor: 100_000,
          }),
        }),
        post(3, { participationId: 2, status: 'approved', plannedDate: day('2026-11-20') }),
        post(4, { participationId: 2, status: 'pending_approval', plannedDate: day('2026-11-30') }),
        post(5, { participationId: 2, status: 'rejected' }),
      ],
      followers,
      now: T0,
    });
    // Cost: 300,000 + 150,000 influencer + 20,000 + 10,000 shipping = 480,000 ($4,800.00) of 1,000,000.
    expect(report.metrics).toMatchObject({
      totalCostMinor: 480_000,
      remainingBudgetMinor: 520_000,
      overBudget: false,
      budgetUsedPct: 48,
      potentialReach: 173_000, // 120,000 + 45,000 + 8,000 (the not-selected influencer's account is still chosen)
      impressions: 38_000,
      reach: 25_000,
      engagements: 1_440,
      clicks: 350,
      conversions: 15,
      attributedRevenueMinor: 1_000_000,
      engagementRatePct: 5.76, // 1,440 / 25,000 × 100
      costPerEngagementMinor: 333.33, // 480,000 / 1,440 = 333.333…
      roiPct: 108.33, // (1,000,000 − 480,000) / 480,000 × 100 = 108.333…
    });
    expect(report.influencers).toBe(2); // posted + collaborating; not selected does not count
    expect(report.costPerInfluencerMinor).toBe(240_000); // 480,000 / 2
    expect(report.posts).toEqual({ planned: 5, approved: 3, posted: 2, finalApproved: 1 });
    expect(report.funnel).toEqual([
      { stage: 'collaborating', count: 1 },
      { stage: 'posted', count: 1 },
      { stage: 'not_selected', count: 1 },
    ]);
    expect(report.topPosts.map((p) => [p.post.id, p.engagements, p.engagementRatePct])).toEqual([
      [1, 1_200, 6],
      [2, 240, 4.8],
    ]);
    // Post 3 was to go live on 2026-11-20: 3 days late. Post 4 is planned later: not late.
    expect(report.late).toEqual([{ kind: 'post_not_live', post: expect.objectContaining({ id: 3 }), influencerName: 'Influencer 2', days: 3 }]);
    const first = report.participants[0]!;
    expect(first.followers).toBe(120_000);
    expect(first.metrics).toMatchObject({ totalCostMinor: 320_000, engagements: 1_440, reach: 25_000, roiPct: 212.5 }); // (1,000,000 − 320,000) / 320,000
  });

  it('has no ratios to show when nothing was posted: no division by zero', () => {
    const report = campaignReport({
      campaign: campaignFixture({ status: 'recruiting' }),
      participants: [participant(1, { stage: 'candidate' })],
      posts: [],
      followers,
      now: T0,
    });
    expect(report.metrics).toMatchObject({
      totalCostMinor: 0,
      engagements: 0,
      engagementRatePct: null,
      costPerEngagementMinor: null,
      roiPct: null,
      budgetUsedPct: 0,
    });
    expect(report.influencers).toBe(0);
    expect(report.costPerInfluencerMinor).toBeNull();
    expect(report.posts).toEqual({ planned: 0, approved: 0, posted: 0, finalApproved: 0 });
    expect(report.topPosts).toEqual([]);
    expect(report.late).toEqual([]);
  });

  it('zero reach: engagements without reach give no engagement rate, while cost per engagement still stands', () => {
    const report = campaignReport({
      campaign: campaignFixture(),
      participants: [participant(1, { influencerCostMinor: 10_000 })],
      posts: [post(1, { status: 'posted', metrics: postMetrics({ likes: 40 }) })],
      followers,
      now: T0,
    });
    expect(report.metrics).toMatchObject({ reach: 0, engagements: 40, engagementRatePct: null, costPerEngagementMinor: 250 }); // 10,000 / 40
    expect(report.topPosts[0]).toMatchObject({ engagements: 40, engagementRatePct: null });
  });

  it('costs over budget: negative remaining budget, over 100 % used, negative ROI', () => {
    const report = campaignReport({
      campaign: campaignFixture({ budgetMinor: 100_000 }),
      participants: [participant(1, { influencerCostMinor: 110_000, shippingCostMinor: 15_000 })],
      posts: [post(1, { status: 'posted', metrics: postMetrics({ reach: 1_000, likes: 100, attributedRevenueMinor: 25_000 }) })],
      followers,
      now: T0,
    });
    expect(report.metrics).toMatchObject({
      totalCostMinor: 125_000,
      remainingBudgetMinor: -25_000,
      overBudget: true,
      budgetUsedPct: 125,
      roiPct: -80, // (25,000 − 125,000) / 125,000 × 100
      costPerEngagementMinor: 1_250,
    });
  });

  it('a yen campaign is computed in whole yen (no minor digits): one currency per campaign, never converted', () => {
    const report = campaignReport({
      campaign: campaignFixture({ currency: 'JPY', budgetMinor: 500_000 }), // ¥500,000
      participants: [participant(1, { influencerCostMinor: 200_000, shippingCostMinor: 1_000 })],
      posts: [post(1, { status: 'posted', metrics: postMetrics({ reach: 10_000, likes: 300, attributedRevenueMinor: 402_000 }) })],
      followers,
      now: T0,
    });
    expect(report.metrics).toMatchObject({ totalCostMinor: 201_000, costPerEngagementMinor: 670, roiPct: 100 }); // 201,000 / 300; (402,000 − 201,000) / 201,000
    expect(report.campaign.currency).toBe('JPY');
  });

  it('late items: a campaign past its end, a post waiting for approval past its date, an expired agreement', () => {
    const report = campaignReport({
      campaign: campaignFixture({ endDate: day('2026-11-20') }),
      participants: [participant(1), participant(2, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-18T09:00:00Z') })],
      posts: [post(1, { status: 'pending_approval', plannedDate: day('2026-11-22') })],
      followers,
      now: T0,
    });
    expect(report.late).toEqual([
      { kind: 'campaign_past_end', days: 3 },
      { kind: 'post_awaiting_approval', post: expect.objectContaining({ id: 1 }), influencerName: 'Influencer 1', days: 1 },
      { kind: 'agreement_expired', influencerName: 'Influencer 2', expiredAt: new Date('2026-11-21T09:00:00Z') },
    ]);
    expect(
      campaignReport({ campaign: campaignFixture({ endDate: day('2026-11-20'), status: 'completed' }), participants: [], posts: [], followers, now: T0 }).late,
    ).toEqual([]);
  });
});

describe('review outcomes', () => {
  const decision = (action: string, details: Record<string, unknown> = {}): HistoryEntry => ({
    actor: 'U0APPROVE',
    at: T0,
    entityType: 'post',
    entityId: '1',
    action,
    details: { revision: 1, ...details },
  });
  it('counts each decision by outcome, every revision, and ignores other events', () => {
    expect(reviewOutcomes([])).toEqual({ approved: 0, withCorrections: 0, needsWork: 0 });
    expect(
      reviewOutcomes([
        decision('post.rejected'),
        decision('post.approved'),
        decision('post.approved', { corrections: true }),
        decision('post.rejected'),
        decision('post.edited'),
        decision('post.withdrawn'),
      ]),
    ).toEqual({ approved: 1, withCorrections: 1, needsWork: 2 });
  });
});
