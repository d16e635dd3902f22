import type { Campaign } from '../domain/brief.js';
import { stageSince } from '../domain/history.js';
import type { SocialAccount } from '../domain/influencer.js';
import { type CampaignReport, campaignReport } from '../domain/report.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { campaignHistory, postDecisions } from '../store/history.js';
import { accountsById } from '../store/influencers.js';
import { participantsOf } from '../store/participants.js';
import { postsOf } from '../store/posts.js';

/** A campaign's report, in any status (archived too: reading never changes anything). */
export async function reportOf(
  prisma: Prisma,
  campaignId: number,
  now: Date,
): Promise<{ report: CampaignReport; accounts: Map<number, SocialAccount> } | undefined> {
  const campaign = await findCampaign(prisma, campaignId);
  if (!campaign) return undefined;
  const participants = await participantsOf(prisma, campaignId);
  const posts = await postsOf(
    prisma,
    participants.map((p) => p.id),
  );
  const [accounts, decisions] = await Promise.all([
    accountsById(prisma, [...new Set([...participants.flatMap((p) => p.accountIds), ...posts.map((p) => p.socialAccountId)])]),
    postDecisions(
      prisma,
      posts.map((p) => p.id),
    ),
  ]);
  const followers = new Map([...accounts].map(([id, account]) => [id, account.followers]));
  return { report: campaignReport({ campaign, participants, posts, followers, now, decisions }), accounts };
}

/** What `/campaign show` tells: the report's numbers, the accounts, and since when each participant is in its stage. */
export async function campaignOverview(
  prisma: Prisma,
  campaign: Campaign,
  now: Date,
): Promise<{ report: CampaignReport; accounts: Map<number, SocialAccount>; since: Map<number, Date> }> {
  const [loaded, entries] = await Promise.all([reportOf(prisma, campaign.id, now), campaignHistory(prisma, campaign.id)]);
  const { report, accounts } = loaded!;
  return {
    report,
    accounts,
    since: stageSince(
      entries,
      report.participants.map((r) => r.participant),
    ),
  };
}
