import { describe, expect, it } from 'vitest';
import { ALL_OPTIONAL_STAGES, CAMPAIGN_STATUSES, type CampaignState, type CampaignStatus, type OptionalStages, READ_ONLY } from '../../src/domain/campaign.js';
import {
  agreementExpired,
  type Deliverable,
  lateDeliverables,
  mayAddParticipants,
  mayEditCosts,
  mayEditDeliverables,
  moveParticipant,
  nextStages,
  PHASES,
  type ParticipantState,
  resendAgreement,
  type Stage,
  STAGE_LABELS,
  STAGES,
  stageAtCollaborationStart,
  startAtStage,
} from '../../src/domain/participation.js';
import { COLLABORATION_STARTED_AT as collaborationStartedAt, T0 as now, campaignIn, participantState as participant } from '../support/factories.js';
import { casesOf, decidedValue, everyPair, expectSentence, refusalOf } from '../support/transitions.js';

// The participant pipeline, written out by hand. The tables are the product's rules as documented,
// not a copy of STAGE_MOVES: a change to the pipeline must change them too.

const DAY = 24 * 60 * 60 * 1000;

/** A recruiting campaign, unless told otherwise. */
const campaign = (overrides: Partial<CampaignState> = {}) => campaignIn('recruiting', overrides);
const recruiting = campaignIn('recruiting');
const recruitmentClosed = campaignIn('recruitment_closed');
const collaborating = campaignIn('collaborating');
const completed = campaignIn('completed');
const archived = campaignIn('archived');

function withStages(stages: Partial<OptionalStages>, base: CampaignState = recruiting): CampaignState {
  return { ...base, optionalStages: { ...ALL_OPTIONAL_STAGES, ...stages } };
}

/** The campaign status each move needs: recruiting before collaboration, collaborating after. */
const COLLABORATION_PHASE = PHASES.collaboration;
function campaignFor(from: Stage): CampaignState {
  return COLLABORATION_PHASE.includes(from) ? collaborating : recruiting;
}

/** A participant as it really looks in `stage`: an agreement sent yesterday from Agreement sent on. */
function participantIn(stage: Stage): ParticipantState {
  const yesterday = new Date(now.getTime() - DAY);
  const sent = ['agreement_sent', 'signed', 'declined', ...COLLABORATION_PHASE].includes(stage);
  return participant(stage, {
    agreementSentAt: sent ? yesterday : null,
    agreementSignedAt: stage === 'signed' || COLLABORATION_PHASE.includes(stage) ? yesterday : null,
    agreementDeclinedAt: stage === 'declined' ? yesterday : null,
  });
}

const name = (stage: Stage) => STAGE_LABELS[stage];

describe('the participant stages', () => {
  it('are, in workflow order, Candidate to Not selected', () => {
    // The columns of the table below follow this order.
    expect(STAGES).toEqual([
      'candidate',
      'invited',
      'applied',
      'reviewing',
      'approved',
      'rejected',
      'deliverables',
      'agreement_sent',
      'signed',
      'declined',
      'collaborating',
      'content_in_review',
      'posted',
      'completed',
      'not_selected',
    ]);
  });
});

