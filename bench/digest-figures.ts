// Digest composing for N campaigns × M participants: time and SQL statements. Uses bench/digests.ts
// (`benchDigests`) when it exists; until then, seeds one campaign through the use cases, copies it
// in SQL, and times `activeDigests` on a client that counts the statements it sends.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { ALL_OPTIONAL_STAGES } from '../src/domain/campaign.js';
import type { Database, Prisma } from '../src/store/database.js';
import { applyPendingMigrations } from '../src/store/migrations.js';
import * as campaigns from '../src/workflow/campaigns.js';
import { activeDigests } from '../src/workflow/digests.js';
import { addInfluencers } from '../src/workflow/influencers.js';
import { addParticipants } from '../src/workflow/participants.js';
import { submitPost } from '../src/workflow/posts.js';
import { type Kind, freshDatabase, open } from './databases.js';
import { PEOPLE } from './seed.js';
import { figure, seconds } from './support.js';

export interface Size {
  campaigns: number;
  participants: number;
}
/** bench/digests.ts's export: seeds the (migrated, empty) database, composes, counts. */
type BenchDigests = (db: Database, size: Size) => Promise<{ ms: number; statements: number }>;

export async function digestFigures(kind: Kind, server: string | undefined, sizes: Size[]): Promise<void> {
  const helper = join(import.meta.dirname, 'digests.ts');
  // A module path in a variable: the file may not exist yet, and the type checker must not require it.
  const path = './digests.js';
  const external = existsSync(helper) ? ((await import(path)) as { benchDigests?: BenchDigests }).benchDigests : undefined;
  for (const size of sizes) {
    const database = await freshDatabase(kind, server);
    try {
      const { ms, statements } = external ? await viaHelper(database.url, size, external) : await composed(database.url, size);
      figure(
        `digests for ${size.campaigns} campaigns × ${size.participants} participants`,
        `${seconds(ms)}, ${statements} SQL statements (${(statements / size.campaigns).toFixed(1)} per campaign)${external ? '' : ' [activeDigests; copies carry no participant or post history]'}`,
        'statements do not grow with campaigns; 1,000 × 50 in < 2 s',
      );
    } finally {
      await database.drop();
    }
  }
}

async function viaHelper(url: string, size: Size, benchDigests: BenchDigests) {
  const db = await open(url);
  try {
    await applyPendingMigrations(db);
    return await benchDigests(db, size);
  } finally {
    await db.close();
  }
}

async function composed(url: string, size: Size): Promise<{ ms: number; statements: number }> {
  const counting = await countingDatabase(url);
  try {
    await applyPendingMigrations(counting.db);
    const template = await templateCampaign(counting.db.prisma, size.participants);
    await copyCampaign(counting.db.prisma, template, size.campaigns - 1);
    counting.statements = 0;
    const start = performance.now();
    const digests = await activeDigests(counting.db.prisma, new Date());
    const ms = performance.now() - start;
    if (digests.length !== size.campaigns) throw new Error(`composed ${digests.length} digests, expected ${size.campaigns}`);
    return { ms, statements: counting.statements };
  } finally {
    await counting.db.close();
  }
}

/** The database at `url`, opened with a Prisma client that counts the SQL statements it sends. */
async function countingDatabase(url: string): Promise<{ db: Database; statements: number }> {
  const plain = await open(url);
  const { location } = plain;
  await plain.close();
  const log = [{ emit: 'event' as const, level: 'query' as const }];
  const counting = { statements: 0, db: undefined as unknown as Database };
  let close: () => Promise<void>;
  let prisma: PrismaClient<'query'>;
  if (location.kind === 'server') {
    const searchPath = location.schema ? `-c search_path="${location.schema}"` : undefined;
    const pool = new pg.Pool({ connectionString: location.url, options: searchPath, max: 10 });
    const adapter = new PrismaPg(pool, { schema: location.schema });
    prisma = new PrismaClient({ adapter, log });
    close = async () => {
      await prisma.$disconnect();
      await pool.end();
    };
    counting.db = { prisma, location, withMigrationConnection: (fn) => fn(adapter), isReachable: async () => true, close: () => close() };
  } else {
    const pglite = await PGlite.create(location.kind === 'embedded' ? location.dataDir : 'memory://');
    const adapter = new PrismaPGlite(pglite);
    prisma = new PrismaClient({ adapter, log });
    close = async () => {
      await prisma.$disconnect();
      await pglite.close();
    };
    counting.db = { prisma, location, withMigrationConnection: (fn) => fn(adapter), isReachable: async () => true, close: () => close() };
  }
  prisma.$on('query', () => void counting.statements++);
  return counting;
}

