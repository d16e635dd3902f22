import type { Listeners } from '../listeners.js';
import type { HandlerContext } from '../context.js';
import * as addAccount from './add-account.js';
import * as approvePost from './approve-post.js';
import * as approveProposal from './approve-proposal.js';
import * as campaignStep from './campaign-step.js';
import * as createCampaign from './create-campaign.js';
import * as editPost from './edit-post.js';
import * as finalApprovePost from './final-approve-post.js';
import * as openDeliverables from './open-deliverables.js';
import * as openRecruitment from './open-recruitment.js';
import * as pickDeliverablesParticipant from './pick-deliverables-participant.js';
import * as pickInfluencers from './pick-influencers.js';
import * as pickMoveParticipants from './pick-move-participants.js';
import * as postReason from './post-reason.js';
import * as rejectProposal from './reject-proposal.js';
import * as removeAccount from './remove-account.js';
import * as resendAgreement from './resend-agreement.js';
import * as recordResults from './record-results.js';
import * as retryDeliveries from './retry-deliveries.js';
import * as revisePost from './revise-post.js';
import * as undo from './undo.js';
import * as withdrawPost from './withdraw-post.js';

/** Every button and select, one listener per file. */
export function register(listeners: Listeners, context: HandlerContext): void {
  for (const listener of [
    createCampaign,
    campaignStep,
    openRecruitment,
    approveProposal,
    rejectProposal,
    approvePost,
    postReason,
    finalApprovePost,
    revisePost,
    editPost,
    withdrawPost,
    resendAgreement,
    openDeliverables,
    pickDeliverablesParticipant,
    retryDeliveries,
    addAccount,
    removeAccount,
    pickInfluencers,
    pickMoveParticipants,
    recordResults,
    undo,
  ])
    listener.register(listeners, context);
}