describe('moving a participant with every optional stage on: every (from, to) pair', () => {
  const OK = 'allowed';
  const SAME = 'same-stage';
  const NO = 'stage-move-not-allowed';
  const DECL = 'declined-final';
  const NSEL = 'not-selected-final';
  const BACK = 'no-return-to-applied';
  const START = 'collaboration-by-start-only';
  const FIXED = 'group-fixed';
  type Expected = typeof OK | typeof SAME | typeof NO | typeof DECL | typeof NSEL | typeof BACK | typeof START | typeof FIXED;

  // Rows are the stage a participant is in; columns the stage it moves to, in STAGES order.
  // Before collaboration the campaign is Recruiting; from Collaborating on it is Collaborating.
  // prettier-ignore
  const EXPECTED: Record<Stage, readonly Expected[]> = {
    //                 cand   invit  appl   revw   apprv  rejct  deliv  agrmt  signd  decln  collab cirev  postd  compl  notsel
    candidate: [SAME, OK, NO, NO, NO, NO, NO, NO, NO, NO, START, NO, NO, NO, NO],
    invited: [OK, SAME, OK, NO, NO, NO, NO, NO, NO, NO, START, NO, NO, NO, NO],
    applied: [NO, NO, SAME, OK, OK, OK, NO, NO, NO, NO, START, NO, NO, NO, NO],
    reviewing: [NO, NO, OK, SAME, OK, OK, NO, NO, NO, NO, START, NO, NO, NO, NO],
    approved: [NO, NO, BACK, BACK, SAME, OK, OK, NO, NO, NO, START, NO, NO, NO, NO],
    rejected: [NO, NO, BACK, BACK, OK, SAME, NO, NO, NO, NO, START, NO, NO, NO, NO],
    deliverables: [NO, NO, NO, NO, OK, NO, SAME, OK, NO, NO, START, NO, NO, NO, NO],
    agreement_sent: [NO, NO, NO, NO, NO, NO, OK, SAME, OK, OK, START, NO, NO, NO, NO],
    signed: [NO, NO, NO, NO, NO, NO, NO, NO, SAME, NO, START, NO, NO, NO, NO],
    declined: [DECL, DECL, DECL, DECL, DECL, DECL, DECL, DECL, DECL, SAME, DECL, DECL, DECL, DECL, DECL],
    collaborating: [FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, SAME, OK, NO, NO, NO],
    content_in_review: [FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, OK, SAME, OK, NO, NO],
    posted: [FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, NO, NO, SAME, OK, NO],
    completed: [FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, FIXED, NO, NO, NO, SAME, NO],
    not_selected: [NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, NSEL, SAME],
  };

  const pairs = everyPair(STAGES, EXPECTED, name, (expected) => (expected === OK ? 'is allowed' : `is refused (${expected})`));

  it('covers all 225 pairs, one row of 15 per stage', () => {
    expect(pairs).toHaveLength(STAGES.length ** 2);
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(STAGES.length);
  });

  it.each(casesOf(pairs, (expected) => expected === OK))('%s', (_name, { from, to }) => {
    const moved = decidedValue(moveParticipant(participantIn(from), to, campaignFor(from), now));
    expect(moved.stage).toBe(to);
  });

  it.each(casesOf(pairs, (expected) => expected !== OK))('%s', (_name, { from, to, expected }) => {
    const refusal = refusalOf(moveParticipant(participantIn(from), to, campaignFor(from), now));
    expect(refusal.rule).toBe(expected);
    expectSentence(refusal.reason);
  });
});

describe('where a participant can go next, with every optional stage on', () => {
  // prettier-ignore
  const EXPECTED: Record<Stage, Stage[]> = {
    candidate: ['invited'],
    invited: ['candidate', 'applied'],
    applied: ['reviewing', 'approved', 'rejected'],
    reviewing: ['applied', 'approved', 'rejected'],
    approved: ['rejected', 'deliverables'],
    rejected: ['approved'],
    deliverables: ['approved', 'agreement_sent'],
    agreement_sent: ['deliverables', 'signed', 'declined'],
    signed: [],
    declined: [],
    collaborating: ['content_in_review'],
    content_in_review: ['collaborating', 'posted'],
    posted: ['completed'],
    completed: [],
    not_selected: [],
  };

  it.each(STAGES.map((stage) => ({ stage, expected: EXPECTED[stage] })))('from $stage: $expected', ({ stage, expected }) => {
    expect(nextStages(stage, recruiting)).toEqual(expected);
  });
});

