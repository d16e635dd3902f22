import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type Campaign, PLATFORMS, PLATFORM_LABELS, campaignReference } from '../domain/brief.js';
import type { Influencer, InfluencerFilter, SocialAccount } from '../domain/influencer.js';
import { input, plain } from './blocks.js';
import { listSections, notice } from './campaigns.js';
import type { SlackMessage } from './help.js';
import { truncate, userText } from './mrkdwn.js';
import { startingStageBlocks } from './starting-stage.js';

export const ADD_INFLUENCER = 'influencer_add';
export const EDIT_INFLUENCER = 'influencer_edit';
export const IMPORT_INFLUENCERS = 'influencer_import';
export const ADD_PARTICIPANTS = 'participants_add';

/** Block IDs of the influencer modal (add and edit); the CSV columns use the same words. */
export const INFLUENCER_FIELDS = {
  name: 'name',
  country: 'country',
  niches: 'niches',
  email: 'email',
  platform: 'platform',
  handle: 'handle',
  followers: 'followers',
  avgEngagement: 'avg_engagement',
} as const;
export const CSV_BLOCK = 'csv';
export const PICK_BLOCK = 'influencers';
export const CSV_COLUMNS = ['name', 'country', 'niches', 'email', 'platform', 'handle', 'followers', 'avg_engagement'] as const;
export const MAX_IMPORT_ROWS = 200;
/** Slack's static selects hold at most 100 options. */
export const MAX_PICK = 100;
export const MAX_LISTED = 40;
export const SEARCH_EXAMPLE = '/campaign influencers search beauty platform:instagram country:JP min:10000';

/** What the edit modal carries; the profile itself is re-read on submit. */
export interface InfluencerMetadata {
  influencerId: number;
  version: number;
}

const option = (value: string, text: string): PlainTextOption => ({ text: plain(truncate(text, 75)), value });
const platformOptions = PLATFORMS.map((p) => option(p, PLATFORM_LABELS[p]));


const initial = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? {} : { initial_value: String(value) });

/** 120000 → "120k". */
export function followers(n: number): string {
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n).toLowerCase();
}

/** Add (no influencer) or edit (the influencer and its first account) one directory entry. */
export function influencerModal(influencer?: Influencer): ModalView {
  const F = INFLUENCER_FIELDS;
  const account = influencer?.accounts[0];
  const others = (influencer?.accounts.length ?? 1) - 1;
  const metadata: InfluencerMetadata | undefined = influencer && { influencerId: influencer.id, version: influencer.version };
  return {
    type: 'modal',
    callback_id: influencer ? EDIT_INFLUENCER : ADD_INFLUENCER,
    ...(metadata ? { private_metadata: JSON.stringify(metadata) } : {}),
    title: plain(influencer ? 'Edit influencer' : 'Add influencer'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      input(F.name, 'Name', { type: 'plain_text_input', max_length: 150, ...initial(influencer?.name) }),
      input(F.country, 'Country', { type: 'plain_text_input', max_length: 60, placeholder: plain('JP'), ...initial(influencer?.country) }),
      input(F.niches, 'Niches', { type: 'plain_text_input', max_length: 500, ...initial(influencer?.niches.join(', ')) }, { optional: true, hint: 'Comma-separated, e.g. beauty, skincare' }),
      input(F.email, 'Email', { type: 'email_text_input', ...initial(influencer?.email) }, { optional: true }),
      { type: 'header', text: plain(others > 0 ? `First social account (${others} more kept as they are)` : 'Social account') },
      input(F.platform, 'Platform', { type: 'static_select', options: platformOptions, ...(account ? { initial_option: platformOptions.find((o) => o.value === account.platform) } : {}) }),
      input(F.handle, 'Handle', { type: 'plain_text_input', max_length: 100, placeholder: plain('@handle'), ...initial(account?.handle) }),
      input(F.followers, 'Followers', { type: 'number_input', is_decimal_allowed: false, min_value: '0', ...initial(account?.followers) }),
      input(F.avgEngagement, 'Average engagement (%)', { type: 'number_input', is_decimal_allowed: true, min_value: '0', max_value: '100', ...initial(account?.avgEngagementPct) }, { optional: true }),
    ],
  };
}

export function importModal(): ModalView {
  return {
    type: 'modal',
    callback_id: IMPORT_INFLUENCERS,
    title: plain('Import influencers'),
    submit: plain('Import'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Paste CSV rows under this header (niches separated by \`;\`, email and avg_engagement may be empty):\n\`${CSV_COLUMNS.join(',')}\`\nAt most ${MAX_IMPORT_ROWS} rows; if any row has a problem, nothing is imported.`,
        },
      },
      input(CSV_BLOCK, 'CSV rows', {
        type: 'plain_text_input',
        multiline: true,
        max_length: 3000,
        placeholder: plain(`${CSV_COLUMNS.join(',')}\nAiko Tanaka,JP,beauty;skincare,aiko@example.com,instagram,aiko,120000,3.2`),
      }, { hint: 'Row 1 is the first row after the header.' }),
    ],
  };
}

