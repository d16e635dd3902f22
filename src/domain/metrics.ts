import type { Participant } from './participation.js';
import { type Post, type PostMetrics, isEffective } from './posts.js';

/**
 * Campaign and participant numbers: cost, budget, reach, engagement and ROI.
 * Money is integer minor units (cents); sums of money stay integers. Rates are rounded to two
 * decimals, and a division by zero yields `null` ("not available"), never NaN or Infinity.
 */

/** `null` means "not available" (a division by zero); never NaN or Infinity. */
export type Rate = number | null;

/** A post's numbers are the ones recorded on it. */
export type PostNumbers = PostMetrics;

export interface ParticipantNumbers {
  budgetMinor: number; // what the client pays for this influencer
  influencerCostMinor: number; // what the influencer is paid
  shippingCostMinor: number;
  followers: number[]; // followers of the social accounts selected for the campaign
  posts: PostNumbers[]; // only effective (posted) posts are passed in
}

/** Everything summed before any ratio is taken, so rounding happens once, on the exact ratio. */
interface Totals {
  influencerCostMinor: number;
  shippingCostMinor: number;
  potentialReach: number; // Σ followers
  impressions: number;
  reach: number;
  engagements: number;
  clicks: number;
  conversions: number;
  attributedRevenueMinor: number;
}

export interface Metrics extends Totals {
  budgetMinor: number;
  totalCostMinor: number; // influencer + shipping
  remainingBudgetMinor: number; // budget − total cost (negative when over budget)
  overBudget: boolean; // total cost > budget
  budgetUsedPct: Rate; // total cost / budget × 100
  profitMinor: number; // budget − influencer cost
  engagementRatePct: Rate; // engagements / reach × 100
  costPerEngagementMinor: Rate; // total cost / engagements, in minor units, rounded to 2 decimals
  roiPct: Rate; // (attributed revenue − total cost) / total cost × 100
}

/** Profit: what the client pays (budget) minus what the influencers are paid; shipping is not in it. */
export function profitOf(budgetMinor: number, influencerCostMinor: number): number {
  return budgetMinor - influencerCostMinor;
}

/** numerator / denominator × scale, rounded to two decimals; `null` when the denominator is 0. */
export function rate(numerator: number, denominator: number, scale: number): Rate {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * scale * 100) / 100;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** What the numbers of one participant are made of: costs, followers of the chosen accounts, effective posts' metrics. */
export function participantNumbers(participant: Participant, posts: Post[], followers: Map<number, number>): ParticipantNumbers {
  return {
    budgetMinor: participant.budgetMinor,
    influencerCostMinor: participant.influencerCostMinor,
    shippingCostMinor: participant.shippingCostMinor,
    followers: participant.accountIds.map((id) => followers.get(id) ?? 0),
    posts: posts.flatMap((post) => (post.participationId === participant.id && isEffective(post) && post.metrics ? [post.metrics] : [])),
  };
}

export function engagementsOf(post: PostNumbers): number {
  return post.likes + post.comments + post.shares + post.saves;
}

function participantTotals(participant: ParticipantNumbers): Totals {
  const { posts } = participant;
  return {
    influencerCostMinor: participant.influencerCostMinor,
    shippingCostMinor: participant.shippingCostMinor,
    potentialReach: sum(participant.followers),
    impressions: sum(posts.map((p) => p.impressions)),
    reach: sum(posts.map((p) => p.reach)),
    engagements: sum(posts.map(engagementsOf)),
    clicks: sum(posts.map((p) => p.clicks)),
    conversions: sum(posts.map((p) => p.conversions)),
    attributedRevenueMinor: sum(posts.map((p) => p.attributedRevenueMinor)),
  };
}

function addTotals(a: Totals, b: Totals): Totals {
  return {
    influencerCostMinor: a.influencerCostMinor + b.influencerCostMinor,
    shippingCostMinor: a.shippingCostMinor + b.shippingCostMinor,
    potentialReach: a.potentialReach + b.potentialReach,
    impressions: a.impressions + b.impressions,
    reach: a.reach + b.reach,
    engagements: a.engagements + b.engagements,
    clicks: a.clicks + b.clicks,
    conversions: a.conversions + b.conversions,
    attributedRevenueMinor: a.attributedRevenueMinor + b.attributedRevenueMinor,
  };
}

const NO_TOTALS: Totals = {
  influencerCostMinor: 0,
  shippingCostMinor: 0,
  potentialReach: 0,
  impressions: 0,
  reach: 0,
  engagements: 0,
  clicks: 0,
  conversions: 0,
  attributedRevenueMinor: 0,
};

function metricsOf(budgetMinor: number, totals: Totals): Metrics {
  const totalCostMinor = totals.influencerCostMinor + totals.shippingCostMinor;
  return {
    ...totals,
    budgetMinor,
    totalCostMinor,
    remainingBudgetMinor: budgetMinor - totalCostMinor,
    overBudget: totalCostMinor > budgetMinor,
    budgetUsedPct: rate(totalCostMinor, budgetMinor, 100),
    profitMinor: profitOf(budgetMinor, totals.influencerCostMinor),
    engagementRatePct: rate(totals.engagements, totals.reach, 100),
    costPerEngagementMinor: rate(totalCostMinor, totals.engagements, 1),
    roiPct: rate(totals.attributedRevenueMinor - totalCostMinor, totalCostMinor, 100),
  };
}

export function participantMetrics(participant: ParticipantNumbers): Metrics {
  return metricsOf(participant.budgetMinor, participantTotals(participant));
}

/** Campaign budget is the campaign's own budget (not the sum of participant budgets); costs, reach and post numbers are summed over participants. */
export function campaignMetrics(campaign: { budgetMinor: number; participants: ParticipantNumbers[] }): Metrics {
  const totals = campaign.participants.map(participantTotals).reduce(addTotals, NO_TOTALS);
  return metricsOf(campaign.budgetMinor, totals);
}
