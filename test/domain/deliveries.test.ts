import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, type RecordedEntry, deliveriesFor, deliveriesForAll, deliveryKey, retryDelaySeconds, showsState } from '../../src/domain/deliveries.js';

const people = { campaignId: 7, salesPicId: 'U0SALES', influencerPicId: 'U0INFPIC', approverIds: ['U0APPROVE', 'U0SALES'] };
const entry = (action: string, extra: Partial<RecordedEntry> = {}): RecordedEntry => ({
  id: '41',
  actor: 'U0MEMBER',
  at: new Date('2026-11-23T09:00:00Z'),
  entityType: action.split('.')[0]!,
  entityId: '7',
  action,
  ...extra,
});

describe('what Slack must show after a change', () => {
  it('a proposal decision: the card, the request, a thread reply naming the event, and each concerned App Home once', () => {
    expect(deliveriesFor(entry('campaign.proposal_approved'), people)).toEqual([
      { kind: 'campaign_card', campaignId: 7 },
      { kind: 'proposal_request', campaignId: 7 },
      { kind: 'proposal_reply', campaignId: 7, eventId: '41' },
      { kind: 'home', userId: 'U0MEMBER' },
      { kind: 'home', userId: 'U0SALES' },
      { kind: 'home', userId: 'U0INFPIC' },
      { kind: 'home', userId: 'U0APPROVE' },
    ]);
  });

  it('completing sends the report to each PIC and approver once; the scheduler gets no App Home of its own', () => {
    const shown = deliveriesFor(entry('campaign.completed', { actor: 'system' }), people);
    expect(shown.filter((d) => d.kind === 'report_dm').map((d) => (d as { userId: string }).userId)).toEqual(['U0SALES', 'U0INFPIC', 'U0APPROVE']);
    expect(shown.filter((d) => d.kind === 'home').map((d) => (d as { userId: string }).userId)).toEqual(['U0SALES', 'U0INFPIC', 'U0APPROVE']);
  });

  it("a post's events show its revision's message; decisions and edits are told in its thread", () => {
    const rejected = deliveriesFor(entry('post.rejected', { entityType: 'post', entityId: '3', details: { revision: 2 } }), people);
    expect(rejected.slice(0, 2)).toEqual([
      { kind: 'post_request', postId: 3, revision: 2 },
      { kind: 'post_reply', postId: 3, eventId: '41', revision: 2 },
    ]);
    expect(deliveryKey(rejected[0]!)).toBe('post_request:3:2');
    expect(
      deliveriesFor(entry('post.result_recorded', { entityType: 'post', entityId: '3', details: { revision: 2 } }), people).map((d) => d.kind),
    ).not.toContain('post_reply');
  });

  it('a deleted draft shows nothing but its card, which shares the key of the campaign card; events without a campaign show nothing', () => {
    expect(deliveriesFor(entry('campaign.deleted'), people).map((d) => d.kind)).toEqual(['home', 'home', 'home', 'home']);
    const deleted = { kind: 'deleted_card' as const, campaignId: 7, channelId: 'C1', ts: '1.2', campaign: {}, by: 'U0SALES', at: '2026-11-23T09:00:00.000Z' };
    expect(deliveryKey(deleted)).toBe(deliveryKey({ kind: 'campaign_card', campaignId: 7 }));
    expect(showsState('deleted_card')).toBe(true);
    expect(showsState('post_reply')).toBe(false);
    expect(deliveriesFor(entry('admin.granted', { entityType: 'admin' }), undefined)).toEqual([]);
  });

  it('a hundred events of one change show each thing once', () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({
      entry: entry('participant.added', { id: String(i), entityType: 'participant', entityId: String(i) }),
      people,
    }));
    expect(deliveriesForAll(entries)).toHaveLength(4);
  });
});

describe('retrying', () => {
  it('backs off from 1 s, doubling, at most 5 minutes; waits at least what Slack asked', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelaySeconds(n, 'internal_error'))).toEqual([1, 2, 4, 8, 300]);
    expect(retryDelaySeconds(1, 'ratelimited', 30)).toBe(30);
  });

  it('gives up at once on answers another try cannot change, and after the last try', () => {
    expect(retryDelaySeconds(1, 'channel_not_found')).toBeUndefined();
    expect(retryDelaySeconds(1, 'answer_lost')).toBeUndefined();
    expect(retryDelaySeconds(MAX_ATTEMPTS, 'internal_error')).toBeUndefined();
    expect(retryDelaySeconds(MAX_ATTEMPTS - 1, 'internal_error')).toBe(300);
  });
});
