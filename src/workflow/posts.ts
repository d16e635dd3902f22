import { type Campaign, campaignReference } from '../domain/brief.js';
import { type Decision, type Refusal, allow, refuse } from '../domain/decision.js';
import { writable } from '../domain/campaign.js';
import type { Participant } from '../domain/participation.js';
import type { HistoryEntry } from '../domain/history.js';
import { complianceChecks, failedChecks } from '../domain/compliance.js';
import { decidesOnce, mayApprove, quorumProgress } from '../domain/quorum.js';
import {
  type Post,
  type PostDraft,
  type PostMetrics,
  approvePost as decideApprove,
  awaitsResults,
  editWaitingPost,
  finalApprovePost as decideFinal,
  mayChangeWaitingPost,
  mayEditPost,
  recordResult as decideResult,
  rejectPost as decideReject,
  stageAfterPost,
  submitPost as decideSubmit,
  withdrawPost as decideWithdraw,
} from '../domain/posts.js';
import type { SocialAccount } from '../domain/influencer.js';
import { type Action, permissionRefusal, rolesOf } from '../domain/roles.js';
import { isAdmin } from '../store/admins.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { historiesOf, historyOf } from '../store/history.js';
import { findInfluencer } from '../store/influencers.js';
import { findParticipant, participantsOf, saveParticipant } from '../store/participants.js';
import {
  type ApprovalMessage,
  accountPlatforms,
  approvalsOf,
  insertApproval,
  lockPost,
  waitingPostsOf,
  findPost,
  insertPost,
  postInCampaign,
  postsInCampaign,
  insertScreenshot,
  latestPostFor,
  postWithApprovalMessage,
  postWithParents,
  postsWithParents,
  postsOf,
  savePost,
  savePostStatuses,
} from '../store/posts.js';
import { findSubmission, recordSubmission } from '../store/submissions.js';
import { readWorkingTime } from '../store/digests.js';
import { deadlineTimes } from '../domain/timing.js';
import { type Tx, VersionConflict } from '../store/tx.js';
import { type Acting, change, event, ifCurrent, permission, record, recordAll } from './change.js';

export interface DraftPost {
  participationId: number;
  socialAccountId: number;
  plannedDate: Date;
  content: string;
  mediaUrls: string[];
}

/** After a post changes, the participant's stage follows it (Content in review, Posted, back to Collaborating). */
export async function followPost(tx: Tx, participant: Participant, post: Post, acting: Acting) {
  const anotherWaits =
    post.status === 'withdrawn' && (await postsOf(tx, [participant.id])).some((other) => other.id !== post.id && other.status === 'pending_approval');
  const stage = stageAfterPost(participant.stage, post.status, anotherWaits);
  if (stage === participant.stage) return [];
  await saveParticipant(tx, participant, { ...participant, stage });
  return [
    event(acting, 'participant', participant.id, 'participant.moved', {
      from: participant.stage,
      to: stage,
      reason: `post #${post.id} ${post.status.replace('_', ' ')}`,
      details: { postId: post.id, postStatus: post.status },
    }),
  ];
}

/** The post with the compliance checks of its content, against the brief and its account's platform. */
async function checked(tx: Tx, post: Post, campaign: Campaign): Promise<Post> {
  const platform = (await accountPlatforms(tx, [post.socialAccountId])).get(post.socialAccountId) ?? 'other';
  return { ...post, checks: complianceChecks(post.content, campaign, platform) };
}

/** Inside a brief edit's transaction: checks each waiting post again; one `post.rechecked` event per post whose checks changed (its card follows). */
export async function recheckWaitingPosts(tx: Tx, campaign: Campaign, acting: Acting): Promise<HistoryEntry[]> {
  const waiting = await waitingPostsOf(tx, campaign.id);
  if (waiting.length === 0) return [];
  const platforms = await accountPlatforms(
    tx,
    waiting.map((post) => post.socialAccountId),
  );
  const events: HistoryEntry[] = [];
  for (const post of waiting) {
    const checks = complianceChecks(post.content, campaign, platforms.get(post.socialAccountId) ?? 'other');
    if (JSON.stringify(checks) === JSON.stringify(post.checks)) continue;
    await savePost(tx, post, { ...post, checks }, acting.now);
    events.push(
      event(acting, 'post', post.id, 'post.rechecked', {
        from: post.status,
        to: post.status,
        details: { revision: post.revision, failed: failedChecks(checks).map((check) => check.rule) },
      }),
    );
  }
  return events;
}

