import type { CampaignState, OptionalStages } from './campaign.js';

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

export type BriefErrors = Partial<Record<keyof CampaignBrief, string>>;

/** Business rules of a brief, beyond the shape of each field (which the Slack modal validates). */
export function briefErrors(brief: CampaignBrief): BriefErrors {
  const errors: BriefErrors = {};
  if (brief.endDate < brief.startDate) errors.endDate = 'The end date must be on or after the start date.';
  if (brief.recruitmentCloseDate && brief.recruitmentCloseDate > brief.endDate) {
    errors.recruitmentCloseDate = 'Recruitment must close on or before the end date.';
  }
  if (!Number.isSafeInteger(brief.budgetMinor) || brief.budgetMinor < 0) errors.budgetMinor = 'The budget must be zero or more.';
  if (brief.marginBasisPoints < 0 || brief.marginBasisPoints > 10_000) errors.marginBasisPoints = 'The margin is a rate between 0 and 100 %.';
  if (!/^[A-Z]{3}$/.test(brief.currency)) errors.currency = 'Use a three-letter ISO currency code such as USD.';
  if (brief.targetInfluencers !== null && brief.targetInfluencers < 1) errors.targetInfluencers = 'Target at least one influencer.';
  if (brief.approverIds.length === 0) errors.approverIds = 'Name at least one approver.';
  if (brief.platforms.length === 0) errors.platforms = 'Choose at least one platform.';
  if (brief.agreementWindowDays < 1) errors.agreementWindowDays = 'Give influencers at least one day to sign.';
  return errors;
}
