// Every test builder in one place: the people and the clock of the tests' workspace, domain
// records and states, Slack form inputs, and campaigns taken through the use cases.
// "Today" is Monday 2026-11-23, 09:00 UTC.
import { type Campaign, type CampaignBrief, PLATFORMS } from '../../src/domain/brief.js';
import { ALL_OPTIONAL_STAGES, type CampaignState, type CampaignStatus } from '../../src/domain/campaign.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import type { CampaignDigestInput } from '../../src/domain/digest.js';
import type { InfluencerProfile } from '../../src/domain/influencer.js';
import type { Metrics } from '../../src/domain/metrics.js';
import type { Participant, ParticipantState, Stage } from '../../src/domain/participation.js';
import { NO_METRICS, type Post, type PostMetrics, type PostState } from '../../src/domain/posts.js';
import { DEFAULT_TIMING } from '../../src/domain/timing.js';
import type { Prisma } from '../../src/store/database.js';
import { VALUE } from '../../src/views/blocks.js';
import { CAMPAIGN_FIELDS } from '../../src/views/campaign-form.js';
import { INFLUENCER_FIELDS, accountBlockId } from '../../src/views/directory.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { addInfluencers } from '../../src/workflow/influencers.js';
import * as participants from '../../src/workflow/participants.js';
import { type DraftPost, type PostResult, approvePost, recordPostResult, submitPost } from '../../src/workflow/posts.js';
import type { Answers } from './slack-user.js';

// ---------------------------------------------------------------------------------------------
// The people and the clock
// ---------------------------------------------------------------------------------------------

/** People in the tests' workspace. */
export const PEOPLE = {
  admin: 'U0ADMIN',
  salesPic: 'U0SALES',
  influencerPic: 'U0INFPIC',
  approver: 'U0APPROVE',
  approver2: 'U0APPROVE2',
  member: 'U0MEMBER',
} as const;

export const T0 = new Date('2026-11-23T09:00:00Z');
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Who acts, and when: the `acting` argument of every use case. */
export function at(userId: string, now = T0) {
  return { userId, now };
}

/** Unwraps a decision the test expects to succeed, with the refusal in the failure message. */
export function ok<T>(decision: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!decision.ok) throw new Error(`expected success, refused: ${decision.reason}`);
  return decision.value;
}

// ---------------------------------------------------------------------------------------------
// Domain records
// ---------------------------------------------------------------------------------------------

export function brief(overrides: Partial<CampaignBrief> = {}): CampaignBrief {
  return {
    title: 'Spring skincare launch',
    advertiser: 'Glow Labs',
    dealReferences: ['DEAL-1042'],
    salesPicId: PEOPLE.salesPic,
    influencerPicId: PEOPLE.influencerPic,
    country: 'JP',
    category: 'Beauty',
    objective: 'Awareness for the new serum',
    platforms: ['instagram', 'tiktok'],
    targetInfluencers: 10,
    postRequirements: 'One reel and one story, tag @glowlabs',
    budgetMinor: 1_000_000,
    currency: 'USD',
    marginBasisPoints: 1500,
    trackingUrl: 'https://glow.example.com/?utm_source=influencers',
    disclosureWords: [],
    requiredTags: [],
    forbiddenWords: [],
    startDate: new Date('2026-12-01'),
    endDate: new Date('2026-12-31'),
    recruitmentCloseDate: new Date('2026-11-28'),
    channelId: 'C0CAMPAIGN',
    approverIds: [PEOPLE.approver, PEOPLE.approver2],
    optionalStages: ALL_OPTIONAL_STAGES,
    agreementWindowDays: 3,
    ...overrides,
  };
}

export function influencer(name: string, handle: string, followers: number, overrides: Partial<InfluencerProfile> = {}): InfluencerProfile {
  return {
    name,
    country: 'JP',
    niches: ['beauty'],
    email: `${handle}@example.com`,
    accounts: [{ platform: 'instagram', handle, followers, avgEngagementPct: 3.2 }],
    ...overrides,
  };
}

/** A profile on Instagram (as `influencer`) and on YouTube, where the engagement is not known. */
export function influencerWithYoutube(
  name: string,
  handle: string,
  followers: number,
  avgEngagementPct: number,
  youtube: { handle: string; followers: number },
): InfluencerProfile {
  return influencer(name, handle, followers, {
    accounts: [
      { platform: 'instagram', handle, followers, avgEngagementPct },
      { platform: 'youtube', ...youtube, avgEngagementPct: null },
    ],
  });
}