describe('refusals in the pipeline tell the user why', () => {
  it.each([
    [
      'Approved applicants cannot return to Applied',
      'approved',
      'applied',
      recruiting,
      'no-return-to-applied',
      'Approved applicants cannot return to Applied.',
    ],
    [
      'Rejected applicants cannot return to Reviewing, by the same rule',
      'rejected',
      'reviewing',
      recruiting,
      'no-return-to-applied',
      'Rejected applicants cannot return to Reviewing.',
    ],
    [
      'Declined does not move; only resending the agreement brings the influencer back',
      'declined',
      'agreement_sent',
      recruiting,
      'declined-final',
      'A declined participant does not move; a PIC can send the agreement again (`/campaign resend`) until collaboration starts.',
    ],
    [
      'Not selected is final',
      'not_selected',
      'collaborating',
      collaborating,
      'not-selected-final',
      'Not selected is final: collaboration started without this influencer.',
    ],
    [
      'a move outside the pipeline lists where the participant can go instead',
      'candidate',
      'approved',
      recruiting,
      'stage-move-not-allowed',
      'A participant cannot move from Candidate to Approved. From Candidate the participant can move to: Invited.',
    ],
    [
      'a move from an end stage says so',
      'completed',
      'posted',
      collaborating,
      'stage-move-not-allowed',
      'A participant cannot move from Completed to Posted. Completed is an end stage.',
    ],
    ['a participant cannot move to the stage it is in', 'reviewing', 'reviewing', recruiting, 'same-stage', 'The participant is already in Reviewing.'],
  ] as const)('%s', (_name, from, to, state, rule, reason) => {
    expect(refusalOf(moveParticipant(participantIn(from), to, state, now))).toMatchObject({ rule, reason });
  });

  it.each([recruiting, recruitmentClosed])('a signed participant becomes Collaborating only when collaboration starts (campaign $status)', (campaignState) => {
    const refusal = refusalOf(moveParticipant(participantIn('signed'), 'collaborating', campaignState, now));
    expect(refusal).toMatchObject({
      rule: 'collaboration-by-start-only',
      reason: 'Participants become Collaborating only when collaboration starts, with a signed agreement.',
    });
  });
});

describe('the group is fixed once collaboration starts', () => {
  const GROUP_FIXED = 'Collaboration has started: the group is fixed, so no new invitations or agreements.';

  it.each([
    { from: 'candidate', to: 'invited' },
    { from: 'deliverables', to: 'agreement_sent' },
    { from: 'agreement_sent', to: 'signed' },
  ] as const)('$from → $to is refused in a collaborating or completed campaign', ({ from, to }) => {
    for (const started of [collaborating, completed]) {
      const refusal = refusalOf(moveParticipant(participantIn(from), to, started, now));
      expect(refusal).toMatchObject({ rule: 'group-fixed', reason: GROUP_FIXED });
    }
  });

  it('no participants are added after collaboration starts', () => {
    const refusal = refusalOf(mayAddParticipants(collaborating));
    expect(refusal).toMatchObject({ rule: 'group-fixed', reason: 'Collaboration has started: the group is fixed, so no new participants.' });
  });
});

describe('invitations and applications happen only while recruiting', () => {
  const NOT_RECRUITING: CampaignStatus[] = ['draft', 'proposal_published', 'proposal_approved', 'recruitment_closed'];

  it.each(NOT_RECRUITING)('Candidate → Invited is refused while the campaign is %s', (status) => {
    const refusal = refusalOf(moveParticipant(participantIn('candidate'), 'invited', campaign({ status }), now));
    expect(refusal).toMatchObject({
      rule: 'invite-while-recruiting',
      reason: 'Invitations and applications happen only while the campaign is recruiting.',
    });
  });

  it('Invited → Applied is refused once recruitment is closed', () => {
    const refusal = refusalOf(moveParticipant(participantIn('invited'), 'applied', recruitmentClosed, now));
    expect(refusal.rule).toBe('invite-while-recruiting');
  });

  it('Candidate → Invited is allowed while recruiting', () => {
    expect(decidedValue(moveParticipant(participantIn('candidate'), 'invited', recruiting, now)).stage).toBe('invited');
  });

  it('withdrawing an invitation (Invited → Candidate) is allowed after recruitment closes', () => {
    expect(decidedValue(moveParticipant(participantIn('invited'), 'candidate', recruitmentClosed, now)).stage).toBe('candidate');
  });

  it('deciding on an application (Applied → Approved) is allowed after recruitment closes', () => {
    expect(decidedValue(moveParticipant(participantIn('applied'), 'approved', recruitmentClosed, now)).stage).toBe('approved');
  });
});

