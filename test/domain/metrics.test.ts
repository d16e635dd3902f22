import { describe, expect, it } from 'vitest';
import { campaignMetrics, engagementsOf, participantMetrics, type Metrics, type ParticipantNumbers } from '../../src/domain/metrics.js';
import { STORY_RESULTS, postMetrics } from '../support/factories.js';

// Expected values are worked out by hand (see the comments), not recomputed with the module's formulas.

function participant(numbers: Partial<ParticipantNumbers>): ParticipantNumbers {
  return { budgetMinor: 0, influencerCostMinor: 0, shippingCostMinor: 0, followers: [], posts: [], ...numbers };
}

/** Two posts: 400 + 200 engagements over 6,000 + 4,000 reach. */
const alice = participant({
  budgetMinor: 100_000,
  influencerCostMinor: 60_000,
  shippingCostMinor: 2_500,
  followers: [12_000, 3_000],
  posts: [
    STORY_RESULTS,
    postMetrics({
      impressions: 5_000,
      reach: 4_000,
      likes: 150,
      comments: 30,
      shares: 10,
      saves: 10,
      clicks: 80,
      conversions: 4,
      attributedRevenueMinor: 35_000,
    }),
  ],
});

/** One post: 100 engagements over 2,000 reach. */
const bob = participant({
  budgetMinor: 50_000,
  influencerCostMinor: 30_000,
  shippingCostMinor: 1_500,
  followers: [5_000],
  posts: [
    postMetrics({ impressions: 3_000, reach: 2_000, likes: 80, comments: 10, shares: 5, saves: 5, clicks: 30, conversions: 1, attributedRevenueMinor: 10_000 }),
  ],
});

const noPosts = participant({ budgetMinor: 20_000, influencerCostMinor: 10_000, followers: [800] });

const nothingSpent = participant({
  budgetMinor: 5_000,
  followers: [2_000],
  posts: [
    postMetrics({ impressions: 1_500, reach: 1_000, likes: 40, comments: 5, shares: 3, saves: 2, clicks: 10, conversions: 2, attributedRevenueMinor: 3_000 }),
  ],
});

const zeroBudget = participant({ influencerCostMinor: 4_000, shippingCostMinor: 500, followers: [1_000] });

const allZero = participant({});

const costEqualsBudget = participant({ budgetMinor: 10_000, influencerCostMinor: 9_000, shippingCostMinor: 1_000 });

const overBudget = participant({
  budgetMinor: 30_000,
  influencerCostMinor: 30_000,
  shippingCostMinor: 2_000,
  followers: [4_000, 1_000],
  posts: [postMetrics({ impressions: 2_500, reach: 1_800, likes: 90, comments: 12, shares: 6, saves: 12, clicks: 15 })],
});

const threeEngagements = [postMetrics({ reach: 10, comments: 3 })];
const rounding = {
  oneOfThree: participant({ posts: [postMetrics({ reach: 3, likes: 1 })] }),
  twoOfThree: participant({ posts: [postMetrics({ reach: 3, likes: 1, saves: 1 })] }),
  thousandOverThree: participant({ influencerCostMinor: 1_000, posts: threeEngagements }),
  twoThousandOverThree: participant({ influencerCostMinor: 2_000, posts: threeEngagements }),
  oneOverEight: participant({ shippingCostMinor: 1, posts: [postMetrics({ reach: 8, shares: 8 })] }),
  lossOfThreeInSeven: participant({ influencerCostMinor: 7, posts: [postMetrics({ reach: 1, attributedRevenueMinor: 4 })] }),
};

const twoParticipantCampaign = { budgetMinor: 120_000, participants: [alice, bob] };
const emptyCampaign = { budgetMinor: 0, participants: [] };

describe('engagementsOf', () => {
  it('counts likes, comments, shares and saves, but not clicks, conversions, reach or impressions', () => {
    expect(engagementsOf(postMetrics({ likes: 1, comments: 20, shares: 300, saves: 4_000, clicks: 99, conversions: 7, reach: 5, impressions: 8 }))).toBe(4_321);
  });

  it('is zero for a post nobody interacted with', () => {
    expect(engagementsOf(postMetrics({ impressions: 500, reach: 400 }))).toBe(0);
  });
});

