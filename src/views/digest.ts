/**
 * The daily digest: one message per campaign (in its channel) and one overview (in the managers'
 * channel). Every list is cut by a character budget and a block budget, so a message stays within
 * Slack's 50 blocks and well under the ~13,000 characters of block text Slack accepts
 * (`msg_blocks_too_long`), whatever the size of the workspace.
 */
import type { KnownBlock } from '@slack/types';
import { campaignReference } from '../domain/brief.js';
import { label } from '../domain/campaign.js';
import type { CampaignDigest, Health } from '../domain/digest.js';
import { needsSomeone } from '../domain/digest-compose.js';
import { STAGE_LABELS, describeDeliverable } from '../domain/participation.js';
import { postDecisionButtons } from './approvals.js';
import { context, header, section } from './blocks.js';
import { FORMULAS, calendarDate, count, mention, money, rate, zonedDateTime } from './format.js';
import type { SlackMessage } from './help.js';
import { historyLine, roleName } from './history.js';
import { oneLine as inline } from './mrkdwn.js';

/** Total block text a digest message may hold (Slack refuses about 13,000). */
export const DIGEST_MAX_CHARS = 12_000;
/** Posts shown with their own Approve/Reject buttons; the rest are counted. */
export const MAX_POSTS_WITH_BUTTONS = 5;
const SECTION_MAX = 2900;

export const HEALTH_LABELS: Record<Health, string> = { on_track: 'on track', needs_attention: 'needs attention', late: 'late' };
const HEALTH_EMOJI: Record<Health, string> = { on_track: ':large_green_circle:', needs_attention: ':large_yellow_circle:', late: ':red_circle:' };
const HEALTH_ORDER: Record<Health, number> = { late: 0, needs_attention: 1, on_track: 2 };

const plural = (n: number, noun: string) => count(n, noun);
/** User text on one line: a digest line never lets user text open a block quote or a new line. */

/**
 * Lines packed into sections of at most 2,900 characters, within `maxChars` and `maxBlocks`
 * (including the closing "+N more" context, which says where to see them all).
 */
function packLines(lines: string[], maxChars: number, maxBlocks: number, more: (n: number) => string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current: string[] = [];
  let length = 0;
  let used = 0;
  let shown = 0;
  for (const line of lines) {
    const size = line.length + 1;
    if (used + size > maxChars) break;
    if (current.length && length + size > SECTION_MAX) {
      if (blocks.length + 2 >= maxBlocks) break; // room for this section, the next, and "+N more"
      blocks.push(section(current.join('\n')));
      current = [];
      length = 0;
    }
    current.push(line);
    length += size;
    used += size;
    shown += 1;
  }
  if (current.length) blocks.push(section(current.join('\n')));
  if (shown < lines.length) blocks.push(context(more(lines.length - shown)));
  return blocks;
}

/** Up to `max` mentions, then "+N more". */
function mentions(userIds: string[], max: number): string {
  const unique = [...new Set(userIds)];
  const shown = unique.slice(0, max).map(mention).join(' ');
  return unique.length > max ? `${shown} +${unique.length - max} more` : shown;
}

const days = (n: number) => plural(n, 'day');

function title(d: CampaignDigest, max: number): string {
  return `*${campaignReference(d.campaign.id)}* ${inline(d.campaign.title, max)}`;
}

function funnelLine(d: CampaignDigest): string {
  const total = d.funnel.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) return '*Funnel:* no participants yet';
  return `*Funnel* (${total}): ${d.funnel.map((s) => `${STAGE_LABELS[s.stage]} ${s.count.toLocaleString('en')}`).join(' → ')}`;
}

function endLine(d: CampaignDigest): string {
  const end = calendarDate(d.campaign.endDate);
  if (d.daysToEnd > 1) return `Ends in ${days(d.daysToEnd)} (${end})`;
  if (d.daysToEnd === 1) return `Ends tomorrow (${end})`;
  if (d.daysToEnd === 0) return `Ends today (${end})`;
  return `Ended ${days(-d.daysToEnd)} ago (${end})`;
}

function recruitmentLine(inDays: number): string {
  if (inDays === 0) return ':hourglass: Recruitment closes *today*.';
  if (inDays === 1) return ':hourglass: Recruitment closes *tomorrow*.';
  return `:hourglass: Recruitment closes in *${days(inDays)}*.`;
}

