import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/domain/history.js';
import type { Post } from '../../src/domain/posts.js';
import { revisionChanges } from '../../src/domain/revision-changes.js';
import { captionMrkdwn, previousContent, revisionChangesBlocks } from '../../src/views/revision-changes.js';
import { mrkdwnTexts } from '../support/block-kit.js';
import { post as postFixture } from '../support/factories.js';

const DAY = new Date('2026-12-05T00:00:00Z');
const caption = (before: string, after: string) =>
  captionMrkdwn(revisionChanges({ content: before, mediaUrls: [], plannedDate: DAY }, { content: after, mediaUrls: [], plannedDate: DAY }).caption);
const post = (overrides: Partial<Post> = {}): Post =>
  postFixture(7, { plannedDate: DAY, content: 'Second take, logo visible', status: 'pending_approval', revision: 2, version: 3, ...overrides });
const resubmitted = (previous: unknown): HistoryEntry => ({
  actor: 'U0MEMBER',
  at: DAY,
  entityType: 'post',
  entityId: '7',
  action: 'post.resubmitted',
  details: { revision: 2, previous },
});

describe('the caption with its changes marked', () => {
  it.each([
    { case: 'punctuation next to a removed run', before: 'New serum, guaranteed glow #ad', after: 'New serum #ad', shown: 'New serum ~, guaranteed glow~ #ad' },
    {
      case: 'a replaced word reads "~old~ *new*"',
      before: 'First take, logo hidden',
      after: 'Second take, logo visible',
      shown: '~First~ *Second* take, logo ~hidden~ *visible*',
    },
    {
      case: 'Japanese: a space either side of a marked run, or Slack would not format it',
      before: '新しい美容液を試してください',
      after: '新しい夜用美容液を試してください',
      shown: '新しい *夜用* 美容液を試してください',
    },
    { case: 'an emoji', before: 'Glow up ✨', after: 'Glow up 👩🏽‍🔬✨ #ad', shown: 'Glow up *👩🏽‍🔬* ✨ *#ad*' },
    { case: 'user text escaped, even inside the marks', before: 'Hi all', after: 'Hi <!here> & all', shown: 'Hi *&lt;!here&gt; &amp;* all' },
    {
      case: 'each line marked apart (marks do not span lines)',
      before: 'Line one',
      after: 'Line one\nline two\nline three',
      shown: 'Line one\n*line two*\n*line three*',
    },
  ])('$case', ({ before, after, shown }) => {
    expect(caption(before, after)).toBe(shown);
  });

  it('shortens a long unchanged stretch to the six words next to each change', () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(caption(`Start ${words} end`, `Begin ${words} finish`)).toBe(
      '~Start~ *Begin* one two three four five six … nine ten eleven twelve thirteen fourteen ~end~ *finish*',
    );
  });
});

describe('the block on a revision card', () => {
  it('names the previous revision and lists caption, media and date changes', () => {
    const blocks = revisionChangesBlocks(
      post({ mediaUrls: ['https://cdn.example.com/new.mp4'], plannedDate: new Date('2026-12-09T00:00:00Z') }),
      previousContent(resubmitted({ content: 'First take, logo hidden', mediaUrls: ['https://cdn.example.com/old.mp4'], plannedDate: DAY.toISOString() })),
    );
    expect(mrkdwnTexts({ blocks }).join('\n')).toBe(
      [
        ':mag: *What changed since revision 1*',
        'Caption (*added*, ~removed~):',
        '~First~ *Second* take, logo ~hidden~ *visible*',
        'Media added: <https://cdn.example.com/new.mp4|https://cdn.example.com/new.mp4>',
        'Media removed: ~https://cdn.example.com/old.mp4~',
        'Planned date: 2026-12-05 → 2026-12-09',
      ].join('\n'),
    );
  });

  it('says "nothing" for a revision that changed nothing', () => {
    const blocks = revisionChangesBlocks(
      post(),
      previousContent(resubmitted({ content: 'Second take,  logo visible', mediaUrls: [], plannedDate: DAY.toISOString() })),
    );
    expect(mrkdwnTexts({ blocks }).join('\n')).toContain('nothing (same caption, media and date)');
  });

  it('shows nothing for a first revision, or when the history did not keep the previous content', () => {
    expect(revisionChangesBlocks(post({ revision: 1 }), previousContent(resubmitted({ content: 'x', mediaUrls: [], plannedDate: DAY.toISOString() })))).toEqual(
      [],
    );
    expect(revisionChangesBlocks(post(), previousContent(resubmitted(undefined)))).toEqual([]);
    expect(revisionChangesBlocks(post(), previousContent(resubmitted({ content: 3 })))).toEqual([]);
    expect(
      revisionChangesBlocks(
        post(),
        previousContent({ ...resubmitted({ content: 'x', mediaUrls: [], plannedDate: DAY.toISOString() }), action: 'post.submitted' }),
      ),
    ).toEqual([]);
  });
});
