// Posting and updating the app's messages in campaign channels, after the change is saved.
// Slack failures here are logged, never undo the change, and never block the user's answer.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { HistoryEntry } from '../domain/history.js';
import type { Prisma } from '../store/database.js';
import { campaignMessages, rememberCampaignMessages } from '../store/campaigns.js';
import { postApprovalMessage as storedPostMessage, rememberPostApprovalMessage } from '../store/posts.js';
import { decisionReply, postApprovalMessage, postEditedReply, proposalApprovalMessage } from '../views/approvals.js';
import { campaignCard } from '../views/campaign-card.js';
import { type PostCard, postCard } from '../workflow/posts.js';

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

export async function campaignCardMessage(prisma: Prisma, campaignId: number): Promise<string | undefined> {
  return (await campaignMessages(prisma, campaignId))?.cardTs ?? undefined;
}

/** A deleted draft's card stays in the channel, saying who deleted it and when. */
export async function showDeletedCard(client: WebClient, logger: Logger, campaign: Campaign, cardTs: string | undefined, deleted: { userId: string; now: Date }): Promise<void> {
  if (!cardTs) return;
  await quietly(logger, `show that campaign ${campaign.id} was deleted`, () =>
    client.chat.update({ channel: campaign.channelId, ts: cardTs, ...campaignCard(campaign, { by: deleted.userId, at: deleted.now }) }),
  );
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

/** Posts a post's approval message (a new one for each revision) and remembers where it is. */
export async function askToApprovePost(client: WebClient, prisma: Prisma, logger: Logger, postId: number): Promise<void> {
  await quietly(logger, `ask to approve post ${postId}`, async () => {
    const card = await postCard(prisma, postId);
    if (!card) return;
    const posted = await client.chat.postMessage({ channel: card.campaign.channelId, ...postApprovalMessage(card.campaign, card.influencerName, card.post, card.history) });
    if (posted.ts) await rememberPostApprovalMessage(prisma, postId, card.campaign.channelId, posted.ts);
  });
}

/** Redraws a post's approval message in place from the post and its history: decision, edit, results, final approval. */
async function redrawPostCard(client: WebClient, prisma: Prisma, postId: number): Promise<{ card: PostCard; channelId: string; ts: string } | undefined> {
  const [card, message] = await Promise.all([postCard(prisma, postId), storedPostMessage(prisma, postId)]);
  if (!card || !message) return undefined;
  await client.chat.update({ channel: message.channelId, ts: message.ts, ...postApprovalMessage(card.campaign, card.influencerName, card.post, card.history) });
  return { card, ...message };
}

export async function showPostCard(client: WebClient, prisma: Prisma, logger: Logger, postId: number): Promise<void> {
  await quietly(logger, `update the message of post ${postId}`, () => redrawPostCard(client, prisma, postId));
}

/** Shows the decision on the card and tells the submitter in its thread (after a rejection, with the button for the next revision). */
export async function showPostDecision(client: WebClient, prisma: Prisma, logger: Logger, postId: number, decision: HistoryEntry): Promise<void> {
  await quietly(logger, `show the decision on post ${postId}`, async () => {
    const shown = await redrawPostCard(client, prisma, postId);
    if (!shown) return;
    await client.chat.postMessage({ channel: shown.channelId, thread_ts: shown.ts, ...decisionReply(shown.card.post, decision) });
  });
}

/** After an edit the card says "edited", and the approvers are told in its thread. */
export async function showPostEdited(client: WebClient, prisma: Prisma, logger: Logger, postId: number, edit: HistoryEntry): Promise<void> {
  await quietly(logger, `show the edit of post ${postId}`, async () => {
    const shown = await redrawPostCard(client, prisma, postId);
    if (!shown) return;
    await client.chat.postMessage({ channel: shown.channelId, thread_ts: shown.ts, ...postEditedReply(shown.card.campaign, edit) });
  });
}
