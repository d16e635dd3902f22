import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { campaignReport } from '../../src/domain/report.js';
import { money } from '../../src/views/format.js';
import { reportCsv } from '../../src/views/report-csv.js';
import { campaignFixture, participant, post, T0 } from '../support/factories.js';

const rowsOf = (csv: string) => parse(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
const metrics = { impressions: 0, reach: 1_000, likes: 100, comments: 0, shares: 0, saves: 0, clicks: 0, conversions: 0, attributedRevenueMinor: 0 };

describe('report CSV money cells', () => {
  it('a cost per engagement with a fraction of a cent is one well-formed amount (was 1.21.950000000000003)', () => {
    // 12,195 cents / 100 engagements = 121.95 cents → $1.22
    const report = campaignReport({
      campaign: campaignFixture({ budgetMinor: 1_000_000 }),
      participants: [participant(1, { stage: 'posted', budgetMinor: 20_000, influencerCostMinor: 12_000, shippingCostMinor: 195 })],
      posts: [post(1, { participationId: 1, status: 'posted', metrics })],
      followers: new Map(),
      now: T0,
    });
    expect(report.metrics.costPerEngagementMinor).toBe(121.95);
    const [participantRow, , total] = rowsOf(reportCsv(report, new Map()));
    expect(participantRow).toMatchObject({ 'cost per engagement': '1.22', 'total cost': '121.95', profit: '80.00' });
    expect(total).toMatchObject({ row: 'campaign total', 'cost per engagement': '1.22', profit: '9880.00' });
  });

  it('a negative profit stays a number, and JPY has no decimals', () => {
    const report = campaignReport({
      campaign: campaignFixture({ budgetMinor: 0, currency: 'JPY' }),
      participants: [participant(1, { budgetMinor: 1_000, influencerCostMinor: 5_000 })],
      posts: [],
      followers: new Map(),
      now: T0,
    });
    const [participantRow, total] = rowsOf(reportCsv(report, new Map()));
    expect(participantRow).toMatchObject({ budget: '1000', profit: '-4000', 'cost per engagement': '' });
    expect(total).toMatchObject({ profit: '-5000' });
  });

  it('Slack amounts come from Intl.NumberFormat in the campaign currency', () => {
    expect([money(123_456, 'USD'), money(-500, 'EUR'), money(1_200, 'JPY'), money(121.95, 'USD'), money(1_000, 'BHD')]).toEqual([
      '$1,234.56',
      '-€5.00',
      '¥1,200',
      '$1.22',
      'BHD\u00a01.000',
    ]);
  });
});
