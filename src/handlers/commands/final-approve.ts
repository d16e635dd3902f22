import { notice } from '../../views/campaigns.js';
import { finalApproveSelectModal } from '../../views/final-approval.js';
import { refusalText } from '../../views/refusals.js';
import { postsForFinalApproval } from '../../workflow/posts.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

export const finalApprove: Subcommand = {
  name: 'final-approve',
  usage: 'final-approve <campaign>',
  summary: 'give final approval to several posted posts at once, after completion (approvers)',
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const available = await postsForFinalApproval(input.context.prisma, campaign.id, { userId: input.userId, now: input.context.now() });
    if (!available.ok) {
      await input.respond(ephemeral(notice(refusalText(available))));
      return;
    }
    await input.client.views.open({ trigger_id: input.triggerId, view: finalApproveSelectModal(available.value.campaign, available.value.choices) });
  },
};
