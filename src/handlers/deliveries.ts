// The outbox worker: delivers what Slack must show after a change (cards, approval requests, thread
// replies, App Homes, reports), from the rows the change wrote in its own transaction. Each delivery
// is rendered from the database as it is when delivered, retried with backoff until Slack confirms,
// and the person who acted is told when it is late or has failed.
import type { Logger } from '@slack/bolt';
import { ErrorCode, type WebClient } from '@slack/web-api';
import DataLoader from 'dataloader';
import { type Campaign, campaignReference } from '../domain/brief.js';
import { type Delivery, type DeliveryKind, isReply, retryDelaySeconds } from '../domain/deliveries.js';
import { SYSTEM_ACTOR } from '../domain/history.js';
import { DEADLINE_ACTOR } from '../domain/reminders.js';
import { reminderMessage } from '../views/reminders.js';
import { reminderToShow } from '../workflow/reminders.js';
import type { Prisma } from '../workflow/database.js';
import { getCampaign } from '../workflow/campaigns.js';
import {
  type ClaimedDelivery,
  type DeliveryLane,
  type Posted,
  attemptFailed,
  claimDue,
  deliveriesWrittenHere,
  delivered,
  deliveredAll,
  historyEvent,
  campaignMessages,
  findParticipant,
  deliveryPending,
  postponed,
} from '../workflow/outbox.js';
import { reopenAnnouncement } from '../views/transitions.js';
import { decisionReply, postApprovalMessage, postEditedReply, proposalApprovalMessage } from '../views/approvals.js';
import { campaignCard } from '../views/campaign-card.js';
import { completionIntro } from '../views/report.js';
import { lastEvent } from '../workflow/history.js';
import { type PostCard, postCards, postContext } from '../workflow/posts.js';
import { reportOf } from '../workflow/report.js';
import { AnswerLost, slackErrorCode } from '../slack-client.js';
import { publishHome } from './home.js';
import { postReport, reportFiles } from './report.js';

export interface DeliveryDeps {
  prisma: Prisma;
  client: WebClient;
  logger: Logger;
  /** The app's clock, for what messages say ("approved today"); retries run on real time. */
  now: () => Date;
}

/** What a delivery did: done (delivered, or nothing left to show), or wait for something it needs. */
type Outcome = { done: true; posted?: Posted } | { done: false; why: string };

const DONE: Outcome = { done: true };

/** A reply waits for its message this long before it fails (the message's own delivery may be retrying). */
const PARENT_WAIT_MS = 30 * 60_000;

/** Where a delivery shows, for the notice to the person who acted. */
const WHAT: Record<DeliveryKind, string> = {
  campaign_card: 'campaign card',
  deleted_card: 'campaign card',
  proposal_request: 'approval request',
  proposal_reply: 'reply in the approval request thread',
  post_request: 'post approval message',
  post_reply: 'reply in the post thread',
  home: 'App Home',
  report_dm: 'report sent by direct message',
  announcement: 'announcement in the campaign channel',
  reminder: 'reminder sent by direct message',
};

/**
 * What one claimed batch shares: the cards of its posts are read together, each once for its message
 * and its thread's reply, and the deliveries that posted nothing new are marked delivered together.
 */
class Batch {
  private readonly cards: DataLoader<number, PostCard | undefined>;
  readonly done: bigint[] = [];

  constructor(private readonly prisma: Prisma) {
    this.cards = new DataLoader((postIds) => postCards(prisma, postIds));
  }

  card(postId: number): Promise<PostCard | undefined> {
    return this.cards.load(postId);
  }

  /** The post's message was just posted: what is shown next reads its card again. */
  forgetCard(postId: number): void {
    this.cards.clear(postId);
  }

  async markDone(): Promise<void> {
    await deliveredAll(this.prisma, this.done.splice(0));
  }
}

/** A late or failed delivery, told to the person whose change it shows. */
interface Notice {
  actor: string;
  what: string;
  channelId?: string;
  error: string;
  retrying: boolean;
}

/**
 * One queue of the outbox, delivered by a single-flight loop. Cards, requests and replies go in one
 * lane and App Homes in another, so a card's update never waits behind App Home rebuilds.
 */
