import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { EDIT_POST, REVISE_POST, WITHDRAW_POST } from '../../views/approvals.js';
import { existingPostModal } from '../../views/post-form.js';
import { mayEditWaitingPost, mayRevisePost, withdrawPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { decides, opensForm } from './clicks.js';

/** The buttons on a post's approval message and its thread: next revision, edit, withdraw. */
export function register(app: App, context: HandlerContext): void {
  // The form opens with the post as it is now; saving re-checks that nothing changed meanwhile.
  app.action<BlockAction<ButtonAction>>(
    REVISE_POST,
    opensForm(context, mayRevisePost, async (card) =>
      existingPostModal('revise', card, card.history.filter((entry) => entry.action === 'post.rejected').at(-1)),
    ),
  );
  app.action<BlockAction<ButtonAction>>(
    EDIT_POST,
    opensForm(context, mayEditWaitingPost, async (card) => existingPostModal('edit', card)),
  );
  // Slack asked "Withdraw this draft?" before sending the click.
  app.action<BlockAction<ButtonAction>>(WITHDRAW_POST, decides(context, withdrawPost));
}
