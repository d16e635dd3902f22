import { campaignReference } from '../../domain/brief.js';
import { notice } from '../../views/campaigns.js';
import { submitPostModal } from '../../views/post-form.js';
import { postTargets } from '../../workflow/posts.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

export const post: Subcommand = {
  name: 'post',
  usage: 'post <campaign>',
  summary: 'submit a draft post for approval',
  async run(input) {
    const campaign = await campaignArgument(input, this.usage);
    if (!campaign) return;
    const targets = await postTargets(input.context.prisma, campaign.id);
    if (targets.length === 0) {
      await input.respond(
        ephemeral(
          notice(`:no_entry: Nobody in ${campaignReference(campaign.id)} is collaborating yet: draft posts are submitted once collaboration has started.`),
        ),
      );
      return;
    }
    await input.client.views.open({ trigger_id: input.triggerId, view: submitPostModal(campaign, targets) });
  },
};
