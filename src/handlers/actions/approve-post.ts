import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { APPROVE_POST } from '../../views/approvals.js';
import { type ApprovalClick, approvePosts } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { decides, grouped } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  // A burst of clicks (an approver going down a channel of waiting posts, or several approvers) is
  // approved in shared statements instead of one transaction each.
  const approve = grouped((clicks: readonly ApprovalClick[]) => approvePosts(context.prisma, clicks));
  listeners.action<BlockAction<ButtonAction>>(
    APPROVE_POST,
    decides(context, (_prisma, postId, acting, seenVersion) => approve({ postId, acting, seenVersion })),
  );
}