/**
 * A team member submits a draft post for approval (revision 1, Pending approval). When the
 * account's latest post was rejected, the draft is that post's next revision instead.
 * `submissionKey` (the Slack view ID) makes a repeated submission return the post it created.
 */
export async function submitPost(prisma: Prisma, draft: DraftPost, acting: Acting, submissionKey?: string): Promise<Decision<Post & { repeated?: true }>> {
  const earlier = submissionKey ? await findSubmission(prisma, submissionKey) : undefined;
  const repeated = earlier ? await findPost(prisma, Number(earlier.entityId)) : undefined;
  if (repeated) return allow({ ...repeated, repeated: true });
  return change(prisma, async (tx) => {
    const participant = await findParticipant(tx, draft.participationId);
    if (!participant) return refuse('participant-not-found', 'That participant does not exist.');
    const campaign = (await findCampaign(tx, participant.campaignId)) as Campaign;
    const refusal = await permission(tx, 'submitPost', acting, campaign);
    if (refusal) return refusal;
    if (!participant.accountIds.includes(draft.socialAccountId)) {
      return refuse('account-not-selected', "Choose one of the influencer's accounts selected for this campaign.");
    }
    const latest = await latestPostFor(tx, participant.id, draft.socialAccountId);
    if (latest?.status === 'rejected') {
      const revised = await revise(tx, latest.id, { content: draft.content, mediaUrls: draft.mediaUrls, plannedDate: draft.plannedDate }, acting);
      if (revised.ok && submissionKey) await recordSubmission(tx, submissionKey, 'post', latest.id, acting.now);
      return revised;
    }
    const blank: Post = { id: 0, ...draft, postUrl: null, status: 'draft', revision: 1, metrics: null, submittedBy: acting.userId, version: 1, checks: null };
    const decided = decideSubmit(blank, draft, campaign, participant.stage);
    if (!decided.ok) return decided;
    const { checks } = await checked(tx, blank, campaign);
    const post = await insertPost(tx, { ...draft, submittedBy: acting.userId, status: decided.value.status, checks }, acting.now);
    if (submissionKey) await recordSubmission(tx, submissionKey, 'post', post.id, acting.now);
    await record(tx, [
      event(acting, 'post', post.id, 'post.submitted', {
        from: 'draft',
        to: post.status,
        details: { revision: post.revision, participationId: participant.id },
      }),
      ...(await followPost(tx, participant, post, acting)),
    ]);
    return allow(post);
  });
}

type PostDecider = (post: Post, campaign: Campaign, participant: Participant) => Decision<Post>;

interface PostChange {
  postId: number;
  action: Action;
  historyAction: string;
  decide: PostDecider;
  seenVersion?: number | undefined;
  reason?: string;
  /** The content may change: check it again. */
  recheck?: true;
  /** A rule that needs the database, checked before `decide`. */
  guard?: (tx: Tx, post: Post, campaign: Campaign) => Promise<Refusal | undefined>;
  /** Recorded in the history event; a function reads the post as it was before the change. */
  details?: Record<string, unknown> | ((before: Post) => Record<string, unknown>);
}

/** Inside a transaction: the post with its participant and campaign, if the actor may take `action` on the version they saw. */
async function openPost(
  tx: Tx,
  postId: number,
  action: Action,
  acting: Acting,
  seenVersion: number | undefined,
): Promise<Decision<{ post: Post; participant: Participant; campaign: Campaign }>> {
  const found = await postWithParents(tx, postId);
  if (!found) return refuse('post-not-found', 'That post does not exist.');
  const { post, participant, campaign } = found;
  const refusal = (await permission(tx, action, acting, campaign)) ?? (await ifCurrent(tx, 'post', post, seenVersion));
  return refusal ?? allow({ post, participant, campaign });
}

