import type { App } from '@slack/bolt';
import { helpMessage, unknownSubcommandMessage } from '../../views/help.js';
import type { HandlerContext } from '../context.js';
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

/** Splits `/campaign <name> <rest>`; no text means help. */
export function parseSubcommand(text: string): { name: string; args: string } {
  const [name = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  return { name: name.toLowerCase(), args: rest.join(' ') };
}

export function register(app: App, context: HandlerContext): void {
  app.command('/campaign', async ({ command, ack, respond, client, logger }) => {
    const { name, args } = parseSubcommand(command.text);
    const subcommand = SUBCOMMANDS.find((candidate) => candidate.name === name);
    // Answers that need nothing but this table come with the acknowledgement itself.
    if (!subcommand || subcommand.name === 'help') {
      await ack({ response_type: 'ephemeral', ...(subcommand ? helpMessage(SUBCOMMANDS) : unknownSubcommandMessage(name, SUBCOMMANDS)) });
      return;
    }
    // Everything else is acknowledged before any database read or Slack call, and answers through response_url.
    await ack();
    await subcommand.run({ args, userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id, respond, client, logger, context });
  });
}
