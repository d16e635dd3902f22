import type { Campaign, CampaignBrief } from '../domain/brief.js';
import type { CampaignStatus } from '../domain/campaign.js';
import { ANY_APPROVER, type Quorum } from '../domain/quorum.js';
import { DEFAULT_TIMING, type Timing } from '../domain/timing.js';
import type { Duration } from '../domain/durations.js';
import { type Campaign as CampaignRow, Prisma as PrismaTypes } from '../generated/prisma/client.js';
import { type Tx, assertUpdated, toMinor, updateIfCurrent } from './tx.js';

/** Stored timing over the defaults: a campaign saved before a setting existed gets its default. */
function readTiming(stored: unknown): Timing {
  const t = (stored ?? {}) as Partial<Timing>;
  const d = { ...DEFAULT_TIMING.deadlines, ...t.deadlines };
  // JSONB keeps keys in its own order: rebuild each duration so equal settings compare equal.
  const duration = (value: Duration | null) => (value ? { amount: value.amount, unit: value.unit } : null);
  return {
    reminders: { ...DEFAULT_TIMING.reminders, ...t.reminders },
    muted: t.muted ?? DEFAULT_TIMING.muted,
    deadlines: {
      remindAfter: duration(d.remindAfter),
      escalateAfter: duration(d.escalateAfter),
      decideAfter: duration(d.decideAfter),
      onDeadline: d.onDeadline,
      businessTime: d.businessTime,
    },
  };
}

export function toCampaign(row: CampaignRow): Campaign {
  const { invitedStage, applicationStages, deliverablesStage, budgetMinor, cardTs, proposalMessageTs, quorum, timing, ...rest } = row;
  return {
    ...rest,
    timing: readTiming(timing),
    // Written only through saveCampaign, from src/domain/quorum.ts.
    quorum: (quorum as unknown as Quorum | null) ?? ANY_APPROVER,
    budgetMinor: toMinor(budgetMinor),
    optionalStages: { invited: invitedStage, applications: applicationStages, deliverables: deliverablesStage },
  };
}

function columns(brief: CampaignBrief & Partial<Pick<Campaign, 'status' | 'publishedAt' | 'collaborationStartedAt'>>) {
  const { optionalStages, budgetMinor, ...rest } = brief;
  return {
    ...rest,
    budgetMinor: BigInt(budgetMinor),
    invitedStage: optionalStages.invited,
    applicationStages: optionalStages.applications,
    deliverablesStage: optionalStages.deliverables,
  };
}

export async function insertCampaign(tx: Tx, brief: CampaignBrief, createdBy: string, now: Date): Promise<Campaign> {
  return toCampaign(await tx.campaign.create({ data: { ...columns(brief), createdBy, createdAt: now } }));
}

export async function findCampaign(tx: Tx, id: number): Promise<Campaign | undefined> {
  const row = await tx.campaign.findUnique({ where: { id } });
  return row ? toCampaign(row) : undefined;
}

/** Campaigns whose title contains `text` (any case), newest first. */
export async function findCampaignsByTitle(tx: Tx, text: string, limit: number): Promise<Campaign[]> {
  const rows = await tx.campaign.findMany({ where: { title: { contains: text, mode: 'insensitive' } }, orderBy: { id: 'desc' }, take: limit });
  return rows.map(toCampaign);
}

/** Campaigns in `statuses` (all when omitted), of `person` (PIC, approver or creator) when given, newest first. */
export async function listCampaigns(tx: Tx, where: { statuses?: CampaignStatus[]; person?: string } = {}): Promise<Campaign[]> {
  const { person } = where;
  const rows = await tx.campaign.findMany({
    where: {
      ...(where.statuses ? { status: { in: where.statuses } } : {}),
      ...(person ? { OR: [{ salesPicId: person }, { influencerPicId: person }, { approverIds: { has: person } }, { createdBy: person }] } : {}),
    },
    orderBy: { id: 'desc' },
  });
  return rows.map(toCampaign);
}

