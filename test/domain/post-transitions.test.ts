import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES, type CampaignStatus, READ_ONLY } from '../../src/domain/campaign.js';
import type { Decision } from '../../src/domain/decision.js';
import { type Stage, STAGES } from '../../src/domain/participation.js';
import {
  approvePost,
  editWaitingPost,
  finalApprovePost,
  mayChangeWaitingPost,
  POST_STATUS_LABELS,
  POST_STATUSES,
  type PostMetrics,
  type PostState,
  type PostStatus,
  recordResult,
  rejectPost,
  stageAfterPost,
  submitPost,
  withdrawPost,
} from '../../src/domain/posts.js';
import { rolesOf } from '../../src/domain/roles.js';
import { campaignIn, postMetrics, postState as post, STORY_RESULTS } from '../support/factories.js';
import { casesOf, decidedValue, everyPair, expectSentence, refusalOf } from '../support/transitions.js';

// Post review, written out by hand. The table is the product's rules as documented, not a copy of
// POST_MOVES: a change to the review flow must change it too.

const collaborating = campaignIn('collaborating');
const completed = campaignIn('completed');
const archived = campaignIn('archived');

/** A post's results, some of every number. */
function metrics(overrides: Partial<PostMetrics> = {}): PostMetrics {
  return postMetrics({ ...STORY_RESULTS, ...overrides });
}

const revisedContent = { content: 'Morning routine, label visible', mediaUrls: ['https://cdn.example.com/serum-2.jpg'] };
const postUrl = 'https://www.instagram.com/p/winter-serum/';

const name = (status: PostStatus) => POST_STATUS_LABELS[status];

/**
 * The action that moves a post to each status, with what it needs to succeed: a collaborating
 * participant for submission, a reason for rejection, a URL for the result, a completed campaign
 * for final approval; withdrawal needs nothing more. Nothing moves a post back to Draft.
 */
const ACTIONS: Record<Exclude<PostStatus, 'draft'>, { action: string; run: (post: PostState) => Decision<PostState> }> = {
  pending_approval: { action: 'submit', run: (p) => submitPost(p, revisedContent, collaborating, 'collaborating') },
  approved: { action: 'approve', run: (p) => approvePost(p, collaborating) },
  rejected: { action: 'reject', run: (p) => rejectPost(p, 'The brand logo is not visible.', collaborating) },
  posted: { action: 'record the result of', run: (p) => recordResult(p, { postUrl }, collaborating) },
  final_approved: { action: 'final-approve', run: (p) => finalApprovePost(p, completed) },
  withdrawn: { action: 'withdraw', run: (p) => withdrawPost(p, collaborating) },
};

describe('the post statuses', () => {
  it('are, in review order, Draft to Final approved, then Withdrawn', () => {
    // The columns of the table below follow this order.
    expect(POST_STATUSES).toEqual(['draft', 'pending_approval', 'approved', 'rejected', 'posted', 'final_approved', 'withdrawn']);
  });
});

