import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { APPROVE_POST } from '../../views/approvals.js';
import { approvePost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { decides } from './clicks.js';

export function register(app: App, context: HandlerContext): void {
  app.action<BlockAction<ButtonAction>>(APPROVE_POST, decides(context, approvePost));
}
