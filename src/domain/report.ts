/**
 * A campaign's results report: what it cost against its budget, what the posts did, what is late.
 * Pure: the workflow loads the campaign and passes `now`.
 *
 * Currencies: a campaign has exactly one currency and every amount of it (budget, costs, attributed
 * revenue) is entered in that currency, so a report never adds two currencies and never converts.
 */
import type { Campaign } from './brief.js';
import { isFinished } from './campaign.js';
import { daysBetween } from './digest-compose.js';
import type { HistoryEntry } from './history.js';
import { type Metrics, type Rate, campaignMetrics, engagementsOf, participantMetrics, participantNumbers, rate } from './metrics.js';
import { type Deliverable, type Participant, STAGES, type Stage, agreementExpired, agreementExpiresAt, lateDeliverables, phaseOf } from './participation.js';
import { type Post, isEffective, wasApproved } from './posts.js';

export const TOP_POSTS = 5;

export interface ReportInput {
  campaign: Campaign;
  participants: Participant[];
  posts: Post[];
  /** Followers of every social account chosen for the campaign, by account ID. */
  followers: Map<number, number>;
  now: Date;
  /** The review decisions of the campaign's posts (`post.approved`, `post.rejected` events); none when not loaded. */
  decisions?: HistoryEntry[];
}

export interface ParticipantResult {
  participant: Participant;
  followers: number;
  posts: Post[];
  metrics: Metrics;
}

export interface PostResult {
  post: Post;
  influencerName: string;
  engagements: number;
  engagementRatePct: Rate;
}

export type LateItem =
  | { kind: 'post_not_live'; post: Post; influencerName: string; days: number }
  | { kind: 'post_awaiting_approval'; post: Post; influencerName: string; days: number }
  | { kind: 'agreement_expired'; influencerName: string; expiredAt: Date }
  | { kind: 'deliverable_late'; influencerName: string; deliverable: Deliverable; days: number }
  | { kind: 'campaign_past_end'; days: number };

export interface CampaignReport {
  campaign: Campaign;
  metrics: Metrics;
  /** Influencers who collaborate (Collaborating and after): the ones the money pays for. */
  influencers: number;
  /** Total cost / influencers; `null` when nobody collaborates. */
  costPerInfluencerMinor: Rate;
  posts: { planned: number; approved: number; posted: number; finalApproved: number };
  /** Review decisions by outcome, every revision counted: approved, approved with corrections, needs work. */
  reviews: { approved: number; withCorrections: number; needsWork: number };
  /** Participants per stage, pipeline order, only stages with someone in them. */
  funnel: Array<{ stage: Stage; count: number }>;
  participants: ParticipantResult[];
  /** Effective posts, most engagements first (ties: older post first), at most TOP_POSTS. */
  topPosts: PostResult[];
  late: LateItem[];
}

/** The influencer's name of a participation, for lines about its posts. */
function nameOf(participants: Participant[], participationId: number): string {
  return participants.find((p) => p.id === participationId)?.influencerName ?? 'an unknown influencer';
}

export function postResult(post: Post, influencerName: string): PostResult {
  const engagements = post.metrics ? engagementsOf(post.metrics) : 0;
  return { post, influencerName, engagements, engagementRatePct: rate(engagements, post.metrics?.reach ?? 0, 100) };
}

function lateItems({ campaign, participants, posts, now }: ReportInput): LateItem[] {
  const overdue = (post: Post) => daysBetween(post.plannedDate, now);
  const items: LateItem[] = [];
  if (!isFinished(campaign) && daysBetween(campaign.endDate, now) > 0) {
    items.push({ kind: 'campaign_past_end', days: daysBetween(campaign.endDate, now) });
  }
  for (const post of posts) {
    const influencerName = nameOf(participants, post.participationId);
    if (post.status === 'approved' && overdue(post) > 0) items.push({ kind: 'post_not_live', post, influencerName, days: overdue(post) });
    if (post.status === 'pending_approval' && overdue(post) > 0) items.push({ kind: 'post_awaiting_approval', post, influencerName, days: overdue(post) });
  }
  for (const participant of participants) {
    if (agreementExpired(participant, campaign, now)) {
      items.push({ kind: 'agreement_expired', influencerName: participant.influencerName, expiredAt: agreementExpiresAt(participant, campaign) as Date });
    }
    const posted = posts.filter((post) => post.participationId === participant.id && isEffective(post)).length;
    for (const deliverable of lateDeliverables(participant, posted, now)) {
      items.push({ kind: 'deliverable_late', influencerName: participant.influencerName, deliverable, days: daysBetween(deliverable.dueDate, now) });
    }
  }
  return items;
}

/** How the reviews of the posts went: each decision once, by outcome. */
export function reviewOutcomes(decisions: readonly HistoryEntry[]): CampaignReport['reviews'] {
  const approvals = decisions.filter((entry) => entry.action === 'post.approved');
  const withCorrections = approvals.filter((entry) => entry.details?.corrections === true).length;
  return { approved: approvals.length - withCorrections, withCorrections, needsWork: decisions.filter((entry) => entry.action === 'post.rejected').length };
}

export function campaignReport(input: ReportInput): CampaignReport {
  const { campaign, participants, posts, followers } = input;
  const numbers = participants.map((participant) => participantNumbers(participant, posts, followers));
  const metrics = campaignMetrics({ budgetMinor: campaign.budgetMinor, participants: numbers });
  const participantResults = participants.map(
    (participant, i): ParticipantResult => ({
      participant,
      followers: numbers[i]!.followers.reduce((a, b) => a + b, 0),
      posts: posts.filter((post) => post.participationId === participant.id),
      metrics: participantMetrics(numbers[i]!),
    }),
  );
  const influencers = participants.filter((p) => phaseOf(p.stage) === 'collaboration').length;
  return {
    campaign,
    metrics,
    influencers,
    costPerInfluencerMinor: rate(metrics.totalCostMinor, influencers, 1),
    posts: {
      planned: posts.filter((post) => post.status !== 'withdrawn').length,
      approved: posts.filter(wasApproved).length,
      posted: posts.filter(isEffective).length,
      finalApproved: posts.filter((post) => post.status === 'final_approved').length,
    },
    reviews: reviewOutcomes(input.decisions ?? []),
    funnel: STAGES.map((stage) => ({ stage, count: participants.filter((p) => p.stage === stage).length })).filter((s) => s.count > 0),
    participants: participantResults,
    topPosts: posts
      .filter((post) => isEffective(post) && post.metrics)
      .map((post) => postResult(post, nameOf(participants, post.participationId)))
      .sort((a, b) => b.engagements - a.engagements || a.post.id - b.post.id)
      .slice(0, TOP_POSTS),
    late: lateItems(input),
  };
}
