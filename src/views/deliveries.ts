import { campaignReference } from '../domain/brief.js';
import type { Delivery, StuckDelivery } from '../domain/deliveries.js';
import { actions, button, context, section } from './blocks.js';
import { mention, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { truncate } from './mrkdwn.js';

export const RETRY_DELIVERIES = 'deliveries_retry';

/** What a delivery shows, in the words of the person reading the list. */
export function deliveryWhat(delivery: Delivery): string {
  switch (delivery.kind) {
    case 'campaign_card':
    case 'deleted_card':
      return `Card of ${campaignReference(delivery.campaignId)}`;
    case 'proposal_request':
      return `Approval request of ${campaignReference(delivery.campaignId)}`;
    case 'proposal_reply':
      return `Decision reply on the proposal of ${campaignReference(delivery.campaignId)}`;
    case 'post_request':
      return `Approval message of post #${delivery.postId}${delivery.revision ? ` (revision ${delivery.revision})` : ''}`;
    case 'post_reply':
      return `Thread reply on post #${delivery.postId}`;
    case 'home':
      return `App Home of ${mention(delivery.userId)}`;
    case 'report_dm':
      return `Report of ${campaignReference(delivery.campaignId)} to ${mention(delivery.userId)}`;
    case 'reminder':
      return `Reminder (${truncate(delivery.key, 80)})`;
    case 'announcement':
      return `Announcement in the channel of ${campaignReference(delivery.campaignId)}`;
  }
}

/** `/campaign deliveries`: what Slack has not shown yet, and the button to try it all again. */
export function stuckDeliveriesMessage(stuck: { rows: StuckDelivery[]; total: number }): SlackMessage {
  if (stuck.total === 0) return { text: 'Slack shows everything that was saved: no delivery is late or failed.', blocks: [] };
  const lines = stuck.rows.map((row) => {
    const state = row.status === 'failed' ? ':warning: failed' : `:hourglass: retrying ${slackDate(row.nextAttemptAt, '{time}')}`;
    return `• ${deliveryWhat(row.delivery)}: ${state} after ${row.attempts} ${row.attempts === 1 ? 'try' : 'tries'} (\`${truncate(row.lastError ?? '', 60)}\`), since ${slackDate(row.createdAt)}, for ${mention(row.actor)}`;
  });
  const more = stuck.total > stuck.rows.length ? `\n…and ${stuck.total - stuck.rows.length} more.` : '';
  const summary = `*${stuck.total} ${stuck.total === 1 ? 'delivery' : 'deliveries'} to Slack ${stuck.total === 1 ? 'is' : 'are'} late or failed.* What was saved is safe; these are the messages and App Homes that do not show it yet.`;
  return {
    text: `${stuck.total} deliveries to Slack are late or failed`,
    blocks: [
      section(summary),
      section(truncate(`${lines.join('\n')}${more}`, 3000)),
      actions([button(RETRY_DELIVERIES, 'Retry all now', 'all', { style: 'primary' })], 'deliveries'),
      context(
        'A failed delivery usually needs the bot invited back to its channel, or Slack back up. `/campaign deliveries retry` does the same as the button.',
      ),
    ],
  };
}

export function retriedText(count: number): string {
  return count === 0
    ? 'Nothing was waiting: Slack already shows everything.'
    : `${count} ${count === 1 ? 'delivery is' : 'deliveries are'} being tried again now; \`/campaign deliveries\` shows what is still late.`;
}
