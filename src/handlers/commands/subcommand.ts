import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Campaign } from '../../domain/brief.js';
import type { SlackMessage } from '../../views/help.js';
import { campaignNotFound, missingCampaign } from '../../views/campaigns.js';
import { findCampaigns } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';

export interface CommandInput {
  args: string;
  userId: string;
  channelId: string;
  triggerId: string;
  respond: RespondFn;
  client: WebClient;
  logger: Logger;
  context: HandlerContext;
}

export interface Subcommand {
  name: string;
  usage: string;
  summary: string;
  /**
   * Runs once the command is acknowledged (before any database read or Slack call): answers with
   * `answer`, or opens a modal with `triggerId` (valid 3 seconds after the command).
   */
  run(input: CommandInput): Promise<unknown>;
}

export function ephemeral(message: SlackMessage): RespondArguments {
  return { response_type: 'ephemeral', ...message };
}

/** The one campaign `<campaign>` names, or answers with the matches / "not found" and the usage. */
export async function campaignArgument(input: CommandInput, usage: string): Promise<Campaign | undefined> {
  const typed = input.args.trim();
  if (!typed) {
    await input.respond(ephemeral(missingCampaign(usage)));
    return undefined;
  }
  const matches = await findCampaigns(input.context.prisma, typed);
  if (matches.length === 1) return matches[0];
  await input.respond(ephemeral(campaignNotFound(typed, matches, usage)));
  return undefined;
}