describe('reviewing a post: every (from, to) pair', () => {
  const OK = 'allowed';
  const KEEPS = 'allowed, status kept';
  const NONE = 'no action leads here';
  const SAME = 'same-post-status';
  const NO = 'post-move-not-allowed';
  const NOT_REJECTED = 'approved-not-rejected';
  const NEVER_BACK = 'posted-never-back';
  const AFTER_APPROVAL = 'results-after-approval';
  const DECIDED = 'decided-post-stays';
  const STAYS = 'withdrawn-stays';
  type Expected =
    | typeof DECIDED
    | typeof STAYS
    | typeof OK
    | typeof KEEPS
    | typeof NONE
    | typeof SAME
    | typeof NO
    | typeof NOT_REJECTED
    | typeof NEVER_BACK
    | typeof AFTER_APPROVAL;

  // Rows are the post's status; columns the status an action aims for, in POST_STATUSES order:
  // submit → Pending approval, approve → Approved, reject → Rejected, record result → Posted,
  // final-approve → Final approved, withdraw → Withdrawn. KEEPS: recording new numbers on a
  // final-approved post.
  // prettier-ignore
  const EXPECTED: Record<PostStatus, readonly Expected[]> = {
    //               draft  pending     approved    rejected      posted          final       withdrawn
    draft: [NONE, OK, NO, NO, AFTER_APPROVAL, NO, NO],
    pending_approval: [NONE, SAME, OK, OK, AFTER_APPROVAL, NO, OK],
    approved: [NONE, NO, SAME, NOT_REJECTED, OK, NO, DECIDED],
    rejected: [NONE, OK, NO, SAME, AFTER_APPROVAL, NO, DECIDED],
    posted: [NONE, NEVER_BACK, NEVER_BACK, NEVER_BACK, OK, OK, NEVER_BACK],
    final_approved: [NONE, NEVER_BACK, NEVER_BACK, NEVER_BACK, KEEPS, SAME, NEVER_BACK],
    withdrawn: [NONE, STAYS, STAYS, STAYS, AFTER_APPROVAL, STAYS, SAME],
  };

  const pairs = everyPair(POST_STATUSES, EXPECTED, name, (expected) =>
    expected === OK ? 'is allowed' : expected === KEEPS || expected === NONE ? `: ${expected}` : `is refused (${expected})`,
  );

  it('covers all 49 pairs, one row of 7 per status', () => {
    expect(pairs).toHaveLength(POST_STATUSES.length ** 2);
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(POST_STATUSES.length);
  });

  const byAction = (keep: (e: Expected) => boolean) => casesOf(pairs, keep);

  it.each(byAction((e) => e === OK))('%s', (_name, { from, to }) => {
    if (to === 'draft') throw new Error('no action leads to Draft');
    expect(decidedValue(ACTIONS[to].run(post({ status: from }))).status).toBe(to);
  });

  it.each(byAction((e) => e === KEEPS))('%s', (_name, { from, to }) => {
    if (to === 'draft') throw new Error('no action leads to Draft');
    expect(decidedValue(ACTIONS[to].run(post({ status: from }))).status).toBe(from);
  });

  it.each(byAction((e) => e === NONE))('%s', (_name, { from }) => {
    for (const { run } of Object.values(ACTIONS)) {
      const decision = run(post({ status: from }));
      if (decision.ok) expect(decision.value.status).not.toBe('draft');
    }
  });

  it.each(byAction((e) => e !== OK && e !== KEEPS && e !== NONE))('%s', (_name, { from, to, expected }) => {
    if (to === 'draft') throw new Error('no action leads to Draft');
    const refusal = refusalOf(ACTIONS[to].run(post({ status: from })));
    expect(refusal.rule).toBe(expected);
    expectSentence(refusal.reason);
  });
});

describe('review refusals tell the user why', () => {
  it.each([
    [
      'An approved post cannot be rejected',
      () => rejectPost(post({ status: 'approved' }), 'Changed our mind.', collaborating),
      'approved-not-rejected',
      'An approved post cannot be rejected.',
    ],
    [
      'a posted post cannot go back',
      () => rejectPost(post({ status: 'posted' }), 'Typo in the caption.', collaborating),
      'posted-never-back',
      'A posted post cannot go back.',
    ],
    [
      'a final-approved post cannot go back',
      () => submitPost(post({ status: 'final_approved' }), revisedContent, collaborating, 'posted'),
      'posted-never-back',
      'A final approved post cannot go back.',
    ],
    [
      'a move outside the review flow names both statuses',
      () => approvePost(post({ status: 'draft' }), collaborating),
      'post-move-not-allowed',
      'A post cannot go from Draft to Approved (ready to post).',
    ],
    [
      'a post cannot be submitted twice',
      () => submitPost(post({ status: 'pending_approval' }), revisedContent, collaborating, 'content_in_review'),
      'same-post-status',
      'The post is already pending approval.',
    ],
  ] as const)('%s', (_name, decide, rule, reason) => {
    expect(refusalOf(decide())).toMatchObject({ rule, reason });
  });
});