describe('agreements are handled while recruiting or after recruitment closes', () => {
  // prettier-ignore
  const EXPECTED: Record<CampaignStatus, 'allowed' | 'agreements-before-collaboration' | 'group-fixed' | 'archived-read-only'> = {
    draft: 'agreements-before-collaboration',
    proposal_published: 'agreements-before-collaboration',
    proposal_approved: 'agreements-before-collaboration',
    recruiting: 'allowed',
    recruitment_closed: 'allowed',
    collaborating: 'group-fixed',
    completed: 'group-fixed',
    archived: 'archived-read-only',
  };

  it.each(CAMPAIGN_STATUSES.map((status) => ({ status, expected: EXPECTED[status] })))(
    'Deliverables → Agreement sent while the campaign is $status: $expected',
    ({ status, expected }) => {
      const started = status === 'collaborating' || status === 'completed' || status === 'archived';
      const state = campaign({ status, collaborationStartedAt: started ? collaborationStartedAt : null });
      const decision = moveParticipant(participantIn('deliverables'), 'agreement_sent', state, now);
      if (expected === 'allowed') expect(decidedValue(decision).stage).toBe('agreement_sent');
      else expect(refusalOf(decision).rule).toBe(expected);
    },
  );

  it('before recruiting, the refusal explains when agreements happen', () => {
    const refusal = refusalOf(moveParticipant(participantIn('deliverables'), 'agreement_sent', campaign({ status: 'proposal_approved' }), now));
    expect(refusal.reason).toBe('Agreements are handled while recruiting or after recruitment closes, before collaboration starts.');
  });

  it('an agreement can be signed after recruitment closes', () => {
    expect(decidedValue(moveParticipant(participantIn('agreement_sent'), 'signed', recruitmentClosed, now)).stage).toBe('signed');
  });
});

describe('what a move records', () => {
  it('sending the agreement records when it was sent', () => {
    const sent = decidedValue(moveParticipant(participant('deliverables'), 'agreement_sent', recruiting, now));
    expect(sent).toEqual({ stage: 'agreement_sent', agreementSentAt: now, agreementSignedAt: null, agreementDeclinedAt: null });
  });

  it('signing records when it was signed and keeps when it was sent', () => {
    const sentAt = new Date(now.getTime() - DAY);
    const signed = decidedValue(moveParticipant(participant('agreement_sent', { agreementSentAt: sentAt }), 'signed', recruiting, now));
    expect(signed).toMatchObject({ stage: 'signed', agreementSentAt: sentAt, agreementSignedAt: now, agreementDeclinedAt: null });
  });

  it('declining records when it was declined', () => {
    const sentAt = new Date(now.getTime() - DAY);
    const declined = decidedValue(moveParticipant(participant('agreement_sent', { agreementSentAt: sentAt }), 'declined', recruiting, now));
    expect(declined).toMatchObject({ stage: 'declined', agreementSignedAt: null, agreementDeclinedAt: now });
  });

  it('keeps the fields the rules do not know about', () => {
    const stored = { ...participant('candidate'), id: 7, influencerName: 'Mina' };
    expect(decidedValue(moveParticipant(stored, 'invited', recruiting, now))).toMatchObject({ id: 7, influencerName: 'Mina', stage: 'invited' });
  });
});

