import { type Campaign, campaignReference } from '../domain/brief.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import { writable } from '../domain/campaign.js';
import type { Participant } from '../domain/participation.js';
import {
  type Post,
  type PostMetrics,
  approvePost as decideApprove,
  awaitsResults,
  finalApprovePost as decideFinal,
  recordResult as decideResult,
  rejectPost as decideReject,
  stageAfterPost,
  submitPost as decideSubmit,
} from '../domain/posts.js';
import type { SocialAccount } from '../domain/influencer.js';
import type { Action } from '../domain/roles.js';
import { findCampaign } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { appendHistory } from '../store/history.js';
import { findInfluencer } from '../store/influencers.js';
import { findParticipant, participantsOf, saveParticipant } from '../store/participants.js';
import { findPost, insertPost, insertScreenshot, postWithApprovalMessage, postsOf, savePost } from '../store/posts.js';
import { findSubmission, recordSubmission } from '../store/submissions.js';
import type { Tx } from '../store/tx.js';
import { type Acting, change, event, ifCurrent, permission } from './change.js';

export interface DraftPost {
  participationId: number;
  socialAccountId: number;
  plannedDate: Date;
  content: string;
  mediaUrls: string[];
}

/** After a post changes, the participant's stage follows it (Content in review, Posted). */
async function followPost(tx: Tx, participant: Participant, post: Post, acting: Acting) {
  const stage = stageAfterPost(participant.stage, post.status);
  if (stage === participant.stage) return [];
  await saveParticipant(tx, participant, { ...participant, stage });
  return [event(acting, 'participant', participant.id, 'participant.moved', { from: participant.stage, to: stage, reason: `post #${post.id} ${post.status.replace('_', ' ')}`, details: { postId: post.id, postStatus: post.status } })];
}

/**
 * A team member submits a draft post for approval (revision 1, Pending approval).
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
    const blank: Post = { id: 0, ...draft, postUrl: null, status: 'draft', revision: 1, metrics: null, submittedBy: acting.userId, version: 1 };
    const decided = decideSubmit(blank, draft, campaign, participant.stage);
    if (!decided.ok) return decided;
    const post = await insertPost(tx, { ...draft, submittedBy: acting.userId, status: decided.value.status });
    if (submissionKey) await recordSubmission(tx, submissionKey, 'post', post.id, acting.now);
    await appendHistory(tx, [
      event(acting, 'post', post.id, 'post.submitted', { from: 'draft', to: post.status, details: { revision: post.revision, participationId: participant.id } }),
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
  details?: Record<string, unknown>;
}

/** Inside a transaction: load post, participant and campaign; check permission and version; decide; save with history. */
async function changePost(tx: Tx, { postId, action, historyAction, decide, seenVersion, reason, details }: PostChange, acting: Acting): Promise<Decision<Post>> {
  const post = await findPost(tx, postId);
  if (!post) return refuse('post-not-found', 'That post does not exist.');
  const participant = (await findParticipant(tx, post.participationId)) as Participant;
  const campaign = (await findCampaign(tx, participant.campaignId)) as Campaign;
  const refusal = (await permission(tx, action, acting, campaign)) ?? (await ifCurrent(tx, 'post', post, seenVersion));
  if (refusal) return refusal;
  const decided = decide(post, campaign, participant);
  if (!decided.ok) return decided;
  const after = await savePost(tx, post, decided.value, acting.now);
  await appendHistory(tx, [
    event(acting, 'post', post.id, historyAction, { from: post.status, to: after.status, ...(reason ? { reason } : {}), details: { revision: after.revision, ...details } }),
    ...(await followPost(tx, participant, after, acting)),
  ]);
  return allow(after);
}

const decidePost = (prisma: Prisma, postChange: PostChange, acting: Acting) => change(prisma, (tx) => changePost(tx, postChange, acting));

export const approvePost = (prisma: Prisma, postId: number, acting: Acting, seenVersion?: number) =>
  decidePost(prisma, { postId, action: 'decidePost', historyAction: 'post.approved', decide: (post, campaign) => decideApprove(post, campaign), seenVersion }, acting);

export const rejectPost = (prisma: Prisma, postId: number, reason: string, acting: Acting, seenVersion?: number) =>
  decidePost(prisma, { postId, action: 'decidePost', historyAction: 'post.rejected', decide: (post, campaign) => decideReject(post, reason, campaign), seenVersion, reason: reason.trim() }, acting);

/** A rejected post comes back, revised, as the next revision. */
export const resubmitPost = (prisma: Prisma, postId: number, revised: { content: string; mediaUrls: string[] }, acting: Acting, seenVersion?: number) =>
  decidePost(prisma, { postId, action: 'submitPost', historyAction: 'post.resubmitted', decide: (post, campaign, participant) => decideSubmit(post, revised, campaign, participant.stage), seenVersion }, acting);

