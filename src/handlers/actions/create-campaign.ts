import type { BlockAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { createCampaignModal } from '../../views/campaign-form.js';
import { HOME_CREATE_CAMPAIGN } from '../../views/home.js';

/** "Create campaign" in App Home: the same form as `/campaign create`. */
export function register(listeners: Listeners): void {
  listeners.action(HOME_CREATE_CAMPAIGN, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as BlockAction).trigger_id, view: createCampaignModal(body.user.id) });
  });
}
