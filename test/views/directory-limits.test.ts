import { describe, expect, it } from 'vitest';
import { type Influencer, MAX_ACCOUNTS } from '../../src/domain/influencer.js';
import { addParticipantsModal, importedModal, influencerDraft, influencerModal } from '../../src/views/directory.js';
import { blockKitViolations } from '../support/block-kit.js';
import { LONG, longCampaign } from '../support/factories.js';

// Worst cases of the directory's views: every influencer at its maximum of accounts, texts at their maximum.

const campaign = longCampaign();

const influencer = (id: number): Influencer => ({
  id: 1_000_000_000 + id,
  name: LONG.slice(0, 150),
  country: LONG.slice(0, 60),
  niches: [LONG.slice(0, 500)],
  email: `${'e'.repeat(240)}@example.com`,
  version: 99,
  accounts: Array.from({ length: MAX_ACCOUNTS }, (_, i) => ({
    id: 2_000_000_000 + id * 100 + i,
    platform: 'instagram' as const,
    handle: LONG.slice(0, 100),
    followers: 2_000_000_000,
    avgEngagementPct: 99.99,
  })),
});

describe('directory views at their limits', () => {
  it('the influencer form with every account, each kept with a long reason', () => {
    const draft = influencerDraft(influencer(1));
    const view = influencerModal({ ...draft, accounts: draft.accounts.map((a) => ({ ...a, note: LONG })) });
    expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  });

  it('the add form with 100 candidates, all chosen, each with every account to choose from', () => {
    const candidates = Array.from({ length: 100 }, (_, i) => influencer(i));
    const view = addParticipantsModal(campaign, candidates, { niche: LONG, country: LONG, minFollowers: 2_000_000_000, platform: 'instagram' }, candidates);
    expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  });

  it('the import result naming 200 influencers that got accounts', () => {
    const many = Array.from({ length: 200 }, (_, i) => influencer(i));
    const view = importedModal({ added: many, extended: many });
    expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  });
});
