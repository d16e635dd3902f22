import type { ModalView, Option, PlainTextOption } from '@slack/types';
import { PLATFORMS, PLATFORM_LABELS } from '../domain/brief.js';
import { VALUE, input, plain } from './blocks.js';

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

const option = (value: string, text: string): PlainTextOption => ({ text: plain(text), value });


const text = (maxLength: number, multiline = false) => ({ type: 'plain_text_input', max_length: maxLength, multiline });

export const STAGE_OPTIONS: Option[] = [
  option('invited', 'Invited (influencers are invited before they apply)'),
  option('applications', 'Applied / Reviewing (influencers apply and are reviewed)'),
  option('deliverables', 'Deliverables (agree what to post before the agreement)'),
];

/** The "Create campaign" modal: every field of the brief. */
export function createCampaignModal(creatorId: string): ModalView {
  const F = CAMPAIGN_FIELDS;
  return {
    type: 'modal',
    callback_id: CREATE_CAMPAIGN,
    title: plain('Create campaign'),
    submit: plain('Create draft'),
    close: plain('Cancel'),
    blocks: [
      input(F.title, 'Title', { ...text(MAX_LENGTH.short), placeholder: plain('Spring skincare launch') }),
      input(F.advertiser, 'Advertiser', text(MAX_LENGTH.short)),
      input(F.dealReferences, 'Deal references', text(MAX_LENGTH.short), { optional: true, hint: 'Comma-separated, e.g. DEAL-1042, PO-77' }),
      input(F.salesPicId, 'Sales PIC', { type: 'users_select', initial_user: creatorId }),
      input(F.influencerPicId, 'Influencer-management PIC', { type: 'users_select' }),
      input(F.country, 'Country', text(60)),
      input(F.category, 'Category', text(MAX_LENGTH.short), { hint: 'e.g. Beauty, Gaming, Food' }),
      input(F.objective, 'Objective', text(MAX_LENGTH.medium, true)),
      input(F.platforms, 'Social platforms', { type: 'multi_static_select', options: PLATFORMS.map((p) => option(p, PLATFORM_LABELS[p])) }),
      input(F.targetInfluencers, 'Target number of influencers', { type: 'number_input', is_decimal_allowed: false, min_value: '1' }, { optional: true }),
      input(F.postRequirements, 'Post requirements', text(MAX_LENGTH.long, true)),
      input(F.budgetMinor, 'Budget', { type: 'number_input', is_decimal_allowed: true, min_value: '0' }),
      input(F.currency, 'Currency', { type: 'static_select', options: CURRENCIES.map((c) => option(c, c)), initial_option: option('USD', 'USD') }),
      input(F.marginBasisPoints, 'Agency margin (%)', { type: 'number_input', is_decimal_allowed: true, min_value: '0', max_value: '100' }),
      input(F.trackingUrl, 'Tracking URL', { type: 'url_text_input' }, { optional: true }),
      input(F.startDate, 'Start date', { type: 'datepicker' }),
      input(F.endDate, 'End date', { type: 'datepicker' }),
      input(F.recruitmentCloseDate, 'Recruitment closes on', { type: 'datepicker' }, { optional: true }),
      input(F.channelId, 'Campaign channel', { type: 'conversations_select', default_to_current_conversation: true, filter: { include: ['public', 'private'], exclude_bot_users: true } }, { hint: 'The card and approval requests are posted here; invite the app to private channels.' }),
      input(F.approverIds, 'Approvers', { type: 'multi_users_select' }),
      input(F.optionalStages, 'Optional stages', { type: 'checkboxes', options: STAGE_OPTIONS, initial_options: STAGE_OPTIONS }, { optional: true }),
      input(F.agreementWindowDays, 'Days to sign an agreement', { type: 'number_input', is_decimal_allowed: false, min_value: '1', initial_value: '3' }),
    ],
  };
}
