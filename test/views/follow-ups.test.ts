// Block Kit limits of the deliverables and agreements views, with worst-case data.
import { describe, expect, it } from 'vitest';
import { composeCampaignDigest } from '../../src/domain/digest-compose.js';
import { campaignReport } from '../../src/domain/report.js';
import type { Deliverable, Participant } from '../../src/domain/participation.js';
import { followUpSection, resendModal } from '../../src/views/agreements.js';
import { campaignDetails } from '../../src/views/campaigns.js';
import { deliverablesModal } from '../../src/views/deliverables.js';
import { campaignDigestMessage } from '../../src/views/digest.js';
import { blockKitViolations } from '../support/block-kit.js';
import { LONG, METRICS, campaignFixture, day, participant, T0 } from '../support/factories.js';

const deliverable = (i: number): Deliverable => ({
  platform: 'instagram',
  kind: 'reel',
  quantity: 100,
  dueDate: day('2026-11-01'),
  notes: LONG.slice(0, 500 - (i % 3)),
});
const campaign = campaignFixture({ title: LONG.slice(0, 150), status: 'recruiting', collaborationStartedAt: null });
const many: Participant[] = Array.from({ length: 500 }, (_, i) =>
  participant(i + 1, {
    influencerName: LONG.slice(0, 200),
    stage: (['agreement_sent', 'declined', 'deliverables'] as const)[i % 3],
    agreementSentAt: day('2026-11-20'),
    agreementDeclinedAt: i % 3 === 1 ? day('2026-11-21') : null,
    deliverables: Array.from({ length: 8 }, (_, j) => deliverable(j)),
  }),
);

describe('deliverables and agreements views within Block Kit limits', () => {
  it('the deliverables modal: 500 participants to pick from, one with 8 long lines', () => {
    expect(blockKitViolations(deliverablesModal(campaign, many) as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(blockKitViolations(deliverablesModal(campaign, many, many[2]) as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    expect(blockKitViolations(deliverablesModal(campaign, many, many[0]) as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  });

  it('the resend modal with 500 declined or expired agreements', () => {
    expect(blockKitViolations(resendModal(campaign, many) as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  });

  it('show with 500 participants to follow up, each with 8 long deliverables', () => {
    const report = campaignReport({ campaign, participants: many, posts: [], followers: new Map(), now: T0 });
    const details = campaignDetails(report, new Map(), new Map(many.map((p) => [p.id, T0])));
    const blocks = [
      ...details.blocks,
      ...followUpSection(
        many.map((p) => ({ campaign, participant: p })),
        T0,
        'America/Argentina/ComodRivadavia',
        50 - details.blocks.length,
        { more: 'x' },
      ),
    ];
    expect(blockKitViolations({ ...details, blocks }, 'message')).toEqual([]);
    expect(JSON.stringify(blocks)).toContain('more — x');
  });

  it('a digest with 500 pending agreements and 4,000 late deliverables', () => {
    const collaborating = many.map((p, i) => ({ ...p, stage: i % 2 ? ('collaborating' as const) : ('agreement_sent' as const), agreementSentAt: T0 }));
    const d = composeCampaignDigest({
      campaign: campaignFixture({ title: LONG.slice(0, 150) }),
      participants: collaborating,
      posts: [],
      changes: [],
      metrics: METRICS,
      now: T0,
      timeZone: 'Asia/Tokyo',
    });
    expect(d.pendingAgreements).toHaveLength(250);
    expect(d.lateDeliverables).toHaveLength(2000);
    const message = campaignDigestMessage(d, { quietMessage: true })!;
    expect(blockKitViolations(message as unknown as Record<string, unknown>, 'message')).toEqual([]);
  });
});
