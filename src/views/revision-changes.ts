// The "what changed since the previous revision" block of a revision's approval card.
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { HistoryEntry } from '../domain/history.js';
import type { Post } from '../domain/posts.js';
import { type CaptionPart, type RevisionContent, revisionChanges, unchanged } from '../domain/revision-changes.js';
import { context, section } from './blocks.js';
import { calendarDate } from './format.js';
import { clampMrkdwn, escapeMrkdwn, link, userText } from './mrkdwn.js';

/** Section text is at most 3,000 characters; the rest of the card needs its share of the message. */
const MAX_TEXT = 2_000;
/** Unchanged words kept around each change, so the reader finds the place without rereading it all. */
const CONTEXT_WORDS = 6;

/** What `post.resubmitted` keeps of the revision it replaces (src/workflow/posts.ts). */
const previousRevision = z.object({ content: z.string(), mediaUrls: z.array(z.string()), plannedDate: z.iso.datetime().transform((iso) => new Date(iso)) });

/** The content of the revision before `post`'s current one, when its resubmission recorded it. */
export function previousContent(resubmitted: HistoryEntry | undefined): RevisionContent | undefined {
  if (resubmitted?.action !== 'post.resubmitted') return undefined;
  const parsed = previousRevision.safeParse(resubmitted.details?.previous);
  return parsed.success ? parsed.data : undefined;
}

/** The block, or none for a first revision, a revision that changed nothing, or one recorded before changes were kept. */
export function revisionChangesBlocks(post: Post, previous: RevisionContent | undefined): KnownBlock[] {
  if (!previous || post.revision < 2) return [];
  const changes = revisionChanges(previous, post);
  const title = `:mag: *What changed since revision ${post.revision - 1}*`;
  if (unchanged(changes)) return [context(`${title}: nothing (same caption, media and date)`)];
  const lines = [
    ...(changes.caption.length ? [`Caption (*added*, ~removed~):\n${captionMrkdwn(changes.caption)}`] : []),
    ...changes.media.added.map((url) => `Media added: ${link(url, userText(url, 80))}`),
    ...changes.media.removed.map((url) => `Media removed: ~${userText(url, 80)}~`),
    ...(changes.plannedDate ? [`Planned date: ${calendarDate(changes.plannedDate.from)} → ${calendarDate(changes.plannedDate.to)}`] : []),
  ];
  return [section(clampMrkdwn(`${title}\n${lines.join('\n')}`, MAX_TEXT))];
}

const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The caption with additions in bold and removals struck through; long unchanged stretches shortened to "…". */
export function captionMrkdwn(parts: CaptionPart[]): string {
  let text = '';
  parts.forEach((part, index) => {
    const piece =
      part.change === 'kept' ? escapeMrkdwn(shortened(part.text, index > 0, index < parts.length - 1)) : marked(part.text, part.change === 'added' ? '*' : '~');
    // Marks touching a letter or punctuation ("serum~, glow~", "~old~*new*", "新しい*夜用*美容液") are not
    // formatted: a space keeps a marked run apart from what is next to it.
    const touching = index > 0 && (part.change !== 'kept' || parts[index - 1]!.change !== 'kept') && text && !/\s$/u.test(text) && !/^\s/u.test(piece);
    text += (touching ? ' ' : '') + piece;
  });
  return text;
}

/** Keeps the words next to a change (before it when `head`, after it when `tail`). */
function shortened(text: string, head: boolean, tail: boolean): string {
  const segments = [...WORDS.segment(text)];
  const wordIndexes = segments.flatMap((segment, index) => (segment.isWordLike ? [index] : []));
  if (wordIndexes.length <= CONTEXT_WORDS * 2) return text;
  const headEnd = head ? wordIndexes[CONTEXT_WORDS - 1]! + 1 : 0;
  const tailStart = tail ? wordIndexes[wordIndexes.length - CONTEXT_WORDS]! : segments.length;
  const join = (from: number, to: number) =>
    segments
      .slice(from, to)
      .map((s) => s.segment)
      .join('');
  return `${join(0, headEnd)}${head ? ' ' : ''}…${tail ? ' ' : ''}${join(tailStart, segments.length)}`;
}

/**
 * Slack formats `*bold*` and `~strike~` only when the marks touch text on the inside and stay on one
 * line, so each line of a run is marked apart, with its surrounding spaces left outside the marks.
 */
function marked(text: string, mark: '*' | '~'): string {
  return text
    .split('\n')
    .map((line) => {
      const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/u.exec(line) ?? [];
      return core ? `${lead}${mark}${escapeMrkdwn(core)}${mark}${trail}` : line;
    })
    .join('\n');
}
