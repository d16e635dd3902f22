import type { Campaign } from '../domain/brief.js';
import type { Influencer, InfluencerFilter } from '../domain/influencer.js';
import type { Prisma } from '../store/database.js';
import { influencersNamed, influencersOutside } from '../store/influencers.js';

/** The influencer `typed` names (an ID, an exact name, or the only partial match), else the candidates. */
export async function lookUpInfluencer(prisma: Prisma, typed: string, limit = 10): Promise<{ found?: Influencer; matches: Influencer[] }> {
  const text = typed.trim();
  const matches = await influencersNamed(prisma, text, limit);
  const exact = matches.filter((i) => String(i.id) === text || i.name.toLowerCase() === text.toLowerCase());
  const found = exact.length === 1 ? exact[0] : matches.length === 1 ? matches[0] : undefined;
  return found ? { found, matches } : { matches };
}

/** Who can still be added to the campaign: matching the filter, an account on its platforms, not a participant yet. */
export function directoryCandidates(prisma: Prisma, campaign: Campaign, filter: InfluencerFilter, limit: number): Promise<Influencer[]> {
  return influencersOutside(prisma, campaign.id, campaign.platforms, { ...filter, niche: filter.niche?.trim().toLowerCase() }, limit);
}
