import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ALL_OPTIONAL_STAGES,
  CAMPAIGN_MOVE_PERMISSION,
  CAMPAIGN_STATUSES,
  type CampaignState,
  type CampaignStatus,
  type OptionalStages,
  configureStages,
  mayDelete,
  moveCampaign,
} from '../../src/domain/campaign.js';
import type { Decision } from '../../src/domain/decision.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import {
  type ParticipantState,
  STAGES,
  type Stage,
  mayEditCosts,
  mayEditDeliverables,
  moveParticipant,
  phaseOf,
  resendAgreement,
  stageAtCollaborationStart,
} from '../../src/domain/participation.js';
import {
  EFFECTIVE_POST_STATUSES,
  type PostMetrics,
  type PostState,
  approvePost,
  finalApprovePost,
  mayChangeWaitingPost,
  recordResult,
  rejectPost,
  stageAfterPost,
  submitPost,
  withdrawPost,
} from '../../src/domain/posts.js';
import { type Action, type CampaignPeople, permissionRefusal, rolesOf } from '../../src/domain/roles.js';
import { campaignState, participantState, postState } from '../support/factories.js';

/*
 * A small simulator of one campaign. It knows nothing of the rules: every change goes through a
 * domain function, and the simulator only stores what the domain allowed and records one history
 * event per change (start collaboration and post changes also record the participants they move).
 * The properties then look at the whole run from the outside.
 */

// ---------------------------------------------------------------------------------------------
// The people
// ---------------------------------------------------------------------------------------------

const SALES_PIC = 'USALES';
const INFLUENCER_PIC = 'UINFLPIC';
const APPROVER = 'UAPPROVER';
const APPROVER_ADMIN = 'UAPPRADMIN';
const ADMIN = 'UADMIN';
const MEMBER = 'UMEMBER';
const OTHER_MEMBER = 'UOTHER';
const ACTORS = [SALES_PIC, INFLUENCER_PIC, APPROVER, APPROVER_ADMIN, ADMIN, MEMBER, OTHER_MEMBER] as const;
const PLAIN_MEMBERS: readonly string[] = [MEMBER, OTHER_MEMBER];

const PEOPLE: CampaignPeople = { salesPicId: SALES_PIC, influencerPicId: INFLUENCER_PIC, approverIds: [APPROVER, APPROVER_ADMIN] };
const ADMINS: ReadonlySet<string> = new Set([ADMIN, APPROVER_ADMIN]);

const PARTICIPANTS = 3;
const POSTS_PER_PARTICIPANT = 2;
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 0, 6, 9, 0, 0);
const CAMPAIGN_ID = 'C1';
const participantId = (p: number) => `P${p}`;
const postId = (p: number, post: number) => `P${p}.post${post}`;
const participantOfPost = (id: string) => Number(id.slice(1, id.indexOf('.')));

// ---------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------

interface ModelParticipant extends ParticipantState {
  id: string;
  budgetMinor: number;
  deliverables: number;
}

interface ModelPost extends PostState {
  id: string;
  /** Who submitted it last: they (or a PIC) may withdraw it while it waits. */
  submittedBy?: string;
}

/** Everything that can change; the people and admins are fixed for a run. */
interface State {
  campaign: CampaignState;
  deleted: boolean;
  participants: ModelParticipant[];
  posts: ModelPost[][];
  now: number;
  history: HistoryEntry[];
}

interface World extends State {
  people: CampaignPeople;
  admins: ReadonlySet<string>;
}

function newWorld(): World {
  return {
    people: PEOPLE,
    admins: ADMINS,
    campaign: campaignState({ optionalStages: { ...ALL_OPTIONAL_STAGES } }),
    deleted: false,
    participants: Array.from({ length: PARTICIPANTS }, (_, p) => ({
      id: participantId(p),
      ...participantState('candidate'),
      budgetMinor: 0,
      deliverables: 0,
    })),
    posts: Array.from({ length: PARTICIPANTS }, (_, p) =>
      Array.from({ length: POSTS_PER_PARTICIPANT }, (_, post) => ({ id: postId(p, post), ...postState({ content: '', mediaUrls: [] }) })),
    ),
    now: START,
    history: [],
  };
}

/** What can change but the history (which `run` copies only when asked: copies cost time). */
interface Snapshot extends Omit<State, 'history'> {
  historyLength: number;
}

const copyDate = (date: Date | null) => (date ? new Date(date.getTime()) : null);

