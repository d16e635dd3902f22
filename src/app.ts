import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogLevel, Logger } from '@slack/bolt';
import { createLogger } from './logger.js';
import type { Config } from './config.js';
import * as actions from './handlers/actions/index.js';
import * as commands from './handlers/commands/index.js';
import type { HandlerContext } from './handlers/context.js';
import * as events from './handlers/events/index.js';
import { InFlight, reportUnexpectedErrors, tagRequestLogs } from './handlers/middleware.js';
import * as oddInput from './handlers/odd-input.js';
import { SlackApp, httpReceiver } from './handlers/receiver.js';
import { Listeners } from './handlers/listeners.js';
import { answerUnhandled } from './handlers/unhandled.js';
import * as views from './handlers/views/index.js';
import { type BotIdentity, explainSocketModeFailure, identifyBot } from './slack-check.js';
import { type Database, openDatabase } from './store/database.js';
import { startUpkeep } from './jobs/upkeep.js';
import { startScheduler } from './jobs/scheduler.js';
import { DeliveryWorker } from './handlers/deliveries.js';
import { slackClientOptions } from './slack-client.js';
import { releaseClaims } from './store/deliveries.js';
import { applyPendingMigrations } from './store/migrations.js';
import { grantConfiguredAdmins } from './workflow/admins.js';

export interface CampaignApp {
  app: SlackApp;
  /** The outbox worker: delivers what changes must show in Slack. */
  deliveries: DeliveryWorker;
  /** Milliseconds since the last request was done (its deliveries included); 0 while one runs. */
  quietFor(): number;
  /** Listens (HTTP mode) or connects (Socket Mode). */
  start(listen?: { port: number; host?: string }): Promise<{ port: number | undefined }>;
  /** Stops taking requests and waits for listeners still running. The database stays open. */
  stop(): Promise<void>;
}

/** The composition root: one Bolt app with every listener, shared by `npm start` and the tests. */
export function createApp(
  config: Config,
  db: Database,
  bot: BotIdentity,
  now: () => Date = () => new Date(),
  logger: Logger = createLogger(config.LOG_LEVEL as LogLevel),
): CampaignApp {
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  // Bolt's LogLevel values are these same strings.
  const logLevel = config.LOG_LEVEL as LogLevel;
  const customRoutes = [{ path: '/healthz', method: ['GET'], handler: (_req: IncomingMessage, res: ServerResponse) => void health(db, res) }];
  const app = new SlackApp({
    token: config.SLACK_BOT_TOKEN,
    appToken: config.SLACK_APP_TOKEN,
    socketMode,
    // Socket Mode has no signatures, so no signature window either.
    ...(socketMode ? { customRoutes } : { receiver: httpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', customRoutes, logger }) }),
    logger,
    logLevel,
    // launch() already asked Slack who the bot is (identifyBot), quickly and with a clear failure.
    ...bot,
    tokenVerificationEnabled: false,
    clientOptions: slackClientOptions(config.SLACK_API_URL),
  });

  const deliveries = new DeliveryWorker({ prisma: db.prisma, client: app.client, logger: app.logger, now });
  const inFlight = new InFlight();
  // First: every line logged while a request is handled carries its reference, user and campaign.
  app.use(tagRequestLogs);
  app.use(inFlight.middleware);
  // After every request (once acknowledged): deliver what its change must show in Slack.
  app.use(({ next }) => deliveries.after(next));
  app.use(reportUnexpectedErrors(app));

  const context: HandlerContext = { prisma: db.prisma, now, deliver: () => deliveries.deliver() };
  oddInput.register(app, context);
  app.use(answerUnhandled(context));
  const listeners = new Listeners();
  commands.register(listeners, context);
  actions.register(listeners, context);
  views.register(listeners, context);
  events.register(listeners, context);
  // Last: every global middleware above wraps the listener.
  app.use(listeners.dispatch);

  return {
    app,
    deliveries,
    quietFor: () => inFlight.quietFor(),
    async start(listen = { port: config.PORT }) {
      if (socketMode) {
        await app.start().catch((error: unknown) => {
          throw explainSocketModeFailure(error);
        });
        return { port: undefined };
      }
      const server = await app.start(listen);
      // Node closes an idle kept-alive connection after 5 s; a client (or load balancer) reusing it at
      // that moment gets a reset. Outlive their idle timeouts (60 s on common load balancers) instead.
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
      await inFlight.idle();
      await deliveries.stop();
    },
  };
}

/** For load balancers: 200 only while the database answers. */
async function health(db: Database, res: ServerResponse): Promise<void> {
  const ok = await db.isReachable();
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' }));
}

export interface RunningApp {
  db: Database;
  port: number | undefined;
  appliedMigrations: string[];
  /** The scheduled work (recruitment, agreements, digests) as the every-minute schedule runs it. */
  tick(): Promise<void>;
  /** Delivers what is due in the outbox now, as after every request (the worker also looks every 2 s). */
  deliver(): Promise<void>;
  /** Stops taking requests, finishes in-flight work, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Everything `npm start` does after reading the config; the tests start the app the same way
 * (with their own clock, and without the every-minute timer: they call `tick` themselves).
 */
export async function launch(
  config: Config,
  listen?: { port: number; host?: string },
  {
    everyMinute = true,
    now = () => new Date(),
    database,
    logTo,
  }: {
    everyMinute?: boolean;
    now?: () => Date;
    /** Already opening (npm start opens it while the app's modules load). */
    database?: Promise<Database>;
    /** JSON log lines go here instead of stdout (the tests read them). */
    logTo?: NodeJS.WritableStream;
  } = {},
): Promise<RunningApp> {
  // The embedded database opens on a thread of its own: let it work while Slack answers auth.test.
  const opening = database ?? openDatabase(config.DATABASE_URL);
  opening.catch(() => undefined); // awaited below, after identifyBot; its failure is reported then
  const bot = await identifyBot(config).catch(async (error: unknown) => {
    await opening.then(
      (db) => db.close(),
      () => undefined,
    );
    throw error;
  });
  const db = await opening;
  try {
    const appliedMigrations = await applyPendingMigrations(db);
    if (db.location.kind !== 'server') await releaseClaims(db.prisma);
    await grantConfiguredAdmins(db.prisma, config.ADMIN_USER_IDS, new Date());
    const logger = createLogger(config.LOG_LEVEL as LogLevel, logTo ? { pretty: false, destination: logTo } : {});
    const campaignApp = createApp(config, db, bot, now, logger);
    const { port } = await campaignApp.start(listen);
    const { deliveries } = campaignApp;
    // What an earlier run saved but could not show yet (Slack down, a crash) is delivered now.
    deliveries.start();
    void deliveries.deliver();
    // PGlite runs no autovacuum: the app keeps the embedded database's statistics and dead rows itself,
    // when no request is running.
    const upkeep = everyMinute && db.location.kind !== 'server' ? startUpkeep(db.prisma, campaignApp.app.logger, campaignApp.quietFor) : undefined;
    const jobs = startScheduler(
      { prisma: db.prisma, client: campaignApp.app.client, logger: campaignApp.app.logger, now, deliver: () => deliveries.deliver() },
      { everyMinute },
    );
    return {
      db,
      port,
      appliedMigrations,
      tick: jobs.tick,
      deliver: () => deliveries.deliver(),
      async stop() {
        await jobs.stop();
        await upkeep?.stop();
        await campaignApp.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
