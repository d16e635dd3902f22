import type { Logger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import type { Prisma } from '../store/database.js';
import { campaignDigestMessage, overviewMessage } from '../views/digest.js';
import { closeDueRecruitments } from '../workflow/campaigns.js';
import { type PostDigest, runDueDigests } from '../workflow/digests.js';
import { markExpiredAgreements } from '../workflow/participants.js';

export interface SchedulerDeps {
  prisma: Prisma;
  token: string;
  slackApiUrl: string;
  logger: Logger;
  now: () => Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts a digest at most once. The client never retries by itself (a lost answer to
 * chat.postMessage would post twice); only a 429, which means "not posted", is retried after
 * its Retry-After. Posts to one channel are spaced a second apart, Slack's pace per channel.
 */
export function slackDigestPoster(token: string, slackApiUrl: string): PostDigest {
  const client = new WebClient(token, { slackApiUrl, timeout: 10_000, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const lastPost = new Map<string, number>();
  return async (channelId, toPost) => {
    const message = toPost.kind === 'campaign' ? campaignDigestMessage(toPost.digest, { quietMessage: toPost.quietDayMessage }) : overviewMessage(toPost.digests, toPost.failed);
    if (!message) return undefined;
    for (let attempt = 1; ; attempt++) {
      const wait = (lastPost.get(channelId) ?? 0) + 1000 - Date.now();
      if (wait > 0) await sleep(wait);
      lastPost.set(channelId, Date.now());
      try {
        return (await client.chat.postMessage({ channel: channelId, ...message })).ts;
      } catch (error) {
        const retryAfter = (error as { code?: string; retryAfter?: number }).code === 'slack_webapi_rate_limited_error' ? (error as { retryAfter: number }).retryAfter : undefined;
        if (retryAfter === undefined || attempt >= 3) throw error;
        await sleep(retryAfter * 1000);
      }
    }
  };
}

/** Every minute: close recruitments whose date has come, record expired agreements, post the digests that are due. */
export function startScheduler({ prisma, token, slackApiUrl, logger, now }: SchedulerDeps, { everyMinute = true } = {}) {
  const post = slackDigestPoster(token, slackApiUrl);
  const tick = async () => {
    const at = now();
    try {
      await closeDueRecruitments(prisma, at);
      await markExpiredAgreements(prisma, at);
      const report = await runDueDigests(prisma, at, post);
      if (report && (report.sent.length || report.failed.length)) logger.info(`Digests ${report.localDate}: ${report.sent.length} sent, ${report.failed.length} failed`, report.failed);
    } catch (error) {
      logger.error('Scheduled work failed:', error);
    }
  };
  const task = everyMinute ? cron.schedule('* * * * *', tick, { name: 'campaign-desk', noOverlap: true }) : undefined;
  return {
    tick,
    async stop() {
      await task?.stop();
    },
  };
}
