import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, launch } from '../../src/app.js';
import { type Config, parseConfig } from '../../src/config.js';
import { FakeSlack } from './fake-slack.js';
import { freshDatabaseUrl } from './database.js';
import { PEOPLE } from './factories.js';
import { SlackSender } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface Harness {
  /** Sends signed requests as Slack would. */
  slack: SlackSender;
  /** Slack's Web API, faked; every call the app made. */
  fakeSlack: FakeSlack;
  running: RunningApp;
  config: Config;
  url: string;
  /** The app's log lines (pino's JSON), in order. */
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Starts the real app through the same `launch` as `npm start`: real config parsing, a fresh
 * database (migrated on start), Bolt's HTTP receiver on an ephemeral port, Slack faked on 127.0.0.1.
 */
export interface HarnessOptions {
  now?: () => Date;
  fakeSlack?: FakeSlack;
  databaseUrl?: string;
  /** Starts the every-minute timers as `npm start` does (the scheduler, the embedded database's upkeep); tests call `tick` otherwise. */
  everyMinute?: boolean;
}

export async function startHarness(
  env: Record<string, string> = {},
  { now, fakeSlack: sharedSlack, databaseUrl, everyMinute = false }: HarnessOptions = {},
): Promise<Harness> {
  const fakeSlack = sharedSlack ?? (await FakeSlack.start());
  // Several app instances may share one database (and one fake Slack); the first owner drops it.
  const database = databaseUrl ? { url: databaseUrl, drop: async () => undefined } : await freshDatabaseUrl();
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fakeSlack.apiUrl,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'error',
    ...env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const logTo = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const running = await launch(config, { port: 0, host: '127.0.0.1' }, { everyMinute, logTo, ...(now ? { now } : {}) });
  const url = `http://127.0.0.1:${running.port}`;
  return {
    slack: new SlackSender(url, SIGNING_SECRET, fakeSlack),
    fakeSlack,
    running,
    config,
    url,
    logs,
    async stop() {
      await running.stop();
      if (!sharedSlack) await fakeSlack.close();
      await database.drop();
    },
  };
}

/**
 * The app for the tests of one file (or describe block): started before them, stopped after them,
 * with the workspace's admin configured unless `env` says otherwise. The object is filled in when
 * the app has started, so use it inside hooks and tests only.
 */
export function harnessForTests({ env = { ADMIN_USER_IDS: PEOPLE.admin }, ...options }: HarnessOptions & { env?: Record<string, string> } = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(env, options));
  });
  afterAll(() => ('stop' in harness ? harness.stop() : undefined));
  return harness;
}
