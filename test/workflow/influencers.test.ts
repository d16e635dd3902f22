import { describe, expect, it } from 'vitest';
import { addInfluencers } from '../../src/workflow/influencers.js';
import { PEOPLE, at, ok } from '../support/factories.js';
import { databaseForTests } from '../support/database.js';

const db = databaseForTests();

describe('adding many influencers at once', () => {
  it('adds 1,000 in one transaction, each with its own accounts, in the order given', async () => {
    const profiles = Array.from({ length: 1_000 }, (_, i) => ({
      name: `Bulk ${i}`,
      country: 'JP',
      niches: ['bulk'],
      email: i % 2 ? `bulk${i}@example.com` : null,
      accounts: [
        { platform: 'instagram' as const, handle: `bulk_ig_${i}`, followers: 1_000 + i, avgEngagementPct: null },
        ...(i % 3 === 0 ? [{ platform: 'tiktok' as const, handle: `bulk_tt_${i}`, followers: 2_000 + i, avgEngagementPct: 2.5 }] : []),
      ],
    }));
    const added = ok(await addInfluencers(db.prisma, profiles, at(PEOPLE.member)));
    expect(added.map((influencer) => influencer.name)).toEqual(profiles.map((p) => p.name));
    expect(added.map((influencer) => influencer.accounts.map((a) => a.handle))).toEqual(profiles.map((p) => p.accounts.map((a) => a.handle)));
    const stored = await db.prisma.socialAccount.findMany({ where: { handle: { startsWith: 'bulk_' } }, include: { influencer: { select: { name: true } } } });
    expect(stored).toHaveLength(1_000 + 334);
    expect(stored.every((account) => account.handle.endsWith(`_${account.influencer.name.split(' ')[1]}`))).toBe(true);
    expect(
      await db.prisma.historyEvent.count({ where: { action: 'influencer.added', actor: PEOPLE.member, entityType: 'influencer' } }),
    ).toBeGreaterThanOrEqual(1_000);
  });
});