/** One collaborating campaign with `size` participants, each with a post awaiting approval, through the use cases. */
async function templateCampaign(prisma: Prisma, size: number): Promise<number> {
  const now = new Date();
  const pic = { userId: PEOPLE.pic, now };
  const day = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  const created = await campaigns.createCampaign(
    prisma,
    {
      title: 'Digest bench', advertiser: 'Bench Labs', dealReferences: [], salesPicId: PEOPLE.pic, influencerPicId: PEOPLE.pic, country: 'JP', category: 'Beauty',
      objective: 'Awareness', platforms: ['instagram'], targetInfluencers: size, postRequirements: 'One reel', budgetMinor: 1_000_000, currency: 'USD',
      marginBasisPoints: 1500, trackingUrl: null, startDate: day(-3), endDate: day(27), recruitmentCloseDate: null, channelId: 'C0DIGEST', approverIds: [PEOPLE.approver],
      optionalStages: ALL_OPTIONAL_STAGES, agreementWindowDays: 3,
    },
    pic,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const id = created.campaign.id;
  const ok = <T>(decision: { ok: true; value: T } | { ok: false; reason: string }): T => {
    if (!decision.ok) throw new Error(decision.reason);
    return decision.value;
  };
  ok(await campaigns.publishProposal(prisma, id, pic));
  ok(await campaigns.approveProposal(prisma, id, { userId: PEOPLE.approver, now }));
  ok(await campaigns.openRecruitment(prisma, id, pic));
  const profiles = Array.from({ length: size }, (_, i) => ({ name: `Digest Influencer ${i}`, country: 'JP', niches: ['beauty'], email: null, accounts: [{ platform: 'instagram' as const, handle: `digest_${i}`, followers: 10_000 + i, avgEngagementPct: 3 }] }));
  const influencers = ok(await addInfluencers(prisma, profiles, pic));
  const participants = ok(await addParticipants(prisma, id, influencers.map((influencer) => ({ influencerId: influencer.id })), pic, { stage: 'signed', reason: 'bench' }));
  ok(await campaigns.closeRecruitment(prisma, id, pic));
  ok(await campaigns.startCollaboration(prisma, id, pic));
  for (const participant of participants) {
    ok(await submitPost(prisma, { participationId: participant.id, socialAccountId: participant.accountIds[0]!, plannedDate: day(5), content: 'Digest reel', mediaUrls: [] }, { userId: PEOPLE.member, now }));
  }
  return id;
}

/** `copies` more campaigns like `template`: its participants (same influencers and accounts), their posts, and its campaign history. */
async function copyCampaign(prisma: Prisma, template: number, copies: number): Promise<void> {
  if (copies <= 0) return;
  const columns = async (table: string) =>
    (await prisma.$queryRawUnsafe<Array<{ name: string }>>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'id' ORDER BY ordinal_position`, table)).map(
      (row) => row.name,
    );
  const copy = async (table: string, from: string, replace: Record<string, string>) => {
    const names = await columns(table);
    const list = names.map((name) => `"${name}"`).join(', ');
    const values = names.map((name) => replace[name] ?? `t."${name}"`).join(', ');
    await prisma.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) SELECT ${values} ${from}`);
  };
  await copy('Campaign', `FROM "Campaign" t, generate_series(1, ${copies}) WHERE t.id = ${template}`, {});
  await copy('Participation', `FROM "Participation" t CROSS JOIN "Campaign" c WHERE t."campaignId" = ${template} AND c.id <> ${template}`, { campaignId: 'c.id' });
  const twin = `JOIN "Participation" tp ON tp.id = t.__ID__ AND tp."campaignId" = ${template} JOIN "Participation" np ON np."influencerId" = tp."influencerId" AND np."campaignId" <> ${template}`;
  await prisma.$executeRawUnsafe(`INSERT INTO "_ParticipationToSocialAccount" ("A", "B") SELECT np.id, t."B" FROM "_ParticipationToSocialAccount" t ${twin.replace('__ID__', '"A"')}`);
  await copy('Post', `FROM "Post" t ${twin.replace('__ID__', '"participationId"')}`, { participationId: 'np.id' });
  await copy('HistoryEvent', `FROM "HistoryEvent" t CROSS JOIN "Campaign" c WHERE t."entityType" = 'campaign' AND t."entityId" = '${template}' AND c.id <> ${template}`, { entityId: 'c.id::text' });
}
