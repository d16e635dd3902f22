import type { KnownBlock, ModalView } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import { CAMPAIGN_FIELDS, STAGE_OPTIONS, VALUE } from './campaign-form.js';

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

export const CAMPAIGN_SETTINGS = 'campaign_settings';

/** A campaign's people and workflow options; private_metadata carries only its ID and version. */
export function campaignSettingsModal(campaign: Campaign): ModalView {
  const F = CAMPAIGN_FIELDS;
  const chosenStages = STAGE_OPTIONS.filter((option) => campaign.optionalStages[option.value as keyof Campaign['optionalStages']]);
  const input = (block_id: string, label: string, element: Record<string, unknown>) =>
    ({ type: 'input', block_id, label: { type: 'plain_text', text: label }, element: { action_id: VALUE, ...element } }) as KnownBlock;
  return {
    type: 'modal',
    callback_id: CAMPAIGN_SETTINGS,
    private_metadata: JSON.stringify({ campaignId: campaign.id, version: campaign.version }),
    title: { type: 'plain_text', text: `${campaignReference(campaign.id)} settings` },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input(F.salesPicId, 'Sales PIC', { type: 'users_select', initial_user: campaign.salesPicId }),
      input(F.influencerPicId, 'Influencer-management PIC', { type: 'users_select', initial_user: campaign.influencerPicId }),
      input(F.approverIds, 'Approvers', { type: 'multi_users_select', initial_users: campaign.approverIds.slice(0, 100) }),
      { ...input(F.optionalStages, 'Optional stages', { type: 'checkboxes', options: STAGE_OPTIONS, ...(chosenStages.length ? { initial_options: chosenStages } : {}) }), optional: true } as KnownBlock,
      input(F.agreementWindowDays, 'Days to sign an agreement', { type: 'number_input', is_decimal_allowed: false, min_value: '1', initial_value: String(campaign.agreementWindowDays) }),
    ],
  };
}
