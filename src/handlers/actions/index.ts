import type { App } from '@slack/bolt';
import type { HandlerContext } from '../context.js';
import * as agreements from './agreements.js';
import * as campaignSteps from './campaign-steps.js';
import * as createCampaign from './create-campaign.js';
import * as deliverables from './deliverables.js';
import * as deliveries from './deliveries.js';
import * as directory from './directory.js';
import * as participants from './participants.js';
import * as postDecisions from './post-decisions.js';
import * as posts from './posts.js';
import * as proposals from './proposals.js';
import * as results from './results.js';
import * as undo from './undo.js';

/** Every button and select, one file per family of buttons. */
export function register(app: App, context: HandlerContext): void {
  for (const listeners of [
    createCampaign,
    campaignSteps,
    proposals,
    postDecisions,
    posts,
    agreements,
    deliverables,
    deliveries,
    directory,
    participants,
    results,
    undo,
  ])
    listeners.register(app, context);
}
