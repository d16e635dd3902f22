import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Refusal } from '../../domain/decision.js';
import { campaignReference } from '../../domain/brief.js';
import { APPROVE_POST, APPROVE_PROPOSAL, REJECT_POST, REJECT_PROPOSAL } from '../../views/approvals.js';
import { rejectReasonModal } from '../../views/modals.js';
import { refusalText } from '../../views/refusals.js';
import { approveProposal, mayDecideProposal } from '../../workflow/campaigns.js';
import { lastEvent } from '../../workflow/history.js';
import { approvePost, mayDecidePost, postContext } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { showCampaignCard, showPostDecision, showProposalDecision } from '../messages.js';

/** Buttons carry "<id>:<version>"; permission and state are re-read from the database. */
function target(action: ButtonAction): { id: number; version: number } {
  const [id, version] = (action.value ?? '').split(':').map(Number);
  return { id: id ?? NaN, version: version ?? NaN };
}

/** A refused click answers only the clicker, saying why or what happened instead. */
async function answerRefusal(respond: RespondFn, refusal: Refusal): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text: refusalText(refusal) });
}

export function register(app: App, { prisma, now }: HandlerContext): void {
  app.action<BlockAction<ButtonAction>>(APPROVE_POST, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const decided = await approvePost(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!decided.ok) return answerRefusal(args.respond, decided);
    const found = await postContext(prisma, id);
    const decision = await lastEvent(prisma, 'post', id, 'post.approved');
    if (found && decision) await showPostDecision(args.client, prisma, args.logger, found.campaign, found.influencerName, found.post, decision);
  });

  app.action<BlockAction<ButtonAction>>(REJECT_POST, async (args) => {
    const { id, version } = target(args.action);
    const allowed = await mayDecidePost(prisma, id, { userId: args.body.user.id, now: now() }, version);
    await args.ack();
    if (!allowed.ok) return answerRefusal(args.respond, allowed);
    const found = await postContext(prisma, id);
    const subject = `Draft post for ${found?.influencerName ?? 'an influencer'} (revision ${allowed.value.revision}):\n${allowed.value.content}`;
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: rejectReasonModal({ kind: 'post', id, version }, subject) });
  });

  app.action<BlockAction<ButtonAction>>(APPROVE_PROPOSAL, async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const decided = await approveProposal(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!decided.ok) return answerRefusal(args.respond, decided);
    const published = await lastEvent(prisma, 'campaign', id, 'campaign.proposal_published');
    const decision = await lastEvent(prisma, 'campaign', id, 'campaign.proposal_approved');
    if (published && decision) await showProposalDecision(args.client, prisma, args.logger, decided.value, published.actor, decision);
    await showCampaignCard(args.client, prisma, args.logger, decided.value);
  });

  app.action<BlockAction<ButtonAction>>(REJECT_PROPOSAL, async (args) => {
    const { id, version } = target(args.action);
    const allowed = await mayDecideProposal(prisma, id, { userId: args.body.user.id, now: now() }, version);
    await args.ack();
    if (!allowed.ok) return answerRefusal(args.respond, allowed);
    const subject = `Proposal ${campaignReference(id)} ${allowed.value.title}`;
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: rejectReasonModal({ kind: 'proposal', id, version }, subject) });
  });
}
