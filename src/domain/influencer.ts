import type { Platform } from './brief.js';

export interface SocialAccount {
  id: number;
  platform: Platform;
  handle: string;
  followers: number;
  /** Average engagement rate in percent, when known. */
  avgEngagementPct: number | null;
}

export interface InfluencerProfile {
  name: string;
  country: string;
  niches: string[];
  email: string | null;
  accounts: Array<Omit<SocialAccount, 'id'>>;
}

export interface Influencer extends Omit<InfluencerProfile, 'accounts'> {
  id: number;
  accounts: SocialAccount[];
  version: number;
}

/** Directory search: every given filter must match. */
export interface InfluencerFilter {
  niche?: string;
  platform?: Platform;
  country?: string;
  minFollowers?: number;
}

export function profileErrors(profile: InfluencerProfile): Partial<Record<'name' | 'accounts', string>> {
  const errors: Partial<Record<'name' | 'accounts', string>> = {};
  if (!profile.name.trim()) errors.name = 'The influencer needs a name.';
  if (profile.accounts.length === 0) errors.accounts = 'Add at least one social account.';
  else if (profile.accounts.some((account) => !Number.isSafeInteger(account.followers) || account.followers < 0)) {
    errors.accounts = 'Followers must be a whole number, zero or more.';
  }
  return errors;
}
