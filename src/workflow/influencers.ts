import { type Decision, type Refusal, allow, refuse } from '../domain/decision.js';
import type { HistoryEntry } from '../domain/history.js';
import {
  type AccountChanges,
  type ImportRow,
  type Influencer,
  type InfluencerFilter,
  type InfluencerProfile,
  type RowProblem,
  type SocialAccount,
  accountChanges,
  accountKey,
  groupImportRows,
  mayExtend,
  mayRemoveAccount,
  profileErrors,
} from '../domain/influencer.js';
import type { Prisma } from '../store/database.js';
import {
  accountUses,
  accountsTaken,
  addAccounts,
  findInfluencer,
  influencersWithEmails,
  insertInfluencers,
  saveInfluencer,
  searchInfluencers,
} from '../store/influencers.js';
import type { Tx } from '../store/tx.js';
import { type Acting, change, event, ifCurrent, record } from './change.js';

function normalise(profile: InfluencerProfile): InfluencerProfile {
  return {
    ...profile,
    name: profile.name.trim(),
    niches: [...new Set(profile.niches.map((niche) => niche.trim().toLowerCase()).filter(Boolean))],
    accounts: profile.accounts.map((account) => ({ ...account, handle: account.handle.trim().replace(/^@/, '') })),
  };
}

const takenReason = (taken: Array<{ platform: string; handle: string }>) =>
  `Already in the directory: ${taken.map((a) => `${a.platform} @${a.handle}`).join(', ')}.`;
const accountDetails = ({ platform, handle, followers, avgEngagementPct }: Omit<SocialAccount, 'id'>) => ({ platform, handle, followers, avgEngagementPct });

/** Adds one or many influencers in one transaction: all of them, or none and why. */
export async function addInfluencers(prisma: Prisma, profiles: InfluencerProfile[], acting: Acting): Promise<Decision<Influencer[]>> {
  const normalised = profiles.map(normalise);
  for (const [index, profile] of normalised.entries()) {
    const errors = Object.values(profileErrors(profile));
    if (errors.length) return refuse('invalid-influencer', `${profiles.length > 1 ? `Row ${index + 1}: ` : ''}${errors.join(' ')}`);
  }
  return change(prisma, async (tx) => {
    const taken = await accountsTaken(
      tx,
      normalised.flatMap((p) => p.accounts),
    );
    if (taken.length) return refuse('account-taken', takenReason(taken));
    const created = await insertInfluencers(tx, normalised, acting.now);
    await record(tx, created.map(addedEvent(acting)));
    return allow(created);
  });
}

const addedEvent = (acting: Acting) => (influencer: Influencer) =>
  event(acting, 'influencer', influencer.id, 'influencer.added', { details: { name: influencer.name, accounts: influencer.accounts.map(accountDetails) } });

/** The typed accounts that another influencer already has: a form shows them with its other errors. */
export function takenAccounts(prisma: Prisma, accounts: Array<{ platform: SocialAccount['platform']; handle: string }>, exceptInfluencerId?: number) {
  return accountsTaken(
    prisma,
    accounts.map((a) => ({ ...a, handle: a.handle.trim().replace(/^@/, '') })),
    exceptInfluencerId,
  );
}

/** Why each removed account must stay, if a campaign uses it. */
async function removalRefusal(tx: Tx, removed: SocialAccount[]): Promise<Refusal | undefined> {
  const uses = await accountUses(
    tx,
    removed.map((a) => a.id),
  );
  for (const account of removed) {
    const allowed = mayRemoveAccount(account, uses.get(account.id) ?? []);
    if (!allowed.ok) return allowed;
  }
  return undefined;
}

/** Whether a campaign still lets this account go; the form asks before it drops the account's fields. */
export async function mayRemoveAccountOf(prisma: Prisma, influencerId: number, accountId: number): Promise<Decision<void>> {
  const influencer = await findInfluencer(prisma, influencerId);
  const account = influencer?.accounts.find((a) => a.id === accountId);
  if (!account) return allow(undefined);
  return (await removalRefusal(prisma, [account])) ?? allow(undefined);
}

const PROFILE_FIELDS = ['name', 'country', 'niches', 'email'] as const;

function historyOfEdit(acting: Acting, before: Influencer, after: InfluencerProfile, accounts: AccountChanges): HistoryEntry[] {
  const changed = PROFILE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  const on = (action: string, details: Record<string, unknown>) => event(acting, 'influencer', before.id, action, { details });
  return [
    ...(changed.length ? [on('influencer.edited', { changes: Object.fromEntries(changed.map((f) => [f, { from: before[f], to: after[f] }])) })] : []),
    ...accounts.added.map((a) => on('influencer.account_added', accountDetails(a))),
    ...accounts.edited.map(({ before: b, after: a }) => on('influencer.account_edited', { accountId: a.id, from: accountDetails(b), to: accountDetails(a) })),
    ...accounts.removed.map((a) => on('influencer.account_removed', { accountId: a.id, ...accountDetails(a) })),
  ];
}

