import type { Campaign, Platform } from '../domain/brief.js';
import type { ComplianceCheck } from '../domain/compliance.js';
import type { Post, PostMetrics } from '../domain/posts.js';
import type { Participant } from '../domain/participation.js';
import { toCampaign } from './campaigns.js';
import { included as participantIncluded, toParticipant } from './participants.js';
import { type Post as PostRow, Prisma as PrismaTypes } from '../generated/prisma/client.js';
import { type Tx, VersionConflict, toMinor, updateIfCurrent } from './tx.js';

export function toPost(row: PostRow): Post {
  const {
    impressions,
    reach,
    likes,
    comments,
    shares,
    saves,
    clicks,
    conversions,
    attributedRevenueMinor,
    metricsRecordedAt,
    approvalChannelId,
    approvalMessageTs,
    checks,
    ...rest
  } = row;
  const metrics: PostMetrics | null = metricsRecordedAt
    ? { impressions, reach, likes, comments, shares, saves, clicks, conversions, attributedRevenueMinor: toMinor(attributedRevenueMinor) }
    : null;
  // Written only by this module, from src/domain/compliance.ts.
  return { ...rest, metrics, checks: checks as unknown as ComplianceCheck[] | null };
}

const checksColumn = (checks: ComplianceCheck[] | null) => (checks ? (checks as unknown as PrismaTypes.InputJsonValue) : PrismaTypes.DbNull);

function metricColumns(metrics: PostMetrics | null, now: Date) {
  if (!metrics) return {};
  return { ...metrics, attributedRevenueMinor: BigInt(metrics.attributedRevenueMinor), metricsRecordedAt: now };
}

export async function insertPost(
  tx: Tx,
  post: Pick<Post, 'participationId' | 'socialAccountId' | 'plannedDate' | 'content' | 'mediaUrls' | 'submittedBy' | 'status' | 'checks'>,
  now: Date,
): Promise<Post> {
  return toPost(
    await tx.post.create({ data: { ...post, checks: checksColumn(post.checks), reviewRequestedAt: post.status === 'pending_approval' ? now : null } }),
  );
}

/**
 * Serializes decisions on one post until the transaction ends (two approvers of the same revision
 * take turns); throws VersionConflict when the post is no longer the version the caller read.
 */
export async function lockPost(tx: Tx, post: { id: number; version: number }): Promise<void> {
  const [row] = await tx.$queryRaw<Array<{ version: number }>>`SELECT "version" FROM "Post" WHERE "id" = ${post.id} FOR UPDATE`;
  if (row?.version !== post.version) throw new VersionConflict('post', String(post.id));
}

/** Who approved this revision, in the order they did. */
export async function approvalsOf(tx: Tx, postId: number, revision: number): Promise<string[]> {
  const rows = await tx.postApproval.findMany({ where: { postId, revision }, orderBy: { id: 'asc' }, select: { userId: true } });
  return rows.map((row) => row.userId);
}

export async function insertApproval(tx: Tx, postId: number, revision: number, userId: string, at: Date): Promise<void> {
  await tx.postApproval.create({ data: { postId, revision, userId, at } });
}

/** The platform of each social account, by ID: what a caption's length is checked against. */
export async function accountPlatforms(tx: Tx, accountIds: number[]): Promise<Map<number, Platform>> {
  const rows = await tx.socialAccount.findMany({ where: { id: { in: [...new Set(accountIds)] } }, select: { id: true, platform: true } });
  return new Map(rows.map((row) => [row.id, row.platform]));
}

/** Posts of a campaign waiting for a decision: the ones a brief edit re-checks. */
export async function waitingPostsOf(tx: Tx, campaignId: number): Promise<Post[]> {
  const rows = await tx.post.findMany({ where: { status: 'pending_approval', participation: { campaignId } }, orderBy: { id: 'asc' } });
  return rows.map(toPost);
}

export async function findPost(tx: Tx, id: number): Promise<Post | undefined> {
  const row = await tx.post.findUnique({ where: { id } });
  return row ? toPost(row) : undefined;
}

/** Where a revision's Approve / Reject message is in Slack. */
export interface ApprovalMessage {
  channelId: string;
  ts: string;
  revision: number | null;
}

const approvalMessage = (row: Pick<PostRow, 'approvalChannelId' | 'approvalMessageTs' | 'approvalMessageRevision'>): ApprovalMessage | undefined =>
  row.approvalChannelId && row.approvalMessageTs
    ? { channelId: row.approvalChannelId, ts: row.approvalMessageTs, revision: row.approvalMessageRevision }
    : undefined;

/** A post with its campaign, the influencer's name and its approval message: what its Slack message shows. */
export type PostInCampaign = { post: Post; campaign: Campaign; influencerName: string; message: ApprovalMessage | undefined };

const inCampaign = { participation: { select: { campaign: true, influencer: { select: { name: true } } } } } as const;

function toPostInCampaign({ participation, ...post }: PrismaTypes.PostGetPayload<{ include: typeof inCampaign }>): PostInCampaign {
  return { post: toPost(post), campaign: toCampaign(participation.campaign), influencerName: participation.influencer.name, message: approvalMessage(post) };
}

/** One post in its campaign, in one read. */
export async function postInCampaign(tx: Tx, id: number): Promise<PostInCampaign | undefined> {
  const row = await tx.post.findUnique({ where: { id }, include: inCampaign });
  return row ? toPostInCampaign(row) : undefined;
}

