import type { KnownBlock, ModalView } from '@slack/types';
import { type Campaign, PLATFORMS, PLATFORM_LABELS, campaignReference } from '../domain/brief.js';
import { type Influencer, type InfluencerFilter, MAX_ACCOUNTS, type RowProblem, type SocialAccount } from '../domain/influencer.js';
import { actions, button, context, input, modal, option, plain, section, textModal } from './blocks.js';
import { listSections, notice } from './campaigns.js';
import { numberFormat } from './format.js';
import type { SlackMessage } from './help.js';
import { truncate, userText } from './mrkdwn.js';
import { startingStageBlocks } from './starting-stage.js';
import { z } from 'zod';
import { metadataOf, storedInt } from './metadata.js';

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
} as const;
export const ACCOUNT_FIELDS = {
  platform: 'platform',
  handle: 'handle',
  followers: 'followers',
  avgEngagement: 'avg_engagement',
} as const;
export type AccountField = keyof typeof ACCOUNT_FIELDS;
export const ADD_ACCOUNT = 'influencer_account_add';
export const REMOVE_ACCOUNT = 'influencer_account_remove';
export const CSV_BLOCK = 'csv';
export const PICK_BLOCK = 'influencers';
export const CSV_COLUMNS = [...Object.values(INFLUENCER_FIELDS), ...Object.values(ACCOUNT_FIELDS)];
export const MAX_IMPORT_ROWS = 200;
/** Slack's static selects hold at most 100 options. */
export const MAX_PICK = 100;
export const MAX_LISTED = 40;
export const SEARCH_EXAMPLE = '/campaign influencers search beauty platform:instagram country:JP min:10000';

/**
 * One account's inputs in the influencer modal. `key` is `a<id>` for a saved account and `n<k>` for
 * a new one; it stays with the row when others are added or removed, so Slack keeps what was typed.
 */
export interface AccountDraft {
  key: string;
  platform?: string;
  handle?: string;
  followers?: string;
  avgEngagement?: string;
  /** Why the row is still here after "Remove". */
  note?: string;
}

/** The influencer modal's content: saved values, or what the user typed so far. */
export interface InfluencerDraft {
  influencerId?: number;
  version?: number;
  name?: string;
  country?: string;
  niches?: string;
  email?: string;
  accounts: AccountDraft[];
  /** The next new row is `n<next>`. */
  next: number;
}

/** What the modal carries: IDs, the version seen and its rows' keys; the profile itself is re-read on submit. */
export const influencerMetadata = z.object({
  influencerId: storedInt.optional(),
  version: storedInt.optional(),
  accounts: z.array(z.string().regex(/^[an]\d{1,9}$/)),
  next: storedInt,
});

const savedAccountKey = (id: number) => `a${id}`;
export const accountBlockId = (key: string, field: AccountField) => `account.${key}.${ACCOUNT_FIELDS[field]}`;

const platformOptions = PLATFORMS.map((p) => option(p, PLATFORM_LABELS[p]));

const initial = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? {} : { initial_value: String(value) });

/** 120000 → "120k". */
export function followers(n: number): string {
  return numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(n).toLowerCase();
}

/** The influencer as the modal first shows it: nothing yet (one empty account), or its saved profile. */
export function influencerDraft(influencer?: Influencer): InfluencerDraft {
  if (!influencer) return { accounts: [{ key: 'n1' }], next: 2 };
  return {
    influencerId: influencer.id,
    version: influencer.version,
    name: influencer.name,
    country: influencer.country,
    niches: influencer.niches.join(', '),
    email: influencer.email ?? undefined,
    accounts: influencer.accounts.map((a) => ({
      key: savedAccountKey(a.id),
      platform: a.platform,
      handle: a.handle,
      followers: String(a.followers),
      avgEngagement: a.avgEngagementPct === null ? undefined : String(a.avgEngagementPct),
    })),
    next: 1,
  };
}

function accountBlocks(account: AccountDraft, number: number, removable: boolean): KnownBlock[] {
  const id = (field: AccountField) => accountBlockId(account.key, field);
  const note = account.note ? `\n:no_entry: ${userText(account.note, 1000)}` : '';
  const platform = platformOptions.find((o) => o.value === account.platform);
  return [
    section(`*Social account ${number}*${note}`, {
      block_id: `account.${account.key}`,
      accessory: removable ? button(REMOVE_ACCOUNT, 'Remove', account.key) : undefined,
    }),
    input(id('platform'), 'Platform', { type: 'static_select', options: platformOptions, ...(platform ? { initial_option: platform } : {}) }),
    input(id('handle'), 'Handle', { type: 'plain_text_input', max_length: 100, placeholder: plain('@handle'), ...initial(account.handle) }),
    input(id('followers'), 'Followers', { type: 'number_input', is_decimal_allowed: false, min_value: '0', ...initial(account.followers) }),
    input(
      id('avgEngagement'),
      'Average engagement (%)',
      { type: 'number_input', is_decimal_allowed: true, min_value: '0', max_value: '100', ...initial(account.avgEngagement) },
      { optional: true },
    ),
  ];
}

