import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Refusal } from '../../domain/decision.js';
import { campaignReference } from '../../domain/brief.js';
import { APPROVE_POST, APPROVE_POST_WITH_CORRECTIONS, APPROVE_PROPOSAL, REJECT_POST, REJECT_PROPOSAL } from '../../views/approvals.js';
import { createCampaignModal } from '../../views/campaign-form.js';
import { FINAL_APPROVE_POST, HOME_CREATE_CAMPAIGN } from '../../views/home.js';
import { finalApproveModal, rejectReasonModal } from '../../views/modals.js';
import { refusalText } from '../../views/refusals.js';
import { approveProposal, mayDecideProposal } from '../../workflow/campaigns.js';
import { approvePost, mayDecidePost, postContext } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { buttonNumbers } from '../odd-input.js';
import * as campaignSteps from './campaign-steps.js';
import * as agreements from './agreements.js';
import * as deliverables from './deliverables.js';
import * as deliveries from './deliveries.js';
import * as directory from './directory.js';
import * as participants from './participants.js';
import * as posts from './posts.js';
import * as results from './results.js';
import * as undo from './undo.js';
import { publishHome } from '../home.js';

/** Buttons carry "<id>:<version>"; permission and state are re-read from the database. */
export function target(action: ButtonAction): { id: number; version: number } {
  const [id = NaN, version = NaN] = buttonNumbers(action.value, 2);
  return { id, version };
}

/**
 * A refused click answers only the clicker, saying why or what happened instead: ephemerally in
 * the channel, or at the top of their App Home when they clicked there (no response_url).
 */
export async function answerRefusal(
  args: { respond?: RespondFn; client: WebClient; body: BlockAction },
  refusal: Refusal,
  prisma: HandlerContext['prisma'],
  now: Date,
): Promise<void> {
  if (args.body.response_url && args.respond) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: refusalText(refusal) });
    return;
  }
  await publishHome(args.client, prisma, args.body.user.id, now, refusalText(refusal));
}

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;
  campaignSteps.register(app, context);
  agreements.register(app, context);
  deliverables.register(app, context);
  deliveries.register(app, context);
  directory.register(app, context);
  participants.register(app, context);
  posts.register(app, context);
  results.register(app, context);
  undo.register(app, context);
  app.action(HOME_CREATE_CAMPAIGN, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as BlockAction).trigger_id, view: createCampaignModal(body.user.id) });
  });

  app.action<BlockAction<ButtonAction>>(APPROVE_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const decided = await approvePost(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!decided.ok) return answerRefusal(args, decided, prisma, now());
  });

  // Needs work, or Approve with corrections: each asks for its text in a modal first.
  for (const [actionId, kind] of [
    [REJECT_POST, 'post'],
    [APPROVE_POST_WITH_CORRECTIONS, 'corrections'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await args.ack();
      const { id, version } = target(args.action);
      const allowed = await mayDecidePost(prisma, id, { userId: args.body.user.id, now: now() }, version, kind === 'corrections' ? 'approve' : 'reject');
      if (!allowed.ok) return answerRefusal(args, allowed, prisma, now());
      const found = await postContext(prisma, id);
      const subject = `Draft post for ${found?.influencerName ?? 'an influencer'} (revision ${allowed.value.revision}):\n${allowed.value.content}`;
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: rejectReasonModal({ kind, id, version }, subject) });
    });
  }

  app.action<BlockAction<ButtonAction>>(FINAL_APPROVE_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const found = await postContext(prisma, id);
    const subject = found
      ? `Post by ${found.influencerName} in ${campaignReference(found.campaign.id)} ${found.campaign.title}:\n${found.post.content}`
      : 'This post';
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: finalApproveModal({ id, version }, subject) });
  });

  app.action<BlockAction<ButtonAction>>(APPROVE_PROPOSAL, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const decided = await approveProposal(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!decided.ok) return answerRefusal(args, decided, prisma, now());
  });

  app.action<BlockAction<ButtonAction>>(REJECT_PROPOSAL, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const allowed = await mayDecideProposal(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!allowed.ok) return answerRefusal(args, allowed, prisma, now());
    const subject = `Proposal ${campaignReference(id)} ${allowed.value.title}`;
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: rejectReasonModal({ kind: 'proposal', id, version }, subject) });
  });
}