describe('the signing window (3 days)', () => {
  const sentAt = now;
  const windowEnd = new Date(sentAt.getTime() + 3 * DAY);
  const justAfter = new Date(windowEnd.getTime() + 1);
  const sent = participant('agreement_sent', { agreementSentAt: sentAt });

  it('an agreement can be signed at the very end of the window', () => {
    expect(decidedValue(moveParticipant(sent, 'signed', recruiting, windowEnd)).agreementSignedAt).toEqual(windowEnd);
  });

  it('an expired agreement cannot be signed, one millisecond after the window', () => {
    const refusal = refusalOf(moveParticipant(sent, 'signed', recruiting, justAfter));
    expect(refusal).toMatchObject({
      rule: 'agreement-expired',
      reason: 'The agreement expired before it was signed; send it again first.',
    });
  });

  it.each([
    ['not expired: an agreement never sent', participant('deliverables'), justAfter, false],
    ['not expired: an agreement at the very end of its window', sent, windowEnd, false],
    ['expired: an agreement one millisecond past its window', sent, justAfter, true],
    ['not expired: a signed agreement, long after', participant('signed', { agreementSentAt: sentAt, agreementSignedAt: sentAt }), justAfter, false],
    ['not expired: a declined agreement, long after', participant('declined', { agreementSentAt: sentAt, agreementDeclinedAt: sentAt }), justAfter, false],
  ] as const)('%s', (_name, state, at, expected) => {
    expect(agreementExpired(state, recruiting, at)).toBe(expected);
  });

  it('the window follows the campaign setting', () => {
    const oneDay = campaign({ agreementWindowDays: 1 });
    expect(agreementExpired(sent, oneDay, new Date(sentAt.getTime() + DAY + 1))).toBe(true);
  });
});

describe('sending an agreement again', () => {
  const sentAt = now;
  const windowEnd = new Date(sentAt.getTime() + 3 * DAY);
  const justAfter = new Date(windowEnd.getTime() + 1);
  const sent = participant('agreement_sent', { agreementSentAt: sentAt });

  it('is allowed once the agreement expired, and restarts the window', () => {
    const resent = decidedValue(resendAgreement(sent, recruiting, justAfter));
    expect(resent).toEqual({ ...sent, agreementSentAt: justAfter });
    expect(decidedValue(moveParticipant(resent, 'signed', recruiting, justAfter)).stage).toBe('signed');
  });

  it('is allowed after recruitment closes', () => {
    expect(decidedValue(resendAgreement(sent, recruitmentClosed, justAfter)).agreementSentAt).toEqual(justAfter);
  });

  it('is refused while the agreement is still within its window', () => {
    const refusal = refusalOf(resendAgreement(sent, recruiting, windowEnd));
    expect(refusal).toMatchObject({
      rule: 'agreement-not-expired',
      reason: 'The agreement is still within its signing window; it can be sent again once it expires or is declined.',
    });
  });

  it('after a decline, moves the participant back to Agreement sent with a new window, at any time', () => {
    const declined = participant('declined', { agreementSentAt: sentAt, agreementDeclinedAt: sentAt });
    const resent = decidedValue(resendAgreement(declined, recruitmentClosed, sentAt));
    expect(resent).toEqual({ ...declined, stage: 'agreement_sent', agreementSentAt: sentAt, agreementDeclinedAt: null });
    expect(decidedValue(moveParticipant(resent, 'signed', recruitmentClosed, windowEnd)).stage).toBe('signed');
  });

  it.each(['deliverables', 'signed', 'collaborating'] as const)('is refused for a participant in %s', (stage) => {
    const refusal = refusalOf(resendAgreement(participant(stage, { agreementSentAt: sentAt }), recruiting, justAfter));
    expect(refusal).toMatchObject({ rule: 'no-agreement-to-resend', reason: 'Only an expired or declined agreement can be sent again.' });
  });

  it('is refused outside recruiting and recruitment closed', () => {
    const declined = participant('declined', { agreementSentAt: sentAt, agreementDeclinedAt: sentAt });
    expect(refusalOf(resendAgreement(declined, campaign({ status: 'proposal_approved' }), justAfter))).toMatchObject({
      rule: 'agreements-before-collaboration',
    });
  });

  it('is refused once collaboration has started', () => {
    const refusal = refusalOf(resendAgreement(sent, collaborating, justAfter));
    expect(refusal).toMatchObject({ rule: 'group-fixed', reason: 'Collaboration has started: no new agreements.' });
  });
});