describe('rejecting a post', () => {
  it('carries its reason', () => {
    expect(decidedValue(rejectPost(post({ status: 'pending_approval' }), 'The brand logo is not visible.', collaborating)).status).toBe('rejected');
  });

  it.each([
    ['an empty reason', ''],
    ['a whitespace-only reason', '  \n\t '],
  ])('is refused with %s', (_what, reason) => {
    const refusal = refusalOf(rejectPost(post({ status: 'pending_approval' }), reason, collaborating));
    expect(refusal).toMatchObject({ rule: 'rejection-needs-reason', reason: 'A rejection needs a reason.' });
  });
});

describe('submitting and resubmitting a post', () => {
  it('a draft goes to review as revision 1 with its content', () => {
    const submitted = decidedValue(submitPost(post({ status: 'draft', content: '' }), revisedContent, collaborating, 'collaborating'));
    expect(submitted).toMatchObject({ status: 'pending_approval', revision: 1, ...revisedContent });
  });

  it('a rejected post comes back as the next revision with its new content', () => {
    const rejected = post({ status: 'rejected', revision: 2 });
    const resubmitted = decidedValue(submitPost(rejected, revisedContent, collaborating, 'content_in_review'));
    expect(resubmitted).toEqual({ ...rejected, ...revisedContent, status: 'pending_approval', revision: 3 });
  });

  it('a full review round: submit, reject, resubmit, approve, post', () => {
    let current = decidedValue(submitPost(post(), revisedContent, collaborating, 'collaborating'));
    current = decidedValue(rejectPost(current, 'The brand logo is not visible.', collaborating));
    current = decidedValue(submitPost(current, { content: 'Third take', mediaUrls: [] }, collaborating, 'content_in_review'));
    current = decidedValue(approvePost(current, collaborating));
    current = decidedValue(recordResult(current, { postUrl }, collaborating));
    expect(current).toMatchObject({ status: 'posted', revision: 2, content: 'Third take', postUrl });
  });

  it.each([
    ['empty content', ''],
    ['whitespace-only content', '   '],
  ])('is refused with %s', (_what, content) => {
    const refusal = refusalOf(submitPost(post(), { content, mediaUrls: [] }, collaborating, 'collaborating'));
    expect(refusal).toMatchObject({ rule: 'post-content-required', reason: 'A draft post needs its content.' });
  });
});

describe('editing or withdrawing a post that waits for approval', () => {
  const waiting = { ...post({ status: 'pending_approval' }), plannedDate: new Date('2026-12-05'), submittedBy: 'USUBMITTER' };
  const edit = { content: 'Morning routine, logo visible', mediaUrls: [], plannedDate: new Date('2026-12-07') };
  const people = { salesPicId: 'USALES', influencerPicId: 'UINFPIC', approverIds: ['UAPPROVER'] };
  const roles = (userId: string, admin = false) => rolesOf(userId, people, admin);

  it.each([
    ['whoever submitted it', 'USUBMITTER', false, true],
    ['a PIC', 'UINFPIC', false, true],
    ['an admin', 'UADMIN', true, true],
    ['an approver', 'UAPPROVER', false, false],
    ['another member', 'UOTHER', false, false],
  ] as const)('%s: may change it %s', (_who, userId, admin, may) => {
    const decision = mayChangeWaitingPost(waiting, userId, roles(userId, admin));
    if (may) expect(decision.ok).toBe(true);
    else expect(refusalOf(decision).reason).toBe("Only whoever submitted the post or the campaign's PICs (or an admin) can edit or withdraw it.");
  });

  it('an edit keeps the post waiting as the same revision, with the new caption, media and date', () => {
    expect(decidedValue(editWaitingPost(waiting, edit, collaborating))).toEqual({ ...waiting, ...edit });
  });

  it.each(POST_STATUSES.filter((status) => status !== 'pending_approval'))('a %s post cannot be edited', (status) => {
    const refusal = refusalOf(editWaitingPost({ ...waiting, status }, edit, collaborating));
    expect(refusal).toMatchObject({
      rule: 'only-waiting-posts-edited',
      reason: `Only a post waiting for approval can be edited; this one is ${name(status).toLowerCase()}.`,
    });
  });

  it('an edit needs content and a change, and is refused in an archived campaign', () => {
    expect(refusalOf(editWaitingPost(waiting, { ...edit, content: ' ' }, collaborating)).rule).toBe('post-content-required');
    expect(
      refusalOf(editWaitingPost(waiting, { content: waiting.content, mediaUrls: waiting.mediaUrls, plannedDate: waiting.plannedDate }, collaborating)).rule,
    ).toBe('post-unchanged');
    expect(refusalOf(editWaitingPost(waiting, edit, archived)).rule).toBe('archived-read-only');
  });

  it('a decided post cannot be withdrawn, and says so', () => {
    expect(refusalOf(withdrawPost(post({ status: 'approved' }), collaborating)).reason).toBe(
      'The post was already approved (ready to post): a decided post cannot be withdrawn.',
    );
    expect(refusalOf(withdrawPost(post({ status: 'pending_approval' }), archived)).rule).toBe('archived-read-only');
  });
});

