import { notice } from '../../views/campaigns.js';
import { retriedText, stuckDeliveriesMessage } from '../../views/deliveries.js';
import { refusalText } from '../../views/refusals.js';
import { listStuckDeliveries, retryDeliveries } from '../../workflow/deliveries.js';
import { type Subcommand, ephemeral } from './subcommand.js';

/** Admins: what Slack has not shown yet (late or failed deliveries), and retrying it. */
export const deliveries: Subcommand = {
  name: 'deliveries',
  usage: 'deliveries [retry]',
  summary: 'messages and App Homes Slack has not shown yet, and trying them again (admins)',
  async run({ args, userId, respond, context }) {
    const acting = { userId, now: context.now() };
    if (args.trim().toLowerCase() === 'retry') {
      const retried = await retryDeliveries(context.prisma, acting);
      return respond(ephemeral(notice(retried.ok ? retriedText(retried.value) : refusalText(retried))));
    }
    if (args.trim())
      return respond(ephemeral(notice('Usage: `/campaign deliveries` lists what Slack has not shown yet; `/campaign deliveries retry` tries it all again.')));
    const stuck = await listStuckDeliveries(context.prisma, acting);
    return respond(ephemeral(stuck.ok ? stuckDeliveriesMessage(stuck.value) : notice(refusalText(stuck))));
  },
};