describe('optional stages switched off: participants skip them', () => {
  it('with Invited off, a candidate goes straight to Applied', () => {
    const noInvites = withStages({ invited: false });
    expect(nextStages('candidate', noInvites)).toEqual(['applied']);
    expect(decidedValue(moveParticipant(participant('candidate'), 'applied', noInvites, now)).stage).toBe('applied');
  });

  it('with Invited and applications off, a candidate is approved or rejected directly', () => {
    const direct = withStages({ invited: false, applications: false });
    expect(nextStages('candidate', direct)).toEqual(['approved', 'rejected']);
    expect(decidedValue(moveParticipant(participant('candidate'), 'approved', direct, now)).stage).toBe('approved');
    expect(decidedValue(moveParticipant(participant('candidate'), 'rejected', direct, now)).stage).toBe('rejected');
  });

  it('with applications off, an invited influencer is approved or rejected directly', () => {
    const noApplications = withStages({ applications: false });
    expect(nextStages('invited', noApplications)).toEqual(['candidate', 'approved', 'rejected']);
  });

  it('with Deliverables off, Approved goes to Agreement sent, and Agreement sent back to Approved', () => {
    const noDeliverables = withStages({ deliverables: false });
    expect(nextStages('approved', noDeliverables)).toEqual(['rejected', 'agreement_sent']);
    expect(nextStages('agreement_sent', noDeliverables)).toEqual(['approved', 'signed', 'declined']);
    expect(decidedValue(moveParticipant(participant('approved'), 'agreement_sent', noDeliverables, now)).stage).toBe('agreement_sent');
    const sent = participant('agreement_sent', { agreementSentAt: now });
    expect(decidedValue(moveParticipant(sent, 'approved', noDeliverables, now)).stage).toBe('approved');
  });

  it.each([
    { off: { invited: false }, from: 'candidate', to: 'invited' },
    { off: { applications: false }, from: 'invited', to: 'applied' },
    { off: { applications: false }, from: 'applied', to: 'reviewing' },
    { off: { deliverables: false }, from: 'approved', to: 'deliverables' },
    { off: { deliverables: false }, from: 'agreement_sent', to: 'deliverables' },
  ] satisfies { off: Partial<OptionalStages>; from: Stage; to: Stage }[])('moving into a switched-off stage is refused: $from → $to', ({ off, from, to }) => {
    const refusal = refusalOf(moveParticipant(participantIn(from), to, withStages(off), now));
    expect(refusal).toMatchObject({ rule: 'stage-switched-off', reason: `The ${name(to)} stage is switched off for this campaign.` });
  });
});

describe('starting collaboration fixes the group', () => {
  // prettier-ignore
  const EXPECTED: Record<Stage, Stage> = {
    candidate: 'not_selected',
    invited: 'not_selected',
    applied: 'not_selected',
    reviewing: 'not_selected',
    approved: 'not_selected',
    rejected: 'not_selected',
    deliverables: 'not_selected',
    agreement_sent: 'not_selected',
    signed: 'collaborating',
    declined: 'declined',
    collaborating: 'collaborating',
    content_in_review: 'content_in_review',
    posted: 'posted',
    completed: 'completed',
    not_selected: 'not_selected',
  };

  it.each(STAGES.map((stage) => ({ stage, expected: EXPECTED[stage] })))('$stage becomes $expected', ({ stage, expected }) => {
    expect(stageAtCollaborationStart(stage)).toBe(expected);
  });
});