/** Several posts in their campaigns, by post ID, in one statement (see postsWithParents for why not concurrent findUniques). */
export async function postsInCampaign(tx: Tx, ids: readonly number[]): Promise<Map<number, PostInCampaign>> {
  const rows = await tx.post.findMany({ where: { id: { in: [...new Set(ids)] } }, include: inCampaign });
  return new Map(rows.map((row) => [row.id, toPostInCampaign(row)]));
}

export type PostWithParents = { post: Post; participant: Participant; campaign: Campaign };

const withParents = { participation: { include: { ...participantIncluded, campaign: true } } } as const;

function toPostWithParents({ participation, ...post }: PrismaTypes.PostGetPayload<{ include: typeof withParents }>): PostWithParents {
  return { post: toPost(post), participant: toParticipant(participation), campaign: toCampaign(participation.campaign) };
}

/** A post with its participant and campaign, in one statement. */
export async function postWithParents(tx: Tx, id: number): Promise<PostWithParents | undefined> {
  const row = await tx.post.findUnique({ where: { id }, include: withParents });
  return row ? toPostWithParents(row) : undefined;
}

/**
 * Several posts with their participants and campaigns, by post ID, in one statement. Not concurrent
 * findUniques: Prisma batches those too, but compiles the batch anew for each new count of posts.
 */
export async function postsWithParents(tx: Tx, ids: readonly number[]): Promise<Map<number, PostWithParents>> {
  const rows = await tx.post.findMany({ where: { id: { in: [...new Set(ids)] } }, include: withParents });
  return new Map(rows.map((row) => [row.id, toPostWithParents(row)]));
}

export async function postsOf(tx: Tx, participationIds: number[]): Promise<Post[]> {
  const rows = await tx.post.findMany({ where: { participationId: { in: participationIds } }, orderBy: { id: 'asc' } });
  return rows.map(toPost);
}

/** The newest post of one influencer account in a campaign: the one a new draft would revise when it was rejected. */
export async function latestPostFor(tx: Tx, participationId: number, socialAccountId: number): Promise<Post | undefined> {
  const row = await tx.post.findFirst({ where: { participationId, socialAccountId }, orderBy: { id: 'desc' } });
  return row ? toPost(row) : undefined;
}

/** Writes `after` over the post if nobody changed it since `before` was read. */
export async function savePost(tx: Tx, before: Post, after: Post, now: Date): Promise<Post> {
  const metricsChanged = after.metrics !== before.metrics;
  const version = await updateIfCurrent((args) => tx.post.updateMany(args), 'post', before, {
    status: after.status,
    revision: after.revision,
    plannedDate: after.plannedDate,
    submittedBy: after.submittedBy,
    content: after.content,
    mediaUrls: after.mediaUrls,
    postUrl: after.postUrl,
    ...(after.checks !== before.checks ? { checks: checksColumn(after.checks) } : {}),
    ...(metricsChanged ? metricColumns(after.metrics, now) : {}),
    // A revision's deadlines count from when it was submitted (src/domain/timing.ts).
    ...(after.status === 'pending_approval' && (before.status !== 'pending_approval' || after.revision !== before.revision) ? { reviewRequestedAt: now } : {}),
  });
  return { ...after, version };
}

/**
 * Moves several posts to one status in one statement (a group of approvals), each only if it is
 * still the version read; throws VersionConflict when any was not. Answers their new versions.
 * Raw SQL from arrays: an updateMany of N `OR`ed posts is compiled anew by Prisma for every new N.
 */
export async function savePostStatuses(tx: Tx, before: Post[], status: Post['status']): Promise<number[]> {
  const count = await tx.$executeRaw`
    UPDATE "Post" p SET "status" = ${status}::"PostStatus", "version" = p."version" + 1
    FROM unnest(${before.map((post) => post.id)}::int[], ${before.map((post) => post.version)}::int[]) AS seen("id", "version")
    WHERE p."id" = seen."id" AND p."version" = seen."version"`;
  if (count !== before.length) throw new VersionConflict('post', before.map((post) => post.id).join(','));
  return before.map((post) => post.version + 1);
}

export async function postApprovalMessage(tx: Tx, id: number): Promise<ApprovalMessage | undefined> {
  const row = await tx.post.findUnique({ where: { id }, select: { approvalChannelId: true, approvalMessageTs: true, approvalMessageRevision: true } });
  return row ? approvalMessage(row) : undefined;
}

/** Not a change of the post (no version, no history): only where the Approve / Reject message of a revision is. */
export async function rememberPostApprovalMessage(tx: Tx, id: number, message: { channelId: string; ts: string; revision: number }): Promise<void> {
  await tx.post.updateMany({
    where: { id },
    data: { approvalChannelId: message.channelId, approvalMessageTs: message.ts, approvalMessageRevision: message.revision },
  });
}

/** The post whose Approve / Reject message is this one (a thread's parent). */
export async function postWithApprovalMessage(tx: Tx, channelId: string, ts: string): Promise<Post | undefined> {
  const row = await tx.post.findFirst({ where: { approvalChannelId: channelId, approvalMessageTs: ts } });
  return row ? toPost(row) : undefined;
}

/** Links a Slack file to a post once; false when it was linked already (a retried event). */
export async function insertScreenshot(
  tx: Tx,
  postId: number,
  file: { id: string; permalink: string | null },
  by: { userId: string; now: Date },
): Promise<boolean> {
  const { count } = await tx.postScreenshot.createMany({
    data: [{ fileId: file.id, postId, permalink: file.permalink, sharedBy: by.userId, sharedAt: by.now }],
    skipDuplicates: true,
  });
  return count === 1;
}
