// view.state.values as Slack sends them for our modals, per element type
// (https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload).
import { CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import { PEOPLE } from './workflow.js';

type Values = Record<string, Record<string, unknown>>;

const text = (value: string | null) => ({ value: { type: 'plain_text_input', value } });
const number = (value: string | null) => ({ value: { type: 'number_input', value } });
const date = (selected_date: string | null) => ({ value: { type: 'datepicker', selected_date } });
const user = (selected_user: string | null) => ({ value: { type: 'users_select', selected_user } });
const users = (selected_users: string[]) => ({ value: { type: 'multi_users_select', selected_users } });
const options = (type: string, values: string[]) => ({
  value: { type, selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })) },
});

export interface CampaignFormInput {
  title: string;
  advertiser: string;
  budget: string;
  currency: string;
  margin: string;
  trackingUrl: string | null;
  startDate: string | null;
  endDate: string | null;
  recruitmentCloseDate: string | null;
  channel: string | null;
  approvers: string[];
  platforms: string[];
}

export function campaignFormValues(overrides: Partial<CampaignFormInput> = {}): Values {
  const input: CampaignFormInput = {
    title: 'Holiday gift guide',
    advertiser: 'Glow Labs',
    budget: '12500.50',
    currency: 'USD',
    margin: '15',
    trackingUrl: 'https://glow.example.com/?utm_source=slack',
    startDate: '2026-12-01',
    endDate: '2026-12-31',
    recruitmentCloseDate: '2026-11-28',
    channel: 'C0CAMPAIGN',
    approvers: [PEOPLE.approver, PEOPLE.approver2],
    platforms: ['instagram', 'tiktok'],
    ...overrides,
  };
  return {
    [F.title]: text(input.title),
    [F.advertiser]: text(input.advertiser),
    [F.dealReferences]: text('DEAL-1042, PO-77'),
    [F.salesPicId]: user(PEOPLE.salesPic),
    [F.influencerPicId]: user(PEOPLE.influencerPic),
    [F.country]: text('JP'),
    [F.category]: text('Beauty'),
    [F.objective]: text('Awareness'),
    [F.platforms]: options('multi_static_select', input.platforms),
    [F.targetInfluencers]: number('8'),
    [F.postRequirements]: text('One reel, tag @glowlabs'),
    [F.budgetMinor]: number(input.budget),
    [F.currency]: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: input.currency }, value: input.currency } } },
    [F.marginBasisPoints]: number(input.margin),
    [F.trackingUrl]: { value: { type: 'url_text_input', value: input.trackingUrl } },
    [F.startDate]: date(input.startDate),
    [F.endDate]: date(input.endDate),
    [F.recruitmentCloseDate]: date(input.recruitmentCloseDate),
    [F.channelId]: { value: { type: 'conversations_select', selected_conversation: input.channel } },
    [F.approverIds]: users(input.approvers),
    [F.optionalStages]: options('checkboxes', ['invited', 'applications', 'deliverables']),
    [F.agreementWindowDays]: number('3'),
  };
}
