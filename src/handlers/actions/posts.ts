import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { EDIT_POST, REVISE_POST, WITHDRAW_POST } from '../../views/approvals.js';
import { existingPostModal } from '../../views/post-form.js';
import { mayEditWaitingPost, mayRevisePost, withdrawPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { answerRefusal, target } from './index.js';

/** The buttons on a post's approval message and its thread: next revision, edit, withdraw. */
export function register(app: App, { prisma, now }: HandlerContext): void {
  // The form opens with the post as it is now; saving re-checks that nothing changed meanwhile.
  app.action<BlockAction<ButtonAction>>(REVISE_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const allowed = await mayRevisePost(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!allowed.ok) return answerRefusal(args, allowed, prisma, now());
    const rejection = allowed.value.history.filter((entry) => entry.action === 'post.rejected').at(-1);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: existingPostModal('revise', allowed.value, rejection) });
  });

  app.action<BlockAction<ButtonAction>>(EDIT_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const allowed = await mayEditWaitingPost(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!allowed.ok) return answerRefusal(args, allowed, prisma, now());
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: existingPostModal('edit', allowed.value) });
  });

  // Slack asked "Withdraw this draft?" before sending the click.
  app.action<BlockAction<ButtonAction>>(WITHDRAW_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const withdrawn = await withdrawPost(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!withdrawn.ok) return answerRefusal(args, withdrawn, prisma, now());
  });
}