class Lane {
  running: Promise<void> | undefined;
  again = false;

  constructor(
    readonly name: DeliveryLane,
    /** How many it claims (and delivers at once). */
    readonly limit: number,
    /** A lane whose run goes first. */
    readonly yieldsTo?: Lane,
  ) {}
}

export class DeliveryWorker {
  // Cards and replies first, as many as a group of approvals holds (50, `grouped`): claims of 20
  // took three rounds of claim, read and send for one group's cards. A burst's App Homes collapse
  // into one per person (claimDeliveries supersedes older ones), so a few at a time is enough.
  private readonly messages = new Lane('messages', 50);
  private readonly lanes = [this.messages, new Lane('homes', 3, this.messages)];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: DeliveryDeps) {}

  /**
   * Delivers everything due, now; resolves once nothing due is left (including what was written
   * while it ran). Single-flight per lane: a call while a run is going makes that run look again. Never throws.
   */
  async deliver(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => this.deliverLane(lane)));
  }

  private deliverLane(lane: Lane): Promise<void> {
    if (this.stopped) return Promise.resolve();
    lane.again = true;
    lane.running ??= this.run(lane).finally(() => {
      lane.running = undefined;
    });
    return lane.running;
  }

  /**
   * Runs a request, then delivers what it wrote. Written deliveries are counted when enqueued, before
   * their transaction commits, so the count is compared around the whole request: a run that looked
   * while the request's transaction was open may have missed them. Costs no query when nothing was written.
   */
  async after(request: () => Promise<void>): Promise<void> {
    const before = deliveriesWrittenHere();
    try {
      await request();
    } finally {
      await (deliveriesWrittenHere() === before ? Promise.all(this.lanes.map((lane) => lane.running)) : this.deliver());
    }
  }

  /** Looks for due deliveries every `everyMs` (retries, and what other instances left behind). */
  start(everyMs = 2000): void {
    const poll = () => {
      this.timer = setTimeout(() => void this.deliver().finally(() => !this.stopped && poll()), everyMs);
      this.timer.unref();
    };
    poll();
  }

  /** Stops polling; runs in progress finish what is due (the app takes no more requests by then). What is left stays in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all(this.lanes.map((lane) => lane.running));
  }

  /** Lets `other` finish its run first (the database and this thread are shared), but never waits more than a second. */
  private async pause(other: Lane): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const second = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 1000);
    });
    await Promise.race([other.running, second]);
    clearTimeout(timer);
  }

  private async run(lane: Lane): Promise<void> {
    try {
      while (lane.again) {
        lane.again = false;
        for (;;) {
          if (lane.yieldsTo) await this.pause(lane.yieldsTo);
          const claimed = await claimDue(this.deps.prisma, lane.name, lane.limit);
          if (claimed.length === 0) break;
          // Claimed rows have distinct keys, so they cannot overtake each other. Messages go before the
          // replies in their threads, so a reply claimed with its message finds it posted.
          const [messages, replies] = [claimed.filter((one) => !isReply(one.delivery.kind)), claimed.filter((one) => isReply(one.delivery.kind))];
          const batch = new Batch(this.deps.prisma);
          const notices = await Promise.all(messages.map((one) => this.attempt(one, batch)));
          await batch.markDone();
          notices.push(...(await Promise.all(replies.map((one) => this.attempt(one, batch)))));
          await batch.markDone();
          await this.tellActors(notices.filter((notice) => notice !== undefined));
        }
      }
    } catch (error) {
      this.deps.logger.error('The outbox could not be read:', error);
    }
  }

  /** One try; what to tell the person who acted when it failed. */
  private async attempt(claimed: ClaimedDelivery, batch: Batch): Promise<Notice | undefined> {
    const { prisma, logger } = this.deps;
    try {
      const outcome = await this.show(claimed.delivery, claimed, batch);
      if (outcome.done && outcome.posted) {
        await delivered(prisma, claimed.id, outcome.posted);
        if ('postId' in outcome.posted) batch.forgetCard(outcome.posted.postId);
      } else if (outcome.done) batch.done.push(claimed.id);
      else if (Date.now() - claimed.createdAt.getTime() > PARENT_WAIT_MS) {
        return await this.failed(claimed, outcome.why, undefined);
      } else {
        await postponed(prisma, claimed.id, new Date(Date.now() + 2000), outcome.why);
      }
    } catch (error) {
      const { code, retryAfter } = slackError(error);
      if (code === 'unexpected') logger.error(`Delivery ${claimed.id} (${claimed.delivery.kind}) failed:`, error);
      const delay = retryDelaySeconds(claimed.attempts, code, retryAfter);
      return this.failed(claimed, code, delay === undefined ? undefined : new Date(Date.now() + delay * 1000)).catch((e: unknown) => {
        logger.error(`Delivery ${claimed.id} could not be marked failed:`, e);
        return undefined;
      });
    }
    return undefined;
  }

  private async failed(claimed: ClaimedDelivery, error: string, retryAt: Date | undefined): Promise<Notice | undefined> {
    await attemptFailed(this.deps.prisma, claimed.id, error, retryAt);
    this.deps.logger.warn(
      `Delivery ${claimed.id} (${claimed.delivery.kind}, try ${claimed.attempts}) failed: ${error}; ${retryAt ? `again at ${retryAt.toISOString()}` : 'given up'}`,
    );
    // Told once when it is first late, and once when it is given up; App Homes are not worth a notice.
    if (claimed.delivery.kind === 'home' || claimed.actor === SYSTEM_ACTOR || claimed.actor === DEADLINE_ACTOR) return undefined;
    if (retryAt && claimed.attempts > 1) return undefined;
    const channelId = await this.channelOf(claimed.delivery).catch(() => undefined);
    return {
      actor: claimed.actor,
      what: WHAT[claimed.delivery.kind],
      ...(channelId && claimed.delivery.kind !== 'report_dm' ? { channelId } : {}),
      error,
      retrying: Boolean(retryAt),
    };
  }

  /** One message per person and outcome however many of their deliveries failed together: ephemeral in the channel, else by DM. */
  private async tellActors(notices: Notice[]): Promise<void> {
    const { client, logger } = this.deps;
    const grouped = new Map<string, Notice[]>();
    for (const notice of notices) {
      const key = `${notice.actor} ${notice.retrying} ${notice.channelId ?? ''}`;
      grouped.set(key, [...(grouped.get(key) ?? []), notice]);
    }
    for (const group of grouped.values()) {
      const { actor, channelId, error, retrying } = group[0]!;
      const whats = [...new Set(group.map((notice) => `the ${notice.what}`))];
      const where = `${whats.length > 1 ? `${whats.slice(0, -1).join(', ')} and ${whats.at(-1)}` : whats[0]}${channelId ? ` in <#${channelId}>` : ''}`;
      const text = retrying
        ? `:hourglass: Saved, but ${where} could not be updated yet (Slack answered \`${error}\`); retrying.`
        : `:warning: Saved, but ${where} could not be updated (Slack answered \`${error}\`). An admin can retry with \`/campaign deliveries\`.`;
      try {
        if (
          channelId &&
          (await client.chat.postEphemeral({ channel: channelId, user: actor, text }).then(
            () => true,
            () => false,
          ))
        )
          continue;
        const opened = await client.conversations.open({ users: actor });
        await client.chat.postMessage({ channel: opened.channel?.id as string, text });
      } catch (notice) {
        logger.warn(`Could not tell ${actor} that a delivery failed:`, slackError(notice).code);
      }
    }
  }

  private async channelOf(delivery: Delivery): Promise<string | undefined> {
    switch (delivery.kind) {
      case 'deleted_card':
        return delivery.channelId;
      case 'campaign_card':
      case 'proposal_request':
      case 'proposal_reply':
      case 'report_dm':
      case 'announcement':
        return (await getCampaign(this.deps.prisma, delivery.campaignId))?.channelId;
      case 'post_request':
      case 'post_reply':
        return (await postContext(this.deps.prisma, delivery.postId))?.campaign.channelId;
      case 'home':
      case 'reminder':
        return undefined;
    }
  }

  /** Shows one delivery in Slack, from the database as it is now. */
  private async show(delivery: Delivery, claimed: ClaimedDelivery, batch: Batch): Promise<Outcome> {
    const { prisma, client, now } = this.deps;
    switch (delivery.kind) {
      case 'campaign_card': {
        const campaign = await getCampaign(prisma, delivery.campaignId);
        if (!campaign) return DONE;
        const card = campaignCard(campaign);
        const ts = (await campaignMessages(prisma, campaign.id))?.cardTs;
        if (ts) {
          await client.chat.update({ channel: campaign.channelId, ts, ...card });
          return DONE;
        }
        const posted = await client.chat.postMessage({ channel: campaign.channelId, ...card });
        return { done: true, posted: { campaignId: campaign.id, messages: { cardTs: posted.ts as string } } };
      }
      case 'deleted_card': {
        const campaign = reviveCampaign(delivery.campaign);
        await client.chat.update({ channel: delivery.channelId, ts: delivery.ts, ...campaignCard(campaign, { by: delivery.by, at: new Date(delivery.at) }) });
        return DONE;
      }
      case 'proposal_request': {
        const campaign = await getCampaign(prisma, delivery.campaignId);
        const published = campaign && (await lastEvent(prisma, 'campaign', campaign.id, 'campaign.proposal_published'));
        if (!campaign || !published) return DONE;
        const message = proposalApprovalMessage(campaign, published.actor, await proposalDecision(prisma, campaign, published.at));
        const ts = (await campaignMessages(prisma, campaign.id))?.proposalMessageTs;
        if (ts) {
          await client.chat.update({ channel: campaign.channelId, ts, ...message });
          return DONE;
        }
        // Posted while the proposal waits; after a decision there is nothing left to ask.
        if (campaign.status !== 'proposal_published') return DONE;
        const posted = await client.chat.postMessage({ channel: campaign.channelId, ...message });
        return { done: true, posted: { campaignId: campaign.id, messages: { proposalMessageTs: posted.ts as string } } };
      }
      case 'proposal_reply': {
        const [campaign, decision] = await Promise.all([getCampaign(prisma, delivery.campaignId), historyEvent(prisma, delivery.eventId)]);
        const published = campaign && (await lastEvent(prisma, 'campaign', campaign.id, 'campaign.proposal_published'));
        if (!campaign || !decision || !published) return DONE;
        const ts = (await campaignMessages(prisma, campaign.id))?.proposalMessageTs;
        // Waits while the request is on its way; a request never posted (decided before it was) has no thread.
        if (!ts) return (await deliveryPending(prisma, `proposal_request:${campaign.id}`)) ? { done: false, why: 'waiting for the approval request' } : DONE;
        const rejected = decision.action.endsWith('rejected');
        const next = rejected ? '' : ` A PIC can now open recruitment with the button above or \`/campaign open ${campaignReference(campaign.id)}\`.`;
        await client.chat.postMessage({
          channel: campaign.channelId,
          thread_ts: ts,
          text: `<@${published.actor}> the proposal was ${rejected ? 'rejected' : 'approved'} by <@${decision.actor}>.${next}`,
        });
        return DONE;
      }
      case 'post_request': {
        const card = await batch.card(delivery.postId);
        if (!card) return DONE;
        const { post, campaign, message } = card;
        const shown = postApprovalMessage(campaign, card.influencerName, post, card.history, card.decisionDue);
        if (message && (message.revision ?? post.revision) === post.revision) {
          await client.chat.update({ channel: message.channelId, ts: message.ts, ...shown });
          return DONE;
        }
        // Only the delivery of the revision's own event posts its message (once); a later revision's covers it.
        if (delivery.revision !== post.revision || post.status === 'draft') return DONE;
        const posted = await client.chat.postMessage({ channel: campaign.channelId, ...shown });
        return {
          done: true,
          posted: { postId: post.id, message: { channelId: campaign.channelId, ts: posted.ts as string, revision: post.revision } },
        };
      }
      case 'post_reply': {
        const [card, entry] = await Promise.all([batch.card(delivery.postId), historyEvent(prisma, delivery.eventId)]);
        if (!card || !entry) return DONE;
        const { message } = card;
        const revision = entry.details?.revision;
        if (!message || (message.revision ?? card.post.revision) !== revision) {
          // Waits while the revision's message is on its way; once a later revision has its own, this reply has no thread left.
          const coming =
            typeof revision === 'number' && revision === card.post.revision && (await deliveryPending(prisma, `post_request:${card.post.id}:${revision}`));
          return coming ? { done: false, why: 'waiting for the post approval message' } : DONE;
        }
        const reply = entry.action === 'post.edited' ? postEditedReply(card.campaign, entry) : decisionReply(card.post, entry);
        await client.chat.postMessage({ channel: message.channelId, thread_ts: message.ts, ...reply });
        return DONE;
      }
      case 'home':
        await publishHome(client, prisma, delivery.userId, now());
        return DONE;
      case 'reminder': {
        const shown = await reminderToShow(prisma, delivery.key);
        if (!shown) return DONE;
        const message = reminderMessage(shown.item);
        if (shown.channelId && shown.messageTs) {
          await client.chat.update({ channel: shown.channelId, ts: shown.messageTs, ...message });
          return DONE;
        }
        const channel = (await client.conversations.open({ users: shown.userId })).channel?.id as string;
        const posted = await client.chat.postMessage({ channel, ...message });
        return { done: true, posted: { reminderKey: delivery.key, channelId: channel, ts: posted.ts as string } };
      }
      case 'announcement': {
        const [campaign, entry] = await Promise.all([getCampaign(prisma, delivery.campaignId), historyEvent(prisma, delivery.eventId)]);
        const participant = entry && (await findParticipant(prisma, Number(entry.entityId)));
        if (!campaign || !entry || !participant) return DONE;
        await client.chat.postMessage({ channel: campaign.channelId, ...reopenAnnouncement(campaign, participant.influencerName, entry) });
        return DONE;
      }
      case 'report_dm': {
        const at = now();
        const loaded = await reportOf(prisma, delivery.campaignId, at);
        if (!loaded) return DONE;
        const files = await reportFiles(loaded.report, loaded.accounts, at);
        const opened = await client.conversations.open({ users: delivery.userId });
        await postReport(client, opened.channel?.id as string, loaded.report, files, at, completionIntro(loaded.report.campaign, claimed.actor));
        return DONE;
      }
    }
  }
}

