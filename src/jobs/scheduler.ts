import type { Logger } from '@slack/bolt';
import { setTimeout } from 'node:timers/promises';
import type { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import { campaignDigestMessage, overviewMessage } from '../views/digest.js';
import { closeDueRecruitments } from '../workflow/campaigns.js';
import { type PostDigest, runDueDigests } from '../workflow/digests.js';
import type { Prisma } from '../workflow/database.js';
import { pruneDeliveries } from '../workflow/outbox.js';
import { markExpiredAgreements } from '../workflow/participants.js';
import { type ZonesOf, runDeadlineDecisions, runReminders } from '../workflow/reminders.js';
import { isTimeZone } from '../domain/schedule.js';
import { slackErrorCode } from '../slack-client.js';

export interface SchedulerDeps {
  prisma: Prisma;
  /** Built from `slackClientOptions`, like the listeners' clients. */
  client: WebClient;
  logger: Logger;
  now: () => Date;
  /** Delivers what the scheduled changes must show in Slack (cards, App Homes). */
  deliver: () => Promise<void>;
}

/** How long delivered outbox rows are kept (real time, like every delivery time). */
const DELIVERIES_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** Slack's pace for posts to one channel: about one message a second. */
const CHANNEL_GAP_MS = 1000;

/** Starts a post to a channel a second after the previous one there was answered; other channels do not wait. */
class ChannelPace {
  private readonly lastAnswered = new Map<string, Promise<number>>();

  inTurn<T>(channelId: string, post: () => Promise<T>): Promise<T> {
    const previous = this.lastAnswered.get(channelId);
    const turn = (async () => {
      const wait = previous ? (await previous) + CHANNEL_GAP_MS - performance.now() : 0;
      if (wait > 0) await setTimeout(wait);
      return post();
    })();
    const answeredAt = () => performance.now();
    this.lastAnswered.set(channelId, turn.then(answeredAt, answeredAt));
    return turn;
  }
}

/**
 * Posts a digest, paced per channel. The run was claimed before, and the client does not
 * repeat a post whose answer was lost (see slack-client.ts), so a digest is posted at most once.
 */
export function slackDigestPoster(client: WebClient): PostDigest {
  const pace = new ChannelPace();
  return async (channelId, toPost) => {
    const message =
      toPost.kind === 'campaign'
        ? campaignDigestMessage(toPost.digest, { quietMessage: toPost.quietDayMessage })
        : overviewMessage(toPost.digests, toPost.failed);
    if (!message) return undefined;
    return pace.inTurn(channelId, async () => (await client.chat.postMessage({ channel: channelId, ...message })).ts);
  };
}

/** How long a person's time zone is trusted before Slack is asked again (people travel). */
const ZONE_KEPT_MS = 6 * 60 * 60 * 1000;

/** People's time zones from users.info, kept a few hours; someone Slack cannot tell about is left out (the caller uses the workspace's zone). */
export function slackZones(client: WebClient, logger: Logger): ZonesOf {
  const known = new Map<string, { zone: string; at: number }>();
  return async (userIds) => {
    const zones = new Map<string, string>();
    for (const userId of userIds) {
      const cached = known.get(userId);
      if (cached && performance.now() - cached.at < ZONE_KEPT_MS) {
        zones.set(userId, cached.zone);
        continue;
      }
      try {
        const zone = (await client.users.info({ user: userId })).user?.tz;
        if (zone && isTimeZone(zone)) {
          known.set(userId, { zone, at: performance.now() });
          zones.set(userId, zone);
        }
      } catch (error) {
        logger.warn(`No time zone for ${userId}; reminders use the workspace's:`, slackErrorCode(error) ?? error);
      }
    }
    return zones;
  };
}

/** Every minute: close recruitments whose date has come, record expired agreements, act on approval deadlines, send reminders, post the digests that are due. */
export function startScheduler({ prisma, client, logger, now, deliver }: SchedulerDeps, { everyMinute = true } = {}) {
  const post = slackDigestPoster(client);
  const zonesOf = slackZones(client, logger);
  const work = async () => {
    const at = now();
    try {
      await closeDueRecruitments(prisma, at);
      await markExpiredAgreements(prisma, at);
      await runDeadlineDecisions(prisma, at);
      await runReminders(prisma, at, zonesOf);
      await deliver();
      await pruneDeliveries(prisma, new Date(Date.now() - DELIVERIES_KEPT_MS));
      const report = await runDueDigests(prisma, at, post);
      if (report && (report.sent.length || report.failed.length))
        logger.info(`Digests ${report.localDate}: ${report.sent.length} sent, ${report.failed.length} failed`, report.failed);
    } catch (error) {
      logger.error('Scheduled work failed:', error);
    }
  };
  // Kept so that stopping waits for a tick under way instead of closing the database under it.
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = work();
    return running;
  };
  const task = everyMinute ? cron.schedule('* * * * *', tick, { name: 'campaign-desk', noOverlap: true }) : undefined;
  return {
    tick,
    async stop() {
      await task?.stop();
      await running;
    },
  };
}
