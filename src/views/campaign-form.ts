import type { KnownBlock, ModalView, Option } from '@slack/types';
import {
  type Campaign,
  type EditableField,
  FIELD_LABELS,
  PLATFORMS,
  PLATFORM_LABELS,
  type Platform,
  campaignReference,
  fieldText,
  lockedFields,
} from '../domain/brief.js';
import { DEFAULT_DISCLOSURES } from '../domain/compliance.js';
import { ALL_OPTIONAL_STAGES, DEFAULT_AGREEMENT_WINDOW_DAYS, type OptionalStages } from '../domain/campaign.js';
import { type InputElement, VALUE, context, input, modal, option, plain } from './blocks.js';
import { calendarDate, currencyDigits, majorUnits } from './format.js';
import { userText } from './mrkdwn.js';
import { campaignAtVersion, metadataOf } from './metadata.js';

/** Block IDs of the campaign modal; the submission handler reads and reports errors by these. */
export const CAMPAIGN_FIELDS = {
  title: 'title',
  advertiser: 'advertiser',
  dealReferences: 'deal_references',
  salesPicId: 'sales_pic',
  influencerPicId: 'influencer_pic',
  country: 'country',
  category: 'category',
  objective: 'objective',
  platforms: 'platforms',
  targetInfluencers: 'target_influencers',
  postRequirements: 'post_requirements',
  budgetMinor: 'budget',
  currency: 'currency',
  marginBasisPoints: 'margin',
  trackingUrl: 'tracking_url',
  disclosureWords: 'disclosure_words',
  requiredTags: 'required_tags',
  forbiddenWords: 'forbidden_words',
  startDate: 'start_date',
  endDate: 'end_date',
  recruitmentCloseDate: 'recruitment_close_date',
  channelId: 'channel',
  approverIds: 'approvers',
  optionalStages: 'optional_stages',
  agreementWindowDays: 'agreement_window_days',
} as const;

export const CREATE_CAMPAIGN = 'campaign_create';
export { VALUE };

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'SGD', 'IDR', 'THB', 'MYR', 'PHP', 'VND', 'KRW', 'TWD', 'HKD', 'AUD', 'INR'] as const;

export const MAX_LENGTH = { short: 150, medium: 1000, long: 3000 } as const;

const text = (maxLength: number, multiline = false) => ({ type: 'plain_text_input' as const, max_length: maxLength, multiline });

export const STAGE_OPTIONS: Option[] = [
  option('invited', 'Invited (influencers are invited before they apply)'),
  option('applications', 'Applied / Reviewing (influencers apply and are reviewed)'),
  option('deliverables', 'Deliverables (agree what to post before the agreement)'),
];

/** Joined as typed; without spaces when that is what fits the field (its input was at most that long). */
function dealReferencesText(references: string[]): string {
  const spaced = references.join(', ');
  return spaced.length <= MAX_LENGTH.short ? spaced : references.join(',');
}

