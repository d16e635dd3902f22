import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/domain/brief.js';
import { CAMPAIGN_STATUSES } from '../../src/domain/campaign.js';
import { type HistoryEntry, historyNames } from '../../src/domain/history.js';
import type { Participant } from '../../src/domain/participation.js';
import type { Post } from '../../src/domain/posts.js';
import { CHECK_RULES } from '../../src/domain/compliance.js';
import { decisionReply, postApprovalMessage, postEditedReply, proposalApprovalMessage } from '../../src/views/approvals.js';
import { campaignCard } from '../../src/views/campaign-card.js';
import { createCampaignModal, editBriefModal } from '../../src/views/campaign-form.js';
import { openRecruitmentModal } from '../../src/views/open-recruitment.js';
import { LISTED_PER_STATUS, campaignDetails, campaignList, campaignNotFound, historyMessage } from '../../src/views/campaigns.js';
import { helpMessage } from '../../src/views/help.js';
import { collaborationStartedMessage, influencerMessage } from '../../src/views/influencer-messages.js';
import { costsModal } from '../../src/views/participants.js';
import { homeView } from '../../src/views/home.js';
import { confirmStepModal, rejectReasonModal, STEPS, type Step } from '../../src/views/modals.js';
import { existingPostModal, submitPostModal } from '../../src/views/post-form.js';
import { refusalModal } from '../../src/views/refusals.js';
import { campaignReport } from '../../src/domain/report.js';
import { finalApproveConfirmModal, finalApproveSelectModal } from '../../src/views/final-approval.js';
import { reportMessage } from '../../src/views/report.js';
import { recordResultsModal } from '../../src/views/results-form.js';
import { SUBCOMMANDS } from '../../src/handlers/commands/index.js';
import { blockKitViolations } from '../support/block-kit.js';
import { LONG, T0, longCampaign, postRejected, participant, post as postFixture } from '../support/factories.js';

// Worst cases: hundreds of campaigns, titles and texts at their maximum, many influencers.
const at = T0;

function campaign(id: number, overrides: Partial<Campaign> = {}): Campaign {
  return longCampaign({
    id,
    title: `${LONG} ${id}`,
    budgetMinor: 9_007_199_254_740_991,
    currency: 'IDR',
    marginBasisPoints: 1234,
    trackingUrl: `https://x.example.com/${'a'.repeat(1900)}`,
    disclosureWords: Array.from({ length: 100 }, () => LONG),
    requiredTags: Array.from({ length: 100 }, () => `#${LONG}`),
    forbiddenWords: Array.from({ length: 100 }, () => LONG),
    approverIds: Array.from({ length: 200 }, (_, i) => `U0APPROVER${i}`),
    status: (['draft', 'recruiting', 'collaborating', 'proposal_published'] as const)[id % 4]!,
    version: 7,
    quorum: {
      kind: 'groups',
      groups: Array.from({ length: 3 }, (_, g) => ({ name: `${LONG.slice(0, 30)} ${g}`, memberIds: Array.from({ length: 60 }, (_, i) => `U0APPROVER${i}`) })),
    },
    ...overrides,
  });
}

function post(id: number): Post {
  return postFixture(id, {
    participationId: id,
    socialAccountId: id,
    plannedDate: at,
    content: LONG,
    mediaUrls: Array.from({ length: 50 }, (_, i) => `https://cdn.example.com/${i}/${'m'.repeat(500)}`),
    status: 'pending_approval',
    revision: 12,
    version: 3,
    checks: CHECK_RULES.map((rule) => ({ rule, passed: false, detail: LONG })),
  });
}

