import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/domain/brief.js';
import { composeCampaignDigest } from '../../src/domain/digest-compose.js';
import type { CampaignDigest, CampaignDigestInput } from '../../src/domain/digest.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import type { Metrics } from '../../src/domain/metrics.js';
import type { Post } from '../../src/domain/posts.js';
import { APPROVE_POST, APPROVE_POST_WITH_CORRECTIONS, REJECT_POST } from '../../src/views/approvals.js';
import { campaignDigestMessage, digestText, overviewMessage } from '../../src/views/digest.js';
import type { SlackMessage } from '../../src/views/help.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { METRICS as BASE_METRICS, campaignFixture, day, participant, post as postFixture, T0, LONG, postRejected, digestInput } from '../support/factories.js';

const campaign = (id: number, overrides: Partial<Campaign> = {}) => campaignFixture({ id, ...overrides });
const post = (id: number, overrides: Partial<Post> = {}) => postFixture(id, { version: 3, ...overrides });
const METRICS: Metrics = { ...BASE_METRICS, reach: 12_345, engagementRatePct: 4.05 };

function digest(overrides: Partial<CampaignDigestInput> = {}): CampaignDigest {
  return composeCampaignDigest(digestInput({ metrics: METRICS, ...overrides }));
}

const json = (m: SlackMessage) => m as unknown as Record<string, unknown>;

/** Every text Slack counts towards a message's block size: each `text` string inside the blocks. */
function blockTextLength(message: SlackMessage): number {
  let total = 0;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') total += value.length;
      else visit(value);
    }
  };
  visit(message.blocks);
  return total;
}

