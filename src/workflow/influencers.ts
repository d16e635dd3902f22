import { type Decision, allow, refuse } from '../domain/decision.js';
import { type Influencer, type InfluencerFilter, type InfluencerProfile, profileErrors } from '../domain/influencer.js';
import type { Prisma } from '../store/database.js';
import { appendHistory } from '../store/history.js';
import { accountsTaken, findInfluencer, insertInfluencers, saveInfluencer, searchInfluencers } from '../store/influencers.js';
import { type Acting, change, event, ifCurrent } from './change.js';

function normalise(profile: InfluencerProfile): InfluencerProfile {
  return {
    ...profile,
    name: profile.name.trim(),
    niches: [...new Set(profile.niches.map((niche) => niche.trim().toLowerCase()).filter(Boolean))],
    accounts: profile.accounts.map((account) => ({ ...account, handle: account.handle.trim().replace(/^@/, '') })),
  };
}

/** Adds one or many influencers (bulk CSV) in one transaction: all of them, or none and why. */
export async function addInfluencers(prisma: Prisma, profiles: InfluencerProfile[], acting: Acting): Promise<Decision<Influencer[]>> {
  const normalised = profiles.map(normalise);
  for (const [index, profile] of normalised.entries()) {
    const errors = Object.values(profileErrors(profile));
    if (errors.length) return refuse('invalid-influencer', `${profiles.length > 1 ? `Row ${index + 1}: ` : ''}${errors.join(' ')}`);
  }
  return change(prisma, async (tx) => {
    const taken = await accountsTaken(tx, normalised.flatMap((p) => p.accounts));
    if (taken.length) {
      return refuse('account-taken', `Already in the directory: ${taken.map((a) => `${a.platform} @${a.handle}`).join(', ')}.`);
    }
    const created = await insertInfluencers(tx, normalised, acting.now);
    await appendHistory(tx, created.map((influencer) => event(acting, 'influencer', influencer.id, 'influencer.added', { details: { name: influencer.name } })));
    return allow(created);
  });
}

export async function editInfluencer(prisma: Prisma, id: number, profile: InfluencerProfile, acting: Acting, seenVersion?: number): Promise<Decision<Influencer>> {
  const normalised = normalise(profile);
  const errors = Object.values(profileErrors(normalised));
  if (errors.length) return refuse('invalid-influencer', errors.join(' '));
  return change(prisma, async (tx) => {
    const before = await findInfluencer(tx, id);
    if (!before) return refuse('influencer-not-found', 'That influencer is no longer in the directory.');
    const stale = await ifCurrent(tx, 'influencer', before, seenVersion);
    if (stale) return stale;
    const taken = await accountsTaken(tx, normalised.accounts, id);
    if (taken.length) return refuse('account-taken', `Already in the directory: ${taken.map((a) => `${a.platform} @${a.handle}`).join(', ')}.`);
    const after = await saveInfluencer(tx, id, before.version, normalised);
    await appendHistory(tx, [event(acting, 'influencer', id, 'influencer.edited')]);
    return allow(after);
  });
}

export function findInfluencers(prisma: Prisma, filter: InfluencerFilter, limit = 50) {
  return searchInfluencers(prisma, { ...filter, niche: filter.niche?.trim().toLowerCase() }, limit);
}