function numbersLine(d: CampaignDigest): string {
  const m = d.metrics;
  const currency = d.campaign.currency;
  const over = m.overBudget ? ` — :warning: over budget by ${money(-m.remainingBudgetMinor, currency)}` : '';
  return [
    `*Spend:* ${money(m.totalCostMinor, currency)} of ${money(m.budgetMinor, currency)} (${rate(m.budgetUsedPct)})${over} · *Profit:* ${money(m.profitMinor, currency)}`,
    `*Reach:* ${m.reach.toLocaleString('en')} · *Engagement rate:* ${rate(m.engagementRatePct)} · *Cost per engagement:* ${m.costPerEngagementMinor === null ? 'not available' : money(m.costPerEngagementMinor, currency)} · *ROI:* ${rate(m.roiPct)}`,
  ].join('\n');
}

function awaitingBlocks(d: CampaignDigest): KnownBlock[] {
  const waiting = d.awaitingApproval;
  if (!waiting.length) return [];
  const ref = campaignReference(d.campaign.id);
  const blocks: KnownBlock[] = [section(`*Awaiting approval* (${waiting.length}) — approvers: ${mentions(d.campaign.approverIds, 5)}`)];
  for (const item of waiting.slice(0, MAX_POSTS_WITH_BUTTONS)) {
    const age = item.waitingDays === 0 ? 'submitted today' : `waiting ${days(item.waitingDays)}`;
    const line = `*${inline(item.influencerName, 80)}* · post #${item.post.id}, revision ${item.post.revision} · planned ${calendarDate(item.post.plannedDate)} · ${age}`;
    blocks.push(section(`${line}\n>${inline(item.post.content, 200)}`));
    blocks.push({ ...postDecisionButtons(item.post), block_id: `digest_post_${item.post.id}` } as KnownBlock);
  }
  if (waiting.length > MAX_POSTS_WITH_BUTTONS) {
    blocks.push(context(`+${waiting.length - MAX_POSTS_WITH_BUTTONS} more awaiting approval — see the App Home (${ref}).`));
  }
  return blocks;
}

/** Approved posts past their planned day and not live; today's are in "Due today and tomorrow". */
function dueBlocks(d: CampaignDigest): KnownBlock[] {
  const late = d.duePosts.filter((item) => item.overdueDays > 0);
  if (!late.length) return [];
  const lines = late.map(
    (item) =>
      `• *${inline(item.influencerName, 80)}* · post #${item.post.id} planned ${calendarDate(item.post.plannedDate)} · *${days(item.overdueDays)} overdue*`,
  );
  return [section(`*Posts late to go live* (${late.length})`), ...packLines(lines, 1500, 3, (n) => `+${n} more late posts — see the App Home.`)];
}

/** Looking ahead: what falls due today and tomorrow, so nobody learns of it the morning after. */
function dueSoonBlocks(d: CampaignDigest): KnownBlock[] {
  if (!d.dueSoon.length) return [];
  const lines = d.dueSoon.map((item) => {
    const when = item.inDays === 0 ? '*Today*' : '*Tomorrow*';
    switch (item.kind) {
      case 'post':
        return `• ${when} · *${inline(item.influencerName, 80)}* · post #${item.post.id} ${item.post.status === 'approved' ? 'goes live (approved)' : 'is planned, still awaiting approval'}`;
      case 'deliverable':
        return `• ${when} · *${inline(item.participant.influencerName, 80)}* · ${inline(describeDeliverable(item.deliverable), 200)}`;
      case 'agreement':
        return `• ${when} · *${inline(item.participant.influencerName, 80)}* · agreement expires ${zonedDateTime(item.expiresAt, d.timeZone)} unless signed`;
    }
  });
  return [
    section(`*Due today and tomorrow* (${d.dueSoon.length})`),
    ...packLines(lines, 1500, 3, (n) => `+${n} more due soon — \`/campaign show ${campaignReference(d.campaign.id)}\``),
  ];
}

