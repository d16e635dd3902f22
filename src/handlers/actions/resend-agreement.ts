import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { RESEND_AGREEMENT, resentText } from '../../views/agreements.js';
import { digestSettings } from '../../workflow/digests.js';
import { participantInCampaign, resendAgreement } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { publishHome } from '../home.js';
import { answerRefusal, target } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  const { prisma, now, deliver } = context;

  // "Send agreement again" on a declined or expired agreement (show, App Home); the domain re-decides on the stored state.
  listeners.action<BlockAction<ButtonAction>>(RESEND_AGREEMENT, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const acting = { userId: args.body.user.id, now: now() };
    const resent = await resendAgreement(prisma, id, acting, version);
    if (!resent.ok) return answerRefusal(args, resent, prisma, acting.now);
    // App Homes first, so the clicker's own (refreshed with the change) keeps the notice below.
    await deliver();
    const found = await participantInCampaign(prisma, resent.value.id);
    if (!found) return;
    const text = resentText(resent.value, found.campaign, (await digestSettings(prisma)).timeZone);
    if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: false, text });
    else await publishHome(args.client, prisma, acting.userId, acting.now, text);
  });
}