const busy = () =>
  digest({
    campaign: campaign(12, { title: 'Winter <glow> & co' }),
    participants: [
      participant(1, { stage: 'collaborating' }),
      participant(2, { stage: 'content_in_review' }),
      participant(3, { stage: 'not_selected' }),
      participant(4, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-10T10:00:00Z'), influencerName: 'Ana' }),
    ],
    posts: [
      post(5, { status: 'rejected', participationId: 2 }),
      post(6, { status: 'pending_approval', participationId: 2 }),
      post(8, { status: 'approved', plannedDate: day('2026-11-21') }),
    ],
    changes: [
      {
        actor: 'U0APP1',
        at: new Date('2026-11-22T15:00:00Z'),
        entityType: 'post',
        entityId: '5',
        action: 'post.rejected',
        from: 'pending_approval',
        to: 'rejected',
        reason: 'Logo <missing> & blurry',
      },
      {
        actor: 'U0MEMBER',
        at: new Date('2026-11-22T10:00:00Z'),
        entityType: 'participant',
        entityId: '1',
        action: 'participant.moved',
        from: 'applied',
        to: 'approved',
      },
      {
        actor: 'system',
        at: new Date('2026-11-22T00:00:00Z'),
        entityType: 'campaign',
        entityId: '12',
        action: 'campaign.recruitment_closed',
        from: 'recruiting',
        to: 'recruitment_closed',
      },
    ],
  });

describe('campaign digest message', () => {
  it('a quiet day: nothing, or one line when the setting asks for it', () => {
    const quiet = digest();
    expect(quiet.quiet).toBe(true);
    expect(campaignDigestMessage(quiet, { quietMessage: false })).toBeUndefined();
    const message = campaignDigestMessage(quiet, { quietMessage: true })!;
    expect(message.blocks).toHaveLength(1);
    expect(message.text).toBe(':sunny: Nothing needs you today in *C-12* Winter glow.');
    expect(digestText(message)).toBe('☀️ Nothing needs you today in C-12 Winter glow.\n');
  });

  it('shows the sections of a busy day with buttons for the post awaiting approval', () => {
    const message = campaignDigestMessage(busy(), { quietMessage: false })!;
    expect(blockKitViolations(json(message), 'message')).toEqual([]);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', emoji: true, text: ':red_circle: C-12 Winter <glow> & co' } });
    const actions = message.blocks.filter((b) => b.type === 'actions');
    expect(actions).toEqual([
      {
        type: 'actions',
        block_id: 'digest_post_6',
        elements: [
          { type: 'button', action_id: APPROVE_POST, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value: '6:3' },
          { type: 'button', action_id: APPROVE_POST_WITH_CORRECTIONS, text: { type: 'plain_text', text: 'Approve with corrections' }, value: '6:3' },
          { type: 'button', action_id: REJECT_POST, text: { type: 'plain_text', text: 'Needs work' }, style: 'danger', value: '6:3' },
        ],
      },
    ]);
    const text = digestText(message);
    expect(text).toContain('Funnel (4): Agreement sent 1 → Collaborating 1 → Content in review 1 → Not selected 1');
    expect(text).toContain('Awaiting approval (1) — approvers: @U0APP1 @U0APP2');
    expect(text).toContain('Influencer 2 · post #6, revision 1 · planned 2026-11-30 · submitted today');
    expect(text).toContain('   [Approve] [Approve with corrections] [Needs work]');
    expect(text).toContain('Influencer 1 · post #8 planned 2026-11-21 · 2 days overdue');
    expect(text).toContain('Ana · sign by Fri 13 Nov, 10:00 passed');
    // Changes read as sentences with names; people are named by role, so the digest pings nobody for them.
    expect(text).toContain('2026-11-22 15:00 UTC An approver sent post #5 by Influencer 2 back: it needs work — “Logo <missing> & blurry”');
    expect(text).toContain('2026-11-22 10:00 UTC A team member moved Influencer 1 from Applied to Approved');
    expect(text).toContain('The scheduler closed recruitment');
    expect(text).not.toMatch(/participant #|post\.rejected|recruitment_closed|@U0MEMBER/);
    expect(text).toContain('Spend: $450.00 of $1,000.00 (45 %)');
    expect(text).toContain('Reach: 12,345 · Engagement rate: 4.05 %');
    expect(text).toContain('Engagement rate = engagements (likes + comments + shares + saves) ÷ reach × 100 · cost per engagement = total cost');
    expect(text).toContain('Daily digest · Collaborating · late · Ends in 10 days (2026-12-03)');
    // newest change first
    expect(text.indexOf('sent post #5 by Influencer 2 back')).toBeLessThan(text.indexOf('moved Influencer 1'));
    expect(text).not.toMatch(/&lt;|&gt;|&amp;|<@|<!date/);
  });

  it('looks ahead: what is due today and tomorrow, apart from what is late', () => {
    const message = campaignDigestMessage(
      digest({
        participants: [
          participant(1, { deliverables: [{ platform: 'instagram', kind: 'reel', quantity: 2, dueDate: day('2026-11-24'), notes: '' }] }),
          participant(2, { stage: 'agreement_sent', agreementSentAt: new Date('2026-11-20T12:00:00Z') }),
        ],
        posts: [
          post(5, { status: 'approved', participationId: 1, plannedDate: day('2026-11-23') }),
          post(6, { status: 'pending_approval', participationId: 1, plannedDate: day('2026-11-24') }),
          post(7, { status: 'approved', participationId: 1, plannedDate: day('2026-11-20') }),
        ],
      }),
      { quietMessage: false },
    )!;
    const text = digestText(message);
    expect(text).toContain(
      [
        'Due today and tomorrow (4)',
        '• Today · Influencer 1 · post #5 goes live (approved)',
        '• Today · Influencer 2 · agreement expires Mon 23 Nov, 12:00 unless signed',
        '• Tomorrow · Influencer 1 · post #6 is planned, still awaiting approval',
        '• Tomorrow · Influencer 1 · 2 × Instagram Reel, due 2026-11-24',
      ].join('\n'),
    );
    expect(text).toContain('Posts late to go live (1)\n• Influencer 1 · post #7 planned 2026-11-20 · 3 days overdue');
    expect(text).not.toContain('post #5 planned');
    expect(message.text).toContain('4 due today or tomorrow, 1 late posts');
    expect(blockKitViolations(json(message), 'message')).toEqual([]);
  });

  it('recruitment closing soon, days to end and over budget read plainly', () => {
    const d = digest({
      campaign: campaign(12, { status: 'recruiting', collaborationStartedAt: null, recruitmentCloseDate: day('2026-11-25'), endDate: day('2026-11-23') }),
      metrics: { ...METRICS, totalCostMinor: 120_000, remainingBudgetMinor: -20_000, overBudget: true, budgetUsedPct: 120, engagementRatePct: null },
    });
    const text = digestText(campaignDigestMessage(d, { quietMessage: false })!);
    expect(text).toContain('⌛ Recruitment closes in 2 days.');
    expect(text).toContain('Ends today (2026-11-23)');
    expect(text).toContain('Spend: $1,200.00 of $1,000.00 (120 %) — ⚠️ over budget by $200.00');
    expect(text).toContain('Engagement rate: not available');
  });

  it('user text never becomes a mention: titles, reasons, influencer names, post content', () => {
    const evil = '<!channel> <@U0BOSS> *bold* &';
    const d = digest({
      campaign: campaign(12, { title: evil }),
      participants: [participant(1, { influencerName: evil, stage: 'agreement_sent', agreementSentAt: new Date('2026-11-10T10:00:00Z') })],
      posts: [post(6, { status: 'pending_approval', content: evil }), post(7, { status: 'approved', plannedDate: day('2026-11-22') })],
      changes: [{ actor: 'U0APP1', at: T0, entityType: 'post', entityId: evil, action: evil, from: evil, to: 'rejected', reason: evil }],
    });
    const message = campaignDigestMessage(d, { quietMessage: false })!;
    const overview = overviewMessage([d], [{ channelId: evil, error: evil }]);
    for (const m of [message, overview, campaignDigestMessage(digest({ campaign: campaign(12, { title: evil }) }), { quietMessage: true })!]) {
      const texts = mrkdwnTexts(m);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text).not.toContain('<!channel>');
        expect(text).not.toContain('<@U0BOSS>');
      }
      expect(texts.join('\n')).toContain('&lt;!channel&gt;');
    }
    expect(digestText(message)).toContain('“<!channel> <@U0BOSS> bold &”'); // Slack shows *bold* in user text as bold too
    expect(digestText(message)).toContain('• <!channel> <@U0BOSS> bold & · post #7 planned 2026-11-22 · 1 day overdue');
  });
});

