import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { campaignReference } from '../../domain/brief.js';
import { APPROVE_PROPOSAL, REJECT_PROPOSAL } from '../../views/approvals.js';
import { rejectReasonModal } from '../../views/modals.js';
import { approveProposal, mayDecideProposal } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { decides, opensForm } from './clicks.js';

/** The buttons on a proposal's approval request: approve at once, or reject with a reason. */
export function register(app: App, context: HandlerContext): void {
  app.action<BlockAction<ButtonAction>>(APPROVE_PROPOSAL, decides(context, approveProposal));
  app.action<BlockAction<ButtonAction>>(
    REJECT_PROPOSAL,
    opensForm(context, mayDecideProposal, async (campaign, { id, version }) =>
      rejectReasonModal({ kind: 'proposal', id, version }, `Proposal ${campaignReference(id)} ${campaign.title}`),
    ),
  );
}
