// The outbox as its worker (src/handlers/deliveries.ts) uses it: claim what is due, read what a
// delivery shows, and record how each try went. The Slack calls stay in the worker.
import { type CampaignMessages, rememberCampaignMessages } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { type ClaimedDelivery, type DeliveryLane, claimDeliveries, markAttemptFailed, markDelivered, postponeDelivery } from '../store/deliveries.js';
import { rememberPostApprovalMessage } from '../store/posts.js';
import type { Tx } from '../store/tx.js';
import { rememberReminder } from './reminders.js';

export type { ClaimedDelivery, DeliveryLane };
export { deliveriesWrittenHere, deliveryPending, pruneDeliveries } from '../store/deliveries.js';
// What a delivery shows is read as it is now: the campaign's messages, the history entry it tells about, the participant it names.
export { campaignMessages } from '../store/campaigns.js';
export { historyEvent } from '../store/history.js';
export { findParticipant } from '../store/participants.js';

/** What a posted message leaves to remember, saved with the delivery's success so that a retry updates it instead of posting again. */
export type Posted =
  | { campaignId: number; messages: Partial<CampaignMessages> }
  | { postId: number; message: { channelId: string; ts: string; revision: number } }
  | { reminderKey: string; channelId: string; ts: string };

/** Due deliveries of one lane, claimed for this worker. Deliveries run on real time, not the app's clock. */
export function claimDue(prisma: Prisma, lane: DeliveryLane, limit: number): Promise<ClaimedDelivery[]> {
  return claimDeliveries(prisma, new Date(), { lane, limit });
}

/** Shown in Slack: done, with what the posted message leaves to remember, in one transaction. */
export async function delivered(prisma: Prisma, id: bigint, posted?: Posted): Promise<void> {
  if (!posted) return markDelivered(prisma, [id], new Date());
  await prisma.$transaction(async (tx) => {
    await remember(tx, posted);
    await markDelivered(tx, [id], new Date());
  });
}

/** Shown in Slack, each of them, with nothing posted to remember. */
export function deliveredAll(prisma: Prisma, ids: bigint[]): Promise<void> {
  return markDelivered(prisma, ids, new Date());
}

function remember(tx: Tx, posted: Posted): Promise<void> {
  if ('campaignId' in posted) return rememberCampaignMessages(tx, posted.campaignId, posted.messages);
  if ('postId' in posted) return rememberPostApprovalMessage(tx, posted.postId, posted.message);
  return rememberReminder(tx, posted.reminderKey, posted.channelId, posted.ts);
}

/** Not ready yet (waiting for its message): tried again at `retryAt`, the try not counted. */
export function postponed(prisma: Prisma, id: bigint, retryAt: Date, why: string): Promise<void> {
  return postponeDelivery(prisma, id, retryAt, why);
}

/** A failed try: again at `retryAt`, or given up (listed for admins) without one. */
export function attemptFailed(prisma: Prisma, id: bigint, error: string, retryAt: Date | undefined): Promise<void> {
  return markAttemptFailed(prisma, id, error, new Date(), retryAt);
}
