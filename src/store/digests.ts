import { DEFAULT_WORKING_HOURS, type WorkingTime } from '../domain/durations.js';
import type { DigestParticipant, DigestPost } from '../domain/digest.js';
import { DIGEST_ROWS } from '../domain/digest-compose.js';
import type { HistoryEntry } from '../domain/history.js';
import type { ParticipantNumbers } from '../domain/metrics.js';
import type { Deliverable, Stage } from '../domain/participation.js';
import { EFFECTIVE_POST_STATUSES, type PostMetrics } from '../domain/posts.js';
import type { DigestSchedule } from '../domain/schedule.js';
import { toEntry } from './history.js';
import { type Tx, toMinor } from './tx.js';

export interface DigestSettings extends DigestSchedule {
  overviewChannelId: string | null;
  quietDayMessage: boolean;
  version: number;
}

/** The single settings row, created with the defaults on first read. */
export async function readDigestSettings(tx: Tx): Promise<DigestSettings> {
  // Not upsert: Prisma runs it as read-then-insert, and two first reads at once would collide. This is ON CONFLICT DO NOTHING.
  const row =
    (await tx.digestSettings.findUnique({ where: { id: 1 } })) ??
    (await tx.digestSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true }), await tx.digestSettings.findUniqueOrThrow({ where: { id: 1 } }));
  const { id, ...settings } = row;
  return settings;
}

/** Business time is the workspace's: the digest's zone and days, 09:00–18:00 (src/domain/timing.ts). */
export async function readWorkingTime(tx: Tx): Promise<WorkingTime> {
  const settings = await readDigestSettings(tx);
  return { timeZone: settings.timeZone, days: settings.days, ...DEFAULT_WORKING_HOURS };
}

export async function writeDigestSettings(tx: Tx, settings: Omit<DigestSettings, 'version'>): Promise<void> {
  await tx.digestSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: { ...settings, version: { increment: 1 } } });
}

/**
 * Claims (channel, local day, kind) for each run, in one statement; returns the run IDs of those
 * this caller got, by "channel/kind". Exactly one caller gets each, whatever the number of app
 * instances: the unique key decides, and the losers see the conflict.
 */
export async function claimDigestRuns(tx: Tx, runs: Array<{ channelId: string; kind: string }>, localDate: string, now: Date): Promise<Map<string, number>> {
  if (!runs.length) return new Map();
  const claimed = await tx.digestRun.createManyAndReturn({
    data: runs.map((run) => ({ ...run, localDate, status: 'claimed', claimedAt: now })),
    skipDuplicates: true,
    select: { id: true, channelId: true, kind: true },
  });
  return new Map(claimed.map((run) => [`${run.channelId}/${run.kind}`, run.id]));
}

export async function finishDigestRun(
  tx: Tx,
  id: number,
  result: { status: 'sent' | 'quiet' | 'failed'; messageTs?: string; error?: string },
  now: Date,
): Promise<void> {
  await tx.digestRun.update({ where: { id }, data: { ...result, finishedAt: now } });
}

/** When each campaign's digest was last claimed before `before`, by campaign ID; one statement for any number of campaigns. */
export async function lastCampaignDigests(tx: Tx, campaignIds: number[], before: Date): Promise<Map<number, Date>> {
  const rows = await tx.digestRun.groupBy({
    by: ['kind'],
    where: { kind: { in: campaignIds.map((id) => `campaign:${id}`) }, claimedAt: { lt: before } },
    _max: { claimedAt: true },
  });
  return new Map(rows.flatMap((row) => (row._max.claimedAt ? [[Number(row.kind.slice('campaign:'.length)), row._max.claimedAt] as const] : [])));
}

export interface CampaignTallies {
  stages: Partial<Record<Stage, number>>;
  /** Summed over the campaign's participants and posts: what campaign metrics are made of. */
  numbers: ParticipantNumbers;
}

/**
 * Per campaign: participants per stage, and the sums its metrics are made of (costs, followers of
 * the chosen accounts, numbers of posted posts). Counted by the database: a few rows per campaign.
 */
