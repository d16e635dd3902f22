import type { AckFn, Logger, RespondArguments, RespondFn } from '@slack/bolt';
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
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  client: WebClient;
  logger: Logger;
  context: HandlerContext;
}

export interface Subcommand {
  name: string;
  usage: string;
  summary: string;
  /** Must acknowledge within 3 seconds: open a modal right after ack, read the database before it. */
  run(input: CommandInput): Promise<void>;
}

export function ephemeral(message: SlackMessage): RespondArguments {
  return { response_type: 'ephemeral', ...message };
}

/** The one campaign `<campaign>` names, or answers with the matches / "not found" and the usage. */
export async function campaignArgument(input: CommandInput, usage: string): Promise<Campaign | undefined> {
  const typed = input.args.trim();
  if (!typed) {
    await input.ack(ephemeral(missingCampaign(usage)));
    return undefined;
  }
  const matches = await findCampaigns(input.context.prisma, typed);
  if (matches.length === 1) return matches[0];
  await input.ack(ephemeral(campaignNotFound(typed, matches, usage)));
  return undefined;
}
