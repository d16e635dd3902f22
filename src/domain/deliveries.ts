// What Slack must show after a change, decided from the change's history events. Written in the
// change's transaction (the outbox) and delivered until Slack confirms it: nothing a person saw
// in Slack is left silently older than what was saved.
import type { HistoryEntry } from './history.js';
import { SYSTEM_ACTOR } from './history.js';
import { DEADLINE_ACTOR } from './reminders.js';

export type Delivery =
  /** The campaign card in the campaign's channel: posted once, then updated in place. */
  | { kind: 'campaign_card'; campaignId: number }
  /** A deleted draft's card says who deleted it; the campaign row is gone, so the card travels with it. */
  | { kind: 'deleted_card'; campaignId: number; channelId: string; ts: string; campaign: Record<string, unknown>; by: string; at: string }
  /** The proposal's Approve / Reject message: posted when published, then updated in place. */
  | { kind: 'proposal_request'; campaignId: number }
  /** The decision on a proposal, told in the request's thread. */
  | { kind: 'proposal_reply'; campaignId: number; eventId: string }
  /** A revision's approval message (a new one per revision), then updated in place. */
  | { kind: 'post_request'; postId: number; revision?: number }
  /** A decision or an edit, told in the thread of its revision's message (`revision`: absent in rows written before it was kept). */
  | { kind: 'post_reply'; postId: number; eventId: string; revision?: number }
  /** A person's App Home, published from the database as it is when delivered. */
  | { kind: 'home'; userId: string }
  /** A change the whole campaign channel is told about (an admin's reopen), from its history event. */
  | { kind: 'announcement'; campaignId: number; eventId: string }
  /** A reminder's direct message (src/domain/reminders.ts): posted once, then updated as its item changes. */
  | { kind: 'reminder'; key: string }
  /** A completed campaign's report, in a direct message to one person. */
  | { kind: 'report_dm'; campaignId: number; userId: string };

export type DeliveryKind = Delivery['kind'];

/** A delivery that could not be shown in Slack yet, as an admin's list shows it. */
export interface StuckDelivery {
  id: bigint;
  delivery: Delivery;
  actor: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
}

/** The people a campaign's changes concern: their App Homes list its work. */
export interface CampaignPeople {
  campaignId: number;
  salesPicId: string;
  influencerPicId: string;
  approverIds: string[];
}

/** A recorded event with its ID, which replies name so a late reply tells the right decision. */
export type RecordedEntry = HistoryEntry & { id: string };

/**
 * Kinds that show the current state of one thing: delivering the newest covers every older pending
 * one with the same key, so a card's update always carries its latest state, and only once.
 */
export const STATE_KINDS: readonly DeliveryKind[] = ['campaign_card', 'deleted_card', 'proposal_request', 'post_request', 'home', 'reminder'];
const SHOWS_STATE = new Set<DeliveryKind>(STATE_KINDS);

export function showsState(kind: DeliveryKind): boolean {
  return SHOWS_STATE.has(kind);
}

/** Replies in a message's thread: delivered after the messages claimed with them (src/store/deliveries.ts). */
export const REPLY_KINDS: readonly DeliveryKind[] = ['post_reply', 'proposal_reply'];
const REPLIES = new Set<DeliveryKind>(REPLY_KINDS);

export function isReply(kind: DeliveryKind): boolean {
  return REPLIES.has(kind);
}

export function deliveryKey(delivery: Delivery): string {
  switch (delivery.kind) {
    case 'campaign_card':
    case 'proposal_request':
      return `${delivery.kind}:${delivery.campaignId}`;
    case 'deleted_card':
      return `campaign_card:${delivery.campaignId}`;
    case 'post_request':
      return `post_request:${delivery.postId}:${delivery.revision ?? 'current'}`;
    case 'proposal_reply':
    case 'post_reply':
    case 'announcement':
      return `${delivery.kind}:${delivery.eventId}`;
    case 'home':
      return `home:${delivery.userId}`;
    case 'reminder':
      return `reminder:${delivery.key}`;
    case 'report_dm':
      return `report_dm:${delivery.campaignId}:${delivery.userId}`;
  }
}

