import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { campaignReference } from '../../domain/brief.js';
import { REJECT_PROPOSAL } from '../../views/approvals.js';
import { rejectReasonModal } from '../../views/modals.js';
import { mayDecideProposal } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(
    REJECT_PROPOSAL,
    opensForm(context, mayDecideProposal, async (campaign, { id, version }) =>
      rejectReasonModal({ kind: 'proposal', id, version }, `Proposal ${campaignReference(id)} ${campaign.title}`),
    ),
  );
}
