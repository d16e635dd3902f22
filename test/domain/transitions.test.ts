import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_OPTIONAL_STAGES, CAMPAIGN_MOVES, CAMPAIGN_STATUSES, type CampaignState, moveCampaign } from '../../src/domain/campaign.js';
import {
  NEW_PARTICIPANT,
  type ParticipantState,
  STAGES,
  type Stage,
  moveParticipant,
  nextStages,
  stageAtCollaborationStart,
} from '../../src/domain/participation.js';
import {
  type CampaignStepState,
  type Recorded,
  UNDO_WINDOW_MS,
  campaignStepKind,
  participantSnapshot,
  reopenApplicant,
  stageMoveKind,
  transitionTable,
  undoCampaignStep,
  undoStageMove,
} from '../../src/domain/transitions.js';

const T0 = new Date('2026-12-01T10:00:00Z');
const USERS = ['U1', 'U2'] as const;
type Campaign = CampaignState & { recruitmentCloseDate: Date | null };

/** A value one time in five, else null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const op = fc.oneof(
  // Targets are mostly drawn from the moves allowed now (an index into them), sometimes any stage at all.
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      who: fc.integer({ min: 0, max: 2 }),
      pick: fc.nat(),
      any: sometimes(fc.constantFrom(...STAGES)),
      by: fc.constantFrom(...USERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('campaign' as const),
      pick: fc.nat(),
      any: sometimes(fc.constantFrom(...CAMPAIGN_STATUSES)),
      by: fc.constantFrom(...USERS),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 4 }), by: fc.constantFrom(...USERS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reopen' as const), who: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 40 }) }) },
);

describe('transition kinds', () => {
  it('declares a kind for every move of every table; start collaboration and archive are irreversible, an applicant decision reopenable', () => {
    const rows = transitionTable();
    expect(rows.every((row) => ['reversible', 'reopenable', 'irreversible'].includes(row.kind))).toBe(true);
    expect(rows.filter((row) => row.to === 'Archived').every((row) => row.kind === 'irreversible')).toBe(true);
    expect(stageMoveKind('signed', 'collaborating')).toBe('irreversible');
    expect(stageMoveKind('reviewing', 'rejected')).toBe('reopenable');
    expect(campaignStepKind('recruitment_closed', 'collaborating')).toBe('irreversible');
    expect(campaignStepKind('draft', 'proposal_published')).toBe('irreversible');
  });

  it('no path of moves, undos, reopens and waits reverts an irreversible transition, and undo restores exactly the state before', () => {
    const seen = { undone: 0, reopened: 0, irreversible: 0 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 80 }), (ops) => {
        let now = T0;
        let campaign: Campaign = {
          status: 'recruiting',
          publishedAt: T0,
          collaborationStartedAt: null,
          optionalStages: ALL_OPTIONAL_STAGES,
          agreementWindowDays: 3,
          recruitmentCloseDate: null,
        };
        const people: ParticipantState[] = [0, 1, 2].map(() => ({ ...NEW_PARTICIPANT }));
        const recorded: Array<{ entity: number | 'campaign'; record: Recorded<ParticipantState> | Recorded<CampaignStepState> }> = [];
        // The states every irreversible transition left, per entity: an undo or reopen must never land on one again.
        const irreversibleBefore = new Map<number | 'campaign', string[]>();
        const key = (state: object) => JSON.stringify(state);
        const remember = (entity: number | 'campaign', before: object) =>
          irreversibleBefore.set(entity, [...(irreversibleBefore.get(entity) ?? []), key(before)]);
        const campaignSide = (c: Campaign): CampaignStepState => ({ status: c.status, recruitmentCloseDate: c.recruitmentCloseDate });

        for (const step of ops) {
          if (step.kind === 'wait') now = new Date(now.getTime() + step.seconds * 1000);
          if (step.kind === 'move') {
            const before = participantSnapshot(people[step.who]!);
            const allowed = nextStages(before.stage, campaign);
            const to = step.any ?? allowed[step.pick % Math.max(allowed.length, 1)] ?? 'candidate';
            const moved = moveParticipant(before, to, campaign, now);
            if (!moved.ok) continue;
            const kind = stageMoveKind(before.stage, to);
            people[step.who] = participantSnapshot(moved.value);
            recorded.push({ entity: step.who, record: { actor: step.by, at: now, kind, before, after: people[step.who]! } });
            if (kind === 'irreversible') remember(step.who, before);
            if (kind === 'irreversible') seen.irreversible += 1;
          }
          if (step.kind === 'campaign') {
            const before = campaign;
            const allowed = CAMPAIGN_MOVES[campaign.status];
            const to = step.any ?? allowed[step.pick % Math.max(allowed.length, 1)] ?? 'draft';
            const moved = moveCampaign(campaign, to, now);
            if (!moved.ok) continue;
            const kind = campaignStepKind(before.status, to);
            campaign = moved.value;
            recorded.push({ entity: 'campaign', record: { actor: step.by, at: now, kind, before: campaignSide(before), after: campaignSide(campaign) } });
            if (kind === 'irreversible') remember('campaign', campaignSide(before));
            if (kind === 'irreversible') seen.irreversible += 1;
            if (to === 'collaborating') {
              people.forEach((person, i) => {
                const to = stageAtCollaborationStart(person.stage);
                if (to === person.stage) return;
                remember(i, person);
                people[i] = { ...person, stage: to };
              });
            }
          }
          if (step.kind === 'undo' && recorded.length > 0) {
            const { entity, record } = recorded[Math.max(recorded.length - step.back, 0)]!;
            if (entity === 'campaign') {
              const undone = undoCampaignStep(record as Recorded<CampaignStepState>, campaignSide(campaign), step.by, now);
              if (!undone.ok) continue;
              expect(record.kind).toBe('reversible');
              expect(now.getTime() - record.at.getTime()).toBeLessThanOrEqual(UNDO_WINDOW_MS);
              expect(undone.value).toEqual(record.before);
              expect(irreversibleBefore.get('campaign') ?? []).not.toContain(key(undone.value));
              campaign = { ...campaign, ...undone.value };
              seen.undone += 1;
            } else {
              const undone = undoStageMove(record as Recorded<ParticipantState>, people[entity]!, campaign, step.by, now);
              if (!undone.ok) continue;
              expect(record.kind).toBe('reversible');
              expect(record.actor).toBe(step.by);
              expect(undone.value).toEqual(record.before);
              expect(irreversibleBefore.get(entity) ?? []).not.toContain(key(undone.value));
              people[entity] = undone.value;
              seen.undone += 1;
            }
          }
          if (step.kind === 'reopen') {
            const before = people[step.who]!;
            const reopened = reopenApplicant(before, campaign, 'Looked again');
            if (!reopened.ok) continue;
            expect(['approved', 'rejected']).toContain(before.stage);
            expect(reopened.value.stage).toBe('reviewing');
            expect(irreversibleBefore.get(step.who) ?? []).not.toContain(key(reopened.value));
            people[step.who] = reopened.value;
            seen.reopened += 1;
          }
        }
        // Whatever happened, an irreversible transition's own record cannot be undone by anyone at any time.
        for (const { entity, record } of recorded.filter((r) => r.record.kind === 'irreversible')) {
          for (const by of USERS) {
            const undone =
              entity === 'campaign'
                ? undoCampaignStep(record as Recorded<CampaignStepState>, record.after as CampaignStepState, by, record.at)
                : undoStageMove(record as Recorded<ParticipantState>, record.after as ParticipantState, campaign, by, record.at);
            expect(undone.ok).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
    // The paths reached what they are about: undos and reopens that succeeded, after irreversible steps.
    expect(seen.undone).toBeGreaterThan(200);
    expect(seen.reopened).toBeGreaterThan(30);
    expect(seen.irreversible).toBeGreaterThan(100);
  });

  it('an applicant once decided never returns to Applied: reopening goes to Reviewing, and not at all where applications are switched off', () => {
    const campaign: CampaignState = {
      status: 'recruiting',
      publishedAt: T0,
      collaborationStartedAt: null,
      optionalStages: ALL_OPTIONAL_STAGES,
      agreementWindowDays: 3,
    };
    const rejected = { ...NEW_PARTICIPANT, stage: 'rejected' as Stage };
    expect(reopenApplicant(rejected, campaign, 'Second look')).toMatchObject({ ok: true, value: { stage: 'reviewing' } });
    expect(reopenApplicant(rejected, campaign, ' ')).toMatchObject({ ok: false, rule: 'reopen-needs-reason' });
    expect(reopenApplicant(rejected, { ...campaign, optionalStages: { ...ALL_OPTIONAL_STAGES, applications: false } }, 'x')).toMatchObject({
      ok: false,
      rule: 'stage-switched-off',
    });
    expect(reopenApplicant(rejected, { ...campaign, collaborationStartedAt: T0 }, 'x')).toMatchObject({ ok: false, rule: 'group-fixed' });
    expect(reopenApplicant({ ...NEW_PARTICIPANT, stage: 'signed' }, campaign, 'x')).toMatchObject({ ok: false, rule: 'not-reopenable' });
  });
});