/**
 * Saves the profile and each of its accounts as typed: new ones added, changed ones edited, the
 * missing ones removed unless a campaign uses them. One history event per change.
 */
export async function editInfluencer(
  prisma: Prisma,
  id: number,
  profile: InfluencerProfile,
  acting: Acting,
  seenVersion?: number,
): Promise<Decision<Influencer>> {
  const normalised = normalise(profile);
  const errors = Object.values(profileErrors(normalised));
  if (errors.length) return refuse('invalid-influencer', errors.join(' '));
  return change(prisma, async (tx) => {
    const before = await findInfluencer(tx, id);
    if (!before) return refuse('influencer-not-found', 'That influencer is no longer in the directory.');
    const stale = await ifCurrent(tx, 'influencer', before, seenVersion);
    if (stale) return stale;
    const taken = await accountsTaken(tx, normalised.accounts, id);
    if (taken.length) return refuse('account-taken', takenReason(taken));
    const accounts = accountChanges(before.accounts, normalised.accounts);
    if (!accounts.ok) return accounts;
    const refusal = await removalRefusal(tx, accounts.value.removed);
    if (refusal) return refusal;
    const events = historyOfEdit(acting, before, normalised, accounts.value);
    if (events.length === 0) return allow(before);
    const { accounts: _typed, ...fields } = normalised;
    const after = await saveInfluencer(tx, id, before.version, fields, accounts.value);
    await record(tx, events);
    return allow(after);
  });
}

/** What an import did: new influencers, and those already in the directory that got accounts. */
export interface Imported {
  added: Influencer[];
  extended: Influencer[];
}
export type ImportRefusal = Refusal & { problems: RowProblem[] };

/** Checks every row against the rules and the directory, and says what each group becomes. */
async function planImport(tx: Tx, rows: ImportRow[]) {
  const { groups, problems } = groupImportRows(rows.map(({ row, profile }) => ({ row, profile: normalise(profile) })));
  const emails = groups.flatMap((g) => (g.profile.email ? [g.profile.email.toLowerCase()] : []));
  const [sameEmail, taken] = await Promise.all([
    influencersWithEmails(tx, emails),
    accountsTaken(
      tx,
      groups.flatMap((g) => g.profile.accounts),
    ),
  ]);
  const plan = groups.map((group) => {
    const email = group.profile.email?.toLowerCase();
    const existing = mayExtend(group, email ? sameEmail.filter((i) => i.email?.toLowerCase() === email) : []);
    if (!existing.ok) problems.push({ row: group.rows[0]!, problem: existing.reason });
    return { group, existing: existing.ok ? existing.value : undefined };
  });
  for (const account of taken) {
    const row = rows.find((r) => r.profile.accounts.some((a) => accountKey(a) === accountKey(account)))?.row ?? 0;
    problems.push({ row, problem: `${account.platform} @${account.handle} is already in the directory (${account.influencer.name}).` });
  }
  return { plan, problems: problems.sort((a, b) => a.row - b.row) };
}

/** Every problem of these rows, without saving: an import form shows them with its own at once. */
export async function importProblems(prisma: Prisma, rows: ImportRow[]): Promise<RowProblem[]> {
  return (await planImport(prisma, rows)).problems;
}

/**
 * Imports CSV rows in one transaction, all or nothing: rows sharing an email are one influencer,
 * and an email already in the directory adds the rows' accounts to that influencer.
 */
export async function importInfluencers(prisma: Prisma, rows: ImportRow[], acting: Acting): Promise<Decision<Imported> | ImportRefusal> {
  return change(prisma, async (tx) => {
    const { plan, problems } = await planImport(tx, rows);
    if (problems.length) return { ...refuse('import-problems', 'Some rows cannot be imported.'), problems } as ImportRefusal;
    const added = await insertInfluencers(
      tx,
      plan.filter((p) => !p.existing).map((p) => p.group.profile),
      acting.now,
    );
    const extended: Influencer[] = [];
    for (const { group, existing } of plan) {
      if (existing) extended.push(await addAccounts(tx, existing, group.profile.accounts));
    }
    await record(tx, [
      ...added.map(addedEvent(acting)),
      ...plan.flatMap(({ group, existing }) =>
        existing ? group.profile.accounts.map((a) => event(acting, 'influencer', existing.id, 'influencer.account_added', { details: accountDetails(a) })) : [],
      ),
    ]);
    return allow({ added, extended });
  });
}

export function findInfluencers(prisma: Prisma, filter: InfluencerFilter, limit = 50) {
  return searchInfluencers(prisma, { ...filter, niche: filter.niche?.trim().toLowerCase() }, limit);
}
