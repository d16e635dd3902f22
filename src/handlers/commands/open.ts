import { notice } from '../../views/campaigns.js';
import { openRecruitmentModal } from '../../views/open-recruitment.js';
import { refusalText } from '../../views/refusals.js';
import { mayOpenRecruitment } from '../../workflow/campaigns.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

/** `/campaign open <campaign>`: the same form as the "Open recruitment" button. */
export const open: Subcommand = {
  name: 'open',
  usage: 'open <campaign>',
  summary: 'open recruitment once the proposal is approved, with an optional close date (managers)',
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const allowed = await mayOpenRecruitment(input.context.prisma, campaign.id, { userId: input.userId, now: input.context.now() });
    if (!allowed.ok) return input.respond(ephemeral(notice(refusalText(allowed))));
    await input.client.views.open({ trigger_id: input.triggerId, view: openRecruitmentModal(allowed.value) });
  },
};
