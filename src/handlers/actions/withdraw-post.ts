import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { WITHDRAW_POST } from '../../views/approvals.js';
import { withdrawPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { decides } from './clicks.js';

export function register(app: App, context: HandlerContext): void {
  // Slack asked "Withdraw this draft?" before sending the click.
  app.action<BlockAction<ButtonAction>>(WITHDRAW_POST, decides(context, withdrawPost));
}
