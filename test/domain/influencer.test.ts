import { describe, expect, it } from 'vitest';
import {
  type InfluencerProfile,
  type SocialAccount,
  MAX_ACCOUNTS,
  accountChanges,
  groupImportRows,
  mayExtend,
  mayRemoveAccount,
} from '../../src/domain/influencer.js';

const account = (id: number, handle: string, followers = 10): SocialAccount => ({ id, platform: 'instagram', handle, followers, avgEngagementPct: null });
const profile = (name: string, email: string | null, handle: string, niches = ['beauty']): InfluencerProfile => ({
  name,
  country: 'JP',
  niches,
  email,
  accounts: [{ platform: 'instagram', handle, followers: 1, avgEngagementPct: null }],
});

describe('accountChanges', () => {
  it('matches typed accounts by id, else by platform and handle; the saved ones nobody typed are removed', () => {
    const saved = [account(1, 'one'), account(2, 'two'), account(3, 'three')];
    const changes = accountChanges(saved, [
      { id: 1, platform: 'instagram', handle: 'one_renamed', followers: 10, avgEngagementPct: null },
      { platform: 'instagram', handle: 'TWO', followers: 10, avgEngagementPct: null },
      { platform: 'tiktok', handle: 'new', followers: 5, avgEngagementPct: 1 },
    ]);
    expect(changes).toEqual({
      ok: true,
      value: {
        added: [{ platform: 'tiktok', handle: 'new', followers: 5, avgEngagementPct: 1 }],
        edited: [
          { before: saved[0], after: { ...saved[0], handle: 'one_renamed' } },
          { before: saved[1], after: { ...saved[1], handle: 'TWO' } },
        ],
        removed: [saved[2]],
      },
    });
  });

  it('refuses an id that is not among the saved accounts', () => {
    expect(accountChanges([account(1, 'one')], [{ ...account(9, 'x') }])).toMatchObject({ ok: false, rule: 'account-not-found' });
  });
});

describe('mayRemoveAccount', () => {
  it('lets an unused account go, and names the campaigns that keep a used one', () => {
    expect(mayRemoveAccount(account(1, 'aiko'), []).ok).toBe(true);
    expect(
      mayRemoveAccount(account(1, 'aiko'), [
        { id: 3, title: 'Spring' },
        { id: 4, title: 'Fall' },
      ]),
    ).toMatchObject({
      ok: false,
      rule: 'account-in-use',
      reason: 'Instagram @aiko cannot be removed: C-3 Spring, C-4 Fall uses it. Keep it, or add the new account beside it.',
    });
  });
});

describe('groupImportRows', () => {
  it('makes rows sharing an email (without case) one influencer, niches added up; rows without email stand alone', () => {
    const { groups, problems } = groupImportRows([
      { row: 1, profile: profile('Aiko', 'aiko@example.com', 'a1', ['beauty']) },
      { row: 2, profile: profile('aiko', 'AIKO@example.com', 'a2', ['travel']) },
      { row: 3, profile: profile('Ben', null, 'b1') },
      { row: 4, profile: profile('Cam', null, 'c1') },
    ]);
    expect(problems).toEqual([]);
    expect(groups.map((g) => [g.rows, g.profile.niches, g.profile.accounts.map((a) => a.handle)])).toEqual([
      [
        [1, 2],
        ['beauty', 'travel'],
        ['a1', 'a2'],
      ],
      [[3], ['beauty'], ['b1']],
      [[4], ['beauty'], ['c1']],
    ]);
  });

  it('names each row that disagrees on the name, repeats an account, or overfills one influencer', () => {
    const many = Array.from({ length: MAX_ACCOUNTS + 1 }, (_, i) => ({ row: 10 + i, profile: profile('Dee', 'dee@example.com', `d${i}`) }));
    const { problems } = groupImportRows([
      { row: 1, profile: profile('Aiko', 'aiko@example.com', 'a1') },
      { row: 2, profile: profile('Aya', 'aiko@example.com', 'a2') },
      { row: 3, profile: profile('Ben', null, 'A1') },
      ...many,
    ]);
    expect(problems).toEqual([
      { row: 2, problem: 'same email as row 1 but another name; rows sharing an email are one influencer.' },
      { row: 3, problem: 'instagram @a1 is also on row 1.' },
      { row: 10, problem: `Dee has ${MAX_ACCOUNTS + 1} accounts here; at most ${MAX_ACCOUNTS}.` },
    ]);
  });
});

describe('mayExtend', () => {
  const group = { rows: [1], profile: profile('Aiko', 'aiko@example.com', 'a9') };
  const known = (id: number, name: string, accounts = 1) => ({
    id,
    name,
    country: 'JP',
    niches: [],
    email: 'aiko@example.com',
    version: 1,
    accounts: Array.from({ length: accounts }, (_, i) => account(i, `k${i}`)),
  });

  it('adds to the one influencer with that email and name, within the maximum of accounts', () => {
    expect(mayExtend(group, [])).toEqual({ ok: true, value: undefined });
    expect(mayExtend(group, [known(7, 'AIKO')])).toMatchObject({ ok: true, value: { id: 7 } });
    expect(mayExtend(group, [known(7, 'Aiko', MAX_ACCOUNTS)])).toMatchObject({ ok: false, rule: 'too-many-accounts' });
    expect(mayExtend(group, [known(7, 'Someone Else')])).toMatchObject({ ok: false, rule: 'email-other-name' });
    expect(mayExtend(group, [known(7, 'Aiko'), known(8, 'Aiko')])).toMatchObject({ ok: false, rule: 'email-ambiguous' });
  });
});