/** Inside a transaction: load post, participant and campaign; check permission and version; decide; save with history. */
async function changePost(
  tx: Tx,
  { postId, action, historyAction, decide, seenVersion, reason, details, recheck, guard }: PostChange,
  acting: Acting,
): Promise<Decision<Post>> {
  const opened = await openPost(tx, postId, action, acting, seenVersion);
  if (!opened.ok) return opened;
  const { post, participant, campaign } = opened.value;
  const refusal = await guard?.(tx, post, campaign);
  if (refusal) return refusal;
  const decided = decide(post, campaign, participant);
  if (!decided.ok) return decided;
  const after = await savePost(tx, post, recheck ? await checked(tx, decided.value, campaign) : decided.value, acting.now);
  await record(
    tx,
    [
      event(acting, 'post', post.id, historyAction, {
        from: post.status,
        to: after.status,
        ...(reason ? { reason } : {}),
        details: { revision: after.revision, ...(typeof details === 'function' ? details(post) : details) },
      }),
      ...(await followPost(tx, participant, after, acting)),
    ],
    [],
    campaign,
  );
  return allow(after);
}

const decidePost = (prisma: Prisma, postChange: PostChange, acting: Acting) => change(prisma, (tx) => changePost(tx, postChange, acting));

/**
 * An approver approves a waiting post; with `corrections`, the note of what to fix before it goes
 * live is kept as the event's reason. Under a quorum (N approvers, named groups) each approval is
 * recorded (`post.approval_given`) until the last one needed approves the post.
 */
export async function approvePost(prisma: Prisma, postId: number, acting: Acting, seenVersion?: number, corrections?: string): Promise<Decision<Post>> {
  // Read before the transaction opens, so that a burst of approvals holds the (embedded: only)
  // connection for their writes alone. Nothing is lost: the post is saved, and under a quorum locked,
  // only if it is still the version read here; a late approver is told who approved it.
  const opened = await openPost(prisma, postId, 'decidePost', acting, seenVersion);
  if (!opened.ok) return opened;
  const { post, participant, campaign } = opened.value;
  const decided = decideApprove(post, campaign);
  if (!decided.ok) return decided;
  return change(prisma, async (tx) => {
    // With a quorum, approvals of one revision take turns on the post's row, so each one reads those
    // before it (one approver's approval completes the quorum, once).
    if (campaign.quorum.kind !== 'any') await lockPost(tx, post);
    const approvals = campaign.quorum.kind === 'any' ? [] : await approvalsOf(tx, post.id, post.revision);
    const allowed = mayApprove(campaign.quorum, acting.userId, approvals);
    if (!allowed.ok) return allowed;
    if (campaign.quorum.kind !== 'any') await insertApproval(tx, post.id, post.revision, acting.userId, acting.now);
    const approvers = [...approvals, acting.userId];
    const progress = quorumProgress(campaign.quorum, approvers);
    const note = corrections?.trim();
    const noted = note ? { reason: note } : {};
    const correcting = note ? { corrections: true } : {};
    if (!progress.met) {
      const details = { revision: post.revision, approved: progress.approved, needed: progress.needed, ...correcting };
      await record(tx, [event(acting, 'post', post.id, 'post.approval_given', { from: post.status, to: post.status, ...noted, details })], [], campaign);
      return allow(post);
    }
    const after = await savePost(tx, post, decided.value, acting.now);
    const details = { revision: after.revision, ...correcting, ...(approvers.length > 1 ? { approvers } : {}) };
    await record(
      tx,
      [
        event(acting, 'post', post.id, 'post.approved', { from: post.status, to: after.status, ...noted, details }),
        ...(await followPost(tx, participant, after, acting)),
      ],
      [],
      campaign,
    );
    return allow(after);
  });
}

