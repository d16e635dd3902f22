import { describe, expect, it } from 'vitest';
import { editCosts } from '../../src/workflow/participants.js';
import * as posts from '../../src/workflow/posts.js';
import { reportOf } from '../../src/workflow/report.js';
import { collaboratingCampaign, PEOPLE, T0, at, ok, submittedPost } from '../support/factories.js';
import { databaseForTests } from '../support/database.js';

const db = databaseForTests();

describe('campaign numbers from the database', () => {
  it('count costs, followers of the chosen accounts and only posted posts (hand-computed)', async () => {
    const scenario = await collaboratingCampaign(db.prisma, 'Numbers');
    ok(
      await editCosts(
        db.prisma,
        scenario.collaborator.id,
        { budgetMinor: 300_000, influencerCostMinor: 200_000, shippingCostMinor: 5_000 },
        at(PEOPLE.salesPic),
      ),
    );
    const live = await submittedPost(db.prisma, scenario, 'Live');
    ok(await posts.approvePost(db.prisma, live.id, at(PEOPLE.approver)));
    const metrics = {
      impressions: 10_000,
      reach: 8_000,
      likes: 600,
      comments: 40,
      shares: 20,
      saves: 15,
      clicks: 90,
      conversions: 6,
      attributedRevenueMinor: 410_000,
    };
    ok(await posts.recordPostResult(db.prisma, live.id, { metrics }, at(PEOPLE.member)));
    // A pending post's numbers do not count.
    await submittedPost(db.prisma, scenario, 'Pending');

    const { report } = (await reportOf(db.prisma, scenario.id, T0))!;
    // Budget 1,000,000 (brief); costs 200,000 + 5,000; followers 120,000 (Aiko) + 45,000 (Ben, not selected but still a participant).
    expect(report.metrics).toMatchObject({
      budgetMinor: 1_000_000,
      totalCostMinor: 205_000,
      remainingBudgetMinor: 795_000,
      profitMinor: 800_000,
      potentialReach: 165_000,
      engagements: 675,
      engagementRatePct: 8.44, // 675 / 8,000 × 100 = 8.4375
      costPerEngagementMinor: 303.7, // 205,000 / 675 = 303.7037
      roiPct: 100, // (410,000 − 205,000) / 205,000 × 100
    });
    expect(report.participants.find((p) => p.participant.id === scenario.notSelected.id)?.metrics).toMatchObject({
      engagementRatePct: null,
      roiPct: null,
      costPerEngagementMinor: null,
    });
  });
});