describe('editing deliverables: only in the Candidates phase', () => {
  // prettier-ignore
  const EDITABLE: Record<Stage, boolean> = {
    candidate: true,
    invited: true,
    applied: true,
    reviewing: true,
    approved: true,
    rejected: true,
    deliverables: true,
    agreement_sent: false,
    signed: false,
    declined: false,
    collaborating: false,
    content_in_review: false,
    posted: false,
    completed: false,
    not_selected: false,
  };

  it.each(STAGES.map((stage) => ({ stage, editable: EDITABLE[stage] })))('in $stage: editable $editable', ({ stage, editable }) => {
    const decision = mayEditDeliverables(participantIn(stage), campaignFor(stage));
    if (editable) expect(decision).toEqual({ ok: true, value: true });
    else {
      expect(refusalOf(decision)).toMatchObject({
        rule: 'deliverables-candidates-only',
        reason: 'Deliverables can be edited only in the Candidates phase; move the participant back to edit them.',
      });
    }
  });
});

describe('editing budget and costs', () => {
  it.each([recruiting, collaborating, completed])('is allowed without an effective post (campaign $status)', (state) => {
    expect(mayEditCosts(false, state)).toEqual({ ok: true, value: true });
  });

  it('is locked once the participant has an effective (posted) post', () => {
    const refusal = refusalOf(mayEditCosts(true, collaborating));
    expect(refusal).toMatchObject({
      rule: 'costs-locked-after-post',
      reason: 'Budget and costs are locked once the participant has a posted post.',
    });
  });
});

describe('adding participants', () => {
  // prettier-ignore
  const EXPECTED: Record<CampaignStatus, 'allowed' | 'recruitment-closed' | 'group-fixed' | 'archived-read-only'> = {
    draft: 'allowed',
    proposal_published: 'allowed',
    proposal_approved: 'allowed',
    recruiting: 'allowed',
    recruitment_closed: 'recruitment-closed',
    collaborating: 'group-fixed',
    completed: 'group-fixed',
    archived: 'archived-read-only',
  };

  it.each(CAMPAIGN_STATUSES.map((status) => ({ status, expected: EXPECTED[status] })))('while the campaign is $status: $expected', ({ status, expected }) => {
    const started = status === 'collaborating' || status === 'completed' || status === 'archived';
    const decision = mayAddParticipants(campaign({ status, collaborationStartedAt: started ? collaborationStartedAt : null }));
    if (expected === 'allowed') expect(decision).toEqual({ ok: true, value: true });
    else expect(refusalOf(decision).rule).toBe(expected);
  });

  it('recruitment closed means no new participants', () => {
    expect(refusalOf(mayAddParticipants(recruitmentClosed)).reason).toBe('Recruitment is closed: no new participants.');
  });
});

describe('an archived campaign is read-only for its participants', () => {
  const READ = { rule: 'archived-read-only', reason: 'Archived campaigns are read-only.' };

  it.each(STAGES)('every move from %s is refused', (from) => {
    for (const to of STAGES) {
      expect(refusalOf(moveParticipant(participantIn(from), to, archived, now))).toMatchObject(READ);
    }
  });

  it('an expired agreement cannot be sent again', () => {
    const expired = participant('agreement_sent', { agreementSentAt: new Date(now.getTime() - 10 * DAY) });
    expect(refusalOf(resendAgreement(expired, archived, now))).toMatchObject(READ);
  });

  it('deliverables cannot be edited', () => {
    expect(refusalOf(mayEditDeliverables(participant('candidate'), archived))).toMatchObject(READ);
  });

  it('costs cannot be edited', () => {
    expect(refusalOf(mayEditCosts(false, archived))).toMatchObject(READ);
  });

  it('no participants are added', () => {
    expect(refusalOf(mayAddParticipants(archived))).toMatchObject(READ);
  });

  it('uses the shared read-only sentence', () => {
    expect(READ.reason).toBe(READ_ONLY);
  });
});

