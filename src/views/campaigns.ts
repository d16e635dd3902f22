import type { KnownBlock } from '@slack/types';
import { type Campaign, PLATFORM_LABELS, campaignReference } from '../domain/brief.js';
import { type CampaignStatus, label } from '../domain/campaign.js';
import type { HistoryEntry, HistoryNames } from '../domain/history.js';
import type { SocialAccount } from '../domain/influencer.js';
import { STAGE_LABELS, STAGES } from '../domain/participation.js';
import type { CampaignReport, ParticipantResult } from '../domain/report.js';
import { campaignCard } from './campaign-card.js';
import { context, section } from './blocks.js';
import { PROFIT_FORMULA, mention, money, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { historyLine } from './history.js';
import { clampMrkdwn, oneLine, userText } from './mrkdwn.js';

/**
 * Lines packed into sections of at most 3,000 characters, at most `maxBlocks` of them, ending
 * with "+N more" for the lines that did not fit.
 */
export function listSections(lines: string[], maxBlocks: number, total = lines.length): KnownBlock[] {
  const budget = 2900;
  const blocks: KnownBlock[] = [];
  let current: string[] = [];
  let length = 0;
  let shown = 0;
  for (const line of lines.map((l) => clampMrkdwn(l, budget))) {
    if (current.length && length + line.length + 1 > budget) {
      if (blocks.length + 1 >= maxBlocks) break;
      blocks.push(section(current.join('\n')));
      current = [];
      length = 0;
    }
    current.push(line);
    length += line.length + 1;
    shown += 1;
  }
  if (current.length) blocks.push(section(current.join('\n')));
  if (shown < total) blocks.push(context(`+${total - shown} more`));
  return blocks;
}

function campaignLine(campaign: Pick<Campaign, 'id' | 'title' | 'status'>): string {
  return `*${campaignReference(campaign.id)}* ${userText(campaign.title, 80)} · ${label(campaign.status)}`;
}

/** `/campaign list` shows at most this many campaigns of each status (the newest); the total says how many more. */
export const LISTED_PER_STATUS = 25;
/** Slack refuses a message with much more than 13,000 characters of block text (`msg_blocks_too_long`). */
const LIST_CHARS = 11_000;

/** Active campaigns grouped by status: each status's total, and its newest campaigns as far as they fit. */
export function campaignList(
  listing: ReadonlyArray<{ status: CampaignStatus; total: number; campaigns: Array<Pick<Campaign, 'id' | 'title' | 'status'>> }>,
): SlackMessage {
  const count = listing.reduce((sum, { total }) => sum + total, 0);
  if (count === 0) {
    return { text: 'No active campaigns yet.', blocks: [section('No active campaigns yet. Start one with `/campaign create`.')] };
  }
  const blocks: KnownBlock[] = [];
  let room = LIST_CHARS;
  for (const { status, total, campaigns } of listing) {
    if (blocks.length >= 45) break;
    const lines: string[] = [];
    for (const line of campaigns.slice(0, LISTED_PER_STATUS).map(campaignLine)) {
      if (line.length + 1 > room) break;
      lines.push(line);
      room -= line.length + 1;
    }
    blocks.push(section(`*${label(status)}* (${total})`), ...listSections(lines, 4, total));
  }
  return { text: `${count} active campaigns`, blocks: blocks.slice(0, 50) };
}

export function campaignNotFound(typed: string, matches: Campaign[], usage: string): SlackMessage {
  const what = `\`${userText(typed, 80)}\``;
  if (matches.length === 0) {
    const text = `:warning: No campaign matches ${what}. Use its reference (e.g. \`C-12\`) or part of its title.\nUsage: \`/campaign ${usage}\``;
    return { text, blocks: [section(text)] };
  }
  const text = `:warning: ${what} matches several campaigns; use one of these references:`;
  return { text, blocks: [section(text), ...listSections(matches.slice(0, 10).map(campaignLine), 5)] };
}

export function missingCampaign(usage: string): SlackMessage {
  const text = `:warning: Say which campaign: \`/campaign ${usage}\` (a reference such as \`C-12\`, or part of the title).`;
  return { text, blocks: [section(text)] };
}

/** One participant in `show`: name, the accounts chosen for the campaign, since when in this stage, profit. */
function participantLine({ participant, metrics }: ParticipantResult, accounts: Map<number, SocialAccount>, since: Date | undefined, currency: string): string {
  const chosen = participant.accountIds.flatMap((id) => {
    const account = accounts.get(id);
    return account ? [`${PLATFORM_LABELS[account.platform]} @${oneLine(account.handle, 60)}`] : [];
  });
  return [
    `• *${oneLine(participant.influencerName, 80)}*`,
    ...chosen,
    ...(since ? [`since ${slackDate(since, '{date_short}')}`] : []),
    `profit ${money(metrics.profitMinor, currency)}`,
  ].join(' · ');
}

/** `/campaign show`: the card, who is in each stage, and the money. */
export function campaignDetails(report: CampaignReport, accounts: Map<number, SocialAccount>, since: Map<number, Date>): SlackMessage {
  const { campaign, metrics: m } = report;
  const card = campaignCard(campaign);
  const lines = STAGES.flatMap((stage) => {
    const inStage = report.participants.filter((r) => r.participant.stage === stage);
    if (inStage.length === 0) return [];
    return [
      `*${STAGE_LABELS[stage]}* (${inStage.length})`,
      ...inStage.map((r) => participantLine(r, accounts, since.get(r.participant.id), campaign.currency)),
    ];
  });
  const cur = campaign.currency;
  const moneyLine = `*Money:* budget ${money(m.budgetMinor, cur)} · influencer costs ${money(m.influencerCostMinor, cur)} · shipping ${money(m.shippingCostMinor, cur)} · *profit ${money(m.profitMinor, cur)}*`;
  return {
    text: card.text,
    blocks: [
      ...card.blocks,
      section(`*Participants* (${report.participants.length})${lines.length ? '' : '\nnone yet'}`),
      ...listSections(lines, 40),
      section(moneyLine),
      context(PROFIT_FORMULA),
    ],
  };
}

/** Newest first; the oldest are summarised past the limit. Each person is mentioned: only the reader sees it. */
export function historyMessage(campaign: Campaign, entries: HistoryEntry[], names: HistoryNames): SlackMessage {
  const lines = [...entries].reverse().map((entry) => historyLine(entry, names, mention));
  return {
    text: `History of ${campaignReference(campaign.id)}`,
    blocks: [section(`*History of ${campaignReference(campaign.id)} ${userText(campaign.title, 100)}*`), ...listSections(lines, 40)],
  };
}

export function notice(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
