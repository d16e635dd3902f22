import type { Listeners } from '../listeners.js';
import { helpMessage } from '../../views/help.js';
import type { HandlerContext } from '../context.js';
import * as campaign from './campaign.js';
import { create } from './create.js';
import { deliveries } from './deliveries.js';
import { digest } from './digest.js';
import { edit } from './edit.js';
import { add, influencers } from './directory.js';
import { budget, deliverables, move, reopen, resend } from './participants.js';
import { finalApprove } from './final-approve.js';
import { post } from './post.js';
import { report } from './report.js';
import { results } from './results.js';
import { settings } from './settings.js';
import { history, list, show } from './read.js';
import { steps } from './steps.js';
import type { Subcommand } from './subcommand.js';

/** Every /campaign subcommand, in the order `help` lists them. */
export const SUBCOMMANDS: Subcommand[] = [
  // Answered in the acknowledgement itself (see register): it needs nothing but this table.
  {
    name: 'help',
    usage: 'help',
    summary: 'show this list of subcommands',
    run: async ({ respond }) => void (await respond({ response_type: 'ephemeral', ...helpMessage(SUBCOMMANDS) })),
  },
  create,
  edit,
  list,
  show,
  influencers,
  add,
  move,
  deliverables,
  resend,
  reopen,
  post,
  results,
  budget,
  ...steps,
  finalApprove,
  report,
  history,
  digest,
  settings,
  deliveries,
];

export function register(listeners: Listeners, context: HandlerContext): void {
  campaign.register(listeners, context, SUBCOMMANDS);
}