/** Each field's input element, prefilled from `initial` when editing. */
function elements(initial: Campaign | undefined, creatorId: string): Record<keyof typeof CAMPAIGN_FIELDS, InputElement> {
  const textValue = (value: string | undefined) => (value ? { initial_value: value } : {});
  const day = (date: Date | null | undefined) => (date ? { initial_date: calendarDate(date) } : {});
  const chosenStages = STAGE_OPTIONS.filter((o) => (initial?.optionalStages ?? ALL_OPTIONAL_STAGES)[o.value as keyof OptionalStages]);
  const platforms = PLATFORMS.map((p) => option(p, PLATFORM_LABELS[p]));
  const chosenPlatforms = platforms.filter((o) => initial?.platforms.includes(o.value as Platform));
  const currency = initial?.currency ?? 'USD';
  return {
    title: { ...text(MAX_LENGTH.short), placeholder: plain('Spring skincare launch'), ...textValue(initial?.title) },
    advertiser: { ...text(MAX_LENGTH.short), ...textValue(initial?.advertiser) },
    dealReferences: { ...text(MAX_LENGTH.short), ...textValue(initial && dealReferencesText(initial.dealReferences)) },
    salesPicId: { type: 'users_select', initial_user: initial?.salesPicId ?? creatorId },
    influencerPicId: { type: 'users_select', ...(initial ? { initial_user: initial.influencerPicId } : {}) },
    country: { ...text(60), ...textValue(initial?.country) },
    category: { ...text(MAX_LENGTH.short), ...textValue(initial?.category) },
    objective: { ...text(MAX_LENGTH.medium, true), ...textValue(initial?.objective) },
    platforms: { type: 'multi_static_select', options: platforms, ...(chosenPlatforms.length ? { initial_options: chosenPlatforms } : {}) },
    targetInfluencers: { type: 'number_input', is_decimal_allowed: false, min_value: '1', ...textValue(initial?.targetInfluencers?.toString()) },
    postRequirements: { ...text(MAX_LENGTH.long, true), ...textValue(initial?.postRequirements) },
    budgetMinor: {
      type: 'number_input',
      is_decimal_allowed: true,
      min_value: '0',
      ...textValue(initial && majorUnits(initial.budgetMinor, currencyDigits(initial.currency))),
    },
    currency: { type: 'static_select', options: CURRENCIES.map((c) => option(c, c)), initial_option: option(currency, currency) },
    marginBasisPoints: {
      type: 'number_input',
      is_decimal_allowed: true,
      min_value: '0',
      max_value: '100',
      ...textValue(initial && String(initial.marginBasisPoints / 100)),
    },
    trackingUrl: { type: 'url_text_input', ...textValue(initial?.trackingUrl ?? undefined) },
    disclosureWords: { ...text(MAX_LENGTH.medium), placeholder: plain(DEFAULT_DISCLOSURES.join(', ')), ...textValue(initial?.disclosureWords.join(', ')) },
    requiredTags: { ...text(MAX_LENGTH.medium), placeholder: plain('#GlowPlan @glowlabs'), ...textValue(initial?.requiredTags.join(' ')) },
    forbiddenWords: { ...text(MAX_LENGTH.medium), ...textValue(initial?.forbiddenWords.join(', ')) },
    startDate: { type: 'datepicker', ...day(initial?.startDate) },
    endDate: { type: 'datepicker', ...day(initial?.endDate) },
    recruitmentCloseDate: { type: 'datepicker', ...day(initial?.recruitmentCloseDate) },
    channelId: {
      type: 'conversations_select',
      filter: { include: ['public', 'private'], exclude_bot_users: true },
      ...(initial ? { initial_conversation: initial.channelId } : { default_to_current_conversation: true }),
    },
    approverIds: { type: 'multi_users_select', ...(initial ? { initial_users: initial.approverIds.slice(0, 100) } : {}) },
    optionalStages: { type: 'checkboxes', options: STAGE_OPTIONS, ...(chosenStages.length ? { initial_options: chosenStages } : {}) },
    agreementWindowDays: {
      type: 'number_input',
      is_decimal_allowed: false,
      min_value: '1',
      initial_value: String(initial?.agreementWindowDays ?? DEFAULT_AGREEMENT_WINDOW_DAYS),
    },
  };
}

const OPTIONAL = new Set<keyof typeof CAMPAIGN_FIELDS>([
  'dealReferences',
  'targetInfluencers',
  'trackingUrl',
  'disclosureWords',
  'requiredTags',
  'forbiddenWords',
  'recruitmentCloseDate',
  'optionalStages',
]);
const HINTS: Partial<Record<keyof typeof CAMPAIGN_FIELDS, string>> = {
  trackingUrl: 'Draft posts are checked for this link, with its utm_ parameters.',
  disclosureWords: `Comma-separated; a caption needs one of them. Empty: ${DEFAULT_DISCLOSURES.join(', ')}.`,
  requiredTags: 'Hashtags and @mentions every caption must carry, separated by spaces.',
  forbiddenWords: 'Comma-separated words no caption may use (e.g. guaranteed, cure).',
  dealReferences: 'Comma-separated, e.g. DEAL-1042, PO-77',
  category: 'e.g. Beauty, Gaming, Food',
  channelId: 'The card and approval requests are posted here; invite the app to private channels.',
};

/** Every field of the brief, in form order; a locked field is a read-only line saying why. */
function briefBlocks(initial: Campaign | undefined, creatorId: string, locked: Partial<Record<EditableField, string>>): KnownBlock[] {
  const element = elements(initial, creatorId);
  return (Object.keys(CAMPAIGN_FIELDS) as Array<keyof typeof CAMPAIGN_FIELDS>).map((field): KnownBlock => {
    const reason = locked[field];
    if (initial && reason) {
      const value = field === 'channelId' ? `<#${initial.channelId}>` : userText(fieldText(initial, field), 500);
      return context(`*${FIELD_LABELS[field]}:* ${value}\n:lock: ${reason}`, CAMPAIGN_FIELDS[field]);
    }
    const hint = HINTS[field];
    return input(CAMPAIGN_FIELDS[field], FIELD_LABELS[field], element[field], { optional: OPTIONAL.has(field), ...(hint ? { hint } : {}) });
  });
}

/** The "Create campaign" modal: every field of the brief. */
export function createCampaignModal(creatorId: string): ModalView {
  return modal({ callback_id: CREATE_CAMPAIGN, title: 'Create campaign', submit: 'Create draft', blocks: briefBlocks(undefined, creatorId, {}) });
}

export const EDIT_BRIEF = 'campaign_edit_brief';

/** `/campaign edit`: every field prefilled; private_metadata carries only the ID and version seen. */
export function editBriefModal(campaign: Campaign): ModalView {
  return modal({
    callback_id: EDIT_BRIEF,
    private_metadata: metadataOf(campaignAtVersion, { campaignId: campaign.id, version: campaign.version }),
    title: `Edit ${campaignReference(campaign.id)}`,
    submit: 'Save',
    blocks: briefBlocks(campaign, campaign.createdBy, lockedFields(campaign)),
  });
}
