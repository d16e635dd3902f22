import { describe, expect, it } from 'vitest';
import { type RevisionContent, revisionChanges, unchanged } from '../../src/domain/revision-changes.js';

const DAY = new Date('2026-12-05T00:00:00Z');
const revision = (content: string, mediaUrls: string[] = [], plannedDate = DAY): RevisionContent => ({ content, mediaUrls, plannedDate });
const changed = (before: string, after: string, change: 'added' | 'removed') =>
  revisionChanges(revision(before), revision(after))
    .caption.filter((part) => part.change === change)
    .map((part) => part.text);

describe('what changed in the caption, word by word', () => {
  it.each([
    { case: 'a word replaced', before: 'First take, logo hidden', after: 'Second take, logo hidden', added: ['Second'], removed: ['First'] },
    { case: 'hashtag added at the end', before: 'New serum out now', after: 'New serum out now #ad', added: ['#ad'], removed: [] },
    { case: 'a word taken out', before: 'Try the amazing new serum', after: 'Try the new serum', added: [], removed: ['amazing '] },
    {
      case: 'Japanese without spaces: words, not the whole sentence',
      before: '新しい美容液を試してください',
      after: '新しい夜用美容液を今日試してください',
      added: ['夜用', '今日'],
      removed: [],
    },
    { case: 'an emoji with skin tone and joiner stays whole', before: 'Glow up ✨', after: 'Glow up 👩🏽‍🔬✨', added: ['👩🏽‍🔬'], removed: [] },
    { case: 'an emoji swapped for another', before: 'Morning routine 🌞', after: 'Morning routine 🌙', added: ['🌙'], removed: ['🌞'] },
  ])('$case', ({ before, after, added, removed }) => {
    expect(changed(before, after, 'added')).toEqual(added);
    expect(changed(before, after, 'removed')).toEqual(removed);
  });

  it('keeps the unchanged text between changes: the runs rebuild the new caption, and the old one but for spacing', () => {
    const before = 'Day one of the glow plan, link in bio';
    const after = 'Day two of the glow plan #ad, link in bio';
    const { caption } = revisionChanges(revision(before), revision(after));
    const rebuilt = (skip: string) =>
      caption
        .filter((p) => p.change !== skip)
        .map((p) => p.text)
        .join('');
    expect(rebuilt('removed')).toBe(after);
    expect(rebuilt('added').replace(/\s+/g, '')).toBe(before.replace(/\s+/g, ''));
  });

  it.each([
    { case: 'same text', before: 'Same words here', after: 'Same words here' },
    { case: 'only spacing', before: 'Same  words here', after: 'Same words here' },
  ])('counts no caption change for $case', ({ before, after }) => {
    expect(revisionChanges(revision(before), revision(after)).caption).toEqual([]);
  });
});

describe('media and date', () => {
  it('lists links added and removed, and the date moved', () => {
    const before = revision('Caption', ['https://cdn.example.com/a.mp4', 'https://cdn.example.com/b.jpg']);
    const after = revision('Caption', ['https://cdn.example.com/b.jpg', 'https://cdn.example.com/c.jpg'], new Date('2026-12-09T00:00:00Z'));
    const changes = revisionChanges(before, after);
    expect(changes).toEqual({
      caption: [],
      media: { added: ['https://cdn.example.com/c.jpg'], removed: ['https://cdn.example.com/a.mp4'] },
      plannedDate: { from: DAY, to: new Date('2026-12-09T00:00:00Z') },
    });
    expect(unchanged(changes)).toBe(false);
  });

  it('a revision that changed nothing is unchanged; reordering media is not a change', () => {
    const before = revision('Caption', ['https://a.example/1', 'https://a.example/2']);
    expect(unchanged(revisionChanges(before, revision('Caption', ['https://a.example/2', 'https://a.example/1'])))).toBe(true);
  });
});
