import { z } from 'zod';
import type { PostMetrics } from '../../domain/posts.js';
import { COUNT_FIELDS, RESULT_FIELDS as F } from '../../views/results-form.js';
import { type StateValues, fieldErrors, read, toMinorUnits } from './form.js';

/** The database keeps counts in 32-bit integers. */
const MAX_COUNT = 2_147_483_647;

const count = z
  .string()
  .trim()
  .regex(/^\d+$/, 'Use a whole number, 0 or more.')
  .transform(Number)
  .refine((n) => n <= MAX_COUNT, `At most ${MAX_COUNT.toLocaleString('en')}.`)
  .optional();

const shape = z.object({
  postId: z.string().regex(/^\d+$/, 'Choose the post.').transform(Number).optional(),
  postUrl: z
    .url({ protocol: /^https?$/, error: 'Use the http(s) link of the live post.' })
    .max(2000, 'At most 2,000 characters.')
    .optional(),
  ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, count])),
});

const BLOCK_OF: Record<string, string> = { postId: F.post, postUrl: F.postUrl, revenue: F.revenue, ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, f])) };

const filled = (value: string | null | undefined) => (value?.trim() ? value : undefined);

/** Blank fields are "not given": the post keeps what was recorded before. */
export function parseResults(values: StateValues, currencyDigits: number, choosesPost: boolean) {
  const raw = {
    postId: read(values, F.post).selected_option?.value,
    postUrl: filled(read(values, F.postUrl).value),
    ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, filled(read(values, field).value)])),
    revenue: filled(read(values, F.revenue).value),
  };
  const parsed = shape.safeParse(raw);
  const revenue = raw.revenue === undefined ? undefined : toMinorUnits(raw.revenue, currencyDigits);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error, (path) => BLOCK_OF[String(path[0])]);
  if (raw.revenue !== undefined && revenue === undefined) {
    errors[F.revenue] = `Use ${currencyDigits === 0 ? 'a whole amount' : `an amount with at most ${currencyDigits} decimals`}, 0 or more.`;
  }
  if (choosesPost && raw.postId === undefined) errors[F.post] = 'Choose the post.';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false as const, errors };
  const metrics: Partial<PostMetrics> = {};
  for (const field of COUNT_FIELDS) {
    const value = (parsed.data as Record<string, unknown>)[field];
    if (typeof value === 'number') metrics[field] = value;
  }
  if (revenue !== undefined) metrics.attributedRevenueMinor = revenue;
  return { ok: true as const, postId: parsed.data.postId, result: { ...(parsed.data.postUrl ? { postUrl: parsed.data.postUrl } : {}), metrics } };
}
