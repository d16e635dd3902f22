import { stringify } from 'csv-stringify/sync';
import { PLATFORM_LABELS, campaignReference } from '../domain/brief.js';
import { type Metrics, engagementsOf, type Rate } from '../domain/metrics.js';
import { STAGE_LABELS } from '../domain/participation.js';
import { POST_STATUS_LABELS, isEffective } from '../domain/posts.js';
import { type CampaignReport, postResult } from '../domain/report.js';
import type { SocialAccount } from '../domain/influencer.js';
import { calendarDate, currencyDigits, majorUnits } from './format.js';

export const CSV_COLUMNS = [
  'row',
  'campaign',
  'influencer',
  'stage',
  'post',
  'post status',
  'account',
  'planned date',
  'post url',
  'followers',
  'currency',
  'budget',
  'influencer cost',
  'shipping cost',
  'total cost',
  'profit',
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
  'saves',
  'engagements',
  'clicks',
  'conversions',
  'attributed revenue',
  'engagement rate %',
  'cost per engagement',
  'roi %',
] as const;

/**
 * One row per participant (their totals) followed by one row per post of theirs, then the campaign's
 * totals (its own budget, so its profit is the campaign's). Money is written
 * in major units with the currency's digits (12.50 USD, 1200 JPY); a ratio that is not available is empty.
 * Text cells starting with = + - @ are prefixed with ' so a spreadsheet does not run them as formulas.
 */
export function reportCsv(report: CampaignReport, accounts: Map<number, SocialAccount>): string {
  const { campaign } = report;
  const digits = currencyDigits(campaign.currency);
  const amount = (minor: number) => majorUnits(minor, digits);
  const ratio = (value: Rate): number | '' => (value === null ? '' : value);
  const account = (id: number) => {
    const found = accounts.get(id);
    return found ? `${PLATFORM_LABELS[found.platform]} @${found.handle}` : '';
  };
  const base = { campaign: `${campaignReference(campaign.id)} ${campaign.title}`, currency: campaign.currency };
  /** The money and numbers of a participant's row and of the campaign's total: its own costs, its metrics. */
  const totals = (costs: Pick<Metrics, 'budgetMinor' | 'influencerCostMinor' | 'shippingCostMinor'>, m: Metrics) => ({
    budget: amount(costs.budgetMinor),
    'influencer cost': amount(costs.influencerCostMinor),
    'shipping cost': amount(costs.shippingCostMinor),
    'total cost': amount(m.totalCostMinor),
    profit: amount(m.profitMinor),
    impressions: m.impressions,
    reach: m.reach,
    engagements: m.engagements,
    clicks: m.clicks,
    conversions: m.conversions,
    'attributed revenue': amount(m.attributedRevenueMinor),
    'engagement rate %': ratio(m.engagementRatePct),
    'cost per engagement': m.costPerEngagementMinor === null ? '' : amount(m.costPerEngagementMinor),
    'roi %': ratio(m.roiPct),
  });
  const rows: Array<Record<string, string | number>> = [];
  for (const { participant, followers, posts, metrics: m } of report.participants) {
    rows.push({
      ...base,
      row: 'participant',
      influencer: participant.influencerName,
      stage: STAGE_LABELS[participant.stage],
      account: participant.accountIds.map(account).filter(Boolean).join('; '),
      followers,
      ...totals(participant, m),
    });
    for (const post of posts) {
      const n = post.metrics;
      const counted = n !== null && isEffective(post);
      rows.push({
        ...base,
        row: 'post',
        influencer: participant.influencerName,
        stage: STAGE_LABELS[participant.stage],
        post: post.id,
        'post status': POST_STATUS_LABELS[post.status],
        account: account(post.socialAccountId),
        'planned date': calendarDate(post.plannedDate),
        'post url': post.postUrl ?? '',
        ...(n
          ? {
              impressions: n.impressions,
              reach: n.reach,
              likes: n.likes,
              comments: n.comments,
              shares: n.shares,
              saves: n.saves,
              engagements: engagementsOf(n),
              clicks: n.clicks,
              conversions: n.conversions,
              'attributed revenue': amount(n.attributedRevenueMinor),
            }
          : {}),
        ...(counted ? { 'engagement rate %': ratio(postResult(post, participant.influencerName).engagementRatePct) } : {}),
      });
    }
  }
  const m = report.metrics;
  rows.push({
    ...base,
    row: 'campaign total',
    followers: m.potentialReach,
    ...totals(m, m),
  });
  return stringify(rows.map(neutralize), { header: true, columns: [...CSV_COLUMNS], bom: true });
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A negative amount stays a number; other text that a spreadsheet would run as a formula does not. */
function neutralize(row: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value]),
  );
}
