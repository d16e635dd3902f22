import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { REVISE_POST } from '../../views/approvals.js';
import { existingPostModal } from '../../views/post-form.js';
import { mayRevisePost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  // The form opens with the post as it is now; saving re-checks that nothing changed meanwhile.
  listeners.action<BlockAction<ButtonAction>>(
    REVISE_POST,
    opensForm(context, mayRevisePost, async (card) =>
      existingPostModal('revise', card, card.history.filter((entry) => entry.action === 'post.rejected').at(-1)),
    ),
  );
}
