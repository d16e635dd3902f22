import type { CampaignState, OptionalStages } from './campaign.js';
import { DEFAULT_DISCLOSURES } from './compliance.js';
import { type Quorum, quorumText } from './quorum.js';
import { type Timing, timingText } from './timing.js';

export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'facebook', 'threads', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
  facebook: 'Facebook',
  threads: 'Threads',
  other: 'Other',
};

/** Everything a team fills in when it creates a campaign. */
export interface CampaignBrief {
  title: string;
  advertiser: string;
  dealReferences: string[];
  salesPicId: string;
  influencerPicId: string;
  country: string;
  category: string;
  objective: string;
  platforms: Platform[];
  targetInfluencers: number | null;
  postRequirements: string;
  /** Integer minor units of `currency`. */
  budgetMinor: number;
  /** ISO 4217 code, e.g. USD. */
  currency: string;
  /** Agency margin in basis points: 12.5 % is 1250. */
  marginBasisPoints: number;
  trackingUrl: string | null;
  /** Compliance checks on captions (src/domain/compliance.ts); an empty list of disclosure words means #ad, #sponsored, #PR. */
  disclosureWords: string[];
  requiredTags: string[];
  forbiddenWords: string[];
  startDate: Date;
  endDate: Date;
  recruitmentCloseDate: Date | null;
  channelId: string;
  approverIds: string[];
  optionalStages: OptionalStages;
  agreementWindowDays: number;
}

export interface Campaign extends CampaignBrief, CampaignState {
  id: number;
  /** Its own daily digest is not posted. */
  digestMuted: boolean;
  /** Who must approve a draft post: any one approver unless the settings say otherwise. */
  quorum: Quorum;
  /** Its reminders and approval deadlines (src/domain/timing.ts). */
  timing: Timing;
  createdBy: string;
  createdAt: Date;
  version: number;
}

/** The short reference people type: C-12. */
export function campaignReference(id: number): string {
  return `C-${id}`;
}

export function parseCampaignReference(text: string): number | undefined {
  const match = /^c-?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

export type BriefErrors = Partial<Record<keyof CampaignBrief | 'quorum' | 'timing', string>>;

/**
 * Business rules of a brief, beyond the shape of each field (which the Slack modal validates).
 * A field that is missing (unreadable in a form) is not checked, so a form can show these errors
 * together with its own.
 */
export function briefErrors(brief: Partial<CampaignBrief>): BriefErrors {
  const errors: BriefErrors = {};
  const { startDate, endDate, recruitmentCloseDate, budgetMinor, marginBasisPoints, currency, targetInfluencers, approverIds, platforms, agreementWindowDays } =
    brief;
  if (startDate && endDate && endDate < startDate) errors.endDate = 'The end date must be on or after the start date.';
  if (recruitmentCloseDate && endDate && recruitmentCloseDate > endDate) {
    errors.recruitmentCloseDate = 'Recruitment must close on or before the end date.';
  }
  if (budgetMinor !== undefined && (!Number.isSafeInteger(budgetMinor) || budgetMinor < 0)) errors.budgetMinor = 'The budget must be zero or more.';
  if (marginBasisPoints !== undefined && (marginBasisPoints < 0 || marginBasisPoints > 10_000))
    errors.marginBasisPoints = 'The margin is a rate between 0 and 100 %.';
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) errors.currency = 'Use a three-letter ISO currency code such as USD.';
  if (targetInfluencers !== undefined && targetInfluencers !== null && targetInfluencers < 1) errors.targetInfluencers = 'Target at least one influencer.';
  if (approverIds?.length === 0) errors.approverIds = 'Name at least one approver.';
  if (platforms?.length === 0) errors.platforms = 'Choose at least one platform.';
  if (agreementWindowDays !== undefined && agreementWindowDays < 1) errors.agreementWindowDays = 'Give influencers at least one day to sign.';
  return errors;
}

/** What an edit may change: the brief, and whether its digest is muted. */
export type EditableField = keyof CampaignBrief | 'digestMuted' | 'quorum' | 'timing';

/**
 * Fields that stop being editable once a step has happened, and why. The edit form shows them
 * read-only with the reason; the use case refuses them whatever door a change comes through.
 * The budget, dates and people stay editable: plans change, and each change is in the history.
 */
