/**
 * Ready-to-send messages for influencers: when a decision concerns them, the influencer PIC gets
 * the text to copy into an email or a DM, with the campaign's details. Plain text inside a code
 * block, so it copies as written; user text is escaped and never closes the block.
 */
import type { KnownBlock } from '@slack/types';
import { type Campaign, PLATFORM_LABELS, campaignReference } from '../domain/brief.js';
import { STAGE_LABELS, type Stage } from '../domain/participation.js';
import { section } from './blocks.js';
import { calendarDate, dateFormat } from './format.js';
import type { SlackMessage } from './help.js';
import { clampMrkdwn, oneLine, userText } from './mrkdwn.js';

/** The stages an influencer must be told about, with what the draft says first. */
const OPENINGS = {
  invited: (c: string) => `We would love you to take part in ${c}. Reply to this message to say whether you would like to join.`,
  approved: (c: string) => `Good news: you are selected for ${c}. The agreement follows soon.`,
  agreement_sent: (c: string) => `Here is your agreement for ${c}.`,
  collaborating: (c: string) => `Our collaboration starts now on ${c}. Please send each draft post for approval before it goes live.`,
  not_selected: (c: string) =>
    `Thank you for your interest in ${c}. This time we are going ahead with other creators; we hope to work with you on a future campaign.`,
} as const;
export type ToldStage = keyof typeof OPENINGS;

export function isToldStage(stage: Stage): stage is ToldStage {
  return Object.hasOwn(OPENINGS, stage);
}

/** Text for inside a code block: escaped, one line, without the backticks that would close it. */
const plain = (text: string, max: number) => oneLine(text.replaceAll('`', "'"), max);

/** "Sun, 6 Dec 2026, 09:00 GMT+9": the signing deadline in the workspace's time zone. */
export function signByText(date: Date, timeZone: string): string {
  return dateFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** The draft itself: greeting, what was decided, and (unless declined) the campaign's details. */
export function influencerDraft(campaign: Campaign, stage: ToldStage, names: string[], signBy?: string): string {
  const about = `“${plain(campaign.title, 150)}”, a campaign for ${plain(campaign.advertiser, 100)}`;
  const lines = [names.length === 1 ? `Hi ${plain(names[0]!, 80)},` : 'Hi,', '', OPENINGS[stage](about)];
  if (stage === 'agreement_sent' && signBy) lines.push(`Please sign it by ${signBy}.`);
  if (stage !== 'not_selected') {
    lines.push(
      '',
      `Dates: ${calendarDate(campaign.startDate)} to ${calendarDate(campaign.endDate)}`,
      `Platforms: ${campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')}`,
      ...(campaign.postRequirements.trim() ? [`What we ask: ${plain(campaign.postRequirements, 900)}`] : []),
      ...(campaign.trackingUrl ? [`Tracking link: ${plain(campaign.trackingUrl, 900)}`] : []),
    );
  }
  return lines.join('\n');
}

const codeBlock = (text: string): KnownBlock => section(`\`\`\`${text}\`\`\``);
const nameList = (names: string[]) => clampMrkdwn(names.map((name) => `*${userText(name, 80)}*`).join(', '), 1500);

/** After a move: the draft for the influencers who arrived in `stage`. */
export function influencerMessage(campaign: Campaign, stage: ToldStage, names: string[], signBy?: string): SlackMessage {
  const ref = `${campaignReference(campaign.id)} ${userText(campaign.title, 150)}`;
  const intro = `:envelope_with_arrow: ${nameList(names)} ${names.length === 1 ? 'is' : 'are'} now ${STAGE_LABELS[stage]} in *${ref}*. Ready to send, copy it into an email or a DM:`;
  return { text: `Message to send: ${STAGE_LABELS[stage]} in ${ref}`, blocks: [section(intro), codeBlock(influencerDraft(campaign, stage, names, signBy))] };
}

/** After collaboration starts: whom to tell what, and the two drafts. */
export function collaborationStartedMessage(campaign: Campaign, collaborating: string[], notSelected: string[]): SlackMessage {
  const ref = `${campaignReference(campaign.id)} ${userText(campaign.title, 150)}`;
  const groups = [
    { stage: 'collaborating' as const, names: collaborating, tell: 'tell them collaboration starts' },
    { stage: 'not_selected' as const, names: notSelected, tell: 'thank them, they were not selected' },
  ].filter((group) => group.names.length > 0);
  const list = groups.map(({ stage, names, tell }) => `• *${STAGE_LABELS[stage]}* (${names.length}), ${tell}: ${nameList(names)}`);
  return {
    text: `Collaboration started in ${ref}: whom to tell what`,
    blocks: [
      section(`:handshake: Collaboration started in *${ref}*. Whom to tell what:\n${list.join('\n') || 'Nobody to tell: no participant.'}`),
      ...groups.flatMap(({ stage, names }) => [
        section(`Ready to send to the *${STAGE_LABELS[stage]}* influencers:`),
        codeBlock(influencerDraft(campaign, stage, names)),
      ]),
    ],
  };
}