export type PostResult = { postUrl?: string; metrics?: Partial<PostMetrics> };

/**
 * Records the live URL and numbers (what was recorded goes into the history). `submissionKey`
 * (the Slack view ID) makes a repeated submission of the same modal change nothing.
 */
export async function recordPostResult(prisma: Prisma, postId: number, result: PostResult, acting: Acting, seenVersion?: number, submissionKey?: string): Promise<Decision<Post & { repeated?: true }>> {
  if (submissionKey && (await findSubmission(prisma, submissionKey))) {
    const post = await findPost(prisma, postId);
    if (post) return allow({ ...post, repeated: true });
  }
  return change(prisma, async (tx) => {
    const recorded = await changePost(tx, { postId, action: 'recordPostResult', historyAction: 'post.result_recorded', decide: (post, campaign) => decideResult(post, result, campaign), seenVersion, details: { ...result } }, acting);
    if (recorded.ok && submissionKey) await recordSubmission(tx, submissionKey, 'post', postId, acting.now);
    return recorded;
  });
}

const finalApproval = (postId: number, seenVersion?: number): PostChange => ({ postId, action: 'finalApprovePost', historyAction: 'post.final_approved', decide: (post, campaign) => decideFinal(post, campaign), seenVersion });

export const finalApprovePost = (prisma: Prisma, postId: number, acting: Acting, seenVersion?: number) => decidePost(prisma, finalApproval(postId, seenVersion), acting);

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
  return (await postsOf(prisma, participants.map((p) => p.id))).map((post) => ({ post, influencerName: participants.find((p) => p.id === post.participationId)!.influencerName }));
}

/** Posted posts of a completed campaign that wait for final approval, when this user may give it. */
export async function postsForFinalApproval(prisma: Prisma, campaignId: number, acting: Acting): Promise<Decision<{ campaign: Campaign; choices: Array<{ post: Post; influencerName: string }> }>> {
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
export async function linkScreenshot(prisma: Prisma, where: { channelId: string; threadTs: string }, file: { id: string; permalink: string | null }, acting: Acting): Promise<Decision<{ post: Post; linked: boolean }>> {
  const post = await postWithApprovalMessage(prisma, where.channelId, where.threadTs);
  if (!post) return refuse('not-a-post-thread', 'That thread is not a post’s approval thread.');
  return change(prisma, async (tx) => {
    const participant = (await findParticipant(tx, post.participationId)) as Participant;
    const campaign = (await findCampaign(tx, participant.campaignId)) as Campaign;
    const open = writable(campaign);
    if (!open.ok) return open;
    const linked = await insertScreenshot(tx, post.id, file, acting);
    if (linked) await appendHistory(tx, [event(acting, 'post', post.id, 'post.screenshot_linked', { details: { fileId: file.id, permalink: file.permalink } })]);
    return allow({ post, linked });
  });
}

export async function getPost(prisma: Prisma, postId: number): Promise<Post | undefined> {
  return findPost(prisma, postId);
}

/** A post with what its Slack message shows: the campaign and the influencer's name. */
export async function postContext(prisma: Prisma, postId: number): Promise<{ post: Post; campaign: Campaign; influencerName: string } | undefined> {
  const post = await findPost(prisma, postId);
  if (!post) return undefined;
  const participant = (await findParticipant(prisma, post.participationId)) as Participant;
  return { post, campaign: (await findCampaign(prisma, participant.campaignId)) as Campaign, influencerName: participant.influencerName };
}

/** May this user decide this post now? Checked before the reject modal opens (the decision re-checks). */
export async function mayDecidePost(prisma: Prisma, postId: number, acting: Acting, seenVersion?: number): Promise<Decision<Post>> {
  const found = await postContext(prisma, postId);
  if (!found) return refuse('post-not-found', 'That post does not exist.');
  const refusal = (await permission(prisma, 'decidePost', acting, found.campaign)) ?? (await ifCurrent(prisma, 'post', found.post, seenVersion));
  return refusal ?? decideApprove(found.post, found.campaign);
}

/** Who can post now: collaborating participants and the accounts chosen for the campaign. */
export async function postTargets(prisma: Prisma, campaignId: number): Promise<Array<{ participantId: number; influencerName: string; account: SocialAccount }>> {
  const participants = (await participantsOf(prisma, campaignId)).filter((p) => ['collaborating', 'content_in_review', 'posted'].includes(p.stage));
  const targets = [];
  for (const participant of participants) {
    const influencer = await findInfluencer(prisma, participant.influencerId);
    for (const account of influencer?.accounts ?? []) {
      if (participant.accountIds.includes(account.id)) targets.push({ participantId: participant.id, influencerName: participant.influencerName, account });
    }
  }
  return targets;
}
