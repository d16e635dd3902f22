// Digest composition at scale, for `npm run bench`: seeds campaigns with participants, posts and
// history straight in SQL (through the use cases it would take minutes), then composes every
// active campaign's digest once and counts the SQL statements it took.
import type { Database } from '../src/store/database.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { activeDigests } from '../src/workflow/digests.js';

export interface DigestBench {
  /** Composing all digests again in the same process, as the scheduler does day after day. */
  ms: number;
  /** The first composition in the process, with Prisma compiling each query once. */
  firstMs: number;
  /** SQL statements one composition sends. */
  statements: number;
  digests: number;
}

/**
 * Seeds `campaigns` active campaigns × `participants` participants, each with an account, a
 * deliverable, two posts (1 in 25 awaiting approval, 2 in 25 approved) and history: 4 events per
 * participant, and since the last day one per 10th participant and 7th post, about 20 per
 * campaign; 1 participant in 25 has an agreement out. Then composes every active digest twice
 * through a client of its own that logs every statement. Seeds again on each call: use a database
 * of its own.
 */
export async function benchDigests(
  db: Database,
  { campaigns, participants }: { campaigns: number; participants: number },
  now = new Date(),
): Promise<DigestBench> {
  await seed(db.prisma, campaigns, participants, now);
  await db.prisma.digestSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true }); // as after the app's first digest
  return db.withMigrationConnection(async (adapter) => {
    const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    let statements = 0;
    prisma.$on('query', () => void (statements += 1));
    const compose = async () => {
      statements = 0;
      const start = performance.now();
      const digests = await activeDigests(prisma, now);
      return { ms: performance.now() - start, statements, digests: digests.length };
    };
    try {
      await prisma.$queryRaw`SELECT 1`; // connects before the clock starts
      const first = await compose();
      return { ...(await compose()), firstMs: first.ms };
    } finally {
      await prisma.$disconnect();
    }
  });
}