const LOCKS: Array<{ field: EditableField; lockedWhen: (campaign: CampaignState) => boolean; reason: string }> = [
  {
    field: 'currency',
    lockedWhen: (campaign) => campaign.publishedAt !== null,
    reason: 'Fixed once the proposal is published: every amount of the campaign (budget, costs, revenue) is in this currency and is never converted.',
  },
  {
    field: 'channelId',
    lockedWhen: (campaign) => campaign.publishedAt !== null,
    reason: "Fixed once the proposal is published: the campaign's card and approval messages live in this channel.",
  },
  {
    field: 'optionalStages',
    lockedWhen: (campaign) => campaign.collaborationStartedAt !== null,
    reason: 'Fixed once collaboration has started: participants have already skipped or passed these stages.',
  },
];

/** The fields this campaign no longer lets anyone change, each with the reason. */
export function lockedFields(campaign: CampaignState): Partial<Record<EditableField, string>> {
  return Object.fromEntries(LOCKS.filter((lock) => lock.lockedWhen(campaign)).map((lock) => [lock.field, lock.reason]));
}

/** How people name each field (form labels, history). */
export const FIELD_LABELS: Record<EditableField, string> = {
  title: 'Title',
  advertiser: 'Advertiser',
  dealReferences: 'Deal references',
  salesPicId: 'Sales PIC',
  influencerPicId: 'Influencer-management PIC',
  country: 'Country',
  category: 'Category',
  objective: 'Objective',
  platforms: 'Social platforms',
  targetInfluencers: 'Target number of influencers',
  postRequirements: 'Post requirements',
  budgetMinor: 'Budget',
  currency: 'Currency',
  marginBasisPoints: 'Agency margin (%)',
  trackingUrl: 'Tracking URL',
  disclosureWords: 'Disclosure words',
  requiredTags: 'Required hashtags and mentions',
  forbiddenWords: 'Forbidden words',
  startDate: 'Start date',
  endDate: 'End date',
  recruitmentCloseDate: 'Recruitment closes on',
  channelId: 'Campaign channel',
  approverIds: 'Approvers',
  optionalStages: 'Optional stages',
  agreementWindowDays: 'Days to sign an agreement',
  digestMuted: 'Daily digest',
  quorum: 'Post approval',
  timing: 'Reminders and deadlines',
};

const STAGE_NAMES: Record<keyof OptionalStages, string> = { invited: 'Invited', applications: 'Applied / Reviewing', deliverables: 'Deliverables' };
const day = (date: Date) => date.toISOString().slice(0, 10);
const users = (ids: string[]) => ids.map((id) => `<@${id}>`).join(', ');

/** A field's value as the history shows it ("$12,500.00", "2026-12-31", "<@U012>"): never a code. */
export function fieldText(campaign: CampaignBrief & { digestMuted: boolean; quorum: Quorum; timing: Timing }, field: EditableField): string {
  const c = campaign;
  switch (field) {
    case 'dealReferences':
      return c.dealReferences.join(', ') || 'none';
    case 'salesPicId':
    case 'influencerPicId':
      return users([c[field]]);
    case 'approverIds':
      return users(c.approverIds);
    case 'platforms':
      return c.platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
    case 'targetInfluencers':
      return c.targetInfluencers === null ? 'none' : String(c.targetInfluencers);
    case 'budgetMinor': {
      const format = new Intl.NumberFormat('en', { style: 'currency', currency: c.currency });
      return format.format(c.budgetMinor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
    }
    case 'marginBasisPoints':
      return `${c.marginBasisPoints / 100} %`;
    case 'trackingUrl':
      return c.trackingUrl ?? 'none';
    case 'disclosureWords':
      return c.disclosureWords.join(', ') || `${DEFAULT_DISCLOSURES.join(', ')} (default)`;
    case 'requiredTags':
    case 'forbiddenWords':
      return c[field].join(', ') || 'none';
    case 'startDate':
    case 'endDate':
      return day(c[field]);
    case 'recruitmentCloseDate':
      return c.recruitmentCloseDate ? day(c.recruitmentCloseDate) : 'by hand';
    case 'channelId':
      return `<#${c.channelId}>`;
    case 'optionalStages':
      return (
        (Object.keys(STAGE_NAMES) as Array<keyof OptionalStages>)
          .filter((stage) => c.optionalStages[stage])
          .map((stage) => STAGE_NAMES[stage])
          .join(', ') || 'none'
      );
    case 'agreementWindowDays':
      return `${c.agreementWindowDays} days`;
    case 'digestMuted':
      return c.digestMuted ? 'muted' : 'posted';
    case 'quorum':
      return quorumText(c.quorum);
    case 'timing':
      return timingText(c.timing);
    default:
      return c[field];
  }
}