/** A deep copy (by hand: structuredClone at every step costs too much): later steps cannot alter it, so it shows mutation. */
function snapshot(world: World): Snapshot {
  const { campaign, participants, posts } = world;
  return {
    campaign: {
      ...campaign,
      publishedAt: copyDate(campaign.publishedAt),
      collaborationStartedAt: copyDate(campaign.collaborationStartedAt),
      optionalStages: { ...campaign.optionalStages },
    },
    deleted: world.deleted,
    participants: participants.map((participant) => ({
      ...participant,
      agreementSentAt: copyDate(participant.agreementSentAt),
      agreementSignedAt: copyDate(participant.agreementSignedAt),
      agreementDeclinedAt: copyDate(participant.agreementDeclinedAt),
    })),
    posts: posts.map((list) => list.map((post) => ({ ...post, mediaUrls: [...post.mediaUrls], metrics: post.metrics && { ...post.metrics } }))),
    now: world.now,
    historyLength: world.history.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The actions
// ---------------------------------------------------------------------------------------------

type Command =
  | { kind: 'campaignForward'; patient: boolean; otherWay: boolean }
  | { kind: 'moveCampaign'; to: CampaignStatus }
  | { kind: 'startCollaboration' }
  | { kind: 'deleteCampaign' }
  | { kind: 'configureStages'; stages: OptionalStages }
  | { kind: 'participantForward'; p: number; otherWay: boolean }
  | { kind: 'moveParticipant'; p: number; to: Stage }
  | { kind: 'participantNearby'; p: number; offset: number }
  | { kind: 'resendAgreement'; p: number }
  | { kind: 'editDeliverables'; p: number; count: number }
  | { kind: 'editCosts'; p: number; budgetMinor: number }
  | { kind: 'postForward'; p: number; post: number }
  | { kind: 'submitPost'; p: number; post: number; content: string }
  | { kind: 'approvePost'; p: number; post: number }
  | { kind: 'rejectPost'; p: number; post: number; reason: string }
  | { kind: 'recordResult'; p: number; post: number; postUrl?: string; metrics?: PostMetrics }
  | { kind: 'finalApprovePost'; p: number; post: number }
  | { kind: 'withdrawPost'; p: number; post: number }
  | { kind: 'tick'; ms: number };

interface Step {
  actor: string;
  command: Command;
}

/** The commands the simulator runs once the "forward" shortcuts are resolved. */
type Concrete = Exclude<Command, { kind: 'campaignForward' | 'participantForward' | 'participantNearby' | 'postForward' }>;

/*
 * Forward shortcuts, so that long lifecycles are reachable from random sequences. These are the
 * test's idea of a happy path, not the rules: the domain still decides whether the move is allowed.
 */
/** The usual next stage, and the other way the story can go (taken now and then). */
const PARTICIPANT_NEXT: Partial<Record<Stage, readonly [Stage, Stage?]>> = {
  candidate: ['invited'],
  invited: ['applied'],
  applied: ['approved', 'rejected'],
  reviewing: ['approved', 'rejected'],
  rejected: ['approved'],
  approved: ['deliverables'],
  deliverables: ['agreement_sent'],
  agreement_sent: ['signed', 'declined'],
  collaborating: ['content_in_review'],
  content_in_review: ['posted'],
  posted: ['completed'],
};

/** Stages after which the driver stops pushing a participant before collaboration starts. */
const SETTLED: readonly Stage[] = ['signed', 'declined', 'rejected', 'not_selected'];

function participantForward(world: World, p: number, otherWay: boolean): Concrete {
  const stage = world.participants[p]?.stage ?? 'candidate';
  const [usual, other] = PARTICIPANT_NEXT[stage] ?? [stage];
  return { kind: 'moveParticipant', p, to: (otherWay ? other : undefined) ?? usual };
}

function postForward(world: World, p: number, post: number): Concrete {
  const status = world.posts[p]?.[post]?.status ?? 'draft';
  if (status === 'draft' || status === 'rejected') return { kind: 'submitPost', p, post, content: `Post ${postId(p, post)}` };
  if (status === 'pending_approval') return { kind: 'approvePost', p, post };
  if (status === 'approved') return { kind: 'recordResult', p, post, postUrl: `https://example.com/${postId(p, post)}` };
  return { kind: 'finalApprovePost', p, post };
}

/**
 * Resolves the forward shortcuts against the current state. Moving the campaign forward is
 * mostly patient: while there is pending work the domain would allow right now (push an
 * unsettled participant along, resend an expired agreement, push a post towards Posted or Final
 * approved), the actor does a piece of it, preferably one they are permitted to do, like a team
 * that finishes recruiting before closing it. Participants other than the first are waited for
 * only once someone has started them. Impatient forward moves, random campaign moves and start
 * collaboration still jump ahead at any time.
 */
function resolve(world: World, command: Command, actor: string): Concrete {
  switch (command.kind) {
    case 'campaignForward': {
      if (command.patient) {
        const pending: Concrete[] = [];
        world.participants.forEach((participant, p) => {
          if (phaseOf(participant.stage) === 'collaboration') {
            at(world.posts, p).forEach((post, j) => post.status !== 'final_approved' && pending.push(postForward(world, p, j)));
          } else if (!SETTLED.includes(participant.stage) && (p === 0 || participant.stage !== 'candidate')) {
            pending.push(participantForward(world, p, command.otherWay), { kind: 'resendAgreement', p });
          }
        });
        const doable = pending.filter((candidate) => domainAllows(world, candidate, APPROVER_ADMIN));
        const mine = doable.find((candidate) => domainAllows(world, candidate, actor)) ?? doable[0];
        if (mine) return mine;
      }
      // The lifecycle in order (CAMPAIGN_STATUSES) is the happy path.
      const index = CAMPAIGN_STATUSES.indexOf(world.campaign.status);
      const to = CAMPAIGN_STATUSES[Math.min(index + 1, CAMPAIGN_STATUSES.length - 1)] ?? 'archived';
      return to === 'collaborating' ? { kind: 'startCollaboration' } : { kind: 'moveCampaign', to };
    }
    case 'participantForward':
      return participantForward(world, command.p, command.otherWay);
    case 'participantNearby': {
      // A stage a few places away in workflow order, back or forth: where the edge cases are.
      const index = STAGES.indexOf(world.participants[command.p]?.stage ?? 'candidate') + command.offset;
      return { kind: 'moveParticipant', p: command.p, to: at(STAGES, Math.max(0, Math.min(index, STAGES.length - 1))) };
    }
    case 'postForward':
      return postForward(world, command.p, command.post);
    default:
      return command;
  }
}

/** How the app names each change for permissions (as in the workflow modules). */
function permissionOf(command: Exclude<Concrete, { kind: 'tick' }>): Action {
  switch (command.kind) {
    case 'moveCampaign':
      return CAMPAIGN_MOVE_PERMISSION[command.to];
    case 'startCollaboration':
      return 'startCollaboration';
    case 'deleteCampaign':
      return 'deleteDraft';
    case 'configureStages':
      return 'configureStages';
    case 'moveParticipant':
    case 'editDeliverables':
      return 'manageParticipants';
    case 'resendAgreement':
      return 'resendAgreement';
    case 'editCosts':
      return 'editBudgets';
    case 'submitPost':
    case 'withdrawPost':
      return 'submitPost';
    case 'approvePost':
    case 'rejectPost':
      return 'decidePost';
    case 'recordResult':
      return 'recordPostResult';
    case 'finalApprovePost':
      return 'finalApprovePost';
  }
}

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

type Outcome = { ok: true; command: Concrete; events: HistoryEntry[] } | { ok: false; command: Concrete | null; rule: string };

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

/**
 * Applies one step to `world` and reports what happened. A deleted campaign, a missing permission
 * or a domain refusal changes nothing; an allowed change replaces the parts of the world it
 * changes (never editing them in place) and appends its events to the history.
 */
function apply(world: World, step: Step): Outcome {
  const { actor } = step;
  if (world.deleted) return { ok: false, command: null, rule: 'campaign-deleted' };
  const command = resolve(world, step.command, actor);
  if (command.kind === 'tick') {
    world.now += command.ms;
    return { ok: true, command, events: [] };
  }
  const refusal = permissionRefusal(permissionOf(command), rolesOf(actor, world.people, world.admins.has(actor)));
  if (refusal) return { ok: false, command, rule: 'not-permitted' };

  const now = new Date(world.now);
  const event = (entityType: string, entityId: string, action: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
    actor,
    at: new Date(world.now),
    entityType,
    entityId,
    action,
    ...extra,
  });
  const done = (events: HistoryEntry[]): Outcome => {
    world.history.push(...events);
    return { ok: true, command, events };
  };
  const refused = (decision: Decision<unknown> & { ok: false }): Outcome => ({ ok: false, command, rule: decision.rule });
  const replaceParticipant = (p: number, next: ModelParticipant) => {
    world.participants = world.participants.map((old, index) => (index === p ? next : old));
  };
  /** A post change, then the participant's stage follows the post (as the app does). */
  const postChange = (p: number, post: number, decided: Decision<ModelPost>, action: string, reason?: string): Outcome => {
    if (!decided.ok) return refused(decided);
    const before = at(at(world.posts, p), post);
    world.posts = world.posts.map((list, i) => (i === p ? list.map((old, j) => (j === post ? decided.value : old)) : list));
    const events = [event('post', before.id, action, { from: before.status, to: decided.value.status, ...(reason === undefined ? {} : { reason }) })];
    const participant = at(world.participants, p);
    const anotherWaits = at(world.posts, p).some((other, j) => j !== post && other.status === 'pending_approval');
    const stage = stageAfterPost(participant.stage, decided.value.status, anotherWaits);
    if (stage !== participant.stage) {
      replaceParticipant(p, { ...participant, stage });
      events.push(event('participant', participant.id, 'participant.moved', { from: participant.stage, to: stage }));
    }
    return done(events);
  };

  switch (command.kind) {
    // A move to Collaborating is start collaboration, whichever way it was asked for.
    case 'moveCampaign':
    case 'startCollaboration': {
      const from = world.campaign.status;
      const to = command.kind === 'moveCampaign' ? command.to : 'collaborating';
      const decided = moveCampaign(world.campaign, to, now);
      if (!decided.ok) return refused(decided);
      world.campaign = decided.value;
      if (to !== 'collaborating') return done([event('campaign', CAMPAIGN_ID, `campaign.${to}`, { from, to: decided.value.status })]);
      const events = [event('campaign', CAMPAIGN_ID, 'campaign.collaboration_started', { from, to: decided.value.status })];
      world.participants = world.participants.map((participant) => {
        const stage = stageAtCollaborationStart(participant.stage);
        if (stage === participant.stage) return participant;
        events.push(event('participant', participant.id, 'participant.moved', { from: participant.stage, to: stage, reason: 'collaboration started' }));
        return { ...participant, stage };
      });
      return done(events);
    }
    case 'deleteCampaign': {
      const decided = mayDelete(world.campaign);
      if (!decided.ok) return refused(decided);
      world.deleted = true;
      return done([event('campaign', CAMPAIGN_ID, 'campaign.deleted', { from: world.campaign.status })]);
    }
    case 'configureStages': {
      const decided = configureStages(world.campaign, command.stages);
      if (!decided.ok) return refused(decided);
      world.campaign = decided.value;
      return done([event('campaign', CAMPAIGN_ID, 'campaign.stages_configured')]);
    }
    case 'moveParticipant': {
      const participant = at(world.participants, command.p);
      const decided = moveParticipant(participant, command.to, world.campaign, now);
      if (!decided.ok) return refused(decided);
      replaceParticipant(command.p, decided.value);
      return done([event('participant', participant.id, 'participant.moved', { from: participant.stage, to: decided.value.stage })]);
    }
    case 'resendAgreement': {
      const participant = at(world.participants, command.p);
      const decided = resendAgreement(participant, world.campaign, now);
      if (!decided.ok) return refused(decided);
      replaceParticipant(command.p, decided.value);
      return done([event('participant', participant.id, 'participant.agreement_resent', { from: participant.stage, to: decided.value.stage })]);
    }
    case 'editDeliverables': {
      const participant = at(world.participants, command.p);
      const decided = mayEditDeliverables(participant, world.campaign);
      if (!decided.ok) return refused(decided);
      replaceParticipant(command.p, { ...participant, deliverables: command.count });
      return done([
        event('participant', participant.id, 'participant.deliverables_changed', { from: String(participant.deliverables), to: String(command.count) }),
      ]);
    }
    case 'editCosts': {
      const participant = at(world.participants, command.p);
      const hasEffectivePost = at(world.posts, command.p).some((post) => EFFECTIVE_POST_STATUSES.includes(post.status));
      const decided = mayEditCosts(hasEffectivePost, world.campaign);
      if (!decided.ok) return refused(decided);
      replaceParticipant(command.p, { ...participant, budgetMinor: command.budgetMinor });
      return done([
        event('participant', participant.id, 'participant.costs_changed', { from: String(participant.budgetMinor), to: String(command.budgetMinor) }),
      ]);
    }
    case 'submitPost': {
      const post = at(at(world.posts, command.p), command.post);
      const stage = at(world.participants, command.p).stage;
      const decided = submitPost(post, { content: command.content, mediaUrls: [] }, world.campaign, stage);
      return postChange(command.p, command.post, decided.ok ? { ...decided, value: { ...decided.value, submittedBy: actor } } : decided, 'post.submitted');
    }
    case 'withdrawPost': {
      const post = at(at(world.posts, command.p), command.post);
      const who = mayChangeWaitingPost({ submittedBy: post.submittedBy ?? '' }, actor, rolesOf(actor, world.people, world.admins.has(actor)));
      if (!who.ok) return refused(who);
      return postChange(command.p, command.post, withdrawPost(post, world.campaign), 'post.withdrawn');
    }
    case 'approvePost': {
      const post = at(at(world.posts, command.p), command.post);
      return postChange(command.p, command.post, approvePost(post, world.campaign), 'post.approved');
    }
    case 'rejectPost': {
      const post = at(at(world.posts, command.p), command.post);
      return postChange(command.p, command.post, rejectPost(post, command.reason, world.campaign), 'post.rejected', command.reason.trim());
    }
    case 'recordResult': {
      const post = at(at(world.posts, command.p), command.post);
      const result = {
        ...(command.postUrl === undefined ? {} : { postUrl: command.postUrl }),
        ...(command.metrics === undefined ? {} : { metrics: command.metrics }),
      };
      return postChange(command.p, command.post, recordResult(post, result, world.campaign), 'post.result_recorded');
    }
    case 'finalApprovePost': {
      const post = at(at(world.posts, command.p), command.post);
      return postChange(command.p, command.post, finalApprovePost(post, world.campaign), 'post.final_approved');
    }
  }
}

/**
 * Would `actor` succeed with `command` now? Asked on a throw-away copy (a shallow one will do:
 * `apply` replaces the world's fields and never changes what they hold). APPROVER_ADMIN has every role.
 */
function domainAllows(world: World, command: Concrete, actor: string): boolean {
  return apply({ ...world, history: [] }, { actor, command }).ok;
}

interface Frame {
  step: Step;
  outcome: Outcome;
  before: Snapshot;
  after: Snapshot;
  /** structuredClone copies of the whole history before and after the step, when asked for. */
  history?: { before: HistoryEntry[]; after: HistoryEntry[] };
}

interface Run {
  frames: Frame[];
  initial: Snapshot;
  world: World;
}

function run(steps: readonly Step[], { copyHistory = false } = {}): Run {
  const world = newWorld();
  const initial = snapshot(world);
  let before = initial;
  let historyBefore = structuredClone(world.history);
  const frames: Frame[] = [];
  for (const step of steps) {
    const outcome = apply(world, step);
    const after = snapshot(world);
    if (copyHistory) {
      const historyAfter = structuredClone(world.history);
      frames.push({ step, outcome, before, after, history: { before: historyBefore, after: historyAfter } });
      historyBefore = historyAfter;
    } else {
      frames.push({ step, outcome, before, after });
    }
    before = after;
  }
  return { frames, initial, world };
}

/** Every state the run went through, the initial one first. */
const statesOf = (result: Run): Snapshot[] => [result.initial, ...result.frames.map((frame) => frame.after)];

// ---------------------------------------------------------------------------------------------
// The arbitraries
// ---------------------------------------------------------------------------------------------

/** Three forward moves in four are patient (see `resolve`). */
const PATIENCE = 3;
/** Now and then a participant is rejected or declines instead of going ahead. */
const otherWayArb = fc.nat({ max: 5 }).map((n) => n === 0);
const participantArb = fc.nat({ max: PARTICIPANTS - 1 });
/** Forward moves favour the first participant, so that one of them often gets through the whole pipeline. */
const favouriteParticipantArb = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: participantArb });
const postArb = fc.record({ p: favouriteParticipantArb, post: fc.nat({ max: POSTS_PER_PARTICIPANT - 1 }) });
const metricsArb: fc.Arbitrary<PostMetrics> = fc.record({
  impressions: fc.nat(),
  reach: fc.nat(),
  likes: fc.nat(),
  comments: fc.nat(),
  shares: fc.nat(),
  saves: fc.nat(),
  clicks: fc.nat(),
  conversions: fc.nat(),
  attributedRevenueMinor: fc.nat(),
});
const blankOrText = fc.oneof(fc.constantFrom('', '   ', '\n'), fc.string({ maxLength: 20 }));

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 24,
    arbitrary: fc
      .record({ patient: fc.nat({ max: PATIENCE }).map((n) => n > 0), otherWay: otherWayArb })
      .map(({ patient, otherWay }) => ({ kind: 'campaignForward' as const, patient, otherWay })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CAMPAIGN_STATUSES).map((to) => ({ kind: 'moveCampaign' as const, to })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'startCollaboration' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deleteCampaign' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ invited: fc.boolean(), applications: fc.boolean(), deliverables: fc.boolean() })
      .map((stages) => ({ kind: 'configureStages' as const, stages })),
  },
  {
    weight: 10,
    arbitrary: fc
      .record({ p: favouriteParticipantArb, otherWay: otherWayArb })
      .map(({ p, otherWay }) => ({ kind: 'participantForward' as const, p, otherWay })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ p: participantArb, to: fc.constantFrom(...STAGES) }).map(({ p, to }) => ({ kind: 'moveParticipant' as const, p, to })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ p: favouriteParticipantArb, offset: fc.constantFrom(-3, -2, -1, 1, 2, 3) })
      .map(({ p, offset }) => ({ kind: 'participantNearby' as const, p, offset })),
  },
  { weight: 1, arbitrary: participantArb.map((p) => ({ kind: 'resendAgreement' as const, p })) },
  {
    weight: 2,
    arbitrary: fc.record({ p: favouriteParticipantArb, count: fc.nat({ max: 5 }) }).map(({ p, count }) => ({ kind: 'editDeliverables' as const, p, count })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ p: favouriteParticipantArb, budgetMinor: fc.nat({ max: 1_000_000 }) })
      .map(({ p, budgetMinor }) => ({ kind: 'editCosts' as const, p, budgetMinor })),
  },
  { weight: 4, arbitrary: postArb.map(({ p, post }) => ({ kind: 'postForward' as const, p, post })) },
  {
    weight: 1,
    arbitrary: fc.record({ target: postArb, content: blankOrText }).map(({ target, content }) => ({ kind: 'submitPost' as const, ...target, content })),
  },
  { weight: 1, arbitrary: postArb.map((target) => ({ kind: 'approvePost' as const, ...target })) },
  {
    weight: 1,
    arbitrary: fc.record({ target: postArb, reason: blankOrText }).map(({ target, reason }) => ({ kind: 'rejectPost' as const, ...target, reason })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ target: postArb, postUrl: fc.option(fc.webUrl(), { nil: undefined }), metrics: fc.option(metricsArb, { nil: undefined }) })
      .map(({ target, postUrl, metrics }) => ({
        kind: 'recordResult' as const,
        ...target,
        ...(postUrl === undefined ? {} : { postUrl }),
        ...(metrics === undefined ? {} : { metrics }),
      })),
  },
  { weight: 1, arbitrary: postArb.map((target) => ({ kind: 'finalApprovePost' as const, ...target })) },
  { weight: 1, arbitrary: postArb.map((target) => ({ kind: 'withdrawPost' as const, ...target })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 * DAY }).map((ms) => ({ kind: 'tick' as const, ms })) },
);

