// Sends a campaign's report: the summary as a message, the CSV and the chart as files in its thread,
// uploaded with Slack's current flow (files.getUploadURLExternal → upload → files.completeUploadExternal,
// which the Web API client's filesUploadV2 performs). Runs after the ack; never inside a transaction.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { campaignReference } from '../domain/brief.js';
import type { SocialAccount } from '../domain/influencer.js';
import type { CampaignReport } from '../domain/report.js';
import { calendarDate } from '../views/format.js';
import { reportMessage } from '../views/report.js';
import { reportChart } from '../views/report-chart.js';
import { reportCsv } from '../views/report-csv.js';
import { slackErrorCode } from '../slack-client.js';

export interface ReportFile {
  file: Buffer;
  filename: string;
  title: string;
  alt_text?: string;
}

/** The CSV and the PNG chart, rendered once however many people receive them. */
export async function reportFiles(report: CampaignReport, accounts: Map<number, SocialAccount>, now: Date): Promise<ReportFile[]> {
  const name = `${campaignReference(report.campaign.id)}-report-${calendarDate(now)}`;
  return [
    {
      file: Buffer.from(reportCsv(report, accounts), 'utf8'),
      filename: `${name}.csv`,
      title: `${campaignReference(report.campaign.id)} participants and posts (CSV)`,
    },
    {
      file: await reportChart(report),
      filename: `${name}.png`,
      title: `${campaignReference(report.campaign.id)} funnel and engagements`,
      alt_text: `Bar charts: participants per stage, and engagements per influencer, for ${campaignReference(report.campaign.id)}.`,
    },
  ];
}

/** Posts the summary in `channelId` and the files in its thread. Throws what Slack answered. */
export async function postReport(client: WebClient, channelId: string, report: CampaignReport, files: ReportFile[], now: Date, intro?: string): Promise<void> {
  const posted = await client.chat.postMessage({ channel: channelId, ...reportMessage(report, now, intro ? { intro } : {}) });
  await client.filesUploadV2({ channel_id: channelId, thread_ts: posted.ts as string, file_uploads: files });
}

/** A direct message per person (PICs and approvers when a campaign completes); one failure does not stop the others. */
export async function sendReportByDirectMessage(
  client: WebClient,
  logger: Logger,
  userIds: string[],
  report: CampaignReport,
  files: ReportFile[],
  now: Date,
  intro?: string,
): Promise<string[]> {
  const failed: string[] = [];
  for (const userId of new Set(userIds)) {
    try {
      const opened = await client.conversations.open({ users: userId });
      await postReport(client, opened.channel?.id as string, report, files, now, intro);
    } catch (error) {
      failed.push(userId);
      logger.warn(`Could not send the report of campaign ${report.campaign.id} to ${userId}:`, slackErrorCode(error) ?? error);
    }
  }
  return failed;
}
