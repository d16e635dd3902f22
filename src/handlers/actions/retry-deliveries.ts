import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { RETRY_DELIVERIES, retriedText } from '../../views/deliveries.js';
import { retryDeliveries } from '../../workflow/deliveries.js';
import type { HandlerContext } from '../context.js';
import { answerRefusal } from './clicks.js';

/** "Retry all now" under `/campaign deliveries`: the list is replaced by what happened; the outbox then delivers. */
export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(RETRY_DELIVERIES, async (args) => {
    await args.ack();
    const retried = await retryDeliveries(prisma, { userId: args.body.user.id, now: now() });
    if (!retried.ok) return answerRefusal(args, retried, prisma, now());
    if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: true, text: retriedText(retried.value) });
  });
}
