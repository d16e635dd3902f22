import type { Listeners } from '../listeners.js';
import type { HandlerContext } from '../context.js';
import * as addParticipants from './add-participants.js';
import * as resendAgreement from './resend-agreement.js';
import * as campaignSettings from './campaign-settings.js';
import * as campaignStep from './campaign-step.js';
import * as createCampaign from './create-campaign.js';
import * as editDeliverables from './edit-deliverables.js';
import * as editBrief from './edit-brief.js';
import * as editCosts from './edit-costs.js';
import * as finalApprovalConfirm from './final-approval-confirm.js';
import * as finalApprovalSelect from './final-approval-select.js';
import * as finalApprovePost from './final-approve-post.js';
import * as importInfluencers from './import-influencers.js';
import * as influencerForm from './influencer-form.js';
import * as moveParticipants from './move-participants.js';
import * as openRecruitment from './open-recruitment.js';
import * as postFields from './post-fields.js';
import * as rejectReason from './reject-reason.js';
import * as reopenDecision from './reopen-decision.js';
import * as recordResults from './record-results.js';
import * as settings from './settings.js';
import * as submitPost from './submit-post.js';

/** Every modal submission, one listener per file. */
export function register(listeners: Listeners, context: HandlerContext): void {
  for (const listener of [
    createCampaign,
    editBrief,
    campaignSettings,
    campaignStep,
    openRecruitment,
    settings,
    influencerForm,
    importInfluencers,
    addParticipants,
    moveParticipants,
    reopenDecision,
    editCosts,
    resendAgreement,
    editDeliverables,
    submitPost,
    postFields,
    rejectReason,
    finalApprovePost,
    finalApprovalSelect,
    finalApprovalConfirm,
    recordResults,
  ])
    listener.register(listeners, context);
}