describe('after recruitment closes', () => {
  it('applications already received can still be reviewed and decided', () => {
    for (const [from, to] of [
      ['applied', 'reviewing'],
      ['reviewing', 'applied'],
      ['reviewing', 'approved'],
      ['applied', 'rejected'],
    ] as const) {
      expect(moveParticipant(participant(from), to, recruitmentClosed, now).ok, `${from} → ${to}`).toBe(true);
    }
  });

  it('no new invitations or applications arrive', () => {
    for (const [from, to] of [
      ['candidate', 'invited'],
      ['invited', 'applied'],
    ] as const) {
      expect(moveParticipant(participant(from), to, recruitmentClosed, now)).toMatchObject({ ok: false, rule: 'invite-while-recruiting' });
    }
  });
});

describe('adding a known influencer straight into a later stage', () => {
  const fresh = participant('candidate');

  it.each([
    ['approved', null, null],
    ['deliverables', null, null],
    ['agreement_sent', now, null],
    ['signed', now, now],
  ] as const)('joins at %s while recruiting, recording the agreement times', (stage, sentAt, signedAt) => {
    expect(decidedValue(startAtStage(stage, recruiting, now))).toEqual({ ...fresh, stage, agreementSentAt: sentAt, agreementSignedAt: signedAt });
    expect(decidedValue(startAtStage(stage, recruitmentClosed, now)).stage).toBe(stage);
  });

  it.each(['candidate', 'invited', 'applied', 'reviewing', 'rejected', 'declined', 'collaborating', 'posted', 'not_selected'] as const)(
    'never joins at %s',
    (stage) => {
      expect(refusalOf(startAtStage(stage, recruiting, now))).toMatchObject({ rule: 'start-stage-not-allowed' });
    },
  );

  it.each([
    ['draft', 'later-start-while-recruiting'],
    ['proposal_approved', 'later-start-while-recruiting'],
    ['collaborating', 'group-fixed'],
    ['completed', 'group-fixed'],
    ['archived', 'archived-read-only'],
  ] as const)('is refused while the campaign is %s', (status, rule) => {
    const state = campaign({
      status,
      collaborationStartedAt: status === 'collaborating' || status === 'completed' || status === 'archived' ? collaborationStartedAt : null,
    });
    expect(refusalOf(startAtStage('signed', state, now))).toMatchObject({ rule });
  });

  it('is refused into a switched-off stage', () => {
    expect(refusalOf(startAtStage('deliverables', withStages({ deliverables: false }), now))).toMatchObject({ rule: 'stage-switched-off' });
  });
});

describe('late deliverables: due day passed without enough posted posts', () => {
  const due = (day: string, quantity = 1): Deliverable => ({ platform: 'instagram', kind: 'reel', quantity, dueDate: new Date(`${day}T00:00:00Z`), notes: '' });
  const reel = due('2026-11-22');
  const story = due('2026-11-23', 2);
  const later = due('2026-11-30');

  it('counts posted posts against the deliverables in due-date order', () => {
    const p = { stage: 'collaborating' as const, deliverables: [later, story, reel] };
    expect(lateDeliverables(p, 0, now)).toEqual([reel]);
    expect(lateDeliverables(p, 1, now)).toEqual([]);
    expect(lateDeliverables(p, 1, new Date('2026-11-24T00:00:00Z'))).toEqual([story]);
    expect(lateDeliverables(p, 3, new Date('2026-11-24T00:00:00Z'))).toEqual([]);
  });

  it('is due on the due day itself, late from the next day', () => {
    expect(lateDeliverables({ stage: 'posted', deliverables: [story] }, 0, now)).toEqual([]);
  });

  it.each(['deliverables', 'signed', 'declined', 'not_selected'] as const)('is never late for a participant in %s', (stage) => {
    expect(lateDeliverables({ stage, deliverables: [reel] }, 0, now)).toEqual([]);
  });
});
