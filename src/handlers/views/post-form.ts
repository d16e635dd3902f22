import { z } from 'zod';
import { MAX_CONTENT, MAX_MEDIA, POST_FIELDS as F } from '../../views/post-form.js';
import { type StateValues, fieldErrors, isoDay, read } from './form.js';

const shape = z.object({
  target: z.string({ error: 'Choose the influencer and account.' }).regex(/^\d+:\d+$/, 'Choose the influencer and account.'),
  plannedDate: z.string({ error: 'Choose the planned date.' }),
  content: z.string({ error: 'Write the content to review.' }).trim().min(1, 'Write the content to review.').max(MAX_CONTENT, `At most ${MAX_CONTENT} characters.`),
  mediaUrls: z
    .array(z.url({ protocol: /^https?$/, error: (issue) => `"${String(issue.input).slice(0, 60)}" is not an http(s) link.` }))
    .max(MAX_MEDIA, `At most ${MAX_MEDIA} links.`),
});

const BLOCK_OF: Record<string, string> = { target: F.account, plannedDate: F.plannedDate, content: F.content, mediaUrls: F.mediaUrls };

export function parseDraftPost(values: StateValues) {
  const raw = {
    target: read(values, F.account).selected_option?.value,
    plannedDate: read(values, F.plannedDate).selected_date ?? undefined,
    content: read(values, F.content).value ?? undefined,
    mediaUrls: (read(values, F.mediaUrls).value ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
  };
  const parsed = shape.safeParse(raw);
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error, (path) => BLOCK_OF[String(path[0])]) };
  const plannedDate = isoDay(parsed.data.plannedDate);
  if (!plannedDate) return { ok: false as const, errors: { [F.plannedDate]: 'Choose the planned date.' } };
  const [participationId, socialAccountId] = parsed.data.target.split(':').map(Number) as [number, number];
  return { ok: true as const, draft: { participationId, socialAccountId, plannedDate, content: parsed.data.content, mediaUrls: parsed.data.mediaUrls } };
}