describe('posts are submitted only while the participant is collaborating', () => {
  // prettier-ignore
  const MAY_SUBMIT: Record<Stage, boolean> = {
    candidate: false,
    invited: false,
    applied: false,
    reviewing: false,
    approved: false,
    rejected: false,
    deliverables: false,
    agreement_sent: false,
    signed: false,
    declined: false,
    collaborating: true,
    content_in_review: true,
    posted: true,
    completed: false,
    not_selected: false,
  };

  it.each(STAGES.map((stage) => [stage, MAY_SUBMIT[stage]] as const))('participant in %s: may submit %s', (stage, maySubmit) => {
    const decision = submitPost(post(), revisedContent, collaborating, stage);
    if (maySubmit) expect(decidedValue(decision).status).toBe('pending_approval');
    else {
      expect(refusalOf(decision)).toMatchObject({
        rule: 'posts-during-collaboration',
        reason: 'Draft posts are submitted while the influencer is collaborating (not before, not once completed).',
      });
    }
  });
});

describe('recording results', () => {
  it('recording the live URL makes an approved post effective (Posted)', () => {
    const posted = decidedValue(recordResult(post({ status: 'approved' }), { postUrl }, collaborating));
    expect(posted).toMatchObject({ status: 'posted', postUrl, metrics: null });
  });

  it('recording the first metrics also makes an approved post effective', () => {
    const numbers = metrics();
    expect(decidedValue(recordResult(post({ status: 'approved' }), { metrics: numbers }, collaborating))).toMatchObject({ status: 'posted', metrics: numbers });
  });

  it('later recordings update the numbers and keep the URL', () => {
    const first = metrics({ likes: 100 });
    const later = metrics({ likes: 450 });
    const updated = decidedValue(recordResult(post({ status: 'posted', postUrl, metrics: first }), { metrics: later }, collaborating));
    expect(updated).toMatchObject({ status: 'posted', postUrl, metrics: later });
  });

  it('numbers of a final-approved post can still be updated; it stays Final approved', () => {
    const updated = decidedValue(recordResult(post({ status: 'final_approved', postUrl }), { metrics: metrics() }, completed));
    expect(updated.status).toBe('final_approved');
  });

  it('needs the post URL or its metrics', () => {
    const refusal = refusalOf(recordResult(post({ status: 'approved' }), {}, collaborating));
    expect(refusal).toMatchObject({ rule: 'result-needs-url-or-metrics', reason: 'Record the post URL or its metrics.' });
  });

  it('is refused before approval, with the reason', () => {
    const refusal = refusalOf(recordResult(post({ status: 'pending_approval' }), { postUrl }, collaborating));
    expect(refusal.reason).toBe('Results are recorded only for approved posts.');
  });
});

