import type { DigestParticipant, DigestPost } from '../domain/digest.js';
import type { HistoryEntry } from '../domain/history.js';
import type { Costs, ContentKind } from '../domain/participation.js';
import type { PostMetrics } from '../domain/posts.js';
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
  const row = (await tx.digestSettings.findUnique({ where: { id: 1 } })) ?? (await tx.digestSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true }), await tx.digestSettings.findUniqueOrThrow({ where: { id: 1 } }));
  const { id, ...settings } = row;
  return settings;
}

export async function writeDigestSettings(tx: Tx, settings: Omit<DigestSettings, 'version'>): Promise<void> {
  await tx.digestSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: { ...settings, version: { increment: 1 } } });
}

/**
 * Claims (channel, local day, kind). Exactly one caller gets `true`, whatever the number of app
 * instances: the unique key decides, and the loser sees the conflict.
 */
export async function claimDigestRun(tx: Tx, run: { channelId: string; localDate: string; kind: string }, now: Date): Promise<number | undefined> {
  const [claimed] = await tx.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "DigestRun" ("channelId", "localDate", "kind", "status", "claimedAt")
    VALUES (${run.channelId}, ${run.localDate}, ${run.kind}, 'claimed', ${now})
    ON CONFLICT ("channelId", "localDate", "kind") DO NOTHING
    RETURNING "id"`;
  return claimed?.id;
}

export async function finishDigestRun(tx: Tx, id: number, result: { status: 'sent' | 'quiet' | 'failed'; messageTs?: string; error?: string }, now: Date): Promise<void> {
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

export type DigestParticipantRow = DigestParticipant & Costs & { campaignId: number; followers: number[] };
export type DigestPostRow = DigestPost & { metrics: PostMetrics | null };

/**
 * The participants (with their accounts' followers) and posts of these campaigns, only the columns
 * digests and their numbers use, in a fixed number of statements whatever the number of campaigns.
 * Ordered by ID, as the single-campaign reads are.
 */
export async function digestRowsOf(tx: Tx, campaignIds: number[]): Promise<{ participants: DigestParticipantRow[]; posts: DigestPostRow[] }> {
  // Each table is read by a filter on the campaigns, never by a list of the rows read before: Prisma
  // would load relations with lists of IDs, cut into one statement per 32,766 of them.
  const ofCampaigns = { campaignId: { in: campaignIds } };
  const [participants, influencers, deliverables, accounts, posts] = await Promise.all([
    tx.participation.findMany({
      where: ofCampaigns,
      select: {
        id: true, campaignId: true, influencerId: true, stage: true, budgetMinor: true, influencerCostMinor: true, shippingCostMinor: true,
        agreementSentAt: true, agreementSignedAt: true, agreementDeclinedAt: true,
      },
      orderBy: { id: 'asc' },
    }),
    tx.influencer.findMany({ where: { participations: { some: ofCampaigns } }, select: { id: true, name: true } }),
    tx.deliverable.findMany({
      where: { participation: ofCampaigns },
      select: { participationId: true, platform: true, kind: true, quantity: true, dueDate: true, notes: true },
      orderBy: { id: 'asc' },
    }),
    // The chosen accounts are an implicit many-to-many table, which Prisma reads only through a list of IDs.
    tx.$queryRaw<Array<{ participationId: number; followers: number }>>`
      SELECT chosen."A" AS "participationId", account."followers"
      FROM "_ParticipationToSocialAccount" chosen
      JOIN "Participation" participation ON participation."id" = chosen."A"
      JOIN "SocialAccount" account ON account."id" = chosen."B"
      WHERE participation."campaignId" = ANY(${campaignIds})
      ORDER BY account."id"`,
    tx.post.findMany({
      where: { participation: ofCampaigns },
      select: {
        id: true, participationId: true, status: true, revision: true, plannedDate: true, content: true, version: true, metricsRecordedAt: true,
        impressions: true, reach: true, likes: true, comments: true, shares: true, saves: true, clicks: true, conversions: true, attributedRevenueMinor: true,
      },
      orderBy: { id: 'asc' },
    }),
  ]);
  const names = new Map(influencers.map((influencer) => [influencer.id, influencer.name]));
  const deliverablesOf = new Map<number, DigestParticipant['deliverables']>();
  for (const { participationId, platform, kind, quantity, dueDate, notes } of deliverables) {
    deliverablesOf.set(participationId, [...(deliverablesOf.get(participationId) ?? []), { platform, kind: kind as ContentKind, quantity, dueDate, notes }]);
  }
  const followersOf = new Map<number, number[]>();
  for (const { participationId, followers } of accounts) followersOf.set(participationId, [...(followersOf.get(participationId) ?? []), followers]);
  return {
    participants: participants.map(({ influencerId, budgetMinor, influencerCostMinor, shippingCostMinor, ...row }) => ({
      ...row,
      influencerName: names.get(influencerId) ?? '',
      budgetMinor: toMinor(budgetMinor),
      influencerCostMinor: toMinor(influencerCostMinor),
      shippingCostMinor: toMinor(shippingCostMinor),
      followers: followersOf.get(row.id) ?? [],
      deliverables: deliverablesOf.get(row.id) ?? [],
    })),
    posts: posts.map(({ id, participationId, status, revision, plannedDate, content, version, metricsRecordedAt, attributedRevenueMinor, ...numbers }) => ({
      id, participationId, status, revision, plannedDate, content, version,
      metrics: metricsRecordedAt ? { ...numbers, attributedRevenueMinor: toMinor(attributedRevenueMinor) } : null,
    })),
  };
}

/**
 * History of campaigns, participants and posts recorded in (after, until], oldest first: every
 * campaign's changes since its previous digest in one statement, sorted out by the caller.
 */
export async function changesBetween(tx: Tx, after: Date, until: Date): Promise<HistoryEntry[]> {
  const rows = await tx.historyEvent.findMany({
    where: { entityType: { in: ['campaign', 'participant', 'post'] }, at: { gt: after, lte: until } },
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
  const rows = await tx.digestRun.findMany({ where: { status: 'failed', claimedAt: { gte: since } }, select: { channelId: true, error: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ channelId: row.channelId, error: row.error ?? 'unknown error' }));
}
