import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { APPROVE_POST_WITH_CORRECTIONS, REJECT_POST } from '../../views/approvals.js';
import { rejectReasonModal } from '../../views/modals.js';
import { mayDecidePost, postContext } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

/** Needs work, or Approve with corrections: each asks for its text in a modal first. */
export function register(listeners: Listeners, context: HandlerContext): void {
  for (const [actionId, kind] of [
    [REJECT_POST, 'post'],
    [APPROVE_POST_WITH_CORRECTIONS, 'corrections'],
  ] as const) {
    const intent = kind === 'corrections' ? 'approve' : 'reject';
    listeners.action<BlockAction<ButtonAction>>(
      actionId,
      opensForm(
        context,
        (db, id, acting, version) => mayDecidePost(db, id, acting, version, intent),
        async (post, { id, version }) => {
          const found = await postContext(context.prisma, id);
          const subject = `Draft post for ${found?.influencerName ?? 'an influencer'} (revision ${post.revision}):\n${post.content}`;
          return rejectReasonModal({ kind, id, version }, subject);
        },
      ),
    );
  }
}
