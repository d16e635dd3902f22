import { refuse } from '../../domain/decision.js';
import { notice } from '../../views/campaigns.js';
import { refusalText } from '../../views/refusals.js';
import { campaignSettingsModal, settingsModal } from '../../views/settings.js';
import { admins, describeViewer } from '../../workflow/admins.js';
import { mayEditCampaign } from '../../workflow/campaigns.js';
import { digestSettings } from '../../workflow/digests.js';
import { type CommandInput, type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

/** `/campaign settings <campaign>`: its PICs, approvers and workflow options (managers). */
async function campaignSettings(input: CommandInput, usage: string): Promise<unknown> {
  const campaign = await campaignArgument(input, usage);
  if (!campaign) return;
  const allowed = await mayEditCampaign(input.context.prisma, campaign.id, { userId: input.userId, now: input.context.now() });
  if (!allowed.ok) return input.respond(ephemeral(notice(refusalText(allowed))));
  await input.client.views.open({ trigger_id: input.triggerId, view: campaignSettingsModal(allowed.value) });
}

export const settings: Subcommand = {
  name: 'settings',
  usage: 'settings [<campaign>]',
  summary: "the app's admins (admins), or a campaign's PICs, approvers, who must approve a post, optional stages, reminders and approval deadlines (managers)",
  async run(input) {
    if (input.args.trim()) return campaignSettings(input, 'settings <campaign>');
    const { respond, client, triggerId, userId, context } = input;
    if (!(await describeViewer(context.prisma, userId)).isAdmin) {
      await respond(ephemeral(notice(refusalText(refuse('not-permitted', 'Only an admin can manage admins.')))));
      return;
    }
    const [current, digest] = await Promise.all([admins(context.prisma), digestSettings(context.prisma)]);
    await client.views.open({ trigger_id: triggerId, view: settingsModal(current, digest) });
  },
};
