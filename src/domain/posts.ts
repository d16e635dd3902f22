import type { ComplianceCheck } from './compliance.js';
import { type CampaignState, READ_ONLY, writable } from './campaign.js';
import { type Decision, allow, refuse } from './decision.js';
import { type Stage, phaseOf } from './participation.js';
import type { Role } from './roles.js';

export const POST_STATUSES = ['draft', 'pending_approval', 'approved', 'rejected', 'posted', 'final_approved', 'withdrawn'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Draft',
  pending_approval: 'Pending approval',
  approved: 'Approved (ready to post)',
  rejected: 'Needs work',
  posted: 'Posted',
  final_approved: 'Final approved',
  withdrawn: 'Withdrawn',
};

/**
 * Post review. A rejected post comes back as a new revision; a waiting post may be withdrawn
 * before anyone decides it; Posted, Final approved and Withdrawn never go back.
 */
export const POST_MOVES: Record<PostStatus, readonly PostStatus[]> = {
  draft: ['pending_approval'],
  pending_approval: ['approved', 'rejected', 'withdrawn'],
  approved: ['posted'],
  rejected: ['pending_approval'],
  posted: ['final_approved'],
  final_approved: [],
  withdrawn: [],
};

export interface PostMetrics {
  impressions: number;
  reach: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  clicks: number;
  conversions: number;
  attributedRevenueMinor: number;
}

export interface PostState {
  status: PostStatus;
  revision: number;
  content: string;
  mediaUrls: string[];
  postUrl: string | null;
  metrics: PostMetrics | null;
}

export interface Post extends PostState {
  id: number;
  /** The compliance checks of the current content; null for a post saved before checks existed. */
  checks: ComplianceCheck[] | null;
  participationId: number;
  socialAccountId: number;
  plannedDate: Date;
  submittedBy: string;
  /** When the current revision was submitted for approval (its deadlines count from here); null before deadlines existed. */
  reviewRequestedAt?: Date | null;
  version: number;
}

const name = (status: PostStatus) => POST_STATUS_LABELS[status];

function refusal(from: PostStatus, to: PostStatus): Decision<never> {
  if (from === to) return refuse('same-post-status', `The post is already ${name(to).toLowerCase()}.`);
  if (from === 'approved' && to === 'rejected') return refuse('approved-not-rejected', 'An approved post cannot be rejected.');
  if (from === 'posted' || from === 'final_approved') return refuse('posted-never-back', `A ${name(from).toLowerCase()} post cannot go back.`);
  if (from === 'withdrawn') return refuse('withdrawn-stays', 'A withdrawn post stays withdrawn; submit a new draft instead.');
  if (to === 'withdrawn' && (from === 'approved' || from === 'rejected'))
    return refuse('decided-post-stays', `The post was already ${name(from).toLowerCase()}: a decided post cannot be withdrawn.`);
  return refuse('post-move-not-allowed', `A post cannot go from ${name(from)} to ${name(to)}.`);
}

function check(from: PostStatus, to: PostStatus, campaign: CampaignState): Decision<true> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  return POST_MOVES[from].includes(to) ? allow(true) : refusal(from, to);
}

/** What a submitter writes: the caption and media, and (for a post that has one) its planned date. */
export interface PostDraft {
  content: string;
  mediaUrls: string[];
  plannedDate?: Date;
}

/** A draft goes to review; a rejected post comes back as the next revision with its new content (and date). */
export function submitPost<P extends PostState>(post: P, change: PostDraft, campaign: CampaignState, participantStage: Stage): Decision<P> {
  const checked = check(post.status, 'pending_approval', campaign);
  if (!checked.ok) return checked;
  if (phaseOf(participantStage) !== 'collaboration' || participantStage === 'completed') {
    return refuse('posts-during-collaboration', 'Draft posts are submitted while the influencer is collaborating (not before, not once completed).');
  }
  if (!change.content.trim()) return refuse('post-content-required', 'A draft post needs its content.');
  const revision = post.status === 'rejected' ? post.revision + 1 : post.revision;
  return allow({ ...post, ...change, status: 'pending_approval', revision });
}

export function approvePost<P extends PostState>(post: P, campaign: CampaignState): Decision<P> {
  const checked = check(post.status, 'approved', campaign);
  return checked.ok ? allow({ ...post, status: 'approved' }) : checked;
}

/** A rejection always carries its reason; the history keeps it. */
export function rejectPost<P extends PostState>(post: P, reason: string, campaign: CampaignState): Decision<P> {
  const checked = check(post.status, 'rejected', campaign);
  if (!checked.ok) return checked;
  if (!reason.trim()) return refuse('rejection-needs-reason', 'A rejection needs a reason.');
  return allow({ ...post, status: 'rejected' });
}

/**
 * Who may edit or withdraw a post that waits for approval: whoever submitted it, or the
 * campaign's PICs (and admins).
 */