/** One click on Approve: which post, who clicked, and the version their message showed. */
export interface ApprovalClick {
  postId: number;
  acting: Acting;
  seenVersion?: number;
}

/**
 * Approvals clicked together (a burst) in one transaction: their posts read together, moved to
 * Approved in one statement, their history and deliveries written in one each. A click that does
 * not surely succeed that way (a quorum, a second click on one post, any refusal, a lost race) goes
 * through approvePost on its own afterwards, so its answer is exactly approvePost's.
 */
export async function approvePosts(prisma: Prisma, clicks: readonly ApprovalClick[]): Promise<Array<Decision<Post>>> {
  const byId = await postsWithParents(
    prisma,
    clicks.map((click) => click.postId),
  );
  const found = clicks.map((click) => byId.get(click.postId));
  const users = [...new Set(clicks.map((click) => click.acting.userId))];
  const admins = new Map(await Promise.all(users.map(async (userId) => [userId, await isAdmin(prisma, userId)] as const)));
  const seen = new Set<number>();
  const together = clicks.flatMap((click, index) => {
    const opened = found[index];
    if (!opened || seen.has(click.postId)) return [];
    seen.add(click.postId);
    const { post, campaign } = opened;
    const roles = rolesOf(click.acting.userId, campaign, admins.get(click.acting.userId) ?? false);
    const decided = decideApprove(post, campaign);
    const sure =
      !permissionRefusal('decidePost', roles) && (click.seenVersion ?? post.version) === post.version && campaign.quorum.kind === 'any' && decided.ok;
    return sure ? [{ index, click, ...opened, after: decided.value }] : [];
  });
  const results: Array<Decision<Post> | undefined> = clicks.map(() => undefined);
  try {
    if (together.length > 0)
      await prisma.$transaction(async (tx) => {
        const versions = await savePostStatuses(
          tx,
          together.map((one) => one.post),
          'approved',
        );
        const changes = [];
        for (const [n, { index, click, post, participant, campaign, after }] of together.entries()) {
          const saved = { ...after, version: versions[n] as number };
          const details = { revision: saved.revision };
          const approved = event(click.acting, 'post', post.id, 'post.approved', { from: post.status, to: saved.status, details });
          changes.push({ entries: [approved, ...(await followPost(tx, participant, saved, click.acting))], campaign });
          results[index] = allow(saved);
        }
        await recordAll(tx, changes);
      });
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    results.fill(undefined);
  }
  // One at a time, after the group: a second click on a post finds it decided.
  for (const [index, click] of clicks.entries()) results[index] ??= await approvePost(prisma, click.postId, click.acting, click.seenVersion);
  return results as Array<Decision<Post>>;
}

/** Under a quorum, who approved this revision cannot also send it back. */
async function notApprovedBefore(tx: Tx, post: Post, campaign: Campaign, userId: string): Promise<Refusal | undefined> {
  if (campaign.quorum.kind === 'any') return undefined;
  const once = decidesOnce(userId, await approvalsOf(tx, post.id, post.revision));
  return once.ok ? undefined : once;
}

export const rejectPost = (prisma: Prisma, postId: number, reason: string, acting: Acting, seenVersion?: number) =>
  decidePost(
    prisma,
    {
      postId,
      action: 'decidePost',
      historyAction: 'post.rejected',
      decide: (post, campaign) => decideReject(post, reason, campaign),
      guard: (tx, post, campaign) => notApprovedBefore(tx, post, campaign, acting.userId),
      seenVersion,
      reason: reason.trim(),
    },
    acting,
  );

/**
 * A change of an existing post from a modal, in one transaction. `submissionKey` (the Slack view ID)
 * makes a repeated submission of the same modal answer the post and change nothing.
 */