function expiredBlocks(d: CampaignDigest): KnownBlock[] {
  if (!d.expiredAgreements.length) return [];
  const lines = d.expiredAgreements.map(
    ({ participant, expiredAt }) => `• *${inline(participant.influencerName, 80)}* · sign by ${zonedDateTime(expiredAt, d.timeZone)} passed`,
  );
  const resend = d.campaign.collaborationStartedAt ? '' : ` — a PIC can send them again: \`/campaign resend ${campaignReference(d.campaign.id)}\``;
  return [
    section(`*Agreements past their signing window* (${d.expiredAgreements.length})${resend}`),
    ...packLines(lines, 1500, 3, (n) => `+${n} more expired agreements — see the App Home.`),
  ];
}

function pendingAgreementBlocks(d: CampaignDigest): KnownBlock[] {
  if (!d.pendingAgreements.length) return [];
  const lines = d.pendingAgreements.map(
    ({ participant, expiresAt }) => `• *${inline(participant.influencerName, 80)}* · sign by ${zonedDateTime(expiresAt, d.timeZone)}`,
  );
  return [
    section(`*Agreements waiting for a signature* (${d.pendingAgreements.length})`),
    ...packLines(lines, 800, 2, (n) => `+${n} more — \`/campaign show ${campaignReference(d.campaign.id)}\``),
  ];
}

function lateDeliverableBlocks(d: CampaignDigest): KnownBlock[] {
  if (!d.lateDeliverables.length) return [];
  const lines = d.lateDeliverables.map(
    ({ participant, deliverable }) => `• *${inline(participant.influencerName, 80)}* · ${inline(describeDeliverable(deliverable), 200)}`,
  );
  return [
    section(`*Late deliverables* (${d.lateDeliverables.length}) — due, without enough posted posts`),
    ...packLines(lines, 1000, 2, (n) => `+${n} more late deliverables — \`/campaign report ${campaignReference(d.campaign.id)}\``),
  ];
}

function changeBlocks(d: CampaignDigest): KnownBlock[] {
  if (!d.changes.length) return [];
  const ref = campaignReference(d.campaign.id);
  const lines = [...d.changes].reverse().map((entry) => `• ${historyLine(entry, d.names, roleName(d.campaign))}`); // newest first; the oldest are summarized
  return [
    section(`*What changed since the last digest* (${d.changes.length})`),
    ...packLines(lines, 3500, 4, (n) => `+${n} earlier changes — \`/campaign history ${ref}\` shows them all.`),
  ];
}

/** The quiet-day line, or nothing when the campaign's setting is to stay silent. */
function quietMessage(d: CampaignDigest): SlackMessage {
  const text = `:sunny: Nothing needs you today in ${title(d, 150)}.`;
  return { text, blocks: [section(text)] };
}

export function campaignDigestMessage(d: CampaignDigest, options: { quietMessage: boolean }): SlackMessage | undefined {
  if (d.quiet) return options.quietMessage ? quietMessage(d) : undefined;
  const ref = campaignReference(d.campaign.id);
  const health = HEALTH_LABELS[d.health];
  const status = `Daily digest · ${label(d.campaign.status)} · *${health}* · ${endLine(d)}`;
  const blocks: KnownBlock[] = [
    header(`${HEALTH_EMOJI[d.health]} ${ref} ${d.campaign.title.replace(/\s+/g, ' ')}`, { emoji: true }),
    context(status),
    section(funnelLine(d)),
    ...(d.recruitmentClosesInDays !== null ? [section(recruitmentLine(d.recruitmentClosesInDays))] : []),
    ...awaitingBlocks(d),
    ...dueSoonBlocks(d),
    ...dueBlocks(d),
    ...expiredBlocks(d),
    ...pendingAgreementBlocks(d),
    ...lateDeliverableBlocks(d),
    ...changeBlocks(d),
    section(numbersLine(d)),
    context(FORMULAS),
  ];
  const summary = [
    d.awaitingApproval.length ? `${d.awaitingApproval.length} awaiting approval` : '',
    d.dueSoon.length ? `${d.dueSoon.length} due today or tomorrow` : '',
    d.duePosts.some((item) => item.overdueDays > 0) ? `${d.duePosts.filter((item) => item.overdueDays > 0).length} late posts` : '',
    d.expiredAgreements.length ? `${d.expiredAgreements.length} expired agreements` : '',
    d.lateDeliverables.length ? `${d.lateDeliverables.length} late deliverables` : '',
    d.changes.length ? `${plural(d.changes.length, 'change')}` : '',
  ].filter(Boolean);
  return {
    text: `Digest for ${ref} ${inline(d.campaign.title, 150)}: ${health}${summary.length ? ` — ${summary.join(', ')}` : ''}`,
    blocks: blocks.slice(0, 50),
  };
}