export async function campaignTallies(tx: Tx, campaignIds: number[]): Promise<Map<number, CampaignTallies>> {
  const [stages, followers, posts] = await Promise.all([
    tx.participation.groupBy({
      by: ['campaignId', 'stage'],
      where: { campaignId: { in: campaignIds } },
      _count: { _all: true },
      _sum: { influencerCostMinor: true, shippingCostMinor: true },
    }),
    tx.$queryRaw<Array<{ campaignId: number; followers: bigint }>>`
      SELECT participation."campaignId", SUM(account."followers")::bigint AS "followers"
      FROM "_ParticipationToSocialAccount" chosen
      JOIN "Participation" participation ON participation."id" = chosen."A"
      JOIN "SocialAccount" account ON account."id" = chosen."B"
      WHERE participation."campaignId" = ANY(${campaignIds})
      GROUP BY participation."campaignId"`,
    tx.$queryRaw<Array<{ campaignId: number } & Record<keyof PostMetrics, bigint>>>`
      SELECT participation."campaignId", SUM(post."impressions")::bigint AS "impressions", SUM(post."reach")::bigint AS "reach",
        SUM(post."likes")::bigint AS "likes", SUM(post."comments")::bigint AS "comments", SUM(post."shares")::bigint AS "shares",
        SUM(post."saves")::bigint AS "saves", SUM(post."clicks")::bigint AS "clicks", SUM(post."conversions")::bigint AS "conversions",
        SUM(post."attributedRevenueMinor")::bigint AS "attributedRevenueMinor"
      FROM "Post" post JOIN "Participation" participation ON participation."id" = post."participationId"
      WHERE participation."campaignId" = ANY(${campaignIds}) AND post."status"::text = ANY(${[...EFFECTIVE_POST_STATUSES]}) AND post."metricsRecordedAt" IS NOT NULL
      GROUP BY participation."campaignId"`,
  ]);
  const tallies = new Map<number, CampaignTallies>();
  const of = (campaignId: number) => {
    let tally = tallies.get(campaignId);
    if (!tally)
      tallies.set(campaignId, (tally = { stages: {}, numbers: { budgetMinor: 0, influencerCostMinor: 0, shippingCostMinor: 0, followers: [], posts: [] } }));
    return tally;
  };
  for (const row of stages) {
    const { stages: counts, numbers } = of(row.campaignId);
    counts[row.stage] = row._count._all;
    numbers.influencerCostMinor += toMinor(row._sum.influencerCostMinor ?? 0n);
    numbers.shippingCostMinor += toMinor(row._sum.shippingCostMinor ?? 0n);
  }
  for (const row of followers) of(row.campaignId).numbers.followers.push(toMinor(row.followers));
  for (const { campaignId, ...sums } of posts) {
    of(campaignId).numbers.posts.push({
      impressions: toMinor(sums.impressions),
      reach: toMinor(sums.reach),
      likes: toMinor(sums.likes),
      comments: toMinor(sums.comments),
      shares: toMinor(sums.shares),
      saves: toMinor(sums.saves),
      clicks: toMinor(sums.clicks),
      conversions: toMinor(sums.conversions),
      attributedRevenueMinor: toMinor(sums.attributedRevenueMinor),
    });
  }
  return tallies;
}

export type DigestParticipantRow = DigestParticipant & { campaignId: number; effectivePosts: number };

/**
 * The participants and posts these campaigns' digests list or name (DIGEST_ROWS), only the columns
 * digests use: rows for what needs someone or is named by `changes`, not for every participant.
 * Set-based joins throughout: PGlite never collects planner statistics, so correlated subqueries
 * would be planned as a scan per row.
 */
