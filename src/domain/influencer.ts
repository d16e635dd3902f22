import { type Decision, allow, refuse } from './decision.js';
import { PLATFORM_LABELS, type Platform, campaignReference } from './brief.js';

export interface SocialAccount {
  id: number;
  platform: Platform;
  handle: string;
  followers: number;
  /** Average engagement rate in percent, when known. */
  avgEngagementPct: number | null;
}

/** An account as typed in a form or a CSV row; `id` names the saved account it edits. */
export type AccountProfile = Omit<SocialAccount, 'id'> & { id?: number };

export interface InfluencerProfile {
  name: string;
  country: string;
  niches: string[];
  email: string | null;
  accounts: AccountProfile[];
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

/** One influencer's form stays within Slack's 100 blocks, and a campaign's account choice within 10 checkboxes. */
export const MAX_ACCOUNTS = 10;

/** "Instagram @aiko". */
export const accountName = (account: Pick<SocialAccount, 'platform' | 'handle'>) => `${PLATFORM_LABELS[account.platform]} @${account.handle}`;

/** Platform and handle name one account in the whole directory (handles compared without case). */
export const accountKey = (account: Pick<SocialAccount, 'platform' | 'handle'>) => `${account.platform} @${account.handle.toLowerCase()}`;

export function profileErrors(profile: InfluencerProfile): Partial<Record<'name' | 'accounts', string>> {
  const errors: Partial<Record<'name' | 'accounts', string>> = {};
  if (!profile.name.trim()) errors.name = 'The influencer needs a name.';
  const keys = profile.accounts.map(accountKey);
  if (profile.accounts.length === 0) errors.accounts = 'Add at least one social account.';
  else if (profile.accounts.length > MAX_ACCOUNTS) errors.accounts = `An influencer has at most ${MAX_ACCOUNTS} social accounts.`;
  else if (profile.accounts.some((account) => !Number.isSafeInteger(account.followers) || account.followers < 0)) {
    errors.accounts = 'Followers must be a whole number, zero or more.';
  } else if (new Set(keys).size < keys.length) errors.accounts = 'The same account is listed twice.';
  return errors;
}

/** What saving a form does to an influencer's accounts. */
export interface AccountChanges {
  added: Array<Omit<SocialAccount, 'id'>>;
  edited: Array<{ before: SocialAccount; after: SocialAccount }>;
  removed: SocialAccount[];
}

const sameValues = (a: Omit<SocialAccount, 'id'>, b: Omit<SocialAccount, 'id'>) =>
  a.platform === b.platform && a.handle === b.handle && a.followers === b.followers && a.avgEngagementPct === b.avgEngagementPct;

/**
 * Compares the typed accounts with the saved ones. A typed account is a saved one when it carries
 * its id, or else has its platform and handle; saved accounts nobody typed are removed.
 */
export function accountChanges(saved: SocialAccount[], typed: AccountProfile[]): Decision<AccountChanges> {
  const changes: AccountChanges = { added: [], edited: [], removed: [] };
  const matched = new Set<number>();
  const byId = typed.filter((t) => t.id !== undefined);
  for (const { id, ...values } of [...byId, ...typed.filter((t) => t.id === undefined)]) {
    const before = id === undefined ? saved.find((s) => !matched.has(s.id) && accountKey(s) === accountKey(values)) : saved.find((s) => s.id === id);
    if (id !== undefined && !before) return refuse('account-not-found', "An account in the form is no longer this influencer's; open the form again.");
    if (!before) {
      changes.added.push(values);
      continue;
    }
    matched.add(before.id);
    if (!sameValues(before, values)) changes.edited.push({ before, after: { ...values, id: before.id } });
  }
  changes.removed = saved.filter((s) => !matched.has(s.id));
  return allow(changes);
}

/** An account stays while a campaign counts on it: its reach, its posts and their results refer to it. */
export function mayRemoveAccount(account: Pick<SocialAccount, 'platform' | 'handle'>, usedIn: Array<{ id: number; title: string }>): Decision<void> {
  if (usedIn.length === 0) return allow(undefined);
  const campaigns = usedIn.map((c) => `${campaignReference(c.id)} ${c.title}`).join(', ');
  return refuse('account-in-use', `${accountName(account)} cannot be removed: ${campaigns} uses it. Keep it, or add the new account beside it.`);
}

/** A CSV row, numbered from 1 after the header, with its one account. */
export interface ImportRow {
  row: number;
  profile: InfluencerProfile;
}

export interface RowProblem {
  row: number;
  problem: string;
}

/** The influencers a CSV describes: rows sharing an email are one influencer with all their accounts. */
export interface ImportGroup {
  rows: number[];
  profile: InfluencerProfile;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Groups rows by email (rows without one stand alone). Rows of one influencer must agree on the
 * name and country, so a mistyped email does not merge two people; the niches add up.
 */
export function groupImportRows(rows: ImportRow[]): { groups: ImportGroup[]; problems: RowProblem[] } {
  const groups: ImportGroup[] = [];
  const problems: RowProblem[] = [];
  const byEmail = new Map<string, ImportGroup>();
  const accountRow = new Map<string, number>();
  for (const { row, profile } of rows) {
    for (const account of profile.accounts) {
      const earlier = accountRow.get(accountKey(account));
      if (earlier) problems.push({ row, problem: `${accountKey(account)} is also on row ${earlier}.` });
      else accountRow.set(accountKey(account), row);
    }
    const email = profile.email?.toLowerCase();
    const group = email ? byEmail.get(email) : undefined;
    if (!group) {
      const created = { rows: [row], profile: { ...profile, accounts: [...profile.accounts] } };
      groups.push(created);
      if (email) byEmail.set(email, created);
      continue;
    }
    const first = group.rows[0]!;
    if (!sameName(group.profile.name, profile.name))
      problems.push({ row, problem: `same email as row ${first} but another name; rows sharing an email are one influencer.` });
    else if (!sameName(group.profile.country, profile.country))
      problems.push({ row, problem: `same email as row ${first} but another country; rows sharing an email are one influencer.` });
    group.rows.push(row);
    group.profile.niches = [...new Set([...group.profile.niches, ...profile.niches])];
    group.profile.accounts.push(...profile.accounts);
  }
  for (const group of groups) {
    if (group.profile.accounts.length > MAX_ACCOUNTS)
      problems.push({ row: group.rows[0]!, problem: `${group.profile.name} has ${group.profile.accounts.length} accounts here; at most ${MAX_ACCOUNTS}.` });
  }
  return { groups, problems };
}

/**
 * Adding a group's accounts to the influencer already in the directory with that email: only when
 * exactly one has it, under the same name, and the accounts still fit.
 */
export function mayExtend(group: ImportGroup, sameEmail: Influencer[]): Decision<Influencer | undefined> {
  if (sameEmail.length === 0) return allow(undefined);
  const email = group.profile.email ?? '';
  if (sameEmail.length > 1)
    return refuse('email-ambiguous', `${sameEmail.length} influencers in the directory have ${email}; add these accounts with \`/campaign influencers edit\`.`);
  const [existing] = sameEmail as [Influencer];
  if (!sameName(existing.name, group.profile.name)) {
    return refuse(
      'email-other-name',
      `${email} belongs to ${existing.name} (id ${existing.id}) in the directory; use that name to add accounts, or another email.`,
    );
  }
  const total = existing.accounts.length + group.profile.accounts.length;
  if (total > MAX_ACCOUNTS) return refuse('too-many-accounts', `${existing.name} would have ${total} accounts; at most ${MAX_ACCOUNTS}.`);
  return allow(existing);
}