/** The decision on the proposal since it was last published, if any. */
async function proposalDecision(prisma: Prisma, campaign: Campaign, publishedAt: Date) {
  const [approved, rejected] = await Promise.all([
    lastEvent(prisma, 'campaign', campaign.id, 'campaign.proposal_approved'),
    lastEvent(prisma, 'campaign', campaign.id, 'campaign.proposal_rejected'),
  ]);
  return [approved, rejected].filter((entry) => entry && entry.at >= publishedAt).sort((a, b) => ((a?.at ?? 0) > (b?.at ?? 0) ? -1 : 1))[0];
}

/** A deleted campaign's snapshot, as stored in the delivery's JSON: its dates come back as Dates. */
function reviveCampaign(snapshot: Record<string, unknown>): Campaign {
  const dates = ['startDate', 'endDate', 'recruitmentCloseDate', 'publishedAt', 'collaborationStartedAt', 'createdAt'];
  return Object.fromEntries(
    Object.entries(snapshot).map(([key, value]) => [key, dates.includes(key) && typeof value === 'string' ? new Date(value) : value]),
  ) as unknown as Campaign;
}

/** Slack's error code (or what went wrong on the way), and how long Slack asked to wait. */
function slackError(error: unknown): { code: string; retryAfter?: number } {
  const failed = error as { code?: string; retryAfter?: number; original?: unknown };
  if (failed.code === ErrorCode.RateLimitedError) return { code: 'ratelimited', ...(failed.retryAfter !== undefined ? { retryAfter: failed.retryAfter } : {}) };
  if (failed.code === ErrorCode.PlatformError) return { code: slackErrorCode(error) ?? 'slack_error' };
  if (failed.code === ErrorCode.RequestError) return { code: failed.original instanceof AnswerLost ? 'answer_lost' : 'request_failed' };
  if (failed.code === ErrorCode.HTTPError) return { code: 'http_error' };
  return { code: 'unexpected' };
}