describe('overview message', () => {
  it('one line per campaign, late first, with who is needed; then failed channels', () => {
    const late = digest({ campaign: campaign(3, { title: 'Spring' }), posts: [post(1, { status: 'approved', plannedDate: day('2026-11-20') })] });
    const attention = digest({ campaign: campaign(7, { title: 'Autumn' }), metrics: { ...METRICS, overBudget: true } });
    const fine = digest({ campaign: campaign(1, { title: 'Summer' }) });
    const message = overviewMessage([fine, attention, late], [{ channelId: 'C0GONE', error: 'channel_not_found' }]);
    expect(blockKitViolations(json(message), 'message')).toEqual([]);
    expect(digestText(message)).toBe(
      [
        'Campaign overview',
        '',
        '3 active campaigns: 1 late, 1 need attention, 1 on track.',
        '🔴 C-3 Spring — late · 1 post due to go live (1 overdue): @U0INFPIC',
        '🟡 C-7 Autumn — needs attention · over budget: @U0SALES',
        '🟢 C-1 Summer — on track',
        '⚠️ The digest could not be posted last time to 1 channel:',
        '• #C0GONE: channel_not_found',
        '',
      ].join('\n'),
    );
    expect(mrkdwnTexts(message).join('\n')).toContain('<#C0GONE>');
  });

  it('no campaigns', () => {
    expect(digestText(overviewMessage([], []))).toBe('Campaign overview\n\nNo active campaigns.\n');
  });
});