function overviewLine(d: CampaignDigest): string {
  const items = needsSomeone(d).map(({ what, who }) => `${what}: ${mentions(who, 3)}`);
  return `${HEALTH_EMOJI[d.health]} ${title(d, 60)} — ${HEALTH_LABELS[d.health]}${items.length ? ` · ${items.join(' · ')}` : ''}`;
}

function channelLink(channelId: string): string {
  return /^[CG][A-Z0-9]{2,30}$/.test(channelId) ? `<#${channelId}>` : `\`${inline(channelId, 40)}\``;
}

/** The managers' overview: one line per campaign, the late and needing attention first, then failed channels. */
export function overviewMessage(digests: CampaignDigest[], failedChannels: Array<{ channelId: string; error: string }>): SlackMessage {
  const sorted = [...digests].sort((a, b) => HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || a.campaign.id - b.campaign.id);
  const tally = (h: Health) => digests.filter((d) => d.health === h).length;
  const summary = digests.length
    ? `${plural(digests.length, 'active campaign')}: ${tally('late')} late, ${tally('needs_attention')} need attention, ${tally('on_track')} on track.`
    : 'No active campaigns.';
  const blocks: KnownBlock[] = [header('Campaign overview'), section(summary)];
  const failedBlocks: KnownBlock[] = failedChannels.length
    ? [
        section(`:warning: *The digest could not be posted last time to ${plural(failedChannels.length, 'channel')}:*`),
        ...packLines(
          failedChannels.map((f) => `• ${channelLink(f.channelId)}: ${inline(f.error, 150)}`),
          1500,
          2,
          (n) => `+${n} more channels — see the app's log.`,
        ),
      ]
    : [];
  blocks.push(
    ...packLines(
      sorted.map(overviewLine),
      DIGEST_MAX_CHARS - 2500,
      50 - blocks.length - failedBlocks.length,
      (n) => `+${n} more campaigns — \`/campaign list\``,
    ),
    ...failedBlocks,
  );
  return { text: `Campaign overview: ${summary}`, blocks: blocks.slice(0, 50) };
}

// ---------- plain text for a terminal ----------

const EMOJI: Record<string, string> = {
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  red_circle: '🔴',
  warning: '⚠️',
  hourglass: '⌛',
  sunny: '☀️',
};

const BOLD = /(^|[\s(“])\*([^*\n]+)\*(?=$|[\s).,:;!?”—])/gm;

/** mrkdwn → plain text: links and mentions to their readable form, markers stripped, escapes undone. */
function plainMrkdwn(text: string): string {
  return text
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name ?? id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/:([a-z_]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
    .replace(BOLD, '$1$2')
    .replace(BOLD, '$1$2') // twice: user text may hold *bold* inside a bold name
    .replace(/(^|[\s(“])_([^_\n]+)_(?=$|[\s).,:;!?”—])/gm, '$1$2')
    .replace(/(^|[\s(“])~([^~\n]+)~(?=$|[\s).,:;!?”—])/gm, '$1$2')
    .replace(/^>/gm, '  ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

type Json = Record<string, unknown>;

function textOf(object: unknown): string {
  const t = object as Json | undefined;
  if (!t || typeof t.text !== 'string') return '';
  return t.type === 'plain_text' ? t.text.replace(/:([a-z_]+):/g, (whole, name: string) => EMOJI[name] ?? whole) : plainMrkdwn(t.text);
}

/** A digest message as readable plain text, for a terminal or a log. */
export function digestText(message: SlackMessage): string {
  const lines: string[] = [];
  for (const block of message.blocks as unknown as Json[]) {
    if (block.type === 'header') lines.push(textOf(block.text), '');
    else if (block.type === 'section') {
      if (block.text) lines.push(textOf(block.text));
      for (const field of (block.fields as unknown[] | undefined) ?? []) lines.push(textOf(field));
    } else if (block.type === 'context') lines.push(((block.elements as unknown[]) ?? []).map(textOf).filter(Boolean).join(' '));
    else if (block.type === 'actions') lines.push(`   ${((block.elements as Json[]) ?? []).map((el) => `[${textOf(el.text)}]`).join(' ')}`);
    else if (block.type === 'divider') lines.push('—'.repeat(20));
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