/** A saved campaign, collaborating, as the digest and the views read it. */
export function campaignFixture(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 12,
    title: 'Winter glow',
    advertiser: 'Acme',
    dealReferences: [],
    salesPicId: PEOPLE.salesPic,
    influencerPicId: PEOPLE.influencerPic,
    country: 'ID',
    category: 'Beauty',
    objective: 'Awareness',
    platforms: ['instagram'],
    targetInfluencers: 10,
    postRequirements: 'Tag us',
    budgetMinor: 100_000,
    currency: 'USD',
    marginBasisPoints: 1000,
    trackingUrl: null,
    disclosureWords: [],
    requiredTags: [],
    forbiddenWords: [],
    startDate: day('2026-11-01'),
    endDate: day('2026-12-03'),
    recruitmentCloseDate: day('2026-11-10'),
    channelId: 'C0CAMP',
    approverIds: ['U0APP1', 'U0APP2'],
    optionalStages: ALL_OPTIONAL_STAGES,
    agreementWindowDays: 3,
    status: 'collaborating',
    publishedAt: day('2026-10-20'),
    collaborationStartedAt: day('2026-11-12'),
    createdBy: PEOPLE.salesPic,
    createdAt: day('2026-10-19'),
    version: 4,
    digestMuted: false,
    timing: DEFAULT_TIMING,
    quorum: { kind: 'any' },
    ...overrides,
  };
}

/** Text at its longest, for the Block Kit limits tests. */
export const LONG = 'Ü<&>'.repeat(800);

/** A recruiting campaign whose every text is at its maximum, for the Block Kit limits tests. */
export function longCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return campaignFixture({
    id: 1,
    title: LONG,
    advertiser: LONG,
    dealReferences: [LONG],
    country: LONG,
    category: LONG,
    objective: LONG,
    platforms: [...PLATFORMS],
    targetInfluencers: 500,
    postRequirements: LONG,
    budgetMinor: 1,
    marginBasisPoints: 0,
    startDate: T0,
    endDate: T0,
    recruitmentCloseDate: T0,
    channelId: 'C0CAMPAIGN',
    approverIds: [],
    status: 'recruiting',
    publishedAt: T0,
    collaborationStartedAt: null,
    createdBy: PEOPLE.member,
    createdAt: T0,
    version: 1,
    ...overrides,
  });
}

export function participant(id: number, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    campaignId: 12,
    influencerId: id,
    influencerName: `Influencer ${id}`,
    stage: 'collaborating',
    accountIds: [id],
    budgetMinor: 0,
    influencerCostMinor: 0,
    shippingCostMinor: 0,
    agreementSentAt: null,
    agreementSignedAt: null,
    agreementDeclinedAt: null,
    deliverables: [],
    version: 1,
    ...overrides,
  };
}

export function post(id: number, overrides: Partial<Post> = {}): Post {
  return {
    id,
    participationId: 1,
    socialAccountId: 1,
    plannedDate: day('2026-11-30'),
    content: 'Hello',
    mediaUrls: [],
    postUrl: null,
    status: 'draft',
    revision: 1,
    metrics: null,
    submittedBy: PEOPLE.member,
    version: 1,
    checks: null,
    ...overrides,
  };
}

/** History: `action` by `actor` on post 31. */
export function postEvent(action: string, actor: string, at: Date = T0, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { actor, at, entityType: 'post', entityId: '31', action, ...extra };
}

/** History: a member's post rejected with `reason`. */
export function postRejected(postId: number, at: Date, reason: string): HistoryEntry {
  return { actor: PEOPLE.member, at, entityType: 'post', entityId: String(postId), action: 'post.rejected', from: 'pending_approval', to: 'rejected', reason };
}

/** A post's results; every number zero unless given. */
export function postMetrics(overrides: Partial<PostMetrics> = {}): PostMetrics {
  return { ...NO_METRICS, ...overrides };
}

/** A post's results with some of every number: 400 engagements on a reach of 6,000. */
export const STORY_RESULTS: PostMetrics = {
  impressions: 9_000,
  reach: 6_000,
  likes: 300,
  comments: 40,
  shares: 20,
  saves: 40,
  clicks: 120,
  conversions: 6,
  attributedRevenueMinor: 45_000,
};

