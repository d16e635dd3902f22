import type { KnownBlock } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import { type Deliverable, describeDeliverable } from '../domain/participation.js';
import { POST_STATUS_LABELS, type Post } from '../domain/posts.js';
import type { ReminderReason } from '../domain/reminders.js';
import { postDecisionButtons, RECORD_RESULTS_BUTTON } from './approvals.js';
import { actions, button, context, section } from './blocks.js';
import { calendarDate, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { userText } from './mrkdwn.js';

/** What a reminder's direct message shows, read from the database when it is delivered. */
export type ReminderItem =
  | {
      on: 'post';
      reason: ReminderReason;
      campaign: Campaign;
      influencerName: string;
      post: Post;
      revision: number;
      mayDecide: boolean;
      decisionDue?: Date;
      waitingFor: string[];
    }
  | {
      on: 'participant';
      reason: ReminderReason;
      campaign: Campaign;
      influencerName: string;
      dueToday: Deliverable[];
      agreementExpiresAt: Date | null;
      stillOut: boolean;
    };

/** A reminder's direct message: the item, what is asked, and its buttons while they still apply. */
export function reminderMessage(item: ReminderItem): SlackMessage {
  const where = `${campaignReference(item.campaign.id)} ${userText(item.campaign.title, 150)}`;
  const name = `*${userText(item.influencerName, 100)}*`;
  const mute = context(
    `Reminders of ${campaignReference(item.campaign.id)} are set in \`/campaign settings ${campaignReference(item.campaign.id)}\` (a PIC can switch them off or mute them).`,
  );
  if (item.on === 'participant') {
    const text =
      item.reason === 'deliverable_due'
        ? `:package: ${name} owes content due today in ${where}:\n${item.dueToday.map((d) => `• ${userText(describeDeliverable(d), 300)}`).join('\n') || '• nothing any more: it was posted.'}`
        : item.stillOut && item.agreementExpiresAt
          ? `:hourglass_flowing_sand: The agreement sent to ${name} in ${where} expires ${slackDate(item.agreementExpiresAt)} unsigned. Once it expires a PIC can send it again (\`/campaign resend\`).`
          : `:white_check_mark: The agreement of ${name} in ${where} is no longer waiting.`;
    return { text, blocks: [section(text), mute] };
  }
  const { post } = item;
  const about = `post #${post.id} by ${name} (revision ${item.revision}) in ${where}`;
  const waiting = post.status === 'pending_approval' && post.revision === item.revision;
  const headline: Record<ReminderReason, string> = {
    approval: `:alarm_clock: Your decision is waiting: ${about}.`,
    escalation: `:rotating_light: Nobody decided ${about} in time${item.waitingFor.length ? `; still to decide: ${item.waitingFor.map((id) => `<@${id}>`).join(', ')}` : ''}.`,
    planned_tomorrow: `:calendar: ${about[0]!.toUpperCase()}${about.slice(1)} is planned for tomorrow, ${calendarDate(post.plannedDate)}.`,
    planned_today: `:calendar: ${about[0]!.toUpperCase()}${about.slice(1)} is planned for today, ${calendarDate(post.plannedDate)}.`,
    deliverable_due: '',
    agreement_expiring: '',
  };
  const state = waiting
    ? `Now: ${POST_STATUS_LABELS.pending_approval}${item.decisionDue ? `, decision due ${slackDate(item.decisionDue)}` : ''}.`
    : `Now: ${post.revision === item.revision ? POST_STATUS_LABELS[post.status] : `revision ${post.revision}, ${POST_STATUS_LABELS[post.status]}`}; nothing is waiting for this reminder.`;
  const text = `${headline[item.reason]}\n${state}`;
  const buttons: KnownBlock[] = [];
  if (waiting && item.mayDecide && (item.reason === 'approval' || item.reason === 'escalation')) buttons.push(postDecisionButtons(post));
  if (post.status === 'approved' && item.reason.startsWith('planned')) {
    buttons.push(actions([button(RECORD_RESULTS_BUTTON, 'Record results', String(post.id))]));
  }
  return { text, blocks: [section(text), section(`>${userText(post.content, 600).replaceAll('\n', '\n>')}`), ...buttons, mute] };
}
