import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { EDIT_POST } from '../../views/approvals.js';
import { existingPostModal } from '../../views/post-form.js';
import { mayEditWaitingPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(
    EDIT_POST,
    opensForm(context, mayEditWaitingPost, async (card) => existingPostModal('edit', card)),
  );
}
