import type { KnownBlock } from '@slack/types';
import { userText } from './mrkdwn.js';

export interface SubcommandUsage {
  usage: string;
  summary: string;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

function usageLines(subcommands: SubcommandUsage[]): string {
  return subcommands.map(({ usage, summary }) => `\`/campaign ${usage}\` — ${summary}`).join('\n');
}

export function helpMessage(subcommands: SubcommandUsage[]): SlackMessage {
  return {
    text: `How to use /campaign:\n${usageLines(subcommands)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*How to use `/campaign`*' } },
      { type: 'section', text: { type: 'mrkdwn', text: usageLines(subcommands) } },
    ],
  };
}

export function unknownSubcommandMessage(typed: string, subcommands: SubcommandUsage[]): SlackMessage {
  const problem = `:warning: \`${userText(typed, 100)}\` is not a /campaign subcommand.`;
  const help = helpMessage(subcommands);
  return {
    text: `${problem}\n${help.text}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: problem } }, ...help.blocks],
  };
}
