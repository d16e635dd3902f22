// The influencer form and the add-to-campaign form as Slack sends them: view.state.values per row,
// and clicks inside an open modal (block_actions from a view, with its hash).
import { VALUE } from '../../src/views/blocks.js';
import { INFLUENCER_FIELDS as F, accountBlockId } from '../../src/views/directory.js';
import type { Harness } from './harness.js';
import { APP_ID, TEAM_ID } from './slack-requests.js';

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
    [accountBlockId(key, 'platform')]: { [VALUE]: { type: 'static_select', selected_option: input.platform ? { text: { type: 'plain_text', text: input.platform }, value: input.platform } : null } },
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
  blocks: Array<{ type: string; block_id?: string; text?: { text: string }; accessory?: Record<string, unknown>; element?: Record<string, unknown>; elements?: Array<Record<string, unknown>> }>;
}

let sequence = 0;

/**
 * The user acts inside an open modal (a button, or a select that dispatches): Slack sends the
 * view with what is typed so far and its hash. Returns the view the app drew with `views.update`.
 */
export async function actInModal(
  harness: Harness,
  modal: OpenModal,
  action: Record<string, unknown> & { action_id: string; block_id: string },
  { values = {}, userId = 'U0MEMBER' }: { values?: Values; userId?: string } = {},
): Promise<OpenModal> {
  const viewId = `VMODAL${++sequence}`;
  const hash = `1700000000.modal${sequence}`;
  await harness.slack.interaction({
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: viewId },
    trigger_id: `${sequence}.modal.trigger`,
    team: { id: TEAM_ID, domain: 'test-workspace' },
    enterprise: null,
    is_enterprise_install: false,
    view: { id: viewId, team_id: TEAM_ID, type: 'modal', blocks: modal.blocks, private_metadata: modal.private_metadata, callback_id: modal.callback_id, state: { values }, hash, app_id: APP_ID, bot_id: 'B0BOT' },
    actions: [{ type: 'button', action_ts: `${Date.now() / 1000}`, ...action }],
  });
  const call = await harness.fakeSlack.waitFor('views.update', (c) => c.args.view_id === viewId);
  if (call.args.hash !== hash) throw new Error('the update must carry the hash of the view it replaces');
  return call.args.view as OpenModal;
}
