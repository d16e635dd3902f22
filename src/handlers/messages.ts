// Posting and updating the app's messages in campaign channels, after the change is saved.
// Slack failures here are logged, never undo the change, and never block the user's answer.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { HistoryEntry } from '../domain/history.js';
import type { Post } from '../domain/posts.js';
import type { Prisma } from '../store/database.js';
import { campaignMessages, rememberCampaignMessages } from '../store/campaigns.js';
import { postApprovalMessage as storedPostMessage, rememberPostApprovalMessage } from '../store/posts.js';
import { postApprovalMessage, proposalApprovalMessage } from '../views/approvals.js';
import { campaignCard } from '../views/campaign-card.js';

async function quietly(logger: Logger, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.warn(`Could not ${what}:`, (error as { data?: { error?: string } }).data?.error ?? error);
  }
}

/** Posts the campaign card the first time, then keeps it up to date with chat.update. */
export async function showCampaignCard(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign): Promise<void> {
  await quietly(logger, `show the card of campaign ${campaign.id}`, async () => {
    const messages = await campaignMessages(prisma, campaign.id);
    const card = campaignCard(campaign);
    if (messages?.cardTs) {
      await client.chat.update({ channel: campaign.channelId, ts: messages.cardTs, ...card });
      return;
    }
    const posted = await client.chat.postMessage({ channel: campaign.channelId, ...card });
    if (posted.ts) await rememberCampaignMessages(prisma, campaign.id, { cardTs: posted.ts });
  });
}

export async function askToApproveProposal(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, publishedBy: string): Promise<void> {
  await quietly(logger, `ask to approve the proposal of campaign ${campaign.id}`, async () => {
    const posted = await client.chat.postMessage({ channel: campaign.channelId, ...proposalApprovalMessage(campaign, publishedBy) });
    if (posted.ts) await rememberCampaignMessages(prisma, campaign.id, { proposalMessageTs: posted.ts });
  });
}

/** Replaces the buttons with the decision and tells the submitter in a thread reply. */
export async function showProposalDecision(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, publishedBy: string, decision: HistoryEntry): Promise<void> {
  await quietly(logger, `show the proposal decision of campaign ${campaign.id}`, async () => {
    const ts = (await campaignMessages(prisma, campaign.id))?.proposalMessageTs;
    if (!ts) return;
    await client.chat.update({ channel: campaign.channelId, ts, ...proposalApprovalMessage(campaign, publishedBy, decision) });
    const rejected = decision.action.endsWith('rejected');
    const next = rejected ? '' : ` A PIC can now open recruitment with the button above or \`/campaign open ${campaignReference(campaign.id)}\`.`;
    await client.chat.postMessage({ channel: campaign.channelId, thread_ts: ts, text: `<@${publishedBy}> the proposal was ${rejected ? 'rejected' : 'approved'} by <@${decision.actor}>.${next}` });
  });
}

/** Shows the proposal message as the campaign is now (e.g. without "Open recruitment" once opened). */
export async function refreshProposalMessage(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, publishedBy: string, decision: HistoryEntry): Promise<void> {
  await quietly(logger, `refresh the proposal message of campaign ${campaign.id}`, async () => {
    const ts = (await campaignMessages(prisma, campaign.id))?.proposalMessageTs;
    if (ts) await client.chat.update({ channel: campaign.channelId, ts, ...proposalApprovalMessage(campaign, publishedBy, decision) });
  });
}

export async function askToApprovePost(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, influencerName: string, post: Post): Promise<void> {
  await quietly(logger, `ask to approve post ${post.id}`, async () => {
    const posted = await client.chat.postMessage({ channel: campaign.channelId, ...postApprovalMessage(campaign, influencerName, post) });
    if (posted.ts) await rememberPostApprovalMessage(prisma, post.id, campaign.channelId, posted.ts);
  });
}

export async function showPostDecision(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, influencerName: string, post: Post, decision: HistoryEntry): Promise<void> {
  await quietly(logger, `show the decision on post ${post.id}`, async () => {
    const message = await storedPostMessage(prisma, post.id);
    if (!message) return;
    await client.chat.update({ channel: message.channelId, ts: message.ts, ...postApprovalMessage(campaign, influencerName, post, decision) });
    const verb = decision.action.endsWith('rejected') ? 'rejected' : 'approved';
    await client.chat.postMessage({ channel: message.channelId, thread_ts: message.ts, text: `<@${post.submittedBy}> your draft post (revision ${post.revision}) was ${verb} by <@${decision.actor}>.` });
  });
}

/** Shows a post's recorded results on its approval message (the decision stays as it was). */
export async function showPostResults(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, influencerName: string, post: Post, decision: HistoryEntry | undefined): Promise<void> {
  await quietly(logger, `show the results of post ${post.id}`, async () => {
    const message = await storedPostMessage(prisma, post.id);
    if (!message) return;
    await client.chat.update({ channel: message.channelId, ts: message.ts, ...postApprovalMessage(campaign, influencerName, post, decision) });
  });
}
