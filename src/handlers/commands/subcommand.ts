import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ModalView } from '@slack/types';
import type { Campaign } from '../../domain/brief.js';
import type { Decision } from '../../domain/decision.js';
import type { SlackMessage } from '../../views/help.js';
import { campaignNotFound, missingCampaign, notice } from '../../views/campaigns.js';
import { refusalText } from '../../views/refusals.js';
import type { Acting } from '../../workflow/change.js';
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

/** `<name> <campaign>` that opens a form when the use case allows it (the form re-checks on submit), or says why not. */
export function campaignForm<T>(
  about: Omit<Subcommand, 'run'>,
  allow: (prisma: HandlerContext['prisma'], campaignId: number, acting: Acting) => Promise<Decision<T>>,
  form: (allowed: T) => ModalView,
): Subcommand {
  return {
    ...about,
    async run(input) {
      const campaign = await campaignArgument(input, about.usage);
      if (!campaign) return;
      const allowed = await allow(input.context.prisma, campaign.id, { userId: input.userId, now: input.context.now() });
      if (!allowed.ok) return input.respond(ephemeral(notice(refusalText(allowed))));
      await input.client.views.open({ trigger_id: input.triggerId, view: form(allowed.value) });
    },
  };
}