const campaigns = Array.from({ length: 600 }, (_, i) => campaign(i + 1));
const participants: Participant[] = Array.from({ length: 500 }, (_, i) =>
  participant(i, { campaignId: 1, influencerName: LONG, stage: 'candidate', budgetMinor: 1, influencerCostMinor: 1, shippingCostMinor: 1 }),
);
const history: HistoryEntry[] = Array.from({ length: 2000 }, (_, i) => postRejected(i, at, LONG));
const decision: HistoryEntry = { actor: 'U0APPROVE', at, entityType: 'post', entityId: '1', action: 'post.rejected', reason: LONG };
const home = {
  postsToDecide: campaigns.slice(0, 300).map((c, i) => ({ campaign: c, influencerName: LONG, post: post(i) })),
  postsToFinalApprove: campaigns
    .slice(0, 300)
    .map((c, i) => ({ campaign: c, influencerName: LONG, post: { ...post(i), status: 'posted' as const, postUrl: `https://x.example.com/${LONG}` } })),
  proposalsToDecide: campaigns.slice(0, 300),
  stepsToTake: campaigns.slice(0, 300),
  campaigns,
  latePosts: campaigns.slice(0, 300).map((c, i) => ({ campaign: c, influencerName: LONG, post: post(i) })),
  expiredAgreements: campaigns.slice(0, 300).map((c) => ({ campaign: c, influencerName: LONG, sentAt: at, expiresAt: at })),
  followUps: participants
    .slice(0, 300)
    .map((p, i) => ({ campaign: campaigns[i]!, participant: { ...p, stage: 'declined' as const, agreementSentAt: at, agreementDeclinedAt: at } })),
  timeZone: 'Pacific/Chatham',
  now: at,
};

const numbers = {
  impressions: 2_000_000_000,
  reach: 2_000_000_000,
  likes: 2_000_000_000,
  comments: 1,
  shares: 1,
  saves: 1,
  clicks: 1,
  conversions: 1,
  attributedRevenueMinor: 9_007_199_254_740_991,
};
const livePost = (id: number): Post => ({
  ...post(id),
  status: 'posted',
  postUrl: `https://x.example.com/${'p'.repeat(1900)}|>`,
  metrics: numbers,
  plannedDate: new Date('2026-01-01'),
});
const report = campaignReport({
  campaign: campaign(1, { endDate: new Date('2026-01-01') }),
  participants: participants.map((p) => ({ ...p, stage: 'agreement_sent', agreementSentAt: new Date('2026-01-01') })),
  posts: [
    ...Array.from({ length: 300 }, (_, i) => livePost(i)),
    ...Array.from({ length: 300 }, (_, i) => ({ ...post(i + 300), status: 'approved' as const, plannedDate: new Date('2026-01-01') })),
  ],
  followers: new Map(participants.map((p) => [p.id, 2_000_000_000])),
  now: at,
});
const choices = Array.from({ length: 300 }, (_, i) => ({ post: livePost(i), influencerName: LONG }));

const messages = {
  'report (500 participants, 600 posts, 800 late items)': reportMessage(report, at),
  'post with results': postApprovalMessage(campaign(1), LONG, livePost(1), [decision]),
  help: helpMessage(SUBCOMMANDS),
  'campaign card': campaignCard(campaign(1)),
  'campaign list': campaignList(
    CAMPAIGN_STATUSES.map((status) => ({ status, total: 600, campaigns: campaigns.filter((c) => c.status === status).slice(0, LISTED_PER_STATUS) })),
  ),
  'campaign details (500 participants)': campaignDetails(
    report,
    new Map(participants.map((p) => [p.id, { id: p.id, platform: 'instagram' as const, handle: LONG, followers: 1, avgEngagementPct: null }])),
    new Map(participants.map((p) => [p.id, at])),
  ),
  'not found (ambiguous)': campaignNotFound(LONG, campaigns, 'show <campaign>'),
  history: historyMessage(
    campaign(1),
    history,
    historyNames(
      'IDR',
      participants,
      Array.from({ length: 2000 }, (_, i) => ({ id: i, participationId: i % 500 })),
    ),
  ),
  'proposal approval': proposalApprovalMessage(campaign(1), 'U0SALES'),
  'influencer draft (500 invited)': influencerMessage(
    campaign(1),
    'agreement_sent',
    participants.map((p) => p.influencerName),
    'Sun, 6 Dec 2026, 09:00 GMT+9',
  ),
  'collaboration started (500 + 500)': collaborationStartedMessage(
    campaign(1),
    participants.map((p) => p.influencerName),
    participants.map((p) => p.influencerName),
  ),
  'proposal decided': proposalApprovalMessage(campaign(1), 'U0SALES', decision),
  'proposal approved, recruitment to open': proposalApprovalMessage(campaign(1, { status: 'proposal_approved' }), 'U0SALES', {
    ...decision,
    action: 'campaign.proposal_approved',
  }),
  'post approval': postApprovalMessage(campaign(1), LONG, post(1)),
  'post decided': postApprovalMessage(campaign(1), LONG, post(1), [decision]),
  'post revision, edited, decided and final-approved': postApprovalMessage(campaign(1), LONG, { ...livePost(1), status: 'final_approved' }, [
    decision,
    { ...decision, action: 'post.resubmitted', reason: undefined },
    { ...decision, action: 'post.edited', reason: undefined, details: { changed: { content: { from: LONG, to: LONG } } } },
    { ...decision, action: 'post.approved', reason: undefined },
    { ...decision, action: 'post.final_approved', reason: undefined },
  ]),
  'post revision, every word, link and the date changed': postApprovalMessage(campaign(1), LONG, post(1), [
    decision,
    {
      ...decision,
      action: 'post.resubmitted',
      reason: undefined,
      details: {
        previous: {
          content: '<&> different '.repeat(300),
          mediaUrls: Array.from({ length: 50 }, (_, i) => `https://old.example.com/${i}/${'o'.repeat(500)}`),
          plannedDate: '2026-01-01T00:00:00.000Z',
        },
      },
    },
  ]),
  'post rejected, with Submit revision': postApprovalMessage(campaign(1), LONG, { ...post(1), status: 'rejected' }, [decision]),
  'rejection reply': decisionReply({ ...post(1), status: 'rejected' }, decision),
  'edit told to 200 approvers': postEditedReply(campaign(1), {
    ...decision,
    action: 'post.edited',
    details: { changed: { content: {}, mediaUrls: {}, plannedDate: {} } },
  }),
};