/** A feed post's results: 1,000 + 100 + 50 + 50 = 1,200 engagements on a reach of 20,000. */
export const FEED_POST_RESULTS: PostMetrics = {
  impressions: 30_000,
  reach: 20_000,
  likes: 1_000,
  comments: 100,
  shares: 50,
  saves: 50,
  clicks: 300,
  conversions: 12,
  attributedRevenueMinor: 900_000,
};

/** A reel's results: 400 engagements on a reach of 8,000. */
export const REEL_RESULTS: PostMetrics = {
  impressions: 9_000,
  reach: 8_000,
  likes: 350,
  comments: 30,
  shares: 10,
  saves: 10,
  clicks: 120,
  conversions: 4,
  attributedRevenueMinor: 220_000,
};

export const METRICS: Metrics = {
  budgetMinor: 100_000,
  influencerCostMinor: 40_000,
  shippingCostMinor: 5_000,
  totalCostMinor: 45_000,
  remainingBudgetMinor: 55_000,
  overBudget: false,
  budgetUsedPct: 45,
  profitMinor: 60_000,
  potentialReach: 50_000,
  impressions: 20_000,
  reach: 10_000,
  engagements: 500,
  clicks: 40,
  conversions: 2,
  attributedRevenueMinor: 0,
  engagementRatePct: 5,
  costPerEngagementMinor: 90,
  roiPct: -100,
};

/** What a campaign's digest is composed from: the collaborating campaign with two participants, nothing new. */
export function digestInput(overrides: Partial<CampaignDigestInput> = {}): CampaignDigestInput {
  return { campaign: campaignFixture(), participants: [participant(1), participant(2)], posts: [], changes: [], metrics: METRICS, now: T0, ...overrides };
}

// ---------------------------------------------------------------------------------------------
// Domain states, for the transition rules
// ---------------------------------------------------------------------------------------------

export const FIRST_PUBLISHED_AT = new Date('2026-10-01T09:00:00Z');
export const COLLABORATION_STARTED_AT = new Date('2026-11-10T09:00:00Z');

/** A campaign's state; a draft never published unless told otherwise. */
export function campaignState(overrides: Partial<CampaignState> = {}): CampaignState {
  return {
    status: 'draft',
    publishedAt: null,
    collaborationStartedAt: null,
    optionalStages: ALL_OPTIONAL_STAGES,
    agreementWindowDays: 3,
    ...overrides,
  };
}

/**
 * A campaign as it really looks in `status`: a draft was never published, every later status was
 * published once, and collaboration has started from Collaborating on (archived after completion).
 */
export function campaignIn(status: CampaignStatus, overrides: Partial<CampaignState> = {}): CampaignState {
  const collaborated = status === 'collaborating' || status === 'completed' || status === 'archived';
  return campaignState({
    status,
    publishedAt: status === 'draft' ? null : FIRST_PUBLISHED_AT,
    collaborationStartedAt: collaborated ? COLLABORATION_STARTED_AT : null,
    ...overrides,
  });
}

export function participantState(stage: Stage, overrides: Partial<ParticipantState> = {}): ParticipantState {
  return { stage, agreementSentAt: null, agreementSignedAt: null, agreementDeclinedAt: null, ...overrides };
}

export function postState(overrides: Partial<PostState> = {}): PostState {
  return {
    status: 'draft',
    revision: 1,
    content: 'Morning routine with the winter serum',
    mediaUrls: ['https://cdn.example.com/serum.jpg'],
    postUrl: null,
    metrics: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Slack form inputs: what a person types, and view.state.values as Slack sends them
// (https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload)
// ---------------------------------------------------------------------------------------------

type Values = Record<string, Record<string, unknown>>;

const text = (value: string | null) => ({ [VALUE]: { type: 'plain_text_input', value } });
const number = (value: string | null) => ({ [VALUE]: { type: 'number_input', value } });
const date = (selected_date: string | null) => ({ [VALUE]: { type: 'datepicker', selected_date } });
const user = (selected_user: string | null) => ({ [VALUE]: { type: 'users_select', selected_user } });
const users = (selected_users: string[]) => ({ [VALUE]: { type: 'multi_users_select', selected_users } });
const option = (type: string, value: string | null) => ({
  [VALUE]: { type, selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null },
});
const options = (type: string, values: string[]) => ({
  [VALUE]: { type, selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })) },
});

