import type { CampaignBrief } from '../../src/domain/brief.js';
import { ALL_OPTIONAL_STAGES } from '../../src/domain/campaign.js';
import type { InfluencerProfile } from '../../src/domain/influencer.js';
import { parseConfig, databaseEnvSchema } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { applyPendingMigrations } from '../../src/store/migrations.js';
import { grantConfiguredAdmins } from '../../src/workflow/admins.js';
import { freshDatabaseUrl } from './database.js';

/** People in the tests' workspace. */
export const PEOPLE = {
  admin: 'U0ADMIN',
  salesPic: 'U0SALES',
  influencerPic: 'U0INFPIC',
  approver: 'U0APPROVE',
  approver2: 'U0APPROVE2',
  member: 'U0MEMBER',
} as const;

export const T0 = new Date('2026-11-23T09:00:00Z');

export function at(userId: string, now = T0) {
  return { userId, now };
}

/** A migrated database of its own for one test file (PGlite, or a schema on the PostgreSQL server). */
export async function testDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await freshDatabaseUrl();
  const db = await openDatabase(parseConfig({ DATABASE_URL: database.url }, databaseEnvSchema).DATABASE_URL);
  await applyPendingMigrations(db);
  await grantConfiguredAdmins(db.prisma, [PEOPLE.admin], T0);
  return {
    db,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

export function brief(overrides: Partial<CampaignBrief> = {}): CampaignBrief {
  return {
    title: 'Spring skincare launch',
    advertiser: 'Glow Labs',
    dealReferences: ['DEAL-1042'],
    salesPicId: PEOPLE.salesPic,
    influencerPicId: PEOPLE.influencerPic,
    country: 'JP',
    category: 'Beauty',
    objective: 'Awareness for the new serum',
    platforms: ['instagram', 'tiktok'],
    targetInfluencers: 10,
    postRequirements: 'One reel and one story, tag @glowlabs',
    budgetMinor: 1_000_000,
    currency: 'USD',
    marginBasisPoints: 1500,
    trackingUrl: 'https://glow.example.com/?utm_source=influencers',
    disclosureWords: [],
    requiredTags: [],
    forbiddenWords: [],
    startDate: new Date('2026-12-01'),
    endDate: new Date('2026-12-31'),
    recruitmentCloseDate: new Date('2026-11-28'),
    channelId: 'C0CAMPAIGN',
    approverIds: [PEOPLE.approver, PEOPLE.approver2],
    optionalStages: ALL_OPTIONAL_STAGES,
    agreementWindowDays: 3,
    ...overrides,
  };
}

export function influencer(name: string, handle: string, followers: number, overrides: Partial<InfluencerProfile> = {}): InfluencerProfile {
  return {
    name,
    country: 'JP',
    niches: ['beauty'],
    email: `${handle}@example.com`,
    accounts: [{ platform: 'instagram', handle, followers, avgEngagementPct: 3.2 }],
    ...overrides,
  };
}

/** Unwraps a decision the test expects to succeed, with the refusal in the failure message. */
export function ok<T>(decision: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!decision.ok) throw new Error(`expected success, refused: ${decision.reason}`);
  return decision.value;
}