async function oncePerSubmission(
  prisma: Prisma,
  postId: number,
  acting: Acting,
  submissionKey: string | undefined,
  work: (tx: Tx) => Promise<Decision<Post>>,
): Promise<Decision<Post & { repeated?: true }>> {
  if (submissionKey && (await findSubmission(prisma, submissionKey))) {
    const post = await findPost(prisma, postId);
    if (post) return allow({ ...post, repeated: true });
  }
  return change(prisma, async (tx) => {
    const changed = await work(tx);
    if (changed.ok && submissionKey) await recordSubmission(tx, submissionKey, 'post', postId, acting.now);
    return changed;
  });
}

/** The rejection the next revision answers: who rejected the post last, when and why. */
async function lastRejection(tx: Tx, postId: number): Promise<HistoryEntry | undefined> {
  return (await historyOf(tx, 'post', String(postId))).filter((entry) => entry.action === 'post.rejected').at(-1);
}

/** Inside a transaction: the rejected post comes back as its next revision; the history names the rejection it answers. */
async function revise(tx: Tx, postId: number, revised: PostDraft, acting: Acting, seenVersion?: number): Promise<Decision<Post>> {
  const rejection = await lastRejection(tx, postId);
  const previous = rejection
    ? { previousRevision: rejection.details?.revision, rejectedBy: rejection.actor, rejectedAt: rejection.at.toISOString(), rejectionReason: rejection.reason }
    : {};
  return changePost(
    tx,
    {
      postId,
      action: 'submitPost',
      historyAction: 'post.resubmitted',
      decide: (post, campaign, participant) => {
        const decided = decideSubmit(post, revised, campaign, participant.stage);
        return decided.ok ? allow({ ...decided.value, submittedBy: acting.userId }) : decided;
      },
      seenVersion,
      recheck: true,
      // The replaced revision's content, so its successor's card can show what changed.
      details: (before) => ({ ...previous, previous: { content: before.content, mediaUrls: before.mediaUrls, plannedDate: before.plannedDate.toISOString() } }),
    },
    acting,
  );
}

/**
 * A rejected post comes back, revised (caption, media and possibly its date), as the next revision
 * of the same post. `submissionKey` (the Slack view ID) makes a repeated submission change nothing.
 */
export async function resubmitPost(
  prisma: Prisma,
  postId: number,
  revised: PostDraft,
  acting: Acting,
  seenVersion?: number,
  submissionKey?: string,
): Promise<Decision<Post & { repeated?: true }>> {
  return oncePerSubmission(prisma, postId, acting, submissionKey, (tx) => revise(tx, postId, revised, acting, seenVersion));
}

/** May this user submit the next revision of this rejected post now? Checked before the form opens (saving re-checks). */
export async function mayRevisePost(prisma: Prisma, postId: number, acting: Acting, seenVersion?: number): Promise<Decision<PostCard>> {
  const card = await postCard(prisma, postId);
  if (!card) return refuse('post-not-found', 'That post does not exist.');
  const participant = (await findParticipant(prisma, card.post.participationId)) as Participant;
  const refusal = (await permission(prisma, 'submitPost', acting, card.campaign)) ?? (await ifCurrent(prisma, 'post', card.post, seenVersion));
  if (refusal) return refusal;
  // Would resubmitting its last content be allowed now? The form then lets the user change it.
  const decided = decideSubmit(card.post, card.post, card.campaign, participant.stage);
  return decided.ok ? allow(card) : decided;
}

/** The submitter, a PIC or an admin; refused for anyone else. */
async function mayChange(tx: Tx, post: Post, campaign: Campaign, acting: Acting): Promise<Decision<true>> {
  return mayChangeWaitingPost(post, acting.userId, rolesOf(acting.userId, campaign, await isAdmin(tx, acting.userId)));
}

/** May this user edit this waiting post now? Checked before the form opens (saving re-checks). */
export async function mayEditWaitingPost(prisma: Prisma, postId: number, acting: Acting, seenVersion?: number): Promise<Decision<PostCard>> {
  const card = await postCard(prisma, postId);
  if (!card) return refuse('post-not-found', 'That post does not exist.');
  const who = await mayChange(prisma, card.post, card.campaign, acting);
  if (!who.ok) return who;
  const refusal = await ifCurrent(prisma, 'post', card.post, seenVersion);
  if (refusal) return refusal;
  const open = mayEditPost(card.post, card.campaign);
  return open.ok ? allow(card) : open;
}

