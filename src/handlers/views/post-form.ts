import { z } from 'zod';
import { MAX_CONTENT, MAX_MEDIA, POST_FIELDS as F } from '../../views/post-form.js';
import { type StateValues, fieldErrors, isoDay, read } from './form.js';

// Every field is checked in one pass, so the form shows all its mistakes at once.
const fields = z.object({
  plannedDate: z
    .string({ error: 'Choose the planned date.' })
    .refine((value) => isoDay(value) !== undefined, 'Choose the planned date.')
    .transform((value) => isoDay(value) as Date),
  content: z
    .string({ error: 'Write the content to review.' })
    .trim()
    .min(1, 'Write the content to review.')
    .max(MAX_CONTENT, `At most ${MAX_CONTENT} characters.`),
  mediaUrls: z
    .array(z.url({ protocol: /^https?$/, error: (issue) => `"${String(issue.input).slice(0, 60)}" is not an http(s) link.` }))
    .max(MAX_MEDIA, `At most ${MAX_MEDIA} links.`),
});
const withTarget = fields.extend({
  target: z.string({ error: 'Choose the influencer and account.' }).regex(/^\d+:\d+$/, 'Choose the influencer and account.'),
});

const BLOCK_OF: Record<string, string> = { target: F.account, plannedDate: F.plannedDate, content: F.content, mediaUrls: F.mediaUrls };
const blockOf = (path: PropertyKey[]) => BLOCK_OF[String(path[0])];

function rawFields(values: StateValues) {
  return {
    plannedDate: read(values, F.plannedDate).selected_date ?? undefined,
    content: read(values, F.content).value ?? undefined,
    mediaUrls: (read(values, F.mediaUrls).value ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** The new-draft form: which influencer account, and the post's date, caption and media. */
export function parseDraftPost(values: StateValues) {
  const parsed = withTarget.safeParse({ ...rawFields(values), target: read(values, F.account).selected_option?.value });
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error, blockOf) };
  const { target, ...post } = parsed.data;
  const [participationId, socialAccountId] = target.split(':').map(Number) as [number, number];
  return { ok: true as const, draft: { participationId, socialAccountId, ...post } };
}

/** The form for an existing post (its next revision, or an edit): date, caption and media. */
export function parsePostFields(values: StateValues) {
  const parsed = fields.safeParse(rawFields(values));
  return parsed.success ? { ok: true as const, post: parsed.data } : { ok: false as const, errors: fieldErrors(parsed.error, blockOf) };
}