/** Add (no influencer ID) or edit one directory entry, with one group of inputs per social account. */
export function influencerModal(draft: InfluencerDraft): ModalView {
  const F = INFLUENCER_FIELDS;
  const editing = draft.influencerId !== undefined;
  const metadata: z.input<typeof influencerMetadata> = {
    ...(editing ? { influencerId: draft.influencerId, version: draft.version } : {}),
    accounts: draft.accounts.map((a) => a.key),
    next: draft.next,
  };
  const more =
    draft.accounts.length < MAX_ACCOUNTS
      ? actions([button(ADD_ACCOUNT, 'Add account')], ADD_ACCOUNT)
      : context(`An influencer has at most ${MAX_ACCOUNTS} social accounts.`);
  return modal({
    callback_id: editing ? EDIT_INFLUENCER : ADD_INFLUENCER,
    private_metadata: metadataOf(influencerMetadata, metadata),
    title: editing ? 'Edit influencer' : 'Add influencer',
    submit: 'Save',
    blocks: [
      input(F.name, 'Name', { type: 'plain_text_input', max_length: 150, ...initial(draft.name) }),
      input(F.country, 'Country', { type: 'plain_text_input', max_length: 60, placeholder: plain('JP'), ...initial(draft.country) }),
      input(
        F.niches,
        'Niches',
        { type: 'plain_text_input', max_length: 500, ...initial(draft.niches) },
        { optional: true, hint: 'Comma-separated, e.g. beauty, skincare' },
      ),
      input(F.email, 'Email', { type: 'email_text_input', ...initial(draft.email) }, { optional: true }),
      ...draft.accounts.flatMap((account, i) => accountBlocks(account, i + 1, draft.accounts.length > 1)),
      more,
    ],
  });
}

export function importModal(): ModalView {
  return modal({
    callback_id: IMPORT_INFLUENCERS,
    title: 'Import influencers',
    submit: 'Import',
    blocks: [
      section(
        `Paste CSV rows under this header (niches separated by \`;\`, email and avg_engagement may be empty; rows with the same email are one influencer’s accounts, added to the influencer with that email if the directory has one):\n\`${CSV_COLUMNS.join(',')}\`\nAt most ${MAX_IMPORT_ROWS} rows; if any row has a problem, nothing is imported.`,
      ),
      input(
        CSV_BLOCK,
        'CSV rows',
        {
          type: 'plain_text_input',
          multiline: true,
          max_length: 3000,
          placeholder: plain(`${CSV_COLUMNS.join(',')}\nAiko Tanaka,JP,beauty;skincare,aiko@example.com,instagram,aiko,120000,3.2`),
        },
        { hint: 'Row 1 is the first row after the header.' },
      ),
    ],
  });
}

/** What an import did: influencers added, and those already in the directory that got accounts. */
export function importedModal(imported: { added: Influencer[]; extended: Influencer[] }): ModalView {
  const { added, extended } = imported;
  const lines = [
    added.length ? `:white_check_mark: Added ${added.length === 1 ? '1 influencer' : `${added.length} influencers`} to the directory.` : '',
    extended.length
      ? `:white_check_mark: Added accounts to ${extended.length === 1 ? '1 influencer' : `${extended.length} influencers`} already in it: ${userText(extended.map((i) => i.name).join(', '), 2000)}.`
      : '',
  ].filter(Boolean);
  return textModal('Import influencers', lines.join('\n'), 'Done');
}

const MAX_LISTED_PROBLEMS = 10;

/** Every row's problems in one field error: the first ones listed, the rest counted. */
export function importProblemsText(problems: RowProblem[]): string {
  const lines = problems.map(({ row, problem }) => truncate(`Row ${row}: ${problem}`, 300));
  const listed = lines.slice(0, MAX_LISTED_PROBLEMS).join('\n');
  const more = lines.length > MAX_LISTED_PROBLEMS ? `\n…and ${lines.length - MAX_LISTED_PROBLEMS} more problems.` : '';
  return `${listed}${more}\nNothing was imported.`;
}

const reach = (accounts: SocialAccount[]) => accounts.reduce((sum, a) => sum + a.followers, 0);

/** What the add modal carries: the campaign and the filters its list came from, to list it again. */
export const addParticipantsMetadata = z.object({
  campaignId: storedInt,
  filter: z
    .object({
      niche: z.string().optional(),
      platform: z.enum(PLATFORMS).optional(),
      country: z.string().optional(),
      minFollowers: z.number().int().optional(),
    })
    .default({}),
});

/** The accounts choice of one chosen influencer in the add modal. */
export const accountsBlockId = (influencerId: number) => `accounts.${influencerId}`;
/** Enough for a large pick while staying under the modal's 100 blocks; beyond it the default accounts post. */
export const MAX_ACCOUNT_CHOICES = 40;

