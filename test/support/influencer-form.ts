// The influencer form and the add-to-campaign form as Slack sends them: view.state.values per row,
// and clicks inside an open modal (block_actions from a view, with its hash).
import { VALUE } from '../../src/views/blocks.js';
import { INFLUENCER_FIELDS as F, accountBlockId } from '../../src/views/directory.js';

type Values = Record<string, Record<string, unknown>>;
const text = (value: string | null) => ({ [VALUE]: { type: 'plain_text_input', value } });
const number = (value: string | null) => ({ [VALUE]: { type: 'number_input', value } });

export interface AccountInput {
  platform: string | null;
  handle: string | null;
  followers: string | null;
  avgEngagement: string | null;
}

/** One account row's inputs; `key` is the row's key in the modal's metadata. */
export function accountValues(key: string, account: Partial<AccountInput> = {}): Values {
  const input: AccountInput = { platform: 'instagram', handle: '@chika', followers: '88000', avgEngagement: '2.5', ...account };
  return {
    [accountBlockId(key, 'platform')]: {
      [VALUE]: {
        type: 'static_select',
        selected_option: input.platform ? { text: { type: 'plain_text', text: input.platform }, value: input.platform } : null,
      },
    },
    [accountBlockId(key, 'handle')]: text(input.handle),
    [accountBlockId(key, 'followers')]: number(input.followers),
    [accountBlockId(key, 'avgEngagement')]: number(input.avgEngagement),
  };
}

export interface ProfileInput {
  name: string | null;
  country: string | null;
  niches: string | null;
  email: string | null;
}

export function profileValues(profile: Partial<ProfileInput> = {}): Values {
  const input: ProfileInput = { name: 'Chika Mori', country: 'JP', niches: 'Beauty, skincare', email: 'chika@example.com', ...profile };
  return {
    [F.name]: text(input.name),
    [F.country]: text(input.country),
    [F.niches]: text(input.niches),
    [F.email]: { [VALUE]: { type: 'email_text_input', value: input.email } },
  };
}

export interface OpenModal {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{
    type: string;
    block_id?: string;
    text?: { text: string };
    accessory?: Record<string, unknown>;
    element?: Record<string, unknown>;
    elements?: Array<Record<string, unknown>>;
  }>;
}
