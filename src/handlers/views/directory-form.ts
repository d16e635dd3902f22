import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PLATFORMS } from '../../domain/brief.js';
import type { InfluencerProfile } from '../../domain/influencer.js';
import { CSV_COLUMNS, INFLUENCER_FIELDS as F, MAX_IMPORT_ROWS } from '../../views/directory.js';
import { type StateValues, fieldErrors, read } from './form.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Empty text is "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const required = (label: string, max: number) =>
  z.string({ error: `${label} is required.` }).trim().min(1, `${label} is required.`).max(max, `${label} is at most ${max} characters.`);

/** One influencer with one account, from text fields: the modal's or a CSV row's. */
const profileShape = (nicheSeparator: string) =>
  z.object({
    name: required('The name', 150),
    country: required('The country', 60),
    niches: z.string().max(500, 'Niches are at most 500 characters.').optional()
      .transform((value) => (value ?? '').split(nicheSeparator).map((niche) => niche.trim()).filter(Boolean)),
    email: z.preprocess(blankToUndefined, z.email({ error: 'Enter a valid email address, e.g. name@example.com.' }).max(254).optional())
      .transform((value) => value ?? null),
    platform: z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
      z.enum(PLATFORMS, { error: `Choose a platform: ${PLATFORMS.join(', ')}.` })),
    handle: z.string({ error: 'Enter the handle.' }).trim().transform((value) => value.replace(/^@/, ''))
      .pipe(z.string().min(1, 'Enter the handle.').max(100, 'The handle is at most 100 characters.').regex(/^\S+$/, 'A handle has no spaces.')),
    followers: z.string({ error: 'Enter the followers.' }).trim()
      .regex(/^\d{1,10}$/, 'Followers must be a whole number, zero or more.')
      .transform(Number)
      .refine((n) => n <= 2_000_000_000, 'Followers must be at most 2 billion.'),
    avgEngagement: z.preprocess(blankToUndefined, z.string().trim()
      .regex(/^\d{1,3}(\.\d+)?$/, 'Average engagement is a percentage between 0 and 100.')
      .transform(Number)
      .refine((n) => n <= 100, 'Average engagement is a percentage between 0 and 100.')
      .optional()),
  });

type ProfileFields = z.infer<ReturnType<typeof profileShape>>;

function toProfile({ platform, handle, followers, avgEngagement, ...rest }: ProfileFields): InfluencerProfile {
  return { ...rest, accounts: [{ platform, handle, followers, avgEngagementPct: avgEngagement ?? null }] };
}

const BLOCK_OF: Record<string, string> = F;

/** Reads the add/edit influencer modal into a profile, or the field errors to show in it. */
export function parseInfluencerForm(values: StateValues): Parsed<InfluencerProfile> {
  const raw = {
    name: read(values, F.name).value ?? undefined,
    country: read(values, F.country).value ?? undefined,
    niches: read(values, F.niches).value ?? undefined,
    email: read(values, F.email).value ?? undefined,
    platform: read(values, F.platform).selected_option?.value,
    handle: read(values, F.handle).value ?? undefined,
    followers: read(values, F.followers).value ?? undefined,
    avgEngagement: read(values, F.avgEngagement).value ?? undefined,
  };
  const parsed = profileShape(',').safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, (path) => BLOCK_OF[String(path[0])]) };
  return { ok: true, value: toProfile(parsed.data) };
}

const MAX_LISTED_PROBLEMS = 5;

function problems(lines: string[]): string {
  const listed = lines.slice(0, MAX_LISTED_PROBLEMS).join('\n');
  return lines.length > MAX_LISTED_PROBLEMS ? `${listed}\n…and ${lines.length - MAX_LISTED_PROBLEMS} more rows with problems.` : listed;
}

function readCsv(text: string): { rows: string[][] } | { problem: string } {
  try {
    return { rows: parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][] };
  } catch (error) {
    return { problem: `The CSV could not be read: ${(error as Error).message.slice(0, 300)}` };
  }
}

/**
 * Pasted CSV (header first) into profiles, or one message naming every bad row (rows counted
 * after the header, as `addInfluencers` counts them). Nothing is imported unless every row is good.
 */
export function parseInfluencerCsv(text: string): { ok: true; value: InfluencerProfile[] } | { ok: false; problem: string } {
  const csv = readCsv(text);
  if ('problem' in csv) return { ok: false, problem: csv.problem };
  const [header = [], ...rows] = csv.rows;
  const columns = header.map((column) => column.toLowerCase());
  if (columns.length !== CSV_COLUMNS.length || CSV_COLUMNS.some((column, i) => columns[i] !== column)) {
    return { ok: false, problem: `The first line must be the header \`${CSV_COLUMNS.join(',')}\`.` };
  }
  if (rows.length === 0) return { ok: false, problem: 'Paste at least one row under the header.' };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: `At most ${MAX_IMPORT_ROWS} rows at a time; this has ${rows.length}.` };

  const found: string[] = [];
  const profiles: InfluencerProfile[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const number = index + 1;
    if (row.length !== CSV_COLUMNS.length) {
      found.push(`Row ${number}: expected ${CSV_COLUMNS.length} values, found ${row.length}.`);
      continue;
    }
    const [name, country, niches, email, platform, handle, followers, avgEngagement] = row;
    const parsed = profileShape(';').safeParse({ name, country, niches, email, platform, handle, followers, avgEngagement });
    if (!parsed.success) {
      found.push(`Row ${number}: ${[...new Set(parsed.error.issues.map((issue) => issue.message))].join(' ')}`);
      continue;
    }
    const profile = toProfile(parsed.data);
    const account = profile.accounts[0]!;
    const key = `${account.platform} @${account.handle.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier) found.push(`Row ${number}: ${key} is also on row ${earlier}.`);
    else seen.set(key, number);
    profiles.push(profile);
  }
  return found.length ? { ok: false, problem: problems(found) } : { ok: true, value: profiles };
}