describe('participantMetrics', () => {
  it('sums costs, reach and both posts of a normal participant', () => {
    expect(participantMetrics(alice)).toEqual({
      budgetMinor: 100_000,
      influencerCostMinor: 60_000,
      shippingCostMinor: 2_500,
      totalCostMinor: 62_500,
      remainingBudgetMinor: 37_500,
      overBudget: false,
      budgetUsedPct: 62.5, // 62,500 / 100,000
      profitMinor: 40_000, // 100,000 − 60,000 (shipping is not deducted)
      potentialReach: 15_000,
      impressions: 14_000,
      reach: 10_000,
      engagements: 600,
      clicks: 200,
      conversions: 10,
      attributedRevenueMinor: 80_000,
      engagementRatePct: 6, // 600 / 10,000
      costPerEngagementMinor: 104.17, // 62,500 / 600 = 104.166…
      roiPct: 28, // (80,000 − 62,500) / 62,500
    });
  });

  it('reports engagement rate and cost per engagement as not available when there are no posts at all', () => {
    expect(participantMetrics(noPosts)).toEqual({
      budgetMinor: 20_000,
      influencerCostMinor: 10_000,
      shippingCostMinor: 0,
      totalCostMinor: 10_000,
      remainingBudgetMinor: 10_000,
      overBudget: false,
      budgetUsedPct: 50,
      profitMinor: 10_000,
      potentialReach: 800,
      impressions: 0,
      reach: 0,
      engagements: 0,
      clicks: 0,
      conversions: 0,
      attributedRevenueMinor: 0,
      engagementRatePct: null, // reach is 0
      costPerEngagementMinor: null, // engagements are 0
      roiPct: -100, // (0 − 10,000) / 10,000
    });
  });

  it('reports ROI as not available and cost per engagement as 0 when nothing was spent', () => {
    expect(participantMetrics(nothingSpent)).toMatchObject({
      totalCostMinor: 0,
      remainingBudgetMinor: 5_000,
      overBudget: false,
      budgetUsedPct: 0,
      profitMinor: 5_000,
      engagements: 50,
      engagementRatePct: 5, // 50 / 1,000
      costPerEngagementMinor: 0,
      roiPct: null,
    });
  });

  it('reports budget used as not available when the budget is zero, and any cost as over budget', () => {
    expect(participantMetrics(zeroBudget)).toMatchObject({
      budgetMinor: 0,
      totalCostMinor: 4_500,
      remainingBudgetMinor: -4_500,
      overBudget: true,
      budgetUsedPct: null,
      profitMinor: -4_000,
    });
  });

  it('is not over budget when both budget and cost are zero', () => {
    expect(participantMetrics(allZero)).toMatchObject({ overBudget: false, remainingBudgetMinor: 0, budgetUsedPct: null, roiPct: null });
  });

  it('is not over budget when the cost exactly equals the budget', () => {
    expect(participantMetrics(costEqualsBudget)).toMatchObject({ overBudget: false, remainingBudgetMinor: 0, budgetUsedPct: 100 });
  });

  it('flags costs over budget and shows a negative remaining budget', () => {
    expect(participantMetrics(overBudget)).toEqual({
      budgetMinor: 30_000,
      influencerCostMinor: 30_000,
      shippingCostMinor: 2_000,
      totalCostMinor: 32_000,
      remainingBudgetMinor: -2_000,
      overBudget: true,
      budgetUsedPct: 106.67, // 32,000 / 30,000 = 106.666…
      profitMinor: 0,
      potentialReach: 5_000,
      impressions: 2_500,
      reach: 1_800,
      engagements: 120,
      clicks: 15,
      conversions: 0,
      attributedRevenueMinor: 0,
      engagementRatePct: 6.67, // 120 / 1,800 = 6.666…
      costPerEngagementMinor: 266.67, // 32,000 / 120 = 266.666…
      roiPct: -100,
    });
  });
});

