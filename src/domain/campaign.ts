import { type Decision, allow, refuse } from './decision.js';
import type { Action } from './roles.js';

export const CAMPAIGN_STATUSES = [
  'draft',
  'proposal_published',
  'proposal_approved',
  'recruiting',
  'recruitment_closed',
  'collaborating',
  'completed',
  'archived',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  proposal_published: 'Proposal published',
  proposal_approved: 'Proposal approved',
  recruiting: 'Recruiting',
  recruitment_closed: 'Recruitment closed',
  collaborating: 'Collaborating',
  completed: 'Completed',
  archived: 'Archived',
};

/**
 * The campaign lifecycle. A rejected proposal goes back to Draft for revision; archiving is
 * possible from every published state (a published campaign is never deleted, only archived).
 */
export const CAMPAIGN_MOVES: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['proposal_published', 'archived'],
  proposal_published: ['proposal_approved', 'draft', 'archived'],
  proposal_approved: ['recruiting', 'archived'],
  recruiting: ['recruitment_closed', 'archived'],
  recruitment_closed: ['collaborating', 'archived'],
  collaborating: ['completed', 'archived'],
  completed: ['archived'],
  archived: [],
};

/** The permission a move to each status needs (src/domain/roles.ts says who holds it): a rejection back to Draft is the approvers'. */
export const CAMPAIGN_MOVE_PERMISSION: Record<CampaignStatus, Action> = {
  draft: 'decideProposal',
  proposal_published: 'publishProposal',
  proposal_approved: 'decideProposal',
  recruiting: 'openRecruitment',
  recruitment_closed: 'closeRecruitment',
  collaborating: 'startCollaboration',
  completed: 'completeCampaign',
  archived: 'archiveCampaign',
};

/** The step a campaign's PICs take next from each status (approvers decide a published proposal). */
export const NEXT_MANAGER_STEP: Partial<Record<CampaignStatus, CampaignStatus>> = {
  draft: 'proposal_published',
  proposal_approved: 'recruiting',
  recruiting: 'recruitment_closed',
  recruitment_closed: 'collaborating',
  collaborating: 'completed',
};

/** Stages a campaign may switch off before collaboration starts; participants then skip them. */
export interface OptionalStages {
  invited: boolean;
  applications: boolean;
  deliverables: boolean;
}

export const ALL_OPTIONAL_STAGES: OptionalStages = { invited: true, applications: true, deliverables: true };

/** What the rules need to know about a campaign. */
export interface CampaignState {
  status: CampaignStatus;
  /** Set the first time the proposal is published and never cleared: from then on no deletion. */
  publishedAt: Date | null;
  collaborationStartedAt: Date | null;
  optionalStages: OptionalStages;
  /** Days an influencer has to sign an agreement. */
  agreementWindowDays: number;
}

export const DEFAULT_AGREEMENT_WINDOW_DAYS = 3;

export const READ_ONLY = 'Archived campaigns are read-only.';

/** Archived campaigns refuse every change; anything else may change (the other rules permitting). */
export function writable(campaign: Pick<CampaignState, 'status'>): Decision<true> {
  return campaign.status === 'archived' ? refuse('archived-read-only', READ_ONLY) : allow(true);
}

/** A completed or archived campaign: its end date passing no longer makes it late. */
export function isFinished(campaign: Pick<CampaignState, 'status'>): boolean {
  return campaign.status === 'completed' || campaign.status === 'archived';
}

export function label(status: CampaignStatus): string {
  return CAMPAIGN_STATUS_LABELS[status];
}

/** May the campaign move from its status to `to`? Names the rule when it may not. */
export function moveCampaign<C extends CampaignState>(campaign: C, to: CampaignStatus, now: Date): Decision<C> {
  const from = campaign.status;
  if (from === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (to === 'collaborating' && campaign.collaborationStartedAt) {
    return refuse('collaboration-starts-once', 'Collaboration has already started; it starts only once.');
  }
  if (from === to) return refuse('same-status', `The campaign is already ${label(to)}.`);
  if (to === 'archived' && !campaign.publishedAt) {
    return refuse('draft-delete-not-archive', 'A draft that was never published is deleted, not archived.');
  }
  if (!CAMPAIGN_MOVES[from].includes(to)) {
    const next = CAMPAIGN_MOVES[from]
      .filter((status) => status !== 'archived' || campaign.publishedAt)
      .map(label)
      .join(', ');
    return refuse('campaign-move-not-allowed', `A campaign cannot go from ${label(from)} to ${label(to)}. From ${label(from)} it can go to: ${next}.`);
  }
  return allow({
    ...campaign,
    status: to,
    publishedAt: campaign.publishedAt ?? (to === 'proposal_published' ? now : null),
    collaborationStartedAt: to === 'collaborating' ? now : campaign.collaborationStartedAt,
  });
}

/** Only a draft whose proposal was never published can be deleted. */
export function mayDelete(campaign: CampaignState): Decision<true> {
  if (campaign.publishedAt) {
    return refuse('published-never-deleted', 'A campaign whose proposal was published can never be deleted; archive it instead.');
  }
  if (campaign.status !== 'draft') return refuse('only-drafts-deleted', 'Only drafts can be deleted.');
  return allow(true);
}

/** Optional stages can change until collaboration starts. */
export function configureStages<C extends CampaignState>(campaign: C, optionalStages: OptionalStages): Decision<C> {
  if (campaign.status === 'archived') return refuse('archived-read-only', READ_ONLY);
  if (campaign.collaborationStartedAt) {
    return refuse('stages-fixed', 'Optional stages cannot change after collaboration has started.');
  }
  return allow({ ...campaign, optionalStages });
}

/** The scheduler closes recruitment on its close date (a calendar day, compared in UTC). */
export function recruitmentIsDue(campaign: { status: CampaignStatus; recruitmentCloseDate: Date | null }, now: Date): boolean {
  return campaign.status === 'recruiting' && campaign.recruitmentCloseDate !== null && campaign.recruitmentCloseDate.getTime() <= now.getTime();
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Opens recruitment until an optional close date (a calendar day): today or later, so the
 * scheduler does not close it at once, and not after the campaign ends.
 */
export function openRecruitmentUntil<C extends CampaignState & { endDate: Date; recruitmentCloseDate: Date | null }>(
  campaign: C,
  closeDate: Date | null,
  now: Date,
): Decision<C> {
  const opened = moveCampaign(campaign, 'recruiting', now);
  if (!opened.ok) return opened;
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  if (closeDate && closeDate < today)
    return refuse('recruitment-close-date', 'Recruitment cannot close in the past: choose today or a later day, or leave it empty to close by hand.');
  if (closeDate && closeDate > campaign.endDate) return refuse('recruitment-close-date', 'Recruitment must close on or before the end date of the campaign.');
  return allow({ ...opened.value, recruitmentCloseDate: closeDate });
}
