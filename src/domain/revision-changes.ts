// What changed between two revisions of a draft post: the caption word by word, the media links
// and the planned date. Pure: the reviewer of revision 3 reads this instead of comparing by eye.
import { diffWords } from 'diff';

/** The parts of a revision a reviewer compares. */
export interface RevisionContent {
  content: string;
  mediaUrls: string[];
  plannedDate: Date;
}

/** A run of the caption: kept as it was, added in the new revision, or removed from the old one. */
export interface CaptionPart {
  change: 'kept' | 'added' | 'removed';
  text: string;
}

export interface RevisionChanges {
  /** The caption in runs; empty when the caption did not change. */
  caption: CaptionPart[];
  media: { added: string[]; removed: string[] };
  plannedDate: { from: Date; to: Date } | null;
}

// Words as a reader of the language sees them: Japanese or Chinese captions have no spaces, and an
// emoji (with its skin tone or joiners) stays one word.
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Word-level changes from `before` to `after` (whitespace-only changes do not count). */
export function revisionChanges(before: RevisionContent, after: RevisionContent): RevisionChanges {
  const caption = before.content === after.content ? [] : captionParts(before.content, after.content);
  const kept = new Set(before.mediaUrls);
  const now = new Set(after.mediaUrls);
  const sameDay = before.plannedDate.toISOString().slice(0, 10) === after.plannedDate.toISOString().slice(0, 10);
  return {
    caption: caption.some((part) => part.change !== 'kept') ? caption : [],
    media: { added: after.mediaUrls.filter((url) => !kept.has(url)), removed: before.mediaUrls.filter((url) => !now.has(url)) },
    plannedDate: sameDay ? null : { from: before.plannedDate, to: after.plannedDate },
  };
}

function captionParts(before: string, after: string): CaptionPart[] {
  return diffWords(before, after, { intlSegmenter: WORDS }).map((part) => ({
    change: part.added ? 'added' : part.removed ? 'removed' : 'kept',
    text: part.value,
  }));
}

/** True when nothing a reviewer compares changed. */
export function unchanged(changes: RevisionChanges): boolean {
  return changes.caption.length === 0 && changes.media.added.length === 0 && changes.media.removed.length === 0 && changes.plannedDate === null;
}
