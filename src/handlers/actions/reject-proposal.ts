import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { campaignReference } from '../../domain/brief.js';
import { REJECT_PROPOSAL } from '../../views/approvals.js';
import { rejectReasonModal } from '../../views/modals.js';
import { mayDecideProposal } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

export function register(app: App, context: HandlerContext): void {
  app.action<BlockAction<ButtonAction>>(
    REJECT_PROPOSAL,
    opensForm(context, mayDecideProposal, async (campaign, { id, version }) =>
      rejectReasonModal({ kind: 'proposal', id, version }, `Proposal ${campaignReference(id)} ${campaign.title}`),
    ),
  );
}
