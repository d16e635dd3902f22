// Every move the domain allows must be something a person can do from Slack. This walks the
// domain's transition tables and fails when a move has no command, button or form that performs
// it, or when the one named here is not wired into the running app.
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_MOVES, CAMPAIGN_STATUSES } from '../../src/domain/campaign.js';
import { STAGES, STAGE_MOVES } from '../../src/domain/participation.js';
import { POST_MOVES, POST_STATUSES } from '../../src/domain/posts.js';
import { SUBCOMMANDS } from '../../src/handlers/commands/index.js';
import {
  APPROVE_POST,
  APPROVE_POST_WITH_CORRECTIONS,
  APPROVE_PROPOSAL,
  RECORD_RESULTS_BUTTON,
  REJECT_POST,
  REJECT_PROPOSAL,
  REVISE_POST,
  WITHDRAW_POST,
} from '../../src/views/approvals.js';
import { FINAL_APPROVE_POST } from '../../src/views/home.js';
import { CONFIRM_STEP, FINAL_APPROVE, REJECT_REASON } from '../../src/views/modals.js';
import { MOVE_PARTICIPANT } from '../../src/views/participants.js';
import { REVISE_POST_FORM, SUBMIT_POST } from '../../src/views/post-form.js';
import { RECORD_RESULTS } from '../../src/views/results-form.js';
import { FINAL_APPROVE_CONFIRM } from '../../src/views/final-approval.js';
import { OUT_OF_DATE_TITLE } from '../../src/views/out-of-date.js';
import { harnessForTests } from '../support/harness.js';

/** How a person performs a move: a /campaign subcommand, a button (action_id), a form (callback_id), or the schedule. */
type Surface = { command: string } | { button: string } | { form: string } | { schedule: string };

const CAMPAIGN_SURFACES: Record<string, Surface[]> = {
  'draft → proposal_published': [{ command: 'publish' }, { form: CONFIRM_STEP }],
  'draft → archived': [{ command: 'archive' }],
  'proposal_published → proposal_approved': [{ button: APPROVE_PROPOSAL }],
  'proposal_published → draft': [{ button: REJECT_PROPOSAL }, { form: REJECT_REASON }],
  'proposal_published → archived': [{ command: 'archive' }],
  'proposal_approved → recruiting': [{ command: 'open' }],
  'proposal_approved → archived': [{ command: 'archive' }],
  'recruiting → recruitment_closed': [{ command: 'close' }, { schedule: 'recruitment close date' }],
  'recruiting → archived': [{ command: 'archive' }],
  'recruitment_closed → collaborating': [{ command: 'start-collaboration' }],
  'recruitment_closed → archived': [{ command: 'archive' }],
  'collaborating → completed': [{ command: 'complete' }],
  'collaborating → archived': [{ command: 'archive' }],
  'completed → archived': [{ command: 'archive' }],
};

// The move form offers exactly the stages the domain allows from where the participants are.
const move: Surface[] = [{ command: 'move' }, { form: MOVE_PARTICIPANT }];
const PARTICIPANT_SURFACES: Record<string, Surface[]> = Object.fromEntries(STAGES.flatMap((from) => STAGE_MOVES[from].map((to) => [`${from} → ${to}`, move])));

const POST_SURFACES: Record<string, Surface[]> = {
  'draft → pending_approval': [{ command: 'post' }, { form: SUBMIT_POST }],
  'pending_approval → approved': [{ button: APPROVE_POST }, { button: APPROVE_POST_WITH_CORRECTIONS }, { form: REJECT_REASON }],
  'pending_approval → rejected': [{ button: REJECT_POST }, { form: REJECT_REASON }],
  'approved → posted': [{ button: RECORD_RESULTS_BUTTON }, { command: 'results' }, { form: RECORD_RESULTS }],
  'pending_approval → withdrawn': [{ button: WITHDRAW_POST }],
  'rejected → pending_approval': [{ button: REVISE_POST }, { form: REVISE_POST_FORM }, { command: 'post' }, { form: SUBMIT_POST }],
  'posted → final_approved': [{ button: FINAL_APPROVE_POST }, { form: FINAL_APPROVE }, { command: 'final-approve' }, { form: FINAL_APPROVE_CONFIRM }],
};

function movesOf<S extends string>(statuses: readonly S[], moves: Record<S, readonly S[]>): string[] {
  return statuses.flatMap((from) => moves[from].map((to) => `${from} → ${to}`));
}

const harness = harnessForTests({ env: {} });

const outOfDate = (text: unknown) => String(text).includes('from an older version');
let sentinels = 0;

/**
 * A request no listener answers gets the catch-all's "out of date" answer (test/app/odd-requests.test.ts);
 * any listener that runs answers otherwise, even when it refuses the made-up IDs sent here.
 */
async function reachable(surface: Surface): Promise<boolean> {
  if ('command' in surface) return SUBCOMMANDS.some((subcommand) => subcommand.name === surface.command);
  if ('schedule' in surface) return true;
  if ('button' in surface) {
    const answeredAsOutOfDate = () => harness.fakeSlack.callsTo('response_url').filter((call) => outOfDate(call.args.text)).length;
    const before = answeredAsOutOfDate();
    await harness.slack.blockAction({ action_id: surface.button, value: '999999:1' }, { channelId: 'C0CAMPAIGN' });
    // The catch-all answers after the click is acknowledged: a retired button clicked next, in the App
    // Home, is answered after it, so once that answer is there, this one would be too.
    const sentinel = `U0SENTINEL${++sentinels}`;
    await harness.slack.blockAction({ action_id: 'retired_button' }, { userId: sentinel, fromHome: true });
    await harness.fakeSlack.waitFor('views.publish', (call) => call.args.user_id === sentinel && outOfDate(JSON.stringify(call.args.view)));
    return answeredAsOutOfDate() === before;
  }
  const { body } = await harness.slack.viewSubmission({ callback_id: surface.form, private_metadata: '{}', values: {} });
  return (body as { view?: { title?: { text?: string } } }).view?.title?.text !== OUT_OF_DATE_TITLE;
}

describe.each([
  ['campaign lifecycle', movesOf(CAMPAIGN_STATUSES, CAMPAIGN_MOVES), CAMPAIGN_SURFACES],
  ['participant pipeline', movesOf(STAGES, STAGE_MOVES), PARTICIPANT_SURFACES],
  ['post review', movesOf(POST_STATUSES, POST_MOVES), POST_SURFACES],
])('every move of the %s', (_, moves, surfaces) => {
  it('has a command, button or form that performs it', () => {
    expect(
      moves.filter((m) => !surfaces[m]?.length),
      'moves nobody can make from Slack',
    ).toEqual([]);
    expect(
      Object.keys(surfaces).filter((m) => !moves.includes(m)),
      'surfaces for moves the domain does not have',
    ).toEqual([]);
  });

  it('names commands, buttons and forms that the running app answers', { timeout: 60_000 }, async () => {
    const named = [
      ...new Map(
        Object.values(surfaces)
          .flat()
          .map((s) => [JSON.stringify(s), s]),
      ).values(),
    ];
    const unreachable: Surface[] = [];
    for (const surface of named) if (!(await reachable(surface))) unreachable.push(surface);
    expect(unreachable).toEqual([]);
  });
});
