import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  type OptionalStages,
  configureStages,
  label,
  mayDelete,
  moveCampaign,
  READ_ONLY,
  recruitmentIsDue,
} from '../../src/domain/campaign.js';
import {
  COLLABORATION_STARTED_AT as collaborationStartedAt,
  FIRST_PUBLISHED_AT as firstPublishedAt,
  T0 as now,
  campaignIn,
  campaignState as campaign,
} from '../support/factories.js';
import { casesOf, decidedValue, everyPair, expectSentence, refusalOf } from '../support/transitions.js';

// The campaign lifecycle, written out by hand. The tables below are the product's rules as
// documented, not a copy of CAMPAIGN_MOVES: a change to the lifecycle must change them too.

describe('the campaign statuses', () => {
  it('are, in lifecycle order, Draft to Archived', () => {
    // The columns of the table below follow this order.
    expect(CAMPAIGN_STATUSES).toEqual([
      'draft',
      'proposal_published',
      'proposal_approved',
      'recruiting',
      'recruitment_closed',
      'collaborating',
      'completed',
      'archived',
    ]);
  });
});

describe('moving a campaign: every (from, to) pair', () => {
  const OK = 'allowed';
  const SAME = 'same-status';
  const NO = 'campaign-move-not-allowed';
  const ONCE = 'collaboration-starts-once';
  const DELETE = 'draft-delete-not-archive';
  const READ = 'archived-read-only';
  type Expected = typeof OK | typeof SAME | typeof NO | typeof ONCE | typeof DELETE | typeof READ;
  type Row = readonly [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

  // prettier-ignore
  const EXPECTED: Record<CampaignStatus, Row> = {
    //                   draft  published approved recruiting closed collaborating completed archived
    draft: [SAME, OK, NO, NO, NO, NO, NO, DELETE],
    proposal_published: [OK, SAME, OK, NO, NO, NO, NO, OK],
    proposal_approved: [NO, NO, SAME, OK, NO, NO, NO, OK],
    recruiting: [NO, NO, NO, SAME, OK, NO, NO, OK],
    recruitment_closed: [NO, NO, NO, NO, SAME, OK, NO, OK],
    collaborating: [NO, NO, NO, NO, NO, ONCE, OK, OK],
    completed: [NO, NO, NO, NO, NO, ONCE, SAME, OK],
    archived: [READ, READ, READ, READ, READ, READ, READ, READ],
  };

  const pairs = everyPair(CAMPAIGN_STATUSES, EXPECTED, label, (expected) => (expected === OK ? 'is allowed' : `is refused (${expected})`));

  it('covers all 64 pairs', () => {
    expect(pairs).toHaveLength(CAMPAIGN_STATUSES.length ** 2);
  });

  it.each(casesOf(pairs, (expected) => expected === OK))('%s', (_name, { from, to }) => {
    const moved = decidedValue(moveCampaign(campaignIn(from), to, now));
    expect(moved.status).toBe(to);
  });

  it.each(casesOf(pairs, (expected) => expected !== OK))('%s', (_name, { from, to, expected }) => {
    const refusal = refusalOf(moveCampaign(campaignIn(from), to, now));
    expect(refusal.rule).toBe(expected);
    expectSentence(refusal.reason);
  });
});

describe('campaign refusals tell the user why', () => {
  it('an archived campaign is read-only', () => {
    const refusal = refusalOf(moveCampaign(campaignIn('archived'), 'draft', now));
    expect(refusal).toMatchObject({ rule: 'archived-read-only', reason: 'Archived campaigns are read-only.' });
    expect(READ_ONLY).toBe('Archived campaigns are read-only.');
  });

  it.each([
    ['collaboration starts only once', 'completed', 'collaborating', 'collaboration-starts-once', 'Collaboration has already started; it starts only once.'],
    [
      'a draft that was never published is deleted, not archived',
      'draft',
      'archived',
      'draft-delete-not-archive',
      'A draft that was never published is deleted, not archived.',
    ],
    [
      'a move outside the lifecycle lists where the campaign can go instead',
      'proposal_published',
      'recruiting',
      'campaign-move-not-allowed',
      'A campaign cannot go from Proposal published to Recruiting. From Proposal published it can go to: Proposal approved, Draft, Archived.',
    ],
    ['a campaign cannot move to the status it already has', 'recruiting', 'recruiting', 'same-status', 'The campaign is already Recruiting.'],
  ] as const)('%s', (_name, from, to, rule, reason) => {
    expect(refusalOf(moveCampaign(campaignIn(from), to, now))).toMatchObject({ rule, reason });
  });
});

describe('what a move records', () => {
  it('publishing the proposal for the first time sets publishedAt to now', () => {
    const published = decidedValue(moveCampaign(campaign({ status: 'draft' }), 'proposal_published', now));
    expect(published.publishedAt).toEqual(now);
  });

  it('a rejected proposal goes back to Draft and keeps its first publishedAt', () => {
    const rejected = decidedValue(moveCampaign(campaign({ status: 'proposal_published', publishedAt: firstPublishedAt }), 'draft', now));
    expect(rejected.status).toBe('draft');
    expect(rejected.publishedAt).toEqual(firstPublishedAt);
  });

  it('publishing again after a rejection keeps the first publishedAt', () => {
    const republished = decidedValue(moveCampaign(campaign({ status: 'draft', publishedAt: firstPublishedAt }), 'proposal_published', now));
    expect(republished.publishedAt).toEqual(firstPublishedAt);
  });

  it('a draft that was published once (and rejected) is archived, not deleted', () => {
    const archived = decidedValue(moveCampaign(campaign({ status: 'draft', publishedAt: firstPublishedAt }), 'archived', now));
    expect(archived.status).toBe('archived');
  });

  it('later moves neither set nor clear publishedAt', () => {
    const approved = decidedValue(moveCampaign(campaignIn('proposal_published'), 'proposal_approved', now));
    expect(approved.publishedAt).toEqual(firstPublishedAt);
    const archived = decidedValue(moveCampaign(campaignIn('collaborating'), 'archived', now));
    expect(archived.publishedAt).toEqual(firstPublishedAt);
  });

  it('starting collaboration sets collaborationStartedAt to now', () => {
    const started = decidedValue(moveCampaign(campaignIn('recruitment_closed'), 'collaborating', now));
    expect(started.collaborationStartedAt).toEqual(now);
  });

  it('completing and archiving keep collaborationStartedAt', () => {
    const completed = decidedValue(moveCampaign(campaignIn('collaborating'), 'completed', now));
    expect(completed.collaborationStartedAt).toEqual(collaborationStartedAt);
    const archived = decidedValue(moveCampaign(completed, 'archived', now));
    expect(archived.collaborationStartedAt).toEqual(collaborationStartedAt);
  });

  it('a second start of collaboration is refused, even from Recruitment closed', () => {
    const alreadyStarted = campaign({ status: 'recruitment_closed', publishedAt: firstPublishedAt, collaborationStartedAt });
    const refusal = refusalOf(moveCampaign(alreadyStarted, 'collaborating', now));
    expect(refusal.rule).toBe('collaboration-starts-once');
  });

  it('keeps the fields the rules do not know about', () => {
    const stored = { ...campaignIn('proposal_approved'), id: 42, name: 'Winter glow' };
    const moved = decidedValue(moveCampaign(stored, 'recruiting', now));
    expect(moved).toMatchObject({ id: 42, name: 'Winter glow', status: 'recruiting' });
  });
});

describe('deleting a campaign', () => {
  // prettier-ignore
  const EXPECTED: Record<CampaignStatus, 'allowed' | 'published-never-deleted'> = {
    draft: 'allowed',
    proposal_published: 'published-never-deleted',
    proposal_approved: 'published-never-deleted',
    recruiting: 'published-never-deleted',
    recruitment_closed: 'published-never-deleted',
    collaborating: 'published-never-deleted',
    completed: 'published-never-deleted',
    archived: 'published-never-deleted',
  };

  it.each(CAMPAIGN_STATUSES.map((status) => ({ status, expected: EXPECTED[status] })))('a campaign in $status: $expected', ({ status, expected }) => {
    const decision = mayDelete(campaignIn(status));
    if (expected === 'allowed') expect(decision).toEqual({ ok: true, value: true });
    else expect(refusalOf(decision).rule).toBe(expected);
  });

  it('a draft whose proposal was published once can never be deleted; it is archived instead', () => {
    const refusal = refusalOf(mayDelete(campaign({ status: 'draft', publishedAt: firstPublishedAt })));
    expect(refusal).toMatchObject({
      rule: 'published-never-deleted',
      reason: 'A campaign whose proposal was published can never be deleted; archive it instead.',
    });
  });

  it('only drafts are deleted, even without a publication date', () => {
    const refusal = refusalOf(mayDelete(campaign({ status: 'proposal_approved', publishedAt: null })));
    expect(refusal).toMatchObject({ rule: 'only-drafts-deleted', reason: 'Only drafts can be deleted.' });
  });
});

describe('configuring the optional stages', () => {
  const fewerStages: OptionalStages = { invited: false, applications: true, deliverables: false };

  // prettier-ignore
  const EXPECTED: Record<CampaignStatus, 'allowed' | 'stages-fixed' | 'archived-read-only'> = {
    draft: 'allowed',
    proposal_published: 'allowed',
    proposal_approved: 'allowed',
    recruiting: 'allowed',
    recruitment_closed: 'allowed',
    collaborating: 'stages-fixed',
    completed: 'stages-fixed',
    archived: 'archived-read-only',
  };

  it.each(CAMPAIGN_STATUSES.map((status) => ({ status, expected: EXPECTED[status] })))('in $status: $expected', ({ status, expected }) => {
    const decision = configureStages(campaignIn(status), fewerStages);
    if (expected === 'allowed') expect(decidedValue(decision).optionalStages).toEqual(fewerStages);
    else expect(refusalOf(decision).rule).toBe(expected);
  });

  it('optional stages cannot change after collaboration has started', () => {
    const refusal = refusalOf(configureStages(campaignIn('collaborating'), fewerStages));
    expect(refusal.reason).toBe('Optional stages cannot change after collaboration has started.');
  });

  it('changing the stages keeps everything else', () => {
    const configured = decidedValue(configureStages(campaignIn('recruiting'), fewerStages));
    expect(configured).toEqual({ ...campaignIn('recruiting'), optionalStages: fewerStages });
  });
});

describe('closing recruitment on its close date', () => {
  const closesToday = new Date('2026-11-23T00:00:00Z');
  const closesTomorrow = new Date('2026-11-24T00:00:00Z');

  it('is due once the close date has come for a recruiting campaign', () => {
    expect(recruitmentIsDue({ status: 'recruiting', recruitmentCloseDate: closesToday }, now)).toBe(true);
  });

  it('is due at the very moment of the close date', () => {
    expect(recruitmentIsDue({ status: 'recruiting', recruitmentCloseDate: now }, now)).toBe(true);
  });

  it('is not due before the close date', () => {
    expect(recruitmentIsDue({ status: 'recruiting', recruitmentCloseDate: closesTomorrow }, now)).toBe(false);
  });

  it('is never due without a close date', () => {
    expect(recruitmentIsDue({ status: 'recruiting', recruitmentCloseDate: null }, now)).toBe(false);
  });

  it.each(CAMPAIGN_STATUSES.filter((status) => status !== 'recruiting'))('is never due for a campaign that is %s', (status) => {
    expect(recruitmentIsDue({ status, recruitmentCloseDate: closesToday }, now)).toBe(false);
  });
});
