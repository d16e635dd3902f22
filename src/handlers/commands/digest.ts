import { campaignDigestMessage, overviewMessage } from '../../views/digest.js';
import { activeDigests, previewDigest } from '../../workflow/digests.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

export const digest: Subcommand = {
  name: 'digest',
  usage: 'digest [<campaign>]',
  summary: "a campaign's digest now, or the managers' overview (only you see it; nothing is marked sent)",
  async run(input) {
    const now = input.context.now();
    if (!input.args.trim()) {
      await input.respond(ephemeral(overviewMessage(await activeDigests(input.context.prisma, now), [])));
      return;
    }
    const campaign = await campaignArgument(input, 'digest <campaign>');
    if (!campaign) return;
    const message = campaignDigestMessage(await previewDigest(input.context.prisma, campaign, now), { quietMessage: true });
    await input.respond(ephemeral(message ?? { text: 'Nothing needs anyone today.', blocks: [] }));
  },
};