describe('final approval comes only after the campaign is completed', () => {
  // prettier-ignore
  const EXPECTED: Record<CampaignStatus, 'allowed' | 'final-approval-after-completion' | 'archived-read-only'> = {
    draft: 'final-approval-after-completion',
    proposal_published: 'final-approval-after-completion',
    proposal_approved: 'final-approval-after-completion',
    recruiting: 'final-approval-after-completion',
    recruitment_closed: 'final-approval-after-completion',
    collaborating: 'final-approval-after-completion',
    completed: 'allowed',
    archived: 'archived-read-only',
  };

  it.each(CAMPAIGN_STATUSES.map((status) => [status, EXPECTED[status]] as const))('a posted post while the campaign is %s: %s', (status, expected) => {
    const decision = finalApprovePost(post({ status: 'posted', postUrl }), campaignIn('collaborating', { status }));
    if (expected === 'allowed') expect(decidedValue(decision).status).toBe('final_approved');
    else expect(refusalOf(decision).rule).toBe(expected);
  });

  it('says why while the campaign is still running', () => {
    const refusal = refusalOf(finalApprovePost(post({ status: 'posted' }), collaborating));
    expect(refusal.reason).toBe('Final approval comes only after the campaign is completed.');
  });
});

describe('an archived campaign is read-only for its posts', () => {
  const READ = { rule: 'archived-read-only', reason: READ_ONLY };

  it.each([
    ['submit a draft', () => submitPost(post({ status: 'draft' }), revisedContent, archived, 'collaborating')],
    ['resubmit a rejected post', () => submitPost(post({ status: 'rejected' }), revisedContent, archived, 'content_in_review')],
    ['approve a post', () => approvePost(post({ status: 'pending_approval' }), archived)],
    ['reject a post', () => rejectPost(post({ status: 'pending_approval' }), 'Too late.', archived)],
    ['record a result', () => recordResult(post({ status: 'approved' }), { postUrl }, archived)],
    ['give final approval', () => finalApprovePost(post({ status: 'posted' }), archived)],
    ['withdraw a post', () => withdrawPost(post({ status: 'pending_approval' }), archived)],
  ] as const)('cannot %s', (_what, act) => {
    expect(refusalOf(act())).toMatchObject(READ);
  });
});

describe("the participant's stage follows its posts", () => {
  // prettier-ignore
  const EXPECTED: Record<'collaborating' | 'content_in_review' | 'posted' | 'completed', Record<PostStatus, Stage>> = {
    collaborating: {
      draft: 'collaborating',
      pending_approval: 'content_in_review',
      approved: 'collaborating',
      rejected: 'collaborating',
      posted: 'posted',
      final_approved: 'collaborating',
      withdrawn: 'collaborating',
    },
    content_in_review: {
      draft: 'content_in_review',
      pending_approval: 'content_in_review',
      approved: 'content_in_review',
      rejected: 'content_in_review',
      posted: 'posted',
      final_approved: 'content_in_review',
      withdrawn: 'collaborating',
    },
    posted: {
      draft: 'posted',
      pending_approval: 'posted',
      approved: 'posted',
      rejected: 'posted',
      posted: 'posted',
      final_approved: 'posted',
      withdrawn: 'posted',
    },
    completed: {
      draft: 'completed',
      pending_approval: 'completed',
      approved: 'completed',
      rejected: 'completed',
      posted: 'completed',
      final_approved: 'completed',
      withdrawn: 'completed',
    },
  };

  const cases = (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).flatMap((stage) =>
    POST_STATUSES.map((status) => [stage, status, EXPECTED[stage][status]] as const),
  );

  it.each(cases)('a participant in %s with a post now %s is in %s', (stage, status, expected) => {
    expect(stageAfterPost(stage, status)).toBe(expected);
  });

  it('a withdrawn post leaves the participant in Content in review while another post waits', () => {
    expect(stageAfterPost('content_in_review', 'withdrawn', true)).toBe('content_in_review');
  });

  it('stages before collaboration do not follow posts', () => {
    for (const status of POST_STATUSES) expect(stageAfterPost('signed', status)).toBe('signed');
  });
});