export function importedModal(count: number): ModalView {
  return {
    type: 'modal',
    title: plain('Import influencers'),
    close: plain('Done'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:white_check_mark: Added ${count === 1 ? '1 influencer' : `${count} influencers`} to the directory.` } }],
  };
}

const reach = (accounts: SocialAccount[]) => accounts.reduce((sum, a) => sum + a.followers, 0);

/** `/campaign add`: influencers with an account on the campaign's platforms, by name. */
export function addParticipantsModal(campaign: Campaign, candidates: Influencer[]): ModalView {
  const options = candidates.slice(0, MAX_PICK).map((i) => {
    const onPlatforms = i.accounts.filter((a) => campaign.platforms.includes(a.platform));
    return option(String(i.id), `${i.name} · ${followers(reach(onPlatforms))} followers`);
  });
  const platforms = campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
  return {
    type: 'modal',
    callback_id: ADD_PARTICIPANTS,
    private_metadata: JSON.stringify({ campaignId: campaign.id }),
    title: plain('Add influencers'),
    submit: plain('Add'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Add candidates to *${campaignReference(campaign.id)} ${userText(campaign.title, 150)}*, with their ${platforms} accounts.` } },
      input(PICK_BLOCK, 'Influencers', { type: 'multi_static_select', options, placeholder: plain('Choose from the directory') }),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Listed: the first ${MAX_PICK} by name on ${platforms}, not in the campaign yet. \`/campaign influencers search\` finds more.` }],
      },
      ...startingStageBlocks(campaign),
    ],
  };
}

export function noCandidates(campaign: Campaign): SlackMessage {
  const platforms = campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
  return notice(`:information_source: Nobody in the directory with a ${platforms} account is left to add to *${campaignReference(campaign.id)}*. Add influencers with \`/campaign influencers add\` or \`/campaign influencers import\`.`);
}

function accountText(a: SocialAccount): string {
  const engagement = a.avgEngagementPct === null ? '' : ` (${a.avgEngagementPct} %)`;
  return `${PLATFORM_LABELS[a.platform]} @${userText(a.handle, 60)} ${followers(a.followers)}${engagement}`;
}

function influencerLine(i: Influencer): string {
  const niches = i.niches.length ? ` · ${userText(i.niches.join(', '), 120)}` : '';
  const accounts = i.accounts.slice(0, 5).map(accountText).join(' · ');
  const more = i.accounts.length > 5 ? ` · +${i.accounts.length - 5}` : '';
  return `*${userText(i.name, 80)}* (id ${i.id}) · ${userText(i.country, 30)}${niches} — ${accounts}${more}`;
}

export function filterText(filter: InfluencerFilter): string {
  const parts = [
    filter.niche && `niche “${userText(filter.niche, 60)}”`,
    filter.platform && PLATFORM_LABELS[filter.platform],
    filter.country && `country ${userText(filter.country, 30)}`,
    filter.minFollowers !== undefined && `at least ${followers(filter.minFollowers)} followers`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'everyone';
}

/** Search results: one line per influencer, the rest counted. */
export function directoryMessage(filter: InfluencerFilter, found: { influencers: Influencer[]; total: number }): SlackMessage {
  if (found.total === 0) return notice(`No influencer in the directory matches ${filterText(filter)}. Add one with \`/campaign influencers add\`.`);
  const shown = found.influencers.slice(0, MAX_LISTED);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*Influencer directory*: ${found.total} matching ${filterText(filter)}` } },
    ...listSections(shown.map(influencerLine), 45),
  ];
  if (found.total > shown.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `+${found.total - shown.length} more: narrow the search, e.g. \`${SEARCH_EXAMPLE}\`` }] });
  return { text: `${found.total} influencers match`, blocks };
}

export function searchProblem(problem: string, usage: string): SlackMessage {
  return notice(`:warning: ${problem}\nUsage: \`/campaign ${usage}\`, filters \`niche:<niche> platform:<${PLATFORMS.join('|')}> country:<code> min:<followers>\` (other words are the niche), e.g. \`${SEARCH_EXAMPLE}\``);
}

export function influencerNotFound(typed: string, matches: Influencer[], usage: string): SlackMessage {
  const what = `\`${userText(typed, 80)}\``;
  if (matches.length === 0) return notice(`:warning: No influencer matches ${what}. Use part of the name or the ID shown by \`/campaign influencers search\`.\nUsage: \`/campaign ${usage}\``);
  const text = `:warning: ${what} matches several influencers; use the ID of one:`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...listSections(matches.map(influencerLine), 10)] };
}