/** The accounts that post unless the user chooses: those on the campaign's platforms. */
export const defaultAccounts = (campaign: Campaign, influencer: Influencer) => influencer.accounts.filter((a) => campaign.platforms.includes(a.platform));

function accountsChoice(campaign: Campaign, influencer: Influencer, selected?: number[]): KnownBlock {
  const options = influencer.accounts
    .slice(0, MAX_ACCOUNTS)
    .map((a) => option(String(a.id), `${PLATFORM_LABELS[a.platform]} @${a.handle} · ${followers(a.followers)} followers`));
  const chosen = new Set(selected ?? defaultAccounts(campaign, influencer).map((a) => a.id));
  const initial = options.filter((o) => chosen.has(Number(o.value)));
  return input(accountsBlockId(influencer.id), `Accounts of ${truncate(influencer.name, 150)} that will post`, {
    type: 'checkboxes',
    options,
    ...(initial.length ? { initial_options: initial } : {}),
  });
}

/**
 * `/campaign add`: influencers with an account on the campaign's platforms, by name. Choosing
 * influencers redraws the view with, for each one with several accounts, which of them will post.
 */
export function addParticipantsModal(
  campaign: Campaign,
  candidates: Influencer[],
  filter: InfluencerFilter = {},
  chosen: Influencer[] = [],
  selected = new Map<number, number[]>(),
): ModalView {
  const listed = candidates.slice(0, MAX_PICK);
  const optionOf = (i: Influencer) => option(String(i.id), `${i.name} · ${followers(reach(defaultAccounts(campaign, i)))} followers`);
  const initial = chosen.filter((c) => listed.some((i) => i.id === c.id)).map(optionOf);
  const several = chosen.filter((i) => i.accounts.length > 1);
  const platforms = campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
  // Longer filters match nothing anyway (niches are at most 500 characters); cut to fit private_metadata.
  const kept = {
    ...filter,
    ...(filter.niche ? { niche: filter.niche.slice(0, 500) } : {}),
    ...(filter.country ? { country: filter.country.slice(0, 60) } : {}),
  };
  const metadata: z.input<typeof addParticipantsMetadata> = { campaignId: campaign.id, filter: kept };
  return modal({
    callback_id: ADD_PARTICIPANTS,
    private_metadata: metadataOf(addParticipantsMetadata, metadata),
    title: 'Add influencers',
    submit: 'Add',
    blocks: [
      section(
        `Add candidates to *${campaignReference(campaign.id)} ${userText(campaign.title, 150)}*, with their ${platforms} accounts unless you choose others.`,
      ),
      {
        ...input(PICK_BLOCK, 'Influencers', {
          type: 'multi_static_select',
          options: listed.map(optionOf),
          placeholder: plain('Choose from the directory'),
          ...(initial.length ? { initial_options: initial } : {}),
        }),
        dispatch_action: true,
      } as KnownBlock,
      context(`Listed: the first ${MAX_PICK} by name on ${platforms}, not in the campaign yet. \`/campaign influencers search\` finds more.`),
      ...several.slice(0, MAX_ACCOUNT_CHOICES).map((i) => accountsChoice(campaign, i, selected.get(i.id))),
      ...(several.length > MAX_ACCOUNT_CHOICES ? [context(`The other ${several.length - MAX_ACCOUNT_CHOICES} post with their ${platforms} accounts.`)] : []),
      ...startingStageBlocks(campaign),
    ],
  });
}

export function noCandidates(campaign: Campaign): SlackMessage {
  const platforms = campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(', ');
  return notice(
    `:information_source: Nobody in the directory with a ${platforms} account is left to add to *${campaignReference(campaign.id)}*. Add influencers with \`/campaign influencers add\` or \`/campaign influencers import\`.`,
  );
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
    section(`*Influencer directory*: ${found.total} matching ${filterText(filter)}`),
    ...listSections(shown.map(influencerLine), 45),
  ];
  if (found.total > shown.length) blocks.push(context(`+${found.total - shown.length} more: narrow the search, e.g. \`${SEARCH_EXAMPLE}\``));
  return { text: `${found.total} influencers match`, blocks };
}

export function searchProblem(problem: string, usage: string): SlackMessage {
  return notice(
    `:warning: ${problem}\nUsage: \`/campaign ${usage}\`, filters \`niche:<niche> platform:<${PLATFORMS.join('|')}> country:<code> min:<followers>\` (other words are the niche), e.g. \`${SEARCH_EXAMPLE}\``,
  );
}

export function influencerNotFound(typed: string, matches: Influencer[], usage: string): SlackMessage {
  const what = `\`${userText(typed, 80)}\``;
  if (matches.length === 0)
    return notice(
      `:warning: No influencer matches ${what}. Use part of the name or the ID shown by \`/campaign influencers search\`.\nUsage: \`/campaign ${usage}\``,
    );
  const text = `:warning: ${what} matches several influencers; use the ID of one:`;
  return { text, blocks: [section(text), ...listSections(matches.map(influencerLine), 10)] };
}