/** One status of a campaign listing: how many campaigns are in it, and the newest of them. */
export interface StatusListing {
  status: CampaignStatus;
  total: number;
  campaigns: Array<Pick<Campaign, 'id' | 'title' | 'status'>>;
}

/**
 * Campaigns in `statuses`, in the statuses' order: each one's total, and its newest `perStatus`
 * campaigns with only what a listing shows. Two queries however many campaigns there are.
 */
export async function listingByStatus(tx: Tx, statuses: CampaignStatus[], perStatus: number): Promise<StatusListing[]> {
  const [counts, rows] = await Promise.all([
    tx.campaign.groupBy({ by: ['status'], where: { status: { in: statuses } }, _count: { _all: true } }),
    tx.$queryRaw<Array<{ id: number; title: string; status: CampaignStatus }>>`
      SELECT "id", "title", "status"::text AS "status" FROM (
        SELECT "id", "title", "status", row_number() OVER (PARTITION BY "status" ORDER BY "id" DESC) AS "rank"
        FROM "Campaign" WHERE "status"::text IN (${PrismaTypes.join(statuses)})) ranked
      WHERE "rank" <= ${perStatus} ORDER BY "id" DESC`,
  ]);
  return statuses.flatMap((status) => {
    const total = counts.find((count) => count.status === status)?._count._all ?? 0;
    return total ? [{ status, total, campaigns: rows.filter((row) => row.status === status) }] : [];
  });
}

/** Writes `after` over the campaign if nobody changed it since `before` was read. */
export async function saveCampaign(tx: Tx, before: Campaign, after: Campaign): Promise<Campaign> {
  const { id, version, createdBy, createdAt, quorum, timing, ...fields } = after;
  const saved = await updateIfCurrent((args) => tx.campaign.updateMany(args), 'campaign', before, {
    ...columns(fields),
    quorum: quorum as unknown as PrismaTypes.InputJsonValue,
    timing: timing as unknown as PrismaTypes.InputJsonValue,
  });
  return { ...after, version: saved };
}

/** Deletes a draft that was never published, with its participants, if nobody changed it since it was read. */
export async function deleteCampaign(tx: Tx, campaign: Campaign): Promise<void> {
  await tx.participation.deleteMany({ where: { campaignId: campaign.id } });
  const { count } = await tx.campaign.deleteMany({ where: { id: campaign.id, version: campaign.version, status: 'draft', publishedAt: null } });
  assertUpdated(count, 'campaign', campaign.id);
}

export async function campaignsRecruitingUntil(tx: Tx, day: Date): Promise<Campaign[]> {
  const rows = await tx.campaign.findMany({ where: { status: 'recruiting', recruitmentCloseDate: { lte: day } } });
  return rows.map(toCampaign);
}

/** Where the campaign's Slack messages are, so they can be updated in place. */
export interface CampaignMessages {
  cardTs: string | null;
  proposalMessageTs: string | null;
}

export async function campaignMessages(tx: Tx, id: number): Promise<CampaignMessages | undefined> {
  return (await tx.campaign.findUnique({ where: { id }, select: { cardTs: true, proposalMessageTs: true } })) ?? undefined;
}

/** The campaign whose card or proposal message is this one. */
export async function campaignWithMessage(tx: Tx, channelId: string, ts: string): Promise<Campaign | undefined> {
  const row = await tx.campaign.findFirst({ where: { channelId, OR: [{ cardTs: ts }, { proposalMessageTs: ts }] } });
  return row ? toCampaign(row) : undefined;
}

/** Not a change of the campaign (no version, no history): only where Slack shows it. */
export async function rememberCampaignMessages(tx: Tx, id: number, messages: Partial<CampaignMessages>): Promise<void> {
  await tx.campaign.updateMany({ where: { id }, data: messages });
}