const stepArb: fc.Arbitrary<Step> = fc.record({ actor: fc.constantFrom(...ACTORS), command: commandArb });
/** `size: 'max'`: by default fast-check keeps arrays short (about ten items), too short for a whole campaign. */
const stepsArb = fc.array(stepArb, { maxLength: 80, size: 'max' });
/** A found failure is still reported when shrinking hits the time limit (within vitest's 20 s test timeout). */
const RUNS = { numRuns: 300, interruptAfterTimeLimit: 12_000 };

/** Asserts a property over every generated run; `check` throws (via expect) when it fails. */
function forAllRuns(check: (result: Run) => void, options: { copyHistory?: boolean } = {}): void {
  fc.assert(
    fc.property(stepsArb, (steps) => {
      check(run(steps, options));
    }),
    RUNS,
  );
}

const DECIDED: readonly Stage[] = ['approved', 'rejected'];
const APPLICATION: readonly Stage[] = ['applied', 'reviewing'];
const participantMoves = (history: readonly HistoryEntry[]) =>
  history.filter((entry) => entry.entityType === 'participant' && entry.action === 'participant.moved');

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe('campaign rules under random sequences of actions by random actors', () => {
  it('never returns an applicant from Approved/Rejected to Applied/Reviewing', () => {
    forAllRuns(({ frames, world }) => {
      for (const { before, after } of frames) {
        before.participants.forEach((participant, p) => {
          const next = at(after.participants, p).stage;
          if (DECIDED.includes(participant.stage)) expect(APPLICATION, `${participant.id}: ${participant.stage} → ${next}`).not.toContain(next);
        });
      }
      for (const move of participantMoves(world.history)) {
        if (DECIDED.includes(move.from as Stage)) expect(APPLICATION).not.toContain(move.to);
      }
    });
  });

  it('starts collaboration at most once and never changes its start time', () => {
    forAllRuns((result) => {
      let startedAt: number | null = null;
      for (const state of statesOf(result)) {
        const current = state.campaign.collaborationStartedAt?.getTime() ?? null;
        if (startedAt !== null) expect(current, 'collaborationStartedAt changed after it was set').toBe(startedAt);
        startedAt = current;
      }
      const starts = result.world.history.filter((entry) => entry.action === 'campaign.collaboration_started');
      expect(starts.length).toBeLessThanOrEqual(1);
      expect(starts.length).toBe(startedAt === null ? 0 : 1);
    });
  });

  it('never deletes a campaign whose proposal was ever published', () => {
    forAllRuns((result) => {
      let everPublished = false;
      let publishedAt: number | null = null;
      for (const state of statesOf(result)) {
        if (publishedAt !== null) expect(state.campaign.publishedAt?.getTime(), 'publishedAt cleared or changed').toBe(publishedAt);
        publishedAt = state.campaign.publishedAt?.getTime() ?? null;
        everPublished ||= publishedAt !== null;
        if (everPublished) expect(state.deleted, 'a published campaign was deleted').toBe(false);
      }
      for (const { before, after } of result.frames) {
        if (!before.deleted && after.deleted) expect(before.campaign).toMatchObject({ status: 'draft', publishedAt: null });
      }
      const deletions = result.world.history.filter((entry) => entry.action === 'campaign.deleted');
      expect(deletions.length).toBe(result.world.deleted ? 1 : 0);
    });
  });

  it('edits deliverables only in the Candidates phase and costs only before an effective post', () => {
    forAllRuns(({ frames, world }) => {
      for (const { before, outcome } of frames) {
        if (!outcome.ok) continue;
        const { command } = outcome;
        if (command.kind === 'editDeliverables') {
          expect(phaseOf(at(before.participants, command.p).stage)).toBe('candidates');
        }
        if (command.kind === 'editCosts') {
          expect(at(before.posts, command.p).map((post) => post.status)).not.toContain('posted');
          expect(at(before.posts, command.p).map((post) => post.status)).not.toContain('final_approved');
        }
      }
      // The same, read from the history alone: no cost change after one of the participant's posts went live.
      const live = new Set<number>();
      for (const entry of world.history) {
        if (entry.entityType === 'post' && (entry.to === 'posted' || entry.to === 'final_approved')) live.add(participantOfPost(entry.entityId));
        if (entry.action === 'participant.costs_changed') expect(live.has(Number(entry.entityId.slice(1))), `${entry.entityId} costs after a post`).toBe(false);
      }
    });
  });

  it('only appends to the history: events are never removed or altered, and refusals change nothing', () => {
    forAllRuns(
      ({ frames, world }) => {
        for (const { before, after, outcome, history } of frames) {
          if (!history) throw new Error('run without history copies');
          expect(history.after.length).toBeGreaterThanOrEqual(history.before.length);
          const kept = history.after.slice(0, history.before.length);
          if (!isDeepStrictEqual(kept, history.before)) expect(kept).toEqual(history.before);
          if (!outcome.ok) {
            if (!isDeepStrictEqual(after, before)) expect(after).toEqual(before);
            expect(history.after.length).toBe(history.before.length);
            continue;
          }
          // A change records exactly its events (a clock tick records none); one at least for a real change.
          const added = history.after.slice(history.before.length);
          if (!isDeepStrictEqual(added, outcome.events)) expect(added).toEqual(outcome.events);
          if (outcome.command.kind !== 'tick') expect(outcome.events.length).toBeGreaterThanOrEqual(1);
        }
        const last = frames.at(-1)?.history?.after ?? [];
        if (!isDeepStrictEqual(world.history, last)) expect(world.history).toEqual(last);
      },
      { copyHistory: true },
    );
  });

  it('lets only whoever submitted a waiting post, or a PIC, withdraw it; a withdrawn post stays withdrawn', () => {
    forAllRuns(({ frames }) => {
      for (const { step, before, after, outcome } of frames) {
        before.posts.forEach((posts, p) =>
          posts.forEach((post, j) => {
            const next = at(at(after.posts, p), j);
            if (post.status === 'withdrawn') expect(next.status).toBe('withdrawn');
            if (post.status !== 'withdrawn' && next.status === 'withdrawn') {
              expect(post.status).toBe('pending_approval');
              expect(outcome.ok && outcome.command.kind).toBe('withdrawPost');
              expect(step.actor === post.submittedBy || rolesOf(step.actor, PEOPLE, ADMINS.has(step.actor)).has('manager')).toBe(true);
            }
          }),
        );
      }
    });
  });

  it('lets Declined leave only by a resent agreement before collaboration, keeps posted posts posted, and final approval for completed campaigns', () => {
    forAllRuns(({ frames, world }) => {
      for (const { before, after, outcome } of frames) {
        before.participants.forEach((participant, p) => {
          const next = at(after.participants, p).stage;
          if (participant.stage !== 'declined' || next === 'declined') return;
          expect(outcome.ok && outcome.command.kind).toBe('resendAgreement');
          expect(next).toBe('agreement_sent');
          expect(before.campaign.collaborationStartedAt).toBeNull();
        });
        before.posts.forEach((posts, p) =>
          posts.forEach((post, j) => {
            const next = at(at(after.posts, p), j).status;
            if (post.status === 'posted') expect(['posted', 'final_approved']).toContain(next);
            if (post.status === 'final_approved') expect(next).toBe('final_approved');
            if (post.status !== 'final_approved' && next === 'final_approved') {
              expect(before.campaign.status).toBe('completed');
              expect(after.campaign.status).toBe('completed');
            }
          }),
        );
      }
      for (const move of participantMoves(world.history)) {
        expect(move.from).not.toBe('declined');
      }
    });
  });

  it('lets no plain member change the campaign, budgets or post decisions', () => {
    const managerOrApproverOnly: ReadonlyArray<Concrete['kind']> = [
      'moveCampaign',
      'startCollaboration',
      'deleteCampaign',
      'configureStages',
      'resendAgreement',
      'editCosts',
      'approvePost',
      'rejectPost',
      'finalApprovePost',
    ];
    forAllRuns(({ frames }) => {
      for (const { step, outcome } of frames) {
        if (outcome.ok && PLAIN_MEMBERS.includes(step.actor)) expect(managerOrApproverOnly).not.toContain(outcome.command.kind);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The model is not vacuous
// ---------------------------------------------------------------------------------------------

describe('the simulator reaches the interesting states', () => {
  const move = (actor: string, p: number, ...stages: Stage[]): Step[] => stages.map((to) => ({ actor, command: { kind: 'moveParticipant', p, to } }));
  const campaign = (actor: string, to: CampaignStatus): Step => ({ actor, command: { kind: 'moveCampaign', to } });

  it('runs a whole campaign by hand: collaboration, a rejected then posted post, completion, final approval', () => {
    const steps: Step[] = [
      campaign(SALES_PIC, 'proposal_published'),
      campaign(MEMBER, 'proposal_approved'), // refused: only approvers decide proposals
      campaign(APPROVER, 'proposal_approved'),
      campaign(INFLUENCER_PIC, 'recruiting'),
      ...move(MEMBER, 0, 'invited', 'applied', 'reviewing', 'approved', 'deliverables'),
      { actor: MEMBER, command: { kind: 'editDeliverables', p: 0, count: 2 } },
      ...move(MEMBER, 0, 'agreement_sent'),
      { actor: MEMBER, command: { kind: 'editDeliverables', p: 0, count: 3 } }, // refused: Agreement phase
      { actor: MEMBER, command: { kind: 'tick', ms: 4 * DAY } },
      ...move(MEMBER, 0, 'signed'), // refused: the agreement expired
      { actor: MEMBER, command: { kind: 'resendAgreement', p: 0 } }, // refused: only PICs resend
      { actor: INFLUENCER_PIC, command: { kind: 'resendAgreement', p: 0 } },
      ...move(MEMBER, 0, 'signed'),
      ...move(OTHER_MEMBER, 1, 'invited', 'applied', 'rejected', 'applied'), // the last one is refused
      ...move(OTHER_MEMBER, 2, 'invited', 'applied', 'approved', 'deliverables', 'agreement_sent', 'declined', 'agreement_sent'), // the last one is refused
      { actor: INFLUENCER_PIC, command: { kind: 'resendAgreement', p: 2 } },
      ...move(OTHER_MEMBER, 2, 'declined'),
      campaign(SALES_PIC, 'recruitment_closed'),
      { actor: ADMIN, command: { kind: 'startCollaboration' } },
      { actor: ADMIN, command: { kind: 'startCollaboration' } }, // refused: already collaborating
      { actor: SALES_PIC, command: { kind: 'editCosts', p: 0, budgetMinor: 50_000 } },
      { actor: MEMBER, command: { kind: 'submitPost', p: 0, post: 0, content: 'First draft' } },
      { actor: APPROVER, command: { kind: 'rejectPost', p: 0, post: 0, reason: '  ' } }, // refused: no reason
      { actor: APPROVER, command: { kind: 'rejectPost', p: 0, post: 0, reason: 'Show the product' } },
      { actor: MEMBER, command: { kind: 'submitPost', p: 0, post: 0, content: 'Second draft' } },
      { actor: APPROVER_ADMIN, command: { kind: 'approvePost', p: 0, post: 0 } },
      { actor: MEMBER, command: { kind: 'recordResult', p: 0, post: 0, postUrl: 'https://example.com/p' } },
      { actor: SALES_PIC, command: { kind: 'editCosts', p: 0, budgetMinor: 60_000 } }, // refused: a post is live
      { actor: APPROVER, command: { kind: 'rejectPost', p: 0, post: 0, reason: 'Too late' } }, // refused: posted never goes back
      { actor: APPROVER, command: { kind: 'finalApprovePost', p: 0, post: 0 } }, // refused: not completed yet
      campaign(SALES_PIC, 'completed'),
      { actor: APPROVER, command: { kind: 'finalApprovePost', p: 0, post: 0 } },
      ...move(MEMBER, 0, 'completed'),
      { actor: INFLUENCER_PIC, command: { kind: 'startCollaboration' } }, // refused: collaboration starts once
      { actor: SALES_PIC, command: { kind: 'deleteCampaign' } }, // refused: it was published
      campaign(SALES_PIC, 'archived'),
      ...move(MEMBER, 0, 'posted'), // refused: archived
    ];
    const { frames, world } = run(steps);
    const refusals = frames.filter((frame) => !frame.outcome.ok).map((frame) => (frame.outcome.ok ? '' : frame.outcome.rule));
    expect(refusals).toEqual([
      'not-permitted',
      'deliverables-candidates-only',
      'agreement-expired',
      'not-permitted',
      'no-return-to-applied',
      'declined-final',
      expect.stringMatching(/^(collaboration-starts-once|same-status)$/), // both rules apply; either answer will do
      'rejection-needs-reason',
      'costs-locked-after-post',
      'posted-never-back',
      'final-approval-after-completion',
      'collaboration-starts-once',
      'published-never-deleted',
      'archived-read-only',
    ]);
    expect(world.campaign.status).toBe('archived');
    expect(world.deleted).toBe(false);
    expect(world.participants.map((participant) => participant.stage)).toEqual(['completed', 'not_selected', 'declined']);
    expect(world.posts[0]?.[0]).toMatchObject({ status: 'final_approved', revision: 2, postUrl: 'https://example.com/p' });
    expect(world.participants[0]).toMatchObject({ deliverables: 2, budgetMinor: 50_000 });
    expect(world.history.filter((entry) => entry.entityType === 'campaign').map((entry) => entry.action)).toEqual([
      'campaign.proposal_published',
      'campaign.proposal_approved',
      'campaign.recruiting',
      'campaign.recruitment_closed',
      'campaign.collaboration_started',
      'campaign.completed',
      'campaign.archived',
    ]);
    expect(world.history.filter((entry) => entry.reason === 'collaboration started').map((entry) => [entry.entityId, entry.to])).toEqual([
      ['P0', 'collaborating'],
      ['P1', 'not_selected'],
    ]);
    expect(world.history.filter((entry) => entry.entityId === 'P0' && entry.action === 'participant.moved').map((entry) => entry.to)).toEqual([
      'invited',
      'applied',
      'reviewing',
      'approved',
      'deliverables',
      'agreement_sent',
      'signed',
      'collaborating',
      'content_in_review',
      'posted',
      'completed',
    ]);
  });

  it('random runs (fixed seed) reach collaboration, completion, live, final-approved and withdrawn posts, and deletions', () => {
    const reached = new Map<string, number>();
    const count = (name: string, hit: boolean) => reached.set(name, (reached.get(name) ?? 0) + (hit ? 1 : 0));
    for (const steps of fc.sample(stepsArb, { numRuns: 1000, seed: 3 })) {
      const result = run(steps);
      const states = statesOf(result);
      for (const status of CAMPAIGN_STATUSES)
        count(
          status,
          states.some((state) => state.campaign.status === status),
        );
      count('deleted', result.world.deleted);
      count(
        'signed',
        states.some((state) => state.participants.some((p) => p.stage === 'signed')),
      );
      count(
        'declined',
        states.some((state) => state.participants.some((p) => p.stage === 'declined')),
      );
      count(
        'approved applicant',
        states.some((state) => state.participants.some((p) => p.stage === 'approved')),
      );
      count(
        'collaborating participant',
        states.some((state) => state.participants.some((p) => p.stage === 'collaborating')),
      );
      count(
        'posted',
        states.some((state) => state.posts.flat().some((post) => post.status === 'posted')),
      );
      count(
        'final_approved',
        states.some((state) => state.posts.flat().some((post) => post.status === 'final_approved')),
      );
      count(
        'withdrawn',
        states.some((state) => state.posts.flat().some((post) => post.status === 'withdrawn')),
      );
      count(
        'agreement resent after a decline',
        result.world.history.some((entry) => entry.action === 'participant.agreement_resent' && entry.from === 'declined'),
      );
      count(
        'deliverables edited',
        result.world.history.some((entry) => entry.action === 'participant.deliverables_changed'),
      );
      count(
        'costs edited',
        result.world.history.some((entry) => entry.action === 'participant.costs_changed'),
      );
    }
    for (const [name, runs] of reached) expect(runs, `no random run reached ${name}`).toBeGreaterThan(0);
  });
});