/** What an edit changed, old → new, for the history. */
function changedFields(before: Post, after: Post): Record<string, { from: unknown; to: unknown }> {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const fields = {
    content: [before.content, after.content],
    mediaUrls: [before.mediaUrls, after.mediaUrls],
    plannedDate: [day(before.plannedDate), day(after.plannedDate)],
  } as const;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, [from, to]]) => JSON.stringify(from) !== JSON.stringify(to))
      .map(([field, [from, to]]) => [field, { from, to }]),
  );
}

/** The submitter or a PIC changes the caption, media or date of a post still waiting for approval. */
export async function editPost(
  prisma: Prisma,
  postId: number,
  edited: Required<PostDraft>,
  acting: Acting,
  seenVersion?: number,
  submissionKey?: string,
): Promise<Decision<Post & { repeated?: true }>> {
  return oncePerSubmission(prisma, postId, acting, submissionKey, async (tx) => {
    const post = await findPost(tx, postId);
    if (!post) return refuse('post-not-found', 'That post does not exist.');
    const participant = (await findParticipant(tx, post.participationId)) as Participant;
    const campaign = (await findCampaign(tx, participant.campaignId)) as Campaign;
    const who = await mayChange(tx, post, campaign, acting);
    if (!who.ok) return who;
    const refusal = await ifCurrent(tx, 'post', post, seenVersion);
    if (refusal) return refusal;
    const decided = editWaitingPost(post, edited, campaign);
    if (!decided.ok) return decided;
    const after = await savePost(tx, post, await checked(tx, decided.value, campaign), acting.now);
    await record(tx, [
      event(acting, 'post', post.id, 'post.edited', {
        from: post.status,
        to: after.status,
        details: { revision: after.revision, changed: changedFields(post, after) },
      }),
    ]);
    return allow(after);
  });
}

/** The submitter or a PIC takes back a post nobody has decided yet; the participant's stage follows. */
export function withdrawPost(prisma: Prisma, postId: number, acting: Acting, seenVersion?: number): Promise<Decision<Post>> {
  return change(prisma, async (tx) => {
    const post = await findPost(tx, postId);
    if (!post) return refuse('post-not-found', 'That post does not exist.');
    const campaign = (await findCampaign(tx, ((await findParticipant(tx, post.participationId)) as Participant).campaignId)) as Campaign;
    const who = await mayChange(tx, post, campaign, acting);
    if (!who.ok) return who;
    return changePost(
      tx,
      { postId, action: 'submitPost', historyAction: 'post.withdrawn', decide: (current, open) => decideWithdraw(current, open), seenVersion },
      acting,
    );
  });
}

export type PostResult = { postUrl?: string; metrics?: Partial<PostMetrics> };

/**
 * Records the live URL and numbers (what was recorded goes into the history). `submissionKey`
 * (the Slack view ID) makes a repeated submission of the same modal change nothing.
 */
export async function recordPostResult(
  prisma: Prisma,
  postId: number,
  result: PostResult,
  acting: Acting,
  seenVersion?: number,
  submissionKey?: string,
): Promise<Decision<Post & { repeated?: true }>> {
  return oncePerSubmission(prisma, postId, acting, submissionKey, (tx) =>
    changePost(
      tx,
      {
        postId,
        action: 'recordPostResult',
        historyAction: 'post.result_recorded',
        decide: (post, campaign) => decideResult(post, result, campaign),
        seenVersion,
        details: { ...result },
      },
      acting,
    ),
  );
}

const finalApproval = (postId: number, seenVersion?: number): PostChange => ({
  postId,
  action: 'finalApprovePost',
  historyAction: 'post.final_approved',
  decide: (post, campaign) => decideFinal(post, campaign),
  seenVersion,
});