async function seed(prisma: Database['prisma'], campaigns: number, participants: number, now: Date): Promise<void> {
  const tag = `digest-bench-${now.getTime()}`;
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
      INSERT INTO "Campaign" ("title", "advertiser", "dealReferences", "salesPicId", "influencerPicId", "country", "category", "objective", "platforms", "postRequirements",
        "budgetMinor", "currency", "marginBasisPoints", "startDate", "endDate", "recruitmentCloseDate", "channelId", "approverIds", "status", "createdBy", "collaborationStartedAt")
      SELECT 'Bench campaign ' || g, ${tag}, '{}', 'U0SALES', 'U0INFPIC', 'JP', 'Beauty', 'Awareness', '{instagram}', 'Tag us',
        5000000, 'USD', 1500, ${hoursAgo(24 * 30)}::date, ${now}::date + (g % 40 - 2), ${hoursAgo(-48)}::date, 'C0BENCH' || g, '{U0APP1,U0APP2}',
        (ARRAY['recruiting','collaborating','completed'])[1 + g % 3]::"CampaignStatus", 'U0SALES', ${hoursAgo(24 * 10)}
      FROM generate_series(1, ${campaigns}::int) g`;
      await tx.$executeRaw`
      INSERT INTO "Influencer" ("name", "country", "niches") SELECT ${tag} || ' influencer ' || g, 'JP', '{beauty}' FROM generate_series(1, ${campaigns * participants}::int) g`;
      await tx.$executeRaw`
      INSERT INTO "SocialAccount" ("influencerId", "platform", "handle", "followers")
      SELECT "id", 'instagram', ${tag} || '_' || "id", 10000 + "id" % 1000 FROM "Influencer" WHERE "name" LIKE ${tag} || ' %'`;
      await tx.$executeRaw`
      WITH c AS (SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS n FROM "Campaign" WHERE "advertiser" = ${tag}),
           i AS (SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS n FROM "Influencer" WHERE "name" LIKE ${tag} || ' %')
      INSERT INTO "Participation" ("campaignId", "influencerId", "stage", "budgetMinor", "influencerCostMinor", "shippingCostMinor", "agreementSentAt")
      SELECT c."id", i."id", (CASE i.n % 25 WHEN 1 THEN 'agreement_sent' WHEN 2 THEN 'applied' WHEN 3 THEN 'signed' ELSE (ARRAY['collaborating','content_in_review','posted'])[1 + i.n % 3] END)::"Stage", 100000, 60000 + i.n % 7 * 1000, 500,
        CASE WHEN i.n % 25 = 1 THEN ${now}::timestamp - (i.n % 6) * interval '1 day' END
      FROM i JOIN c ON c.n = i.n / ${participants}::int`;
      await tx.$executeRaw`
      INSERT INTO "_ParticipationToSocialAccount" ("A", "B")
      SELECT p."id", a."id" FROM "Participation" p JOIN "SocialAccount" a ON a."influencerId" = p."influencerId" JOIN "Campaign" c ON c."id" = p."campaignId" WHERE c."advertiser" = ${tag}`;
      await tx.$executeRaw`
      INSERT INTO "Deliverable" ("participationId", "platform", "kind", "quantity", "dueDate")
      SELECT p."id", 'instagram', 'reel', 1, ${now}::date - (p."id" % 9 - 3) FROM "Participation" p JOIN "Campaign" c ON c."id" = p."campaignId" WHERE c."advertiser" = ${tag}`;
      await tx.$executeRaw`
      INSERT INTO "Post" ("participationId", "socialAccountId", "plannedDate", "content", "mediaUrls", "status", "submittedBy", "impressions", "reach", "likes", "metricsRecordedAt")
      SELECT p."id", a."B", ${now}::date + (p."id" % 23 - 1), 'Caption for the winter launch, post ' || k, '{https://example.com/a.jpg}',
        (CASE WHEN (p."id" * 3 + k) % 25 = 0 THEN 'pending_approval' WHEN (p."id" * 3 + k) % 25 < 3 THEN 'approved' WHEN (p."id" * 3 + k) % 25 < 5 THEN 'draft'
          WHEN (p."id" * 3 + k) % 25 = 5 THEN 'rejected' WHEN (p."id" * 3 + k) % 25 < 16 THEN 'posted' ELSE 'final_approved' END)::"PostStatus", 'U0MEMBER', 20000, 15000, 700,
        CASE WHEN (p."id" * 3 + k) % 25 > 5 THEN ${hoursAgo(30)}::timestamp END
      FROM "Participation" p JOIN "Campaign" c ON c."id" = p."campaignId" JOIN "_ParticipationToSocialAccount" a ON a."A" = p."id", generate_series(1, 2) k
      WHERE c."advertiser" = ${tag}`;
      // History: a few older events per participant and one recent event per participant and post.
      await tx.$executeRaw`
      INSERT INTO "HistoryEvent" ("at", "actor", "entityType", "entityId", "action", "fromState", "toState")
      SELECT ${hoursAgo(24 * 5)}::timestamp + k * interval '1 hour', 'U0INFPIC', 'participant', p."id"::text, 'participant.stage_changed', 'candidate', 'applied'
      FROM "Participation" p JOIN "Campaign" c ON c."id" = p."campaignId", generate_series(1, 3) k WHERE c."advertiser" = ${tag}
      UNION ALL
      SELECT ${hoursAgo(3)}, 'U0INFPIC', 'participant', p."id"::text, 'participant.stage_changed', 'applied', p."stage"::text
      FROM "Participation" p JOIN "Campaign" c ON c."id" = p."campaignId" WHERE c."advertiser" = ${tag} AND p."id" % 10 = 0
      UNION ALL
      SELECT ${hoursAgo(2)}, 'U0MEMBER', 'post', po."id"::text, 'post.submitted', 'draft', po."status"::text
      FROM "Post" po JOIN "Participation" p ON p."id" = po."participationId" JOIN "Campaign" c ON c."id" = p."campaignId" WHERE c."advertiser" = ${tag} AND po."id" % 7 = 0
      UNION ALL
      SELECT ${hoursAgo(4)}, 'U0SALES', 'campaign', c."id"::text, 'campaign.edited', NULL, NULL FROM "Campaign" c WHERE c."advertiser" = ${tag}`;
    },
    { timeout: 600_000 },
  );
}
