// The data every leg runs on: 50 campaigns × 20 participants, some with a draft post awaiting
// approval, made through the app's use cases (history, outbox and all) with the app
// launched in this process; its outbox is drained to the fake Slack, so the approval messages
// exist (with their ts) before the app under test starts, and it starts with nothing to deliver.
import { launch } from '../src/app.js';
import type { CampaignBrief } from '../src/domain/brief.js';
import { ALL_OPTIONAL_STAGES } from '../src/domain/campaign.js';
import { parseConfig } from '../src/config.js';
import type { Prisma } from '../src/store/database.js';
import * as campaigns from '../src/workflow/campaigns.js';
import { addInfluencers } from '../src/workflow/influencers.js';
import { addParticipants } from '../src/workflow/participants.js';
import { submitPost } from '../src/workflow/posts.js';
import type { FakeSlack } from '../test/support/fake-slack.js';
import { SIGNING_SECRET } from './support.js';

export const PEOPLE = { pic: 'U0BENCHPIC', approver: 'U0BENCHAPP', member: 'U0BENCHMEM' } as const;

/** One Approve button of a post awaiting approval, and the message it is on. */
export interface ApproveTarget {
  value: string;
  channelId: string;
  messageTs: string;
}

export interface Seeded {
  campaignIds: number[];
  /** Every post awaiting approval, in no particular order; each may be clicked once. */
  approvals: ApproveTarget[];
}

const DAY = 24 * 60 * 60 * 1000;

export interface SeedSize {
  campaigns: number;
  participants: number;
  /** Participants of each campaign whose draft post awaits approval (each post is one transaction: seeding time). */
  posts: number;
}

export async function seed(url: string, fakeSlack: FakeSlack, size: SeedSize): Promise<Seeded> {
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fakeSlack.apiUrl,
    DATABASE_URL: url,
    LOG_LEVEL: 'error',
  });
  const running = await launch(config, { port: 0, host: '127.0.0.1' }, { everyMinute: false });
  try {
    const prisma = running.db.prisma;
    // A server takes several transactions at once (PGlite runs one at a time anyway); a loaded machine
    // can still push one past Prisma's 5 s transaction timeout: see `retried`.
    const lanes = running.db.location.kind === 'server' ? 3 : 1;
    const campaignIds: number[] = [];
    for (let i = 0; i < size.campaigns; i += lanes) {
      const batch = Array.from({ length: Math.min(lanes, size.campaigns - i) }, (_, lane) => collaboratingCampaign(prisma, i + lane, size));
      campaignIds.push(...(await Promise.all(batch)));
    }
    await running.deliver();
    const waiting = await prisma.post.findMany({
      where: { status: 'pending_approval' },
      select: { id: true, version: true, approvalChannelId: true, approvalMessageTs: true },
    });
    const approvals = waiting.flatMap((post) =>
      post.approvalChannelId && post.approvalMessageTs
        ? [{ value: `${post.id}:${post.version}`, channelId: post.approvalChannelId, messageTs: post.approvalMessageTs }]
        : [],
    );
    return { campaignIds, approvals };
  } finally {
    await running.stop();
  }
}

/** A campaign taken through the use cases to Collaborating, with its participants and posts awaiting approval. */
async function collaboratingCampaign(prisma: Prisma, index: number, size: SeedSize): Promise<number> {
  const now = new Date();
  const pic = { userId: PEOPLE.pic, now };
  const created = await retried(() => campaigns.createCampaign(prisma, brief(index, now), pic));
  if (!created.ok) throw new Error(`seed: ${JSON.stringify(created.errors)}`);
  const id = created.campaign.id;
  ok(await retried(() => campaigns.publishProposal(prisma, id, pic)));
  ok(await retried(() => campaigns.approveProposal(prisma, id, { userId: PEOPLE.approver, now })));
  ok(await retried(() => campaigns.openRecruitment(prisma, id, pic)));
  const profiles = Array.from({ length: size.participants }, (_, i) => ({
    name: `Bench Influencer ${index}-${i}`,
    country: 'JP',
    niches: ['beauty'],
    email: null,
    accounts: [{ platform: 'instagram' as const, handle: `bench_${index}_${i}`, followers: 10_000 + i, avgEngagementPct: 3 }],
  }));
  const influencers = ok(await retried(() => addInfluencers(prisma, profiles, pic)));
  const participants = ok(
    await retried(() =>
      addParticipants(
        prisma,
        id,
        influencers.map((influencer) => ({ influencerId: influencer.id })),
        pic,
        { stage: 'signed', reason: 'signed off-platform' },
      ),
    ),
  );
  ok(await retried(() => campaigns.closeRecruitment(prisma, id, pic)));
  ok(await retried(() => campaigns.startCollaboration(prisma, id, pic)));
  for (const participant of participants.slice(0, size.posts)) {
    const draft = {
      participationId: participant.id,
      socialAccountId: participant.accountIds[0]!,
      plannedDate: new Date(now.getTime() + 10 * DAY),
      content: `Bench reel ${index}-${participant.id}`,
      mediaUrls: [],
    };
    ok(await retried(() => submitPost(prisma, draft, { userId: PEOPLE.member, now })));
  }
  return id;
}

function brief(index: number, now: Date): CampaignBrief {
  return {
    title: `Bench campaign ${index}`,
    advertiser: 'Bench Labs',
    dealReferences: [`DEAL-${index}`],
    salesPicId: PEOPLE.pic,
    influencerPicId: PEOPLE.pic,
    country: 'JP',
    category: 'Beauty',
    objective: 'Awareness',
    platforms: ['instagram'],
    targetInfluencers: 20,
    postRequirements: 'One reel',
    budgetMinor: 1_000_000,
    currency: 'USD',
    marginBasisPoints: 1500,
    trackingUrl: null,
    disclosureWords: [],
    requiredTags: [],
    forbiddenWords: [],
    startDate: new Date(now.getTime() + 7 * DAY),
    endDate: new Date(now.getTime() + 37 * DAY),
    recruitmentCloseDate: new Date(now.getTime() + 3 * DAY),
    channelId: `C0BENCH${index}`,
    approverIds: [PEOPLE.approver],
    optionalStages: ALL_OPTIONAL_STAGES,
    agreementWindowDays: 3,
  };
}

/** A use case again when its transaction timed out (rolled back, so nothing was saved): seeding must not fail on a busy machine. */
async function retried<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2028' || attempt >= attempts) throw error;
    }
  }
}

function ok<T>(decision: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!decision.ok) throw new Error(`seed refused: ${decision.reason}`);
  return decision.value;
}
