import type { KnownBlock } from '@slack/types';
import { section } from './blocks.js';
import { userText } from './mrkdwn.js';
import { transitionsHelp } from './transitions.js';

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

/** The campaign lifecycle in order: each step, the command or button that takes it, and who may. */
export const LIFECYCLE: Array<{ step: string; how: string; who: string }> = [
  { step: 'Create the draft', how: '`/campaign create`', who: 'anyone' },
  { step: 'Publish the proposal', how: '`/campaign publish`', who: 'PICs' },
  { step: 'Approve (or reject) the proposal', how: 'the Approve / Reject buttons on the proposal message or in App Home', who: 'approvers' },
  { step: 'Open recruitment', how: '`/campaign open`, or the Open recruitment button on the approved proposal or in App Home', who: 'PICs' },
  { step: 'Close recruitment', how: '`/campaign close`, or the app on the close date', who: 'PICs' },
  { step: 'Start collaboration', how: '`/campaign start-collaboration`', who: 'PICs' },
  {
    step: 'Review draft posts',
    how: 'Approve, Approve with corrections (a note) or Needs work (a reason) on each post message, in App Home or in the digest',
    who: 'approvers',
  },
  { step: 'Complete', how: '`/campaign complete`', who: 'PICs' },
  { step: 'Final-approve posted posts', how: '`/campaign final-approve` or App Home', who: 'approvers' },
  { step: 'Archive', how: '`/campaign archive`', who: 'PICs' },
];

const lifecycleLines = () => LIFECYCLE.map(({ step, how, who }, i) => `${i + 1}. *${step}*: ${how} (${who})`).join('\n');

export function helpMessage(subcommands: SubcommandUsage[]): SlackMessage {
  return {
    text: `How to use /campaign:\n${usageLines(subcommands)}\nCampaign lifecycle, in order:\n${lifecycleLines()}`,
    blocks: [
      section('*How to use `/campaign`*'),
      section(usageLines(subcommands)),
      section(`*Campaign lifecycle, in order*\n${lifecycleLines()}`),
      section(`*What can be taken back*\n${transitionsHelp()}`),
    ],
  };
}

export function unknownSubcommandMessage(typed: string, subcommands: SubcommandUsage[]): SlackMessage {
  const problem = `:warning: \`${userText(typed, 100)}\` is not a /campaign subcommand.`;
  const help = helpMessage(subcommands);
  return {
    text: `${problem}\n${help.text}`,
    blocks: [section(problem), ...help.blocks],
  };
}