const modals = {
  'create campaign': createCampaignModal('U0MEMBER'),
  'edit brief (published, collaborating)': editBriefModal(campaign(1, { collaborationStartedAt: at })),
  'edit brief (draft)': editBriefModal(campaign(1, { publishedAt: null, status: 'draft' })),
  'open recruitment': openRecruitmentModal(campaign(1)),
  'budgets and costs (500 participants)': costsModal(campaign(1), participants),
  'submit post (300 accounts)': submitPostModal(
    campaign(1),
    Array.from({ length: 300 }, (_, i) => ({
      participantId: i,
      influencerName: LONG,
      account: { id: i, platform: 'instagram' as const, handle: LONG, followers: 1, avgEngagementPct: null },
    })),
  ),
  ...Object.fromEntries((Object.keys(STEPS) as Step[]).map((step) => [`confirm ${step}`, confirmStepModal(step, campaign(1))])),
  'submit revision': existingPostModal(
    'revise',
    { campaign: campaign(1), influencerName: LONG, post: { ...post(1), content: LONG, status: 'rejected' } },
    decision,
  ),
  'edit draft post': existingPostModal('edit', { campaign: campaign(1), influencerName: LONG, post: { ...post(1), content: LONG } }),
  'submit post (revisions)': submitPostModal(campaign(1), [
    {
      participantId: 1,
      influencerName: LONG,
      account: { id: 1, platform: 'instagram' as const, handle: LONG, followers: 1, avgEngagementPct: null },
      rejected: { ...post(1), status: 'rejected' },
    },
  ]),
  'reject reason': rejectReasonModal({ kind: 'post', id: 1, version: 1 }, LONG),
  refusal: refusalModal('Reject draft post', { ok: false, rule: 'rejection-needs-reason', reason: LONG }),
  'record results (one post)': recordResultsModal(campaign(1), choices.slice(0, 1)),
  'record results (300 posts)': recordResultsModal(campaign(1), choices),
  'final approval: choose (300 posts)': finalApproveSelectModal(campaign(1), choices),
  'final approval: confirm (100 posts)': finalApproveConfirmModal(campaign(1), choices.slice(0, 100)),
};

describe('every view within Block Kit limits, with large data', () => {
  it.each(Object.entries(messages))('message: %s', (_, message) => {
    expect(blockKitViolations(message as unknown as Record<string, unknown>, 'message')).toEqual([]);
  });

  it.each(Object.entries(modals))('modal: %s', (_, modal) => {
    expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  });

  it('App Home with 600 campaigns, 300 waiting decisions and 600 overdue items', () => {
    const view = homeView({ userId: 'U0APPROVE', isAdmin: true, subcommands: SUBCOMMANDS, home, notice: LONG.slice(0, 2900) });
    expect(blockKitViolations(view as unknown as Record<string, unknown>, 'home')).toEqual([]);
    expect(JSON.stringify(view)).toContain('more');
  });

  it('the checker itself catches a breach', () => {
    expect(blockKitViolations({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, 'message')).toEqual(['51 blocks']);
    expect(blockKitViolations({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }, 'message')).toEqual([
      'block 0 (section): text 3001 chars',
    ]);
  });
});
