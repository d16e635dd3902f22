import { editBriefModal } from '../../views/campaign-form.js';
import { notice } from '../../views/campaigns.js';
import { refusalText } from '../../views/refusals.js';
import { mayEditCampaign } from '../../workflow/campaigns.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

/** `/campaign edit <campaign>`: the brief form, prefilled; locked fields are shown with the reason. */
export const edit: Subcommand = {
  name: 'edit',
  usage: 'edit <campaign>',
  summary: "edit the campaign's brief; fields fixed by an earlier step are shown with the reason (managers)",
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const allowed = await mayEditCampaign(input.context.prisma, campaign.id, { userId: input.userId, now: input.context.now() });
    if (!allowed.ok) return input.respond(ephemeral(notice(refusalText(allowed))));
    await input.client.views.open({ trigger_id: input.triggerId, view: editBriefModal(allowed.value) });
  },
};
