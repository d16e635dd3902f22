import { finalApproveSelectModal } from '../../views/final-approval.js';
import { postsForFinalApproval } from '../../workflow/posts.js';
import { campaignForm } from './subcommand.js';

export const finalApprove = campaignForm(
  { name: 'final-approve', usage: 'final-approve <campaign>', summary: 'give final approval to several posted posts at once, after completion (approvers)' },
  postsForFinalApproval,
  ({ campaign, choices }) => finalApproveSelectModal(campaign, choices),
);
