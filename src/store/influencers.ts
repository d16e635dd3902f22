import type { Platform } from '../domain/brief.js';
import type { AccountChanges, Influencer, InfluencerFilter, InfluencerProfile, SocialAccount } from '../domain/influencer.js';
import type { Prisma as PrismaTypes } from '../generated/prisma/client.js';
import { type Tx, updateIfCurrent } from './tx.js';

const withAccounts = { accounts: { orderBy: { id: 'asc' } } } as const;
type Row = PrismaTypes.InfluencerGetPayload<{ include: typeof withAccounts }>;

function toInfluencer({ createdAt, ...row }: Row): Influencer {
  return { ...row, accounts: row.accounts.map(({ influencerId, ...account }) => account) };
}

/** Two statements however many: a row per statement made a 1,000-row import outlive its transaction. */
export async function insertInfluencers(tx: Tx, profiles: InfluencerProfile[], now: Date): Promise<Influencer[]> {
  if (profiles.length === 0) return [];
  // PostgreSQL returns the rows of one INSERT … VALUES in the order given: influencer i is profiles[i].
  const rows = await tx.influencer.createManyAndReturn({ data: profiles.map(({ accounts: _accounts, ...profile }) => ({ ...profile, createdAt: now })) });
  const accounts = await tx.socialAccount.createManyAndReturn({
    data: profiles.flatMap(({ accounts }, index) => accounts.map(({ id: _id, ...account }) => ({ ...account, influencerId: rows[index]!.id }))),
  });
  return rows.map(({ createdAt: _createdAt, ...row }) => ({
    ...row,
    accounts: accounts
      .filter((account) => account.influencerId === row.id)
      .sort((a, b) => a.id - b.id)
      .map(({ influencerId: _influencer, ...account }) => account),
  }));
}

export async function findInfluencer(tx: Tx, id: number): Promise<Influencer | undefined> {
  const row = await tx.influencer.findUnique({ where: { id }, include: withAccounts });
  return row ? toInfluencer(row) : undefined;
}

/** Saves the profile and its account changes if nobody changed the influencer since `version`. */
export async function saveInfluencer(
  tx: Tx,
  id: number,
  version: number,
  profile: Omit<InfluencerProfile, 'accounts'>,
  accounts: AccountChanges,
): Promise<Influencer> {
  await updateIfCurrent((args) => tx.influencer.updateMany(args), 'influencer', { id, version }, profile);
  // Removed first, so an edited account may take a removed one's handle.
  await tx.socialAccount.deleteMany({ where: { id: { in: accounts.removed.map((a) => a.id) }, influencerId: id } });
  for (const {
    after: { id: accountId, ...account },
  } of accounts.edited)
    await tx.socialAccount.update({ where: { id: accountId, influencerId: id }, data: account });
  await tx.socialAccount.createMany({ data: accounts.added.map((account) => ({ ...account, influencerId: id })) });
  return (await findInfluencer(tx, id)) as Influencer;
}

/** The campaigns whose participants or posts use each account. */
export async function accountUses(tx: Tx, accountIds: number[]): Promise<Map<number, Array<{ id: number; title: string }>>> {
  const campaign = { select: { id: true, title: true } } as const;
  const rows = await tx.socialAccount.findMany({
    where: { id: { in: accountIds } },
    select: { id: true, participations: { select: { campaign } }, posts: { select: { participation: { select: { campaign } } } } },
  });
  return new Map(
    rows.map((row) => {
      const campaigns = [...row.participations.map((p) => p.campaign), ...row.posts.map((p) => p.participation.campaign)];
      return [row.id, [...new Map(campaigns.map((c) => [c.id, c])).values()]];
    }),
  );
}

/** Influencers whose email is one of these, without regard to case. */
export async function influencersWithEmails(tx: Tx, emails: string[]): Promise<Influencer[]> {
  if (emails.length === 0) return [];
  const rows = await tx.influencer.findMany({
    where: { OR: emails.map((email) => ({ email: { equals: email, mode: 'insensitive' } })) },
    include: withAccounts,
    orderBy: { id: 'asc' },
  });
  return rows.map(toInfluencer);
}

/** Adds accounts to an influencer, as a change of the influencer (its version moves on). */
export async function addAccounts(tx: Tx, influencer: Influencer, accounts: Array<Omit<SocialAccount, 'id'>>): Promise<Influencer> {
  await updateIfCurrent((args) => tx.influencer.updateMany(args), 'influencer', influencer, {});
  await tx.socialAccount.createMany({ data: accounts.map((account) => ({ ...account, influencerId: influencer.id })) });
  return (await findInfluencer(tx, influencer.id)) as Influencer;
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

/** The accounts already in the directory (handles compared without case), but for `exceptInfluencerId`'s own. */
export async function accountsTaken(tx: Tx, accounts: Array<{ platform: Platform; handle: string }>, exceptInfluencerId?: number) {
  if (accounts.length === 0) return [];
  return tx.socialAccount.findMany({
    where: {
      OR: accounts.map(({ platform, handle }) => ({ platform, handle: { equals: handle, mode: 'insensitive' as const } })),
      ...(exceptInfluencerId ? { influencerId: { not: exceptInfluencerId } } : {}),
    },
    select: { platform: true, handle: true, influencer: { select: { name: true } } },
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
  const rows = await tx.socialAccount.findMany({
    where: { id: { in: accountIds } },
    select: { id: true, platform: true, handle: true, followers: true, avgEngagementPct: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}
