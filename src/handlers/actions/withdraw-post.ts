import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { WITHDRAW_POST } from '../../views/approvals.js';
import { withdrawPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { decides } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  // Slack asked "Withdraw this draft?" before sending the click.
  listeners.action<BlockAction<ButtonAction>>(WITHDRAW_POST, decides(context, withdrawPost));
}
