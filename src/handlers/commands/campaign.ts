import type { Listeners } from '../listeners.js';
import { helpMessage, unknownSubcommandMessage } from '../../views/help.js';
import type { HandlerContext } from '../context.js';
import type { Subcommand } from './subcommand.js';

/** Splits `/campaign <name> <rest>`; no text means help. */
export function parseSubcommand(text: string): { name: string; args: string } {
  const [name = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  return { name: name.toLowerCase(), args: rest.join(' ') };
}

/** `/campaign <subcommand>`, dispatched by the table in ./index.ts (the same table `help` lists). */
export function register(listeners: Listeners, context: HandlerContext, subcommands: Subcommand[]): void {
  // The same for everyone, and on the way to the ack: built once.
  const help = helpMessage(subcommands);
  listeners.command('/campaign', async ({ command, ack, respond, client, logger }) => {
    const { name, args } = parseSubcommand(command.text);
    const subcommand = subcommands.find((candidate) => candidate.name === name);
    // Answers that need nothing but this table come with the acknowledgement itself.
    if (!subcommand || subcommand.name === 'help') {
      await ack({ response_type: 'ephemeral', ...(subcommand ? help : unknownSubcommandMessage(name, subcommands)) });
      return;
    }
    // Everything else is acknowledged before any database read or Slack call, and answers through response_url.
    await ack();
    await subcommand.run({ args, userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id, respond, client, logger, context });
  });
}