export async function digestRows(
  tx: Tx,
  campaignIds: number[],
  changes: HistoryEntry[],
  now: Date,
): Promise<{ participants: DigestParticipantRow[]; posts: DigestPost[] }> {
  // The digest looks one day ahead ("due today and tomorrow").
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const named = (entityType: string) =>
    changes.flatMap((entry) => (entry.entityType === entityType && /^\d{1,9}$/.test(entry.entityId) ? [Number(entry.entityId)] : []));
  const posts = await tx.$queryRaw<DigestPost[]>`
    SELECT post."id", post."participationId", post."status"::text AS "status", post."revision", post."plannedDate", post."content", post."version", post."checks"
    FROM "Post" post JOIN "Participation" p ON p."id" = post."participationId"
    WHERE p."campaignId" = ANY(${campaignIds})
      AND (post."status" = 'pending_approval' OR (post."status" = 'approved' AND post."plannedDate" <= ${tomorrow}::date) OR post."id" = ANY(${named('post')}))
    ORDER BY post."id"`;
  const participantIds = [...new Set([...named('participant'), ...posts.map((post) => post.participationId)])];
  const participants = await tx.$queryRaw<
    Array<Omit<DigestParticipantRow, 'deliverables'> & { deliverables: Array<Omit<Deliverable, 'dueDate'> & { dueDate: string }> }>
  >`
    WITH campaign_participants AS (
      SELECT * FROM "Participation" WHERE "campaignId" = ANY(${campaignIds})
    ), effective AS (
      SELECT post."participationId", COUNT(*)::int AS "count" FROM "Post" post JOIN campaign_participants p ON p."id" = post."participationId"
      WHERE post."status"::text = ANY(${[...EFFECTIVE_POST_STATUSES]}) GROUP BY post."participationId"
    ), due AS (
      SELECT d."participationId", SUM(d."quantity")::int AS "quantity" FROM "Deliverable" d JOIN campaign_participants p ON p."id" = d."participationId"
      WHERE d."dueDate" <= ${tomorrow}::date GROUP BY d."participationId"
    ), chosen AS (
      SELECT p.*, COALESCE(effective."count", 0) AS "effectivePosts" FROM campaign_participants p
      LEFT JOIN effective ON effective."participationId" = p."id"
      LEFT JOIN due ON due."participationId" = p."id"
      WHERE p."stage"::text = ${DIGEST_ROWS.agreementStage}
        OR (p."stage"::text = ANY(${[...DIGEST_ROWS.deliverablesDueStages]}) AND due."quantity" > COALESCE(effective."count", 0))
        OR p."id" = ANY(${participantIds})
    ), deliverables AS (
      SELECT d."participationId",
        json_agg(json_build_object('platform', d."platform", 'kind', d."kind", 'quantity', d."quantity", 'dueDate', d."dueDate", 'notes', d."notes") ORDER BY d."id") AS "list"
      FROM "Deliverable" d JOIN chosen p ON p."id" = d."participationId" GROUP BY d."participationId"
    )
    SELECT p."id", p."campaignId", influencer."name" AS "influencerName", p."stage"::text AS "stage",
      p."agreementSentAt", p."agreementSignedAt", p."agreementDeclinedAt", p."effectivePosts", COALESCE(deliverables."list", '[]') AS "deliverables"
    FROM chosen p
    JOIN "Influencer" influencer ON influencer."id" = p."influencerId"
    LEFT JOIN deliverables ON deliverables."participationId" = p."id"
    ORDER BY p."id"`;
  return {
    participants: participants.map(({ deliverables, ...participant }) => ({
      ...participant,
      deliverables: deliverables.map(({ platform, kind, quantity, dueDate, notes }) => ({
        platform,
        kind,
        quantity,
        dueDate: new Date(`${dueDate}T00:00:00Z`),
        notes,
      })),
    })),
    posts,
  };
}

/**
 * History of campaigns, participants and posts recorded in (after, until], oldest first: every
 * campaign's changes since its previous digest in one statement, sorted out by the caller.
 */
export async function changesBetween(tx: Tx, after: Date, until: Date): Promise<HistoryEntry[]> {
  const rows = await tx.historyEvent.findMany({
    // Reminders change nothing: a digest lists what moved, not who was nudged.
    where: {
      entityType: { in: ['campaign', 'participant', 'post'] },
      at: { gt: after, lte: until },
      action: { notIn: ['post.reminded', 'post.escalated', 'participant.reminded'] },
    },
    orderBy: { id: 'asc' },
  });
  return rows.map(toEntry);
}

/** When this kind of digest was last claimed, to say what changed since. */
export async function lastDigestAt(tx: Tx, kind: string, before: Date): Promise<Date | undefined> {
  const row = await tx.digestRun.findFirst({ where: { kind, claimedAt: { lt: before } }, orderBy: { claimedAt: 'desc' }, select: { claimedAt: true } });
  return row?.claimedAt;
}

export async function failedDigestsSince(tx: Tx, since: Date): Promise<Array<{ channelId: string; error: string }>> {
  const rows = await tx.digestRun.findMany({
    where: { status: 'failed', claimedAt: { gte: since } },
    select: { channelId: true, error: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({ channelId: row.channelId, error: row.error ?? 'unknown error' }));
}