/** What a person types into `/campaign create` for a complete brief. */
export function campaignFormAnswers(title: string, channelId = 'C0CAMPAIGN'): Answers {
  const F = CAMPAIGN_FIELDS;
  return {
    [F.title]: title,
    [F.advertiser]: 'Glow Labs',
    [F.salesPicId]: PEOPLE.salesPic,
    [F.influencerPicId]: PEOPLE.influencerPic,
    [F.country]: 'JP',
    [F.category]: 'Beauty',
    [F.objective]: 'Awareness for the new serum',
    [F.platforms]: ['instagram'],
    [F.postRequirements]: 'One reel, tag @glowlabs',
    [F.budgetMinor]: '10000',
    [F.currency]: 'USD',
    [F.marginBasisPoints]: '15',
    [F.startDate]: '2026-12-01',
    [F.endDate]: '2027-01-31',
    [F.channelId]: channelId,
    [F.approverIds]: [PEOPLE.approver],
  };
}

export interface CampaignFormInput {
  title: string;
  advertiser: string;
  budget: string;
  currency: string;
  margin: string;
  trackingUrl: string | null;
  startDate: string | null;
  endDate: string | null;
  recruitmentCloseDate: string | null;
  channel: string | null;
  approvers: string[];
  platforms: string[];
}

/** The campaign form's values, complete unless told otherwise. */
export function campaignFormValues(overrides: Partial<CampaignFormInput> = {}): Values {
  const F = CAMPAIGN_FIELDS;
  const input: CampaignFormInput = {
    title: 'Holiday gift guide',
    advertiser: 'Glow Labs',
    budget: '12500.50',
    currency: 'USD',
    margin: '15',
    trackingUrl: 'https://glow.example.com/?utm_source=slack',
    startDate: '2026-12-01',
    endDate: '2026-12-31',
    recruitmentCloseDate: '2026-11-28',
    channel: 'C0CAMPAIGN',
    approvers: [PEOPLE.approver, PEOPLE.approver2],
    platforms: ['instagram', 'tiktok'],
    ...overrides,
  };
  return {
    [F.title]: text(input.title),
    [F.advertiser]: text(input.advertiser),
    [F.dealReferences]: text('DEAL-1042, PO-77'),
    [F.salesPicId]: user(PEOPLE.salesPic),
    [F.influencerPicId]: user(PEOPLE.influencerPic),
    [F.country]: text('JP'),
    [F.category]: text('Beauty'),
    [F.objective]: text('Awareness'),
    [F.platforms]: options('multi_static_select', input.platforms),
    [F.targetInfluencers]: number('8'),
    [F.postRequirements]: text('One reel, tag @glowlabs'),
    [F.budgetMinor]: number(input.budget),
    [F.currency]: option('static_select', input.currency),
    [F.marginBasisPoints]: number(input.margin),
    [F.trackingUrl]: { [VALUE]: { type: 'url_text_input', value: input.trackingUrl } },
    [F.startDate]: date(input.startDate),
    [F.endDate]: date(input.endDate),
    [F.recruitmentCloseDate]: date(input.recruitmentCloseDate),
    [F.channelId]: { [VALUE]: { type: 'conversations_select', selected_conversation: input.channel } },
    [F.approverIds]: users(input.approvers),
    [F.optionalStages]: options('checkboxes', ['invited', 'applications', 'deliverables']),
    [F.agreementWindowDays]: number('3'),
  };
}

export interface AccountInput {
  platform: string | null;
  handle: string | null;
  followers: string | null;
  avgEngagement: string | null;
}

/** One account row's inputs in the influencer form; `key` is the row's key in the modal's metadata. */
export function accountValues(key: string, account: Partial<AccountInput> = {}): Values {
  const input: AccountInput = { platform: 'instagram', handle: '@chika', followers: '88000', avgEngagement: '2.5', ...account };
  return {
    [accountBlockId(key, 'platform')]: option('static_select', input.platform),
    [accountBlockId(key, 'handle')]: text(input.handle),
    [accountBlockId(key, 'followers')]: number(input.followers),
    [accountBlockId(key, 'avgEngagement')]: number(input.avgEngagement),
  };
}

export interface ProfileInput {
  name: string | null;
  country: string | null;
  niches: string | null;
  email: string | null;
}

