import { createCampaignModal } from '../../views/campaign-form.js';
import type { Subcommand } from './subcommand.js';

export const create: Subcommand = {
  name: 'create',
  usage: 'create',
  summary: 'create a campaign (opens a form)',
  async run({ client, triggerId, userId }) {
    await client.views.open({ trigger_id: triggerId, view: createCampaignModal(userId) });
  },
};