describe('rounding to two decimals', () => {
  it('rounds one engagement over a reach of three down to 33.33 %', () => {
    expect(participantMetrics(rounding.oneOfThree).engagementRatePct).toBe(33.33);
  });

  it('rounds two engagements over a reach of three up to 66.67 %', () => {
    expect(participantMetrics(rounding.twoOfThree).engagementRatePct).toBe(66.67);
  });

  it('rounds a cost of 1,000 over three engagements to 333.33 and 2,000 over three to 666.67', () => {
    expect(participantMetrics(rounding.thousandOverThree).costPerEngagementMinor).toBe(333.33);
    expect(participantMetrics(rounding.twoThousandOverThree).costPerEngagementMinor).toBe(666.67);
  });

  it('rounds an exact half up: a cost of 1 over 8 engagements (0.125) is 0.13', () => {
    expect(participantMetrics(rounding.oneOverEight).costPerEngagementMinor).toBe(0.13);
  });

  it('rounds a negative ROI: revenue 4 against cost 7 is −42.86 %', () => {
    expect(participantMetrics(rounding.lossOfThreeInSeven).roiPct).toBe(-42.86); // −3 / 7 = −42.857…
  });
});

describe('campaignMetrics', () => {
  it("uses the campaign's own budget, not the sum of participant budgets, and sums everything else", () => {
    // Participant budgets add up to 150,000; the campaign budget is 120,000.
    expect(campaignMetrics(twoParticipantCampaign)).toEqual({
      budgetMinor: 120_000,
      influencerCostMinor: 90_000,
      shippingCostMinor: 4_000,
      totalCostMinor: 94_000,
      remainingBudgetMinor: 26_000,
      overBudget: false,
      budgetUsedPct: 78.33, // 94,000 / 120,000 = 78.333…
      profitMinor: 30_000, // 120,000 − 90,000
      potentialReach: 20_000,
      impressions: 17_000,
      reach: 12_000,
      engagements: 700,
      clicks: 230,
      conversions: 11,
      attributedRevenueMinor: 90_000,
      engagementRatePct: 5.83, // 700 / 12,000 = 5.833…
      costPerEngagementMinor: 134.29, // 94,000 / 700 = 134.285…
      roiPct: -4.26, // (90,000 − 94,000) / 94,000 = −4.255…
    });
  });

  it('has zero totals and no available rates when there are no participants', () => {
    expect(campaignMetrics(emptyCampaign)).toEqual({
      budgetMinor: 0,
      influencerCostMinor: 0,
      shippingCostMinor: 0,
      totalCostMinor: 0,
      remainingBudgetMinor: 0,
      overBudget: false,
      budgetUsedPct: null,
      profitMinor: 0,
      potentialReach: 0,
      impressions: 0,
      reach: 0,
      engagements: 0,
      clicks: 0,
      conversions: 0,
      attributedRevenueMinor: 0,
      engagementRatePct: null,
      costPerEngagementMinor: null,
      roiPct: null,
    });
  });

  it('equals the participant metrics for a single participant with the same budget', () => {
    expect(campaignMetrics({ budgetMinor: 100_000, participants: [alice] })).toEqual(participantMetrics(alice));
  });
});

describe('all fixtures', () => {
  const participants = [alice, bob, noPosts, nothingSpent, zeroBudget, allZero, costEqualsBudget, overBudget, ...Object.values(rounding)];
  const everyResult: Metrics[] = [...participants.map(participantMetrics), campaignMetrics(twoParticipantCampaign), campaignMetrics(emptyCampaign)];

  it('never yield NaN or Infinity', () => {
    for (const metrics of everyResult) {
      for (const [key, value] of Object.entries(metrics)) {
        if (typeof value === 'number') expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
      }
    }
  });

  it('keep sums of money as integers', () => {
    const moneyKeys = [
      'budgetMinor',
      'influencerCostMinor',
      'shippingCostMinor',
      'totalCostMinor',
      'remainingBudgetMinor',
      'profitMinor',
      'attributedRevenueMinor',
    ] as const;
    for (const metrics of everyResult) {
      for (const key of moneyKeys) expect(Number.isInteger(metrics[key]), key).toBe(true);
    }
  });
});
