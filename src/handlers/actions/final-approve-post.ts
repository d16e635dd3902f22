import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { campaignReference } from '../../domain/brief.js';
import { FINAL_APPROVE_POST } from '../../views/home.js';
import { finalApproveModal } from '../../views/modals.js';
import { postContext } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { target } from './clicks.js';

/** Final approval of one post (its approval message, App Home): the modal says it cannot be undone. */
export function register(listeners: Listeners, { prisma }: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(FINAL_APPROVE_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const found = await postContext(prisma, id);
    const subject = found
      ? `Post by ${found.influencerName} in ${campaignReference(found.campaign.id)} ${found.campaign.title}:\n${found.post.content}`
      : 'This post';
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: finalApproveModal({ id, version }, subject) });
  });
}
