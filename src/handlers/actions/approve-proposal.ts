import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { APPROVE_PROPOSAL } from '../../views/approvals.js';
import { approveProposal } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { decides } from './clicks.js';

export function register(app: App, context: HandlerContext): void {
  app.action<BlockAction<ButtonAction>>(APPROVE_PROPOSAL, decides(context, approveProposal));
}