export const finalApprovePost = (prisma: Prisma, postId: number, acting: Acting, seenVersion?: number) =>
  decidePost(prisma, finalApproval(postId, seenVersion), acting);

/** Final approval of several posts at once: all of them, or (when one is refused) none. */
export function finalApprovePosts(prisma: Prisma, targets: Array<{ id: number; version: number }>, acting: Acting): Promise<Decision<Post[]>> {
  return change(prisma, async (tx) => {
    const approved: Post[] = [];
    for (const { id, version } of targets) {
      const decided = await changePost(tx, finalApproval(id, version), acting);
      if (!decided.ok) return decided;
      approved.push(decided.value);
    }
    return allow(approved);
  });
}

/** A campaign's posts with the influencer each is for, oldest first. */
async function postsOfCampaign(prisma: Prisma, campaignId: number): Promise<Array<{ post: Post; influencerName: string }>> {
  const participants = await participantsOf(prisma, campaignId);
  return (
    await postsOf(
      prisma,
      participants.map((p) => p.id),
    )
  ).map((post) => ({ post, influencerName: participants.find((p) => p.id === post.participationId)!.influencerName }));
}

/** Posted posts of a completed campaign that wait for final approval, when this user may give it. */
export async function postsForFinalApproval(
  prisma: Prisma,
  campaignId: number,
  acting: Acting,
): Promise<Decision<{ campaign: Campaign; choices: Array<{ post: Post; influencerName: string }> }>> {
  const campaign = await findCampaign(prisma, campaignId);
  if (!campaign) return refuse('campaign-not-found', 'That campaign does not exist.');
  const refusal = await permission(prisma, 'finalApprovePost', acting, campaign);
  if (refusal) return refusal;
  const choices = (await postsOfCampaign(prisma, campaignId)).filter(({ post }) => post.status === 'posted');
  const first = choices[0];
  if (!first) return refuse('nothing-to-final-approve', `No posted post of ${campaignReference(campaignId)} waits for final approval.`);
  const allowed = decideFinal(first.post, campaign);
  return allowed.ok ? allow({ campaign, choices }) : allowed;
}

/** Approved and posted posts of a campaign, whose results can be recorded; refused when there are none or the campaign is archived. */
export async function postsAwaitingResults(prisma: Prisma, campaign: Campaign): Promise<Decision<Array<{ post: Post; influencerName: string }>>> {
  const ref = campaignReference(campaign.id);
  if (!writable(campaign).ok) return refuse('archived-read-only', `${ref} is archived: archived campaigns are read-only.`);
  const choices = (await postsOfCampaign(prisma, campaign.id)).filter(({ post }) => awaitsResults(post));
  return choices.length ? allow(choices) : refuse('no-approved-posts', `No post of ${ref} is approved yet: results are recorded once a post is approved.`);
}

/**
 * Links an insights screenshot (a Slack file shared in the post's approval thread) to the post.
 * Slack's retries of the event find the file already linked and change nothing.
 */
export async function linkScreenshot(
  prisma: Prisma,
  where: { channelId: string; threadTs: string },
  file: { id: string; permalink: string | null },
  acting: Acting,
): Promise<Decision<{ post: Post; linked: boolean }>> {
  const post = await postWithApprovalMessage(prisma, where.channelId, where.threadTs);
  if (!post) return refuse('not-a-post-thread', 'That thread is not a post’s approval thread.');
  return change(prisma, async (tx) => {
    const participant = (await findParticipant(tx, post.participationId)) as Participant;
    const campaign = (await findCampaign(tx, participant.campaignId)) as Campaign;
    const open = writable(campaign);
    if (!open.ok) return open;
    const linked = await insertScreenshot(tx, post.id, file, acting);
    if (linked) await record(tx, [event(acting, 'post', post.id, 'post.screenshot_linked', { details: { fileId: file.id, permalink: file.permalink } })]);
    return allow({ post, linked });
  });
}