/** The scheduler's reminders (src/workflow/reminders.ts): their direct messages travel as `extra`. */
const REMINDED = new Set(['post.reminded', 'post.escalated', 'participant.reminded']);

/** Events told to the whole campaign channel. */
const ANNOUNCED = new Set(['participant.reopened']);

/** What one recorded event makes Slack show; `people` are the event's campaign's (none for influencers, settings, admins). */
export function deliveriesFor(entry: RecordedEntry, people: CampaignPeople | undefined): Delivery[] {
  if (!people) return [];
  const { campaignId } = people;
  const deliveries: Delivery[] = [];
  if (entry.entityType === 'campaign' && entry.action !== 'campaign.deleted') {
    deliveries.push({ kind: 'campaign_card', campaignId }, { kind: 'proposal_request', campaignId });
    if (entry.action === 'campaign.proposal_approved' || entry.action === 'campaign.proposal_rejected') {
      deliveries.push({ kind: 'proposal_reply', campaignId, eventId: entry.id });
    }
    if (entry.action === 'campaign.completed') {
      for (const userId of new Set([people.salesPicId, people.influencerPicId, ...people.approverIds]))
        deliveries.push({ kind: 'report_dm', campaignId, userId });
    }
  }
  if (ANNOUNCED.has(entry.action)) deliveries.push({ kind: 'announcement', campaignId, eventId: entry.id });
  if (entry.entityType === 'post') {
    const postId = Number(entry.entityId);
    const revision = entry.details?.revision;
    deliveries.push({ kind: 'post_request', postId, ...(typeof revision === 'number' ? { revision } : {}) });
    if (['post.approved', 'post.rejected', 'post.edited', 'post.expired'].includes(entry.action))
      deliveries.push({ kind: 'post_reply', postId, eventId: entry.id, ...(typeof revision === 'number' ? { revision } : {}) });
  }
  // A reminder changes nothing anyone's App Home shows; the post's card shows it was sent.
  if (REMINDED.has(entry.action)) return deliveries;
  const concerned = [entry.actor, people.salesPicId, people.influencerPicId, ...people.approverIds].filter(
    (userId) => userId !== SYSTEM_ACTOR && userId !== DEADLINE_ACTOR,
  );
  for (const userId of new Set(concerned)) deliveries.push({ kind: 'home', userId });
  return deliveries;
}

/** The deliveries of several events, each key once (adding 100 participants publishes each App Home once). */
export function deliveriesForAll(entries: ReadonlyArray<{ entry: RecordedEntry; people: CampaignPeople | undefined }>, extra: Delivery[] = []): Delivery[] {
  const byKey = new Map<string, Delivery>();
  for (const delivery of [...entries.flatMap(({ entry, people }) => deliveriesFor(entry, people)), ...extra]) {
    if (!byKey.has(deliveryKey(delivery))) byKey.set(deliveryKey(delivery), delivery);
  }
  return [...byKey.values()];
}

/** Slack's answers that another try will not change: the delivery fails at once and an admin looks. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'too_many_attachments',
  'no_text',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'user_not_found',
  'cannot_dm_bot',
  'restricted_action',
  'answer_lost',
]);

/** After this many tries (about 17 minutes of backoff) a delivery is failed and listed for admins. */
export const MAX_ATTEMPTS = 12;

/**
 * When to try again after `attempts` failed tries: exponential backoff from 1 s, at most 5 minutes,
 * or Slack's Retry-After when it gave one; undefined when it is time to give up.
 */
export function retryDelaySeconds(attempts: number, error: string, retryAfterSeconds?: number): number | undefined {
  if (PERMANENT.has(error) || attempts >= MAX_ATTEMPTS) return undefined;
  return Math.max(retryAfterSeconds ?? 0, Math.min(2 ** (attempts - 1), 300));
}