describe('within Block Kit limits whatever the size', () => {
  const approvers = Array.from({ length: 200 }, (_, i) => `U0APPROVER${i}`);
  const participants = (campaignId: number) =>
    Array.from({ length: 50 }, (_, i) =>
      participant(campaignId * 100 + i, {
        campaignId,
        influencerName: `${LONG} ${i}`,
        stage: i % 2 ? 'agreement_sent' : 'content_in_review',
        agreementSentAt: new Date('2026-11-01T00:00:00Z'),
      }),
    );
  const changes: HistoryEntry[] = Array.from({ length: 2000 }, (_, i) => postRejected(i, new Date(T0.getTime() - i * 60_000), LONG));
  const digests = Array.from({ length: 500 }, (_, index) => {
    const id = index + 1;
    const people = participants(id);
    const posts = Array.from({ length: id === 1 ? 50 : 2 }, (_, i) =>
      post(id * 1000 + i, {
        participationId: people[i]!.id,
        content: LONG,
        status: i % 2 || id === 1 ? 'pending_approval' : 'approved',
        plannedDate: day('2026-11-01'),
      }),
    );
    return composeCampaignDigest({
      campaign: campaign(id, {
        title: `${LONG} ${id}`,
        approverIds: approvers,
        currency: 'IDR',
        budgetMinor: 9_007_199_254_740_991,
        endDate: day('2026-11-01'),
      }),
      participants: people,
      posts,
      changes: id === 1 ? changes : changes.slice(0, 3),
      metrics: {
        ...METRICS,
        budgetMinor: 9_007_199_254_740_991,
        totalCostMinor: 9_007_199_254_740_991,
        overBudget: true,
        remainingBudgetMinor: -9_007_199_254_740_991,
      },
      now: T0,
    });
  });

  it('the busiest campaign: 50 participants, 50 pending posts, 2000 changes', () => {
    const message = campaignDigestMessage(digests[0]!, { quietMessage: true })!;
    expect(blockKitViolations(json(message), 'message')).toEqual([]);
    expect(blockTextLength(message)).toBeLessThan(12_000);
    expect(message.blocks.filter((b) => b.type === 'actions')).toHaveLength(5);
    const blockIds = message.blocks.map((b) => b.block_id).filter(Boolean);
    expect(new Set(blockIds).size).toBe(blockIds.length);
    const text = digestText(message);
    expect(text).toContain('+45 more awaiting approval — see the App Home (C-1).');
    expect(text).toMatch(/\+\d+ earlier changes — `\/campaign history C-1` shows them all\./);
    expect(text).toMatch(/\+\d+ more expired agreements — see the App Home\./);
    expect(text).toContain('@U0APPROVER4 +195 more');
  });

  it('every campaign of the 500 stays within the limits', () => {
    for (const d of digests) {
      const message = campaignDigestMessage(d, { quietMessage: true })!;
      expect(blockKitViolations(json(message), 'message')).toEqual([]);
      expect(blockTextLength(message)).toBeLessThan(12_000);
    }
  });

  it('the overview of 500 campaigns and 300 failed channels', () => {
    const failed = Array.from({ length: 300 }, (_, i) => ({ channelId: `C0FAIL${i}`, error: LONG }));
    const message = overviewMessage(digests, failed);
    expect(blockKitViolations(json(message), 'message')).toEqual([]);
    expect(blockTextLength(message)).toBeLessThan(12_000);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const text = digestText(message);
    expect(text).toMatch(/\+\d+ more campaigns — `\/campaign list`/);
    expect(text).toMatch(/\+\d+ more channels/);
    expect(text).toContain('500 active campaigns: 500 late, 0 need attention, 0 on track.');
  });
});
