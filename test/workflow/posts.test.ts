import { describe, expect, it } from 'vitest';
import * as campaigns from '../../src/workflow/campaigns.js';
import { editCosts, listParticipants } from '../../src/workflow/participants.js';
import * as posts from '../../src/workflow/posts.js';
import { lockPost } from '../../src/store/posts.js';
import { VersionConflict } from '../../src/store/tx.js';
import type { Post } from '../../src/domain/posts.js';
import { SERVER_URL, databaseForTests } from '../support/database.js';
import { collaboratingCampaign, PEOPLE, at, ok, submittedPost } from '../support/factories.js';
import { entityHistory, getPost, transactionsThatWrote } from '../support/records.js';

const db = databaseForTests();

async function submitted(title: string) {
  const scenario = await collaboratingCampaign(db.prisma, title);
  const post = await submittedPost(db.prisma, scenario, 'Morning routine with the new serum', { mediaUrls: ['https://cdn.example.com/reel.mp4'] });
  return { ...scenario, post };
}

describe('post review', () => {
  it('submitting puts the draft in Pending approval and the participant in Content in review', async () => {
    const { post, id } = await submitted('Submit');
    expect(post).toMatchObject({ status: 'pending_approval', revision: 1, submittedBy: PEOPLE.member });
    expect((await listParticipants(db.prisma, id))[0]?.stage).toBe('content_in_review');
  });

  it('refuses posts from a participant who is not collaborating', async () => {
    const { notSelected, influencers } = await collaboratingCampaign(db.prisma, 'Not selected posts');
    const refused = await posts.submitPost(
      db.prisma,
      { participationId: notSelected.id, socialAccountId: influencers[1]!.accounts[0]!.id, plannedDate: new Date('2026-12-05'), content: 'Hi', mediaUrls: [] },
      at(PEOPLE.member),
    );
    expect(refused).toMatchObject({ ok: false, rule: 'posts-during-collaboration' });
  });

  it('only approvers decide; a rejection needs a reason, kept in history; the revision comes back as revision 2', async () => {
    const { post } = await submitted('Reject and revise');
    expect(await posts.approvePost(db.prisma, post.id, at(PEOPLE.member))).toMatchObject({
      ok: false,
      rule: 'not-permitted',
      reason: "Only the campaign's approvers can approve or reject posts.",
    });
    expect(await posts.rejectPost(db.prisma, post.id, ' ', at(PEOPLE.approver))).toMatchObject({ ok: false, rule: 'rejection-needs-reason' });
    ok(await posts.rejectPost(db.prisma, post.id, 'Show the product label', at(PEOPLE.approver)));
    const revised = ok(await posts.resubmitPost(db.prisma, post.id, { content: 'Routine, label visible', mediaUrls: [] }, at(PEOPLE.member)));
    expect(revised).toMatchObject({ status: 'pending_approval', revision: 2, content: 'Routine, label visible' });
    ok(await posts.approvePost(db.prisma, post.id, at(PEOPLE.approver2)));
    const history = await entityHistory(db.prisma, 'post', post.id);
    expect(history.map((e) => [e.action, e.actor, e.reason ?? null, e.details?.revision])).toEqual([
      ['post.submitted', PEOPLE.member, null, 1],
      ['post.rejected', PEOPLE.approver, 'Show the product label', 1],
      ['post.resubmitted', PEOPLE.member, null, 2],
      ['post.approved', PEOPLE.approver2, null, 2],
    ]);
  });

  it('an approved post cannot be rejected; a posted post cannot go back', async () => {
    const { post } = await submitted('No way back');
    ok(await posts.approvePost(db.prisma, post.id, at(PEOPLE.approver)));
    expect(await posts.rejectPost(db.prisma, post.id, 'Changed my mind', at(PEOPLE.approver))).toMatchObject({
      ok: false,
      reason: 'An approved post cannot be rejected.',
    });
    ok(await posts.recordPostResult(db.prisma, post.id, { postUrl: 'https://instagram.com/p/abc' }, at(PEOPLE.member)));
    expect(await posts.rejectPost(db.prisma, post.id, 'Too late', at(PEOPLE.approver))).toMatchObject({ ok: false, rule: 'posted-never-back' });
  });

  it('recording the post URL makes it effective: participant Posted, budget and costs locked', async () => {
    const { post, id, collaborator } = await submitted('Effective');
    ok(await editCosts(db.prisma, collaborator.id, { budgetMinor: 300_000, influencerCostMinor: 200_000, shippingCostMinor: 5_000 }, at(PEOPLE.salesPic)));
    ok(await posts.approvePost(db.prisma, post.id, at(PEOPLE.approver)));
    const posted = ok(await posts.recordPostResult(db.prisma, post.id, { postUrl: 'https://instagram.com/p/xyz' }, at(PEOPLE.member)));
    expect(posted).toMatchObject({ status: 'posted', postUrl: 'https://instagram.com/p/xyz' });
    expect((await listParticipants(db.prisma, id))[0]?.stage).toBe('posted');
    expect(await editCosts(db.prisma, collaborator.id, { budgetMinor: 1, influencerCostMinor: 1, shippingCostMinor: 1 }, at(PEOPLE.salesPic))).toMatchObject({
      ok: false,
      rule: 'costs-locked-after-post',
    });
    const metrics = {
      impressions: 5000,
      reach: 4000,
      likes: 300,
      comments: 20,
      shares: 10,
      saves: 5,
      clicks: 40,
      conversions: 3,
      attributedRevenueMinor: 45_000,
    };
    expect(ok(await posts.recordPostResult(db.prisma, post.id, { metrics }, at(PEOPLE.member))).metrics).toEqual(metrics);
  });

  it('final approval comes only after the campaign is completed, and only from approvers', async () => {
    const { post, id } = await submitted('Final approval');
    ok(await posts.approvePost(db.prisma, post.id, at(PEOPLE.approver)));
    ok(await posts.recordPostResult(db.prisma, post.id, { postUrl: 'https://tiktok.com/@aiko/video/1' }, at(PEOPLE.member)));
    expect(await posts.finalApprovePost(db.prisma, post.id, at(PEOPLE.approver))).toMatchObject({ ok: false, rule: 'final-approval-after-completion' });
    ok(await campaigns.completeCampaign(db.prisma, id, at(PEOPLE.salesPic)));
    expect(await posts.finalApprovePost(db.prisma, post.id, at(PEOPLE.member))).toMatchObject({ ok: false, rule: 'not-permitted' });
    expect(ok(await posts.finalApprovePost(db.prisma, post.id, at(PEOPLE.approver))).status).toBe('final_approved');
  });
});

