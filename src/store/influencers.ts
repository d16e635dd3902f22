import type { Platform } from '../domain/brief.js';
import type { Influencer, InfluencerFilter, InfluencerProfile, SocialAccount } from '../domain/influencer.js';
import type { Prisma as PrismaTypes } from '../generated/prisma/client.js';
import { type Tx, assertUpdated } from './tx.js';

const withAccounts = { accounts: { orderBy: { id: 'asc' } } } as const;
type Row = PrismaTypes.InfluencerGetPayload<{ include: typeof withAccounts }>;

function toInfluencer({ createdAt, ...row }: Row): Influencer {
  return { ...row, accounts: row.accounts.map(({ influencerId, ...account }) => account) };
}

export async function insertInfluencers(tx: Tx, profiles: InfluencerProfile[], now: Date): Promise<Influencer[]> {
  const created: Influencer[] = [];
  for (const { accounts, ...profile } of profiles) {
    const row = await tx.influencer.create({ data: { ...profile, createdAt: now, accounts: { create: accounts } }, include: withAccounts });
    created.push(toInfluencer(row));
  }
  return created;
}

export async function findInfluencer(tx: Tx, id: number): Promise<Influencer | undefined> {
  const row = await tx.influencer.findUnique({ where: { id }, include: withAccounts });
  return row ? toInfluencer(row) : undefined;
}

/** Replaces the profile and its accounts if nobody changed the influencer since `version`. */
export async function saveInfluencer(tx: Tx, id: number, version: number, { accounts, ...profile }: InfluencerProfile): Promise<Influencer> {
  const { count } = await tx.influencer.updateMany({ where: { id, version }, data: { ...profile, version: { increment: 1 } } });
  assertUpdated(count, 'influencer', id);
  // Accounts used by posts or participations stay; the rest are replaced by the edited list.
  const kept = await tx.socialAccount.findMany({ where: { influencerId: id } });
  for (const account of accounts) {
    const existing = kept.find((k) => k.platform === account.platform && k.handle === account.handle);
    if (existing) await tx.socialAccount.update({ where: { id: existing.id }, data: account });
    else await tx.socialAccount.create({ data: { ...account, influencerId: id } });
  }
  const removed = kept.filter((k) => !accounts.some((a) => a.platform === k.platform && a.handle === k.handle));
  await tx.socialAccount.deleteMany({ where: { id: { in: removed.map((k) => k.id) }, posts: { none: {} }, participations: { none: {} } } });
  return (await findInfluencer(tx, id)) as Influencer;
}

/** Every given filter must match. */
function directoryWhere(filter: InfluencerFilter): PrismaTypes.InfluencerWhereInput {
  return {
    ...(filter.niche ? { niches: { has: filter.niche.toLowerCase() } } : {}),
    ...(filter.country ? { country: { equals: filter.country, mode: 'insensitive' } } : {}),
    ...(filter.platform || filter.minFollowers
      ? { accounts: { some: { ...(filter.platform ? { platform: filter.platform } : {}), followers: { gte: filter.minFollowers ?? 0 } } } }
      : {}),
  };
}

export async function searchInfluencers(tx: Tx, filter: InfluencerFilter, limit: number): Promise<{ influencers: Influencer[]; total: number }> {
  const where = directoryWhere(filter);
  const [rows, total] = await Promise.all([
    tx.influencer.findMany({ where, include: withAccounts, orderBy: { name: 'asc' }, take: limit }),
    tx.influencer.count({ where }),
  ]);
  return { influencers: rows.map(toInfluencer), total };
}

export async function accountsTaken(tx: Tx, accounts: Array<{ platform: InfluencerProfile['accounts'][number]['platform']; handle: string }>, exceptInfluencerId?: number) {
  return tx.socialAccount.findMany({
    where: { OR: accounts.map(({ platform, handle }) => ({ platform, handle })), ...(exceptInfluencerId ? { influencerId: { not: exceptInfluencerId } } : {}) },
    select: { platform: true, handle: true },
  });
}

export async function followersOf(tx: Tx, accountIds: number[]): Promise<Map<number, number>> {
  const rows = await tx.socialAccount.findMany({ where: { id: { in: accountIds } }, select: { id: true, followers: true } });
  return new Map(rows.map((row) => [row.id, row.followers]));
}

/** The influencer with this ID, or those whose name contains the text. */
export async function influencersNamed(tx: Tx, text: string, limit: number): Promise<Influencer[]> {
  const id = /^\d{1,9}$/.test(text) ? Number(text) : undefined;
  const rows = await tx.influencer.findMany({
    where: { OR: [...(id ? [{ id }] : []), { name: { contains: text, mode: 'insensitive' } }] },
    include: withAccounts,
    orderBy: { name: 'asc' },
    take: limit,
  });
  return rows.map(toInfluencer);
}

/** Influencers with an account on one of the platforms who are not in the campaign yet. */
export async function influencersOutside(tx: Tx, campaignId: number, platforms: Platform[], filter: InfluencerFilter, limit: number): Promise<Influencer[]> {
  const rows = await tx.influencer.findMany({
    where: { AND: [directoryWhere(filter), { accounts: { some: { platform: { in: platforms } } }, participations: { none: { campaignId } } }] },
    include: withAccounts,
    orderBy: { name: 'asc' },
    take: limit,
  });
  return rows.map(toInfluencer);
}

export async function accountsById(tx: Tx, accountIds: number[]): Promise<Map<number, SocialAccount>> {
  const rows = await tx.socialAccount.findMany({ where: { id: { in: accountIds } }, select: { id: true, platform: true, handle: true, followers: true, avgEngagementPct: true } });
  return new Map(rows.map((row) => [row.id, row]));
}
