import type { ModalView } from '@slack/types';

export const SETTINGS = 'settings';
export const ADMINS_BLOCK = 'admins';

/** Workspace settings (admins only). Digest settings join this modal when digests exist. */
export function settingsModal(admins: string[]): ModalView {
  return {
    type: 'modal',
    callback_id: SETTINGS,
    title: { type: 'plain_text', text: 'Campaign Desk settings' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: ADMINS_BLOCK,
        label: { type: 'plain_text', text: 'Admins' },
        hint: { type: 'plain_text', text: "Admins may do everything a campaign's PICs may, in every campaign, and change these settings." },
        element: { type: 'multi_users_select', action_id: 'value', initial_users: admins.slice(0, 100) },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: "A campaign's PICs and approvers are set in its brief (`/campaign create`)." }],
      },
    ],
  };
}
