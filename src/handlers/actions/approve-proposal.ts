import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { APPROVE_PROPOSAL } from '../../views/approvals.js';
import { approveProposal } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { decides } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(APPROVE_PROPOSAL, decides(context, approveProposal));
}
