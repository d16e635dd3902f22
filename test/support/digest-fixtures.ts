// Digest fixtures shared by the composition and the view tests. "Today" is Monday 2026-11-23 (UTC).
import type { Campaign } from '../../src/domain/brief.js';
import { ALL_OPTIONAL_STAGES } from '../../src/domain/campaign.js';
import type { Metrics } from '../../src/domain/metrics.js';
import type { Participant } from '../../src/domain/participation.js';
import type { Post } from '../../src/domain/posts.js';
import { DEFAULT_TIMING } from '../../src/domain/timing.js';

export const NOW = new Date('2026-11-23T09:00:00Z');
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function campaignFixture(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 12,
    title: 'Winter glow',
    advertiser: 'Acme',
    dealReferences: [],
    salesPicId: 'U0SALES',
    influencerPicId: 'U0INFPIC',
    country: 'ID',
    category: 'Beauty',
    objective: 'Awareness',
    platforms: ['instagram'],
    targetInfluencers: 10,
    postRequirements: 'Tag us',
    budgetMinor: 100_000,
    currency: 'USD',
    marginBasisPoints: 1000,
    trackingUrl: null,
    disclosureWords: [],
    requiredTags: [],
    forbiddenWords: [],
    startDate: day('2026-11-01'),
    endDate: day('2026-12-03'),
    recruitmentCloseDate: day('2026-11-10'),
    channelId: 'C0CAMP',
    approverIds: ['U0APP1', 'U0APP2'],
    optionalStages: ALL_OPTIONAL_STAGES,
    agreementWindowDays: 3,
    status: 'collaborating',
    publishedAt: day('2026-10-20'),
    collaborationStartedAt: day('2026-11-12'),
    createdBy: 'U0SALES',
    createdAt: day('2026-10-19'),
    version: 4,
    digestMuted: false,
    timing: DEFAULT_TIMING,
    quorum: { kind: 'any' },
    ...overrides,
  };
}

export function participant(id: number, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    campaignId: 12,
    influencerId: id,
    influencerName: `Influencer ${id}`,
    stage: 'collaborating',
    accountIds: [id],
    budgetMinor: 0,
    influencerCostMinor: 0,
    shippingCostMinor: 0,
    agreementSentAt: null,
    agreementSignedAt: null,
    agreementDeclinedAt: null,
    deliverables: [],
    version: 1,
    ...overrides,
  };
}

export function post(id: number, overrides: Partial<Post> = {}): Post {
  return {
    id,
    participationId: 1,
    socialAccountId: 1,
    plannedDate: day('2026-11-30'),
    content: 'Hello',
    mediaUrls: [],
    postUrl: null,
    status: 'draft',
    revision: 1,
    metrics: null,
    submittedBy: 'U0MEMBER',
    version: 1,
    checks: null,
    ...overrides,
  };
}

export const METRICS: Metrics = {
  budgetMinor: 100_000,
  influencerCostMinor: 40_000,
  shippingCostMinor: 5_000,
  totalCostMinor: 45_000,
  remainingBudgetMinor: 55_000,
  overBudget: false,
  budgetUsedPct: 45,
  profitMinor: 60_000,
  potentialReach: 50_000,
  impressions: 20_000,
  reach: 10_000,
  engagements: 500,
  clicks: 40,
  conversions: 2,
  attributedRevenueMinor: 0,
  engagementRatePct: 5,
  costPerEngagementMinor: 90,
  roiPct: -100,
};
