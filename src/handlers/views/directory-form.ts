import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PLATFORMS } from '../../domain/brief.js';
import { type AccountProfile, type ImportRow, type InfluencerProfile, type RowProblem, accountKey, accountName } from '../../domain/influencer.js';
import {
  type AccountDraft,
  type AccountField,
  type InfluencerDraft,
  CSV_COLUMNS,
  INFLUENCER_FIELDS as F,
  MAX_IMPORT_ROWS,
  accountBlockId,
  accountsBlockId,
  influencerMetadata,
} from '../../views/directory.js';
import { type StateValues, fieldErrors, read } from './form.js';
import { readMetadata } from '../payload.js';

/** Empty text is "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const required = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`);

/** The influencer's own fields, from text: the modal's or a CSV row's. */
const profileShape = (nicheSeparator: string) =>
  z.object({
    name: required('The name', 150),
    country: required('The country', 60),
    niches: z
      .string()
      .max(500, 'Niches are at most 500 characters.')
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(nicheSeparator)
          .map((niche) => niche.trim())
          .filter(Boolean),
      ),
    email: z
      .preprocess(blankToUndefined, z.email({ error: 'Enter a valid email address, e.g. name@example.com.' }).max(254).optional())
      .transform((value) => value ?? null),
  });

/** One social account, from text. */
const accountShape = z.object({
  platform: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(PLATFORMS, { error: `Choose a platform: ${PLATFORMS.join(', ')}.` }),
  ),
  handle: z
    .string({ error: 'Enter the handle.' })
    .trim()
    .transform((value) => value.replace(/^@/, ''))
    .pipe(z.string().min(1, 'Enter the handle.').max(100, 'The handle is at most 100 characters.').regex(/^\S+$/, 'A handle has no spaces.')),
  followers: z
    .string({ error: 'Enter the followers.' })
    .trim()
    .regex(/^\d{1,10}$/, 'Followers must be a whole number, zero or more.')
    .transform(Number)
    .refine((n) => n <= 2_000_000_000, 'Followers must be at most 2 billion.'),
  avgEngagement: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d+)?$/, 'Average engagement is a percentage between 0 and 100.')
      .transform(Number)
      .refine((n) => n <= 100, 'Average engagement is a percentage between 0 and 100.')
      .optional(),
  ),
});

const toAccount = ({ avgEngagement, ...account }: z.infer<typeof accountShape>): AccountProfile => ({ ...account, avgEngagementPct: avgEngagement ?? null });

/** What the influencer modal holds now: its rows (from private_metadata) with what was typed in them. */
export function readInfluencerDraft(view: { private_metadata: string; state: { values: StateValues } }): InfluencerDraft {
  const { accounts, ...metadata } = readMetadata(influencerMetadata, view.private_metadata);
  const values = view.state.values;
  const text = (block: string) => read(values, block).value ?? undefined;
  const account = (key: string): AccountDraft => ({
    key,
    platform: read(values, accountBlockId(key, 'platform')).selected_option?.value,
    handle: text(accountBlockId(key, 'handle')),
    followers: text(accountBlockId(key, 'followers')),
    avgEngagement: text(accountBlockId(key, 'avgEngagement')),
  });
  return { ...metadata, name: text(F.name), country: text(F.country), niches: text(F.niches), email: text(F.email), accounts: accounts.map(account) };
}

/** The accounts ticked for each influencer whose choice the add modal shows; the others post with the default ones. */
export function chosenAccounts(values: StateValues, influencerIds: number[]): Map<number, number[]> {
  const chosen = new Map<number, number[]>();
  for (const id of influencerIds) {
    if (values[accountsBlockId(id)])
      chosen.set(
        id,
        (read(values, accountsBlockId(id)).selected_options ?? []).map((o) => Number(o.value)),
      );
  }
  return chosen;
}

/** `a<id>` rows edit the saved account with that id. */
const savedId = (key: string) => (key.startsWith('a') ? { id: Number(key.slice(1)) } : {});

export interface ParsedInfluencer {
  /** Every field error at once, by block ID; empty when the profile is good. */
  errors: Record<string, string>;
  profile?: InfluencerProfile;
  /** The rows that read as accounts, to check against the directory. */
  accounts: Array<{ key: string; account: AccountProfile }>;
}

/** Reads the add/edit influencer modal into a profile, or the field errors to show in it. */
export function parseInfluencerForm(draft: InfluencerDraft): ParsedInfluencer {
  const profile = profileShape(',').safeParse(draft);
  const errors = profile.success ? {} : fieldErrors(profile.error, (path) => F[path[0] as keyof typeof F]);
  const accounts: ParsedInfluencer['accounts'] = [];
  const seen = new Set<string>();
  for (const row of draft.accounts) {
    const parsed = accountShape.safeParse(row);
    if (!parsed.success) {
      Object.assign(
        errors,
        fieldErrors(parsed.error, (path) => accountBlockId(row.key, path[0] as AccountField)),
      );
      continue;
    }
    const account = { ...toAccount(parsed.data), ...savedId(row.key) };
    if (seen.has(accountKey(account))) errors[accountBlockId(row.key, 'handle')] = `${accountName(account)} is listed twice.`;
    seen.add(accountKey(account));
    accounts.push({ key: row.key, account });
  }
  if (!profile.success || Object.keys(errors).length) return { errors, accounts };
  return { errors, accounts, profile: { ...profile.data, accounts: accounts.map((a) => a.account) } };
}

function readCsv(text: string): { rows: string[][] } | { problem: string } {
  try {
    return { rows: parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][] };
  } catch (error) {
    return { problem: `The CSV could not be read: ${(error as Error).message.slice(0, 300)}` };
  }
}

/**
 * Pasted CSV (header first) into rows, each with its problems (rows counted after the header).
 * Rows that read well are returned even when others do not, so the directory can check them too.
 */
export function parseInfluencerCsv(text: string): { problem: string } | { rows: ImportRow[]; problems: RowProblem[] } {
  const csv = readCsv(text);
  if ('problem' in csv) return csv;
  const [header = [], ...lines] = csv.rows;
  const columns = header.map((column) => column.toLowerCase());
  if (columns.length !== CSV_COLUMNS.length || CSV_COLUMNS.some((column, i) => columns[i] !== column)) {
    return { problem: `The first line must be the header \`${CSV_COLUMNS.join(',')}\`.` };
  }
  if (lines.length === 0) return { problem: 'Paste at least one row under the header.' };
  if (lines.length > MAX_IMPORT_ROWS) return { problem: `At most ${MAX_IMPORT_ROWS} rows at a time; this has ${lines.length}.` };

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for (const [index, line] of lines.entries()) {
    const row = index + 1;
    if (line.length !== CSV_COLUMNS.length) {
      problems.push({ row, problem: `expected ${CSV_COLUMNS.length} values, found ${line.length}.` });
      continue;
    }
    const [name, country, niches, email, platform, handle, followers, avgEngagement] = line;
    const parsed = profileShape(';').extend(accountShape.shape).safeParse({ name, country, niches, email, platform, handle, followers, avgEngagement });
    if (!parsed.success) {
      problems.push({ row, problem: [...new Set(parsed.error.issues.map((issue) => issue.message))].join(' ') });
      continue;
    }
    const { platform: p, handle: h, followers: f, avgEngagement: e, ...profile } = parsed.data;
    rows.push({ row, profile: { ...profile, accounts: [toAccount({ platform: p, handle: h, followers: f, avgEngagement: e })] } });
  }
  return { rows, problems };
}
