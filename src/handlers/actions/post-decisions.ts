import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { campaignReference } from '../../domain/brief.js';
import { APPROVE_POST, APPROVE_POST_WITH_CORRECTIONS, REJECT_POST } from '../../views/approvals.js';
import { FINAL_APPROVE_POST } from '../../views/home.js';
import { finalApproveModal, rejectReasonModal } from '../../views/modals.js';
import { approvePost, mayDecidePost, postContext } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { decides, opensForm, target } from './clicks.js';

/** An approver's buttons on a post's approval message (and final approval, also in App Home). */
export function register(app: App, context: HandlerContext): void {
  const { prisma } = context;
  app.action<BlockAction<ButtonAction>>(APPROVE_POST, decides(context, approvePost));

  // Needs work, or Approve with corrections: each asks for its text in a modal first.
  for (const [actionId, kind] of [
    [REJECT_POST, 'post'],
    [APPROVE_POST_WITH_CORRECTIONS, 'corrections'],
  ] as const) {
    const intent = kind === 'corrections' ? 'approve' : 'reject';
    app.action<BlockAction<ButtonAction>>(
      actionId,
      opensForm(
        context,
        (db, id, acting, version) => mayDecidePost(db, id, acting, version, intent),
        async (post, { id, version }) => {
          const found = await postContext(prisma, id);
          const subject = `Draft post for ${found?.influencerName ?? 'an influencer'} (revision ${post.revision}):\n${post.content}`;
          return rejectReasonModal({ kind, id, version }, subject);
        },
      ),
    );
  }

  app.action<BlockAction<ButtonAction>>(FINAL_APPROVE_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const found = await postContext(prisma, id);
    const subject = found
      ? `Post by ${found.influencerName} in ${campaignReference(found.campaign.id)} ${found.campaign.title}:\n${found.post.content}`
      : 'This post';
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: finalApproveModal({ id, version }, subject) });
  });
}
