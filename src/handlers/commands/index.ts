import type { App } from '@slack/bolt';
import { helpMessage, unknownSubcommandMessage } from '../../views/help.js';
import type { HandlerContext } from '../context.js';
import { SUBCOMMANDS, parseSubcommand } from './subcommands.js';

export function register(app: App, _context: HandlerContext): void {
  app.command('/campaign', async ({ command, ack }) => {
    const { name } = parseSubcommand(command.text);
    if (name === 'help') {
      await ack({ response_type: 'ephemeral', ...helpMessage(SUBCOMMANDS) });
      return;
    }
    await ack({ response_type: 'ephemeral', ...unknownSubcommandMessage(name, SUBCOMMANDS) });
  });
}