describe('double clicks and two approvers at once', () => {
  it('a quorum decision locks the post only at the version it read (Approve reads before its transaction)', async () => {
    const { post } = await submitted('Lock at the version read');
    await db.prisma.$transaction((tx) => lockPost(tx, post));
    await expect(db.prisma.$transaction((tx) => lockPost(tx, { id: post.id, version: post.version + 1 }))).rejects.toBeInstanceOf(VersionConflict);
  });

  it('a second click on the same version changes nothing and says who approved it', async () => {
    const { post } = await submitted('Double click');
    ok(await posts.approvePost(db.prisma, post.id, at(PEOPLE.approver), post.version));
    const second = await posts.approvePost(db.prisma, post.id, at(PEOPLE.approver2), post.version);
    expect(second).toMatchObject({ ok: false, rule: 'stale', since: { action: 'post.approved', actor: PEOPLE.approver } });
    expect((await entityHistory(db.prisma, 'post', post.id)).filter((e) => e.action === 'post.approved')).toHaveLength(1);
  });

  // PGlite runs one transaction at a time; the PostgreSQL leg is where the race is real.
  it(`two approvers at once: exactly one wins, one history event${SERVER_URL ? '' : ' (serialized by PGlite; raced on the PostgreSQL leg)'}`, async () => {
    const { post } = await submitted('Race');
    const results = await Promise.all([
      posts.approvePost(db.prisma, post.id, at(PEOPLE.approver), post.version),
      posts.approvePost(db.prisma, post.id, at(PEOPLE.approver2), post.version),
      posts.rejectPost(db.prisma, post.id, 'Conflicting view', at(PEOPLE.approver2), post.version),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) expect(loser).toMatchObject({ rule: 'stale' });
    const decisions = (await entityHistory(db.prisma, 'post', post.id)).filter((e) => e.action !== 'post.submitted');
    expect(decisions).toHaveLength(1);
    expect((await getPost(db.prisma, post.id))?.version).toBe(post.version + 1);
  });

  it('approvals clicked together are saved in one transaction, each with its own event and card', async () => {
    const waiting = await Promise.all(['One', 'Two', 'Three'].map(async (title) => (await submitted(`Together ${title}`)).post));
    const results = await posts.approvePosts(
      db.prisma,
      waiting.map((post, i) => ({ postId: post.id, acting: at(i ? PEOPLE.approver : PEOPLE.approver2), seenVersion: post.version })),
    );
    expect(results.map((r) => r.ok && r.value.status)).toEqual(['approved', 'approved', 'approved']);
    expect(
      await transactionsThatWrote(
        db.prisma,
        waiting.map((post) => post.id),
      ),
    ).toBe(1);
    for (const [i, post] of waiting.entries()) {
      expect((await entityHistory(db.prisma, 'post', post.id)).filter((e) => e.action === 'post.approved')).toMatchObject([
        { actor: i ? PEOPLE.approver : PEOPLE.approver2 },
      ]);
      const card = await db.prisma.delivery.findMany({
        where: { key: { startsWith: `post_request:${post.id}:` } },
        orderBy: { id: 'asc' },
        select: { actor: true },
      });
      expect(card.at(-1)?.actor).toBe(i ? PEOPLE.approver : PEOPLE.approver2);
    }
  });

  it('a group that lost a post to another group answers each click as approvePost would: every post approved once', async () => {
    const waiting = await Promise.all(['A', 'B', 'C'].map(async (title) => (await submitted(`Groups ${title}`)).post));
    const [a, b, c] = waiting as [Post, Post, Post];
    const click = (post: Post, userId: string) => ({ postId: post.id, acting: at(userId), seenVersion: post.version });
    // Both groups read before either writes (on PGlite too): the second to commit finds a post moved on.
    const results = (
      await Promise.all([
        posts.approvePosts(db.prisma, [click(a, PEOPLE.approver), click(b, PEOPLE.approver)]),
        posts.approvePosts(db.prisma, [click(b, PEOPLE.approver2), click(c, PEOPLE.approver2), click(c, PEOPLE.approver)]),
      ])
    ).flat();
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    for (const loser of results.filter((r) => !r.ok)) expect(loser).toMatchObject({ rule: 'stale', since: { action: 'post.approved' } });
    for (const post of waiting) {
      expect((await entityHistory(db.prisma, 'post', post.id)).filter((e) => e.action === 'post.approved')).toHaveLength(1);
      expect((await getPost(db.prisma, post.id))?.version).toBe(post.version + 1);
    }
  });

  it.runIf(SERVER_URL)('many approvers racing without a version: still exactly one decision', async () => {
    const { post } = await submitted('Race without version');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => posts.approvePost(db.prisma, post.id, at(i % 2 ? PEOPLE.approver : PEOPLE.approver2))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await entityHistory(db.prisma, 'post', post.id)).filter((e) => e.action === 'post.approved')).toHaveLength(1);
  });
});