export function mayChangeWaitingPost(post: { submittedBy: string }, userId: string, roles: ReadonlySet<Role>): Decision<true> {
  if (post.submittedBy === userId || roles.has('manager')) return allow(true);
  return refuse('not-permitted', "Only whoever submitted the post or the campaign's PICs (or an admin) can edit or withdraw it.");
}

/** Only a post nobody has decided yet can be edited, and not in an archived campaign. */
export function mayEditPost(post: PostState, campaign: CampaignState): Decision<true> {
  const open = writable(campaign);
  if (!open.ok) return open;
  if (post.status === 'pending_approval') return allow(true);
  return refuse('only-waiting-posts-edited', `Only a post waiting for approval can be edited; this one is ${name(post.status).toLowerCase()}.`);
}

/** A post waiting for approval gets a new caption, media or date; it keeps waiting, as the same revision. */
export function editWaitingPost<P extends PostState & { plannedDate: Date }>(post: P, change: Required<PostDraft>, campaign: CampaignState): Decision<P> {
  const open = mayEditPost(post, campaign);
  if (!open.ok) return open;
  if (!change.content.trim()) return refuse('post-content-required', 'A draft post needs its content.');
  const same =
    change.content === post.content && change.plannedDate.getTime() === post.plannedDate.getTime() && change.mediaUrls.join('\n') === post.mediaUrls.join('\n');
  if (same) return refuse('post-unchanged', 'Nothing changed: the caption, media and date are as they were.');
  return allow({ ...post, ...change });
}

/** A post waiting for approval is taken back before anyone decides it. */
export function withdrawPost<P extends PostState>(post: P, campaign: CampaignState): Decision<P> {
  const checked = check(post.status, 'withdrawn', campaign);
  return checked.ok ? allow({ ...post, status: 'withdrawn' }) : checked;
}

/** An effective post counts in the numbers: it is live (Posted) or final-approved. */
export const EFFECTIVE_POST_STATUSES: readonly PostStatus[] = ['posted', 'final_approved'];
export const isEffective = (post: Pick<PostState, 'status'>): boolean => EFFECTIVE_POST_STATUSES.includes(post.status);
/** Approved at some point: ready to post, posted or final-approved. Results can be recorded from then on. */
export const wasApproved = (post: PostState): boolean => post.status === 'approved' || isEffective(post);
/** Results are still being collected: approved or posted, not yet final-approved. */
export const awaitsResults = (post: PostState): boolean => post.status === 'approved' || post.status === 'posted';

export const NO_METRICS: PostMetrics = {
  impressions: 0,
  reach: 0,
  likes: 0,
  comments: 0,
  shares: 0,
  saves: 0,
  clicks: 0,
  conversions: 0,
  attributedRevenueMinor: 0,
};

/**
 * Recording the live post URL or its first metrics makes an approved post effective (Posted);
 * later recordings update the numbers of a posted post. Numbers not given keep their recorded value.
 */
export function recordResult<P extends PostState>(post: P, result: { postUrl?: string; metrics?: Partial<PostMetrics> }, campaign: CampaignState): Decision<P> {
  const open = writable(campaign);
  if (!open.ok) return open;
  const numbers = result.metrics && Object.keys(result.metrics).length > 0 ? result.metrics : undefined;
  if (!result.postUrl && !numbers) return refuse('result-needs-url-or-metrics', 'Record the post URL or its metrics.');
  if (!wasApproved(post)) return refuse('results-after-approval', 'Results are recorded only for approved posts.');
  return allow({
    ...post,
    status: post.status === 'approved' ? 'posted' : post.status,
    postUrl: result.postUrl ?? post.postUrl,
    metrics: numbers ? { ...(post.metrics ?? NO_METRICS), ...numbers } : post.metrics,
  });
}

/** Final approval is irreversible and comes only after the campaign is completed. */
export function finalApprovePost<P extends PostState>(post: P, campaign: CampaignState): Decision<P> {
  const checked = check(post.status, 'final_approved', campaign);
  if (!checked.ok) return checked;
  if (campaign.status !== 'completed') {
    return refuse('final-approval-after-completion', 'Final approval comes only after the campaign is completed.');
  }
  return allow({ ...post, status: 'final_approved' });
}

/**
 * The participant's stage follows its posts: in review while a post waits, Posted once one is
 * live, back to Collaborating when a withdrawn post was the only one waiting.
 */
export function stageAfterPost(stage: Stage, postStatus: PostStatus, anotherWaits = false): Stage {
  if (postStatus === 'pending_approval' && stage === 'collaborating') return 'content_in_review';
  if (postStatus === 'withdrawn' && stage === 'content_in_review' && !anotherWaits) return 'collaborating';
  if (postStatus === 'posted' && (stage === 'collaborating' || stage === 'content_in_review')) return 'posted';
  return stage;
}