/** A post with what its Slack message shows: the campaign and the influencer's name (and where that message is). */
export async function postContext(
  prisma: Prisma,
  postId: number,
): Promise<{ post: Post; campaign: Campaign; influencerName: string; message: ApprovalMessage | undefined } | undefined> {
  return postInCampaign(prisma, postId);
}

/** What a post's approval message shows: the post, its campaign, the influencer and the post's history; and where that message is. */
export interface PostCard {
  post: Post;
  campaign: Campaign;
  influencerName: string;
  history: HistoryEntry[];
  message: ApprovalMessage | undefined;
  /** When the approval deadline decides a waiting post, if the campaign has one. */
  decisionDue?: Date;
}

async function postCard(prisma: Prisma, postId: number): Promise<PostCard | undefined> {
  return (await postCards(prisma, [postId]))[0];
}

/** The cards of several posts (a delivery batch's): one statement for the posts, one for their histories. */
export async function postCards(prisma: Prisma, postIds: readonly number[]): Promise<Array<PostCard | undefined>> {
  const [byId, histories] = await Promise.all([postsInCampaign(prisma, postIds), historiesOf(prisma, 'post', postIds.map(String))]);
  const found = postIds.map((id) => byId.get(id));
  const timed = (one: (typeof found)[number]) =>
    one?.post.status === 'pending_approval' && one.post.reviewRequestedAt && one.campaign.timing.deadlines.decideAfter ? one : undefined;
  // Business time is the workspace's; read only when there is a decision deadline to show.
  const working = found.some(timed) ? await readWorkingTime(prisma) : undefined;
  return found.map((one) => {
    if (!one) return undefined;
    const history = histories.get(String(one.post.id)) ?? [];
    const due = working && timed(one) ? deadlineTimes(one.post.reviewRequestedAt as Date, one.campaign.timing.deadlines, working).decideAt : undefined;
    return { ...one, history, ...(due ? { decisionDue: due } : {}) };
  });
}

/** May this user decide this post now? Checked before the reject modal opens (the decision re-checks). */
export async function mayDecidePost(
  prisma: Prisma,
  postId: number,
  acting: Acting,
  seenVersion?: number,
  intent: 'approve' | 'reject' = 'reject',
): Promise<Decision<Post>> {
  const found = await postContext(prisma, postId);
  if (!found) return refuse('post-not-found', 'That post does not exist.');
  const refusal = (await permission(prisma, 'decidePost', acting, found.campaign)) ?? (await ifCurrent(prisma, 'post', found.post, seenVersion));
  if (refusal) return refusal;
  const open = decideApprove(found.post, found.campaign);
  if (!open.ok || found.campaign.quorum.kind === 'any') return open;
  const approvals = await approvalsOf(prisma, found.post.id, found.post.revision);
  const once = intent === 'approve' ? mayApprove(found.campaign.quorum, acting.userId, approvals) : decidesOnce(acting.userId, approvals);
  return once.ok ? open : once;
}

/**
 * Who can post now: collaborating participants and the accounts chosen for the campaign, with the
 * account's rejected post when its latest one was rejected (a new draft becomes its next revision).
 */
export async function postTargets(
  prisma: Prisma,
  campaignId: number,
): Promise<Array<{ participantId: number; influencerName: string; account: SocialAccount; rejected?: Post }>> {
  const participants = (await participantsOf(prisma, campaignId)).filter((p) => ['collaborating', 'content_in_review', 'posted'].includes(p.stage));
  const posts = await postsOf(
    prisma,
    participants.map((p) => p.id),
  );
  const targets = [];
  for (const participant of participants) {
    const influencer = await findInfluencer(prisma, participant.influencerId);
    for (const account of influencer?.accounts ?? []) {
      if (!participant.accountIds.includes(account.id)) continue;
      const latest = posts.filter((post) => post.participationId === participant.id && post.socialAccountId === account.id).at(-1);
      targets.push({
        participantId: participant.id,
        influencerName: participant.influencerName,
        account,
        ...(latest?.status === 'rejected' ? { rejected: latest } : {}),
      });
    }
  }
  return targets;
}