/** The influencer form's profile inputs. */
export function profileValues(profile: Partial<ProfileInput> = {}): Values {
  const input: ProfileInput = { name: 'Chika Mori', country: 'JP', niches: 'Beauty, skincare', email: 'chika@example.com', ...profile };
  return {
    [INFLUENCER_FIELDS.name]: text(input.name),
    [INFLUENCER_FIELDS.country]: text(input.country),
    [INFLUENCER_FIELDS.niches]: text(input.niches),
    [INFLUENCER_FIELDS.email]: { [VALUE]: { type: 'email_text_input', value: input.email } },
  };
}

// ---------------------------------------------------------------------------------------------
// Campaigns taken through the workflow with use cases only
// ---------------------------------------------------------------------------------------------

const pic = at(PEOPLE.salesPic);

/** A campaign up to recruiting with two candidates. */
export async function recruitingCampaign(prisma: Prisma, title = 'Spring skincare launch', overrides: Partial<CampaignBrief> = {}) {
  const created = await campaigns.createCampaign(prisma, brief({ title, ...overrides }), at(PEOPLE.member));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const id = created.campaign.id;
  const suffix = `${id}`;
  const [aiko, ben] = ok(
    await addInfluencers(prisma, [influencer('Aiko Tanaka', `aiko${suffix}`, 120_000), influencer('Ben Ito', `ben${suffix}`, 45_000)], at(PEOPLE.member)),
  );
  ok(await campaigns.publishProposal(prisma, id, pic));
  ok(await campaigns.approveProposal(prisma, id, at(PEOPLE.approver)));
  ok(await campaigns.openRecruitment(prisma, id, pic));
  const added = ok(await participants.addParticipants(prisma, id, [{ influencerId: aiko!.id }, { influencerId: ben!.id }], at(PEOPLE.member)));
  return { id, influencers: [aiko!, ben!], participants: added };
}

/** Moves a participant along the pipeline through `stages`, as a member unless told otherwise. */
export async function moveThrough(prisma: Prisma, participantId: number, stages: readonly Stage[], acting = at(PEOPLE.member)) {
  for (const stage of stages) ok(await participants.moveParticipant(prisma, participantId, stage, acting));
}

/** The stages from Candidate to Signed. */
export const TO_SIGNED = ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent', 'signed'] as const satisfies readonly Stage[];

/** Moves a participant along the pipeline to Signed. */
export function sign(prisma: Prisma, participantId: number) {
  return moveThrough(prisma, participantId, TO_SIGNED);
}

/** A campaign collaborating with one influencer (the first signed, the second not selected). */
export async function collaboratingCampaign(prisma: Prisma, title?: string, overrides: Partial<CampaignBrief> = {}) {
  const scenario = await recruitingCampaign(prisma, title, overrides);
  const [signed, other] = scenario.participants;
  await sign(prisma, signed!.id);
  ok(await campaigns.closeRecruitment(prisma, scenario.id, pic));
  ok(await campaigns.startCollaboration(prisma, scenario.id, pic));
  return { ...scenario, collaborator: signed!, notSelected: other!, account: scenario.influencers[0]!.accounts[0]! };
}

/** What the post builders need of a collaborating campaign. */
type Collaborating = { collaborator: { id: number }; account: { id: number } };

/** The collaborator's post with `content`, planned for 5 December, submitted by a member. */
export async function submittedPost(prisma: Prisma, scenario: Collaborating, content: string, overrides: Partial<DraftPost> = {}) {
  const draft = {
    participationId: scenario.collaborator.id,
    socialAccountId: scenario.account.id,
    plannedDate: new Date('2026-12-05'),
    content,
    mediaUrls: [],
  };
  return ok(await submitPost(prisma, { ...draft, ...overrides }, at(PEOPLE.member)));
}

/** The collaborator's post taken live: submitted, approved and its result recorded. */
export async function livePost(prisma: Prisma, scenario: Collaborating, content: string, result: PostResult) {
  const post = await submittedPost(prisma, scenario, content);
  ok(await approvePost(prisma, post.id, at(PEOPLE.approver)));
  return ok(await recordPostResult(prisma, post.id, result, at(PEOPLE.member)));
}

/** The collaborator's budget and costs, as the sales PIC sets them. */
export async function setCosts(prisma: Prisma, scenario: Collaborating, costs: Parameters<typeof participants.editCosts>[2]) {
  return ok(await participants.editCosts(prisma, scenario.collaborator.id, costs, at(PEOPLE.salesPic)));
}
