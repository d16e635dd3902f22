import type { App } from '@slack/bolt';
import type { HandlerContext } from '../context.js';
import * as agreements from './agreements.js';
import * as campaignEdits from './campaign-edits.js';
import * as campaignSettings from './campaign-settings.js';
import * as campaignStep from './campaign-step.js';
import * as createCampaign from './create-campaign.js';
import * as deliverables from './deliverables.js';
import * as directory from './directory.js';
import * as finalApproval from './final-approval.js';
import * as finalApprovePost from './final-approve-post.js';
import * as participants from './participants.js';
import * as posts from './posts.js';
import * as rejectReason from './reject-reason.js';
import * as results from './results.js';
import * as settings from './settings.js';
import * as submitPost from './submit-post.js';

/** Every modal submission, one file each (or one file per modal family). */
export function register(app: App, context: HandlerContext): void {
  for (const listeners of [
    createCampaign,
    campaignEdits,
    campaignSettings,
    campaignStep,
    settings,
    agreements,
    deliverables,
    directory,
    participants,
    submitPost,
    posts,
    rejectReason,
    finalApprovePost,
    finalApproval,
    results,
  ])
    listeners.register(app, context);
}
