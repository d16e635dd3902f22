import { campaignReference } from '../../domain/brief.js';
import { notice } from '../../views/campaigns.js';
import { reportMessage } from '../../views/report.js';
import { reportOf } from '../../workflow/report.js';
import { slackErrorCode } from '../../slack-client.js';
import { postReport, reportFiles, sendReportByDirectMessage } from '../report.js';
import { type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

const PRIVATE = /(^|\s)--private(?=\s|$)/;

export const report: Subcommand = {
  name: 'report',
  usage: 'report <campaign> [--private]',
  summary: 'results against budget, with a CSV and a chart, in this channel (or only to you with --private)',
  async run(input) {
    const isPrivate = PRIVATE.test(input.args);
    const campaign = await campaignArgument({ ...input, args: input.args.replace(new RegExp(PRIVATE, 'g'), ' ') }, this.usage);
    if (!campaign) return;
    const now = input.context.now();
    const { logger } = input;
    const loaded = (await reportOf(input.context.prisma, campaign.id, now))!;
    if (isPrivate) {
      await input.respond(
        ephemeral(reportMessage(loaded.report, now, { filesNote: 'The CSV and the chart are on their way to you in a direct message from the app.' })),
      );
      const files = await reportFiles(loaded.report, loaded.accounts, now);
      const failed = await sendReportByDirectMessage(input.client, logger, [input.userId], loaded.report, files, now);
      if (failed.length) await input.respond(ephemeral(notice(':warning: The CSV and the chart could not be sent to you; try again in a moment.')));
      return;
    }
    try {
      await postReport(input.client, input.channelId, loaded.report, await reportFiles(loaded.report, loaded.accounts, now), now);
    } catch (error) {
      const code = slackErrorCode(error);
      logger.warn(`Could not post the report of campaign ${campaign.id} in ${input.channelId}:`, code ?? error);
      const why =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? 'the app is not in this channel: invite it with `/invite`, or'
          : 'Slack refused it; try again, or';
      await input.respond(
        ephemeral(notice(`:warning: The report could not be posted here: ${why} use \`/campaign report ${campaignReference(campaign.id)} --private\`.`)),
      );
    }
  },
};
