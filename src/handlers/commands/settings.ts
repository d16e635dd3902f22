import { refuse } from '../../domain/decision.js';
import { notice } from '../../views/campaigns.js';
import { refusalText } from '../../views/refusals.js';
import { settingsModal } from '../../views/settings.js';
import { admins, describeViewer } from '../../workflow/admins.js';
import { type Subcommand, ephemeral } from './subcommand.js';

export const settings: Subcommand = {
  name: 'settings',
  usage: 'settings',
  summary: 'admins of the app (admins)',
  async run({ ack, client, triggerId, userId, context }) {
    if (!(await describeViewer(context.prisma, userId)).isAdmin) {
      await ack(ephemeral(notice(refusalText(refuse('not-permitted', 'Only an admin can manage admins.')))));
      return;
    }
    const current = await admins(context.prisma);
    await ack();
    await client.views.open({ trigger_id: triggerId, view: settingsModal(current) });
  },
};
