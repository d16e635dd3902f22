// Names, not numbers: what `show`, `history` and the costs form say about a campaign, through signed requests.
import { describe, expect, it } from 'vitest';
import { EDIT_COSTS } from '../../src/views/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, T0, livePost, setCosts } from '../support/factories.js';

// An hour after the setup's changes (made at T0), so they are what changed since the last digest.
const harness = harnessForTests({ now: () => new Date(T0.getTime() + 60 * 60 * 1000) });

const prisma = () => harness.running.db.prisma;
type Reply = { response_type: string; text: string; blocks: unknown[] };

/** Aiko collaborates with a live post and costs; Ben was not selected. */
async function campaignWithLivePost(title: string) {
  const scenario = await collaboratingCampaign(prisma(), title);
  await setCosts(prisma(), scenario, { budgetMinor: 200_000, influencerCostMinor: 150_000, shippingCostMinor: 5_000 });
  const post = await livePost(prisma(), scenario, 'Reel', { postUrl: 'https://instagram.com/p/reel', metrics: { reach: 1_000, likes: 40 } });
  return { ...scenario, post };
}

describe('/campaign history', () => {
  it('reads as sentences with names and mentions, never event codes or participant numbers', async () => {
    const { id, post } = await campaignWithLivePost('History sentences');
    const reply = (await harness.slack.answer(`history C-${id}`)) as Reply;
    expect(reply.response_type).toBe('ephemeral');
    expect(blockKitViolations(reply as unknown as Record<string, unknown>, 'message')).toEqual([]);
    const text = mrkdwnTexts(reply).join('\n');
    expect(text).toContain(`<@${PEOPLE.member}> moved *Aiko Tanaka* from Content in review to Posted (post #${post.id} went live)`);
    expect(text).toContain(`<@${PEOPLE.approver}> approved post #${post.id} by *Aiko Tanaka*`);
    expect(text).toContain(`<@${PEOPLE.salesPic}> moved *Ben Ito* from Candidate to Not selected — “collaboration started”`);
    expect(text).toContain(
      `<@${PEOPLE.salesPic}> changed the money of *Aiko Tanaka*: budget $0.00 → $2,000.00, influencer cost $0.00 → $1,500.00, shipping cost $0.00 → $50.00`,
    );
    expect(text).not.toMatch(/participant\.|post\.|campaign\.|content_in_review|participant #/);
  });
});

describe('/campaign digest', () => {
  it('lists what changed as sentences naming influencers and roles (no pings), and says how the money numbers are computed', async () => {
    const { id, post } = await campaignWithLivePost('Digest sentences');
    const reply = (await harness.slack.answer(`digest C-${id}`)) as Reply;
    expect(blockKitViolations(reply as unknown as Record<string, unknown>, 'message')).toEqual([]);
    const text = mrkdwnTexts(reply).join('\n');
    expect(text).toContain(`A team member moved *Aiko Tanaka* from Content in review to Posted (post #${post.id} went live)`);
    expect(text).toContain(`An approver approved post #${post.id} by *Aiko Tanaka*`);
    expect(text).toContain('The sales PIC started collaboration');
    expect(text).not.toMatch(new RegExp(`<@(${PEOPLE.member}|${PEOPLE.salesPic})>|participant\\.|content_in_review`));
    expect(text).toContain('*Profit:* $8,500.00');
    expect(text).toContain(
      'cost per engagement = total cost (influencers + shipping) ÷ engagements · ROI = (attributed revenue − total cost) ÷ total cost × 100 · profit = budget − influencer costs.',
    );
  });
});

describe('/campaign show', () => {
  it('lists who is in each stage with their account and since when, and the profit per participant and in total', async () => {
    const { id } = await campaignWithLivePost('Show people');
    const reply = (await harness.slack.answer(`show C-${id}`)) as Reply;
    expect(reply.response_type).toBe('ephemeral');
    expect(blockKitViolations(reply as unknown as Record<string, unknown>, 'message')).toEqual([]);
    const text = mrkdwnTexts(reply).join('\n');
    expect(text).toContain('*Participants* (2)');
    expect(text).toMatch(
      new RegExp(`\\*Posted\\* \\(1\\)\\n• \\*Aiko Tanaka\\* · Instagram @aiko${id} · since <!date\\^\\d+\\^\\{date_short\\}\\|[^>]+> · profit \\$500\\.00`),
    );
    expect(text).toMatch(/\*Not selected\* \(1\)\n• \*Ben Ito\* · Instagram @ben\d+ · since <!date[^>]+> · profit \$0\.00/);
    // Campaign budget $10,000.00 − influencer costs $1,500.00.
    expect(text).toContain('*Money:* budget $10,000.00 · influencer costs $1,500.00 · shipping $50.00 · *profit $8,500.00*');
    expect(text).toContain('Profit = budget − influencer costs.');
  });
});

describe('/campaign budget', () => {
  it('labels every amount with the influencer and shows the profit of each and of the campaign', async () => {
    const { id, collaborator } = await campaignWithLivePost('Costs form');
    await harness.slack.command(`budget C-${id}`, { userId: PEOPLE.salesPic });
    const opened = await harness.fakeSlack.waitFor(
      'views.open',
      (c) =>
        (c.args.view as { callback_id: string; private_metadata: string }).callback_id === EDIT_COSTS &&
        String((c.args.view as { private_metadata: string }).private_metadata).includes(`"campaignId":${id}`),
    );
    const view = opened.args.view as { blocks: Array<{ type: string; block_id?: string; label?: { text: string } }> };
    expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
    const labels = view.blocks.filter((b) => b.type === 'input').map((b) => b.label!.text);
    expect(labels).toEqual([
      'Budget for Aiko Tanaka (USD)',
      'Influencer cost for Aiko Tanaka (USD)',
      'Shipping cost for Aiko Tanaka (USD)',
      'Budget for Ben Ito (USD)',
      'Influencer cost for Ben Ito (USD)',
      'Shipping cost for Ben Ito (USD)',
    ]);
    const text = mrkdwnTexts(view).join('\n');
    expect(text).toContain('*Aiko Tanaka* · Posted · profit now $500.00');
    expect(text).toContain('Campaign profit now: *$8,500.00* (campaign budget $10,000.00 − influencer costs $1,500.00).');
    expect(view.blocks.some((b) => b.block_id === `p${collaborator.id}_budget`)).toBe(true);
  });
});
