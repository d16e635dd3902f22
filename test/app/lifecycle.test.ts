import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { FakeSlack } from '../support/fake-slack.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../support/harness.js';
import { campaignFormAnswers } from '../support/factories.js';
import { SlackUser } from '../support/slack-user.js';
import { SlackSender } from '../support/slack-requests.js';

const ROOT = join(import.meta.dirname, '../..');
// `npm start`'s own command line (`VAR=value … node flags… entry`) on the compiled entry (`npm test`
// compiles before running the tests), without npm or a shell in between, and with the entry found
// from the repository whatever the cwd.
const START = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
const [, ASSIGNMENTS = '', NODE_ARGS = ''] = /^((?:\w+=\S+ )*)node (.+)$/.exec(START) ?? [];
const START_ENV = Object.fromEntries(
  ASSIGNMENTS.split(' ')
    .filter(Boolean)
    .map((word) => word.split('=')),
);
const START_FLAGS = NODE_ARGS.split(' ');
const MAIN = START_FLAGS.pop();

describe('stopping', () => {
  it('finishes a listener still waiting on Slack before it closes the database', async () => {
    const harness = await startHarness();
    harness.fakeSlack.delay('views.publish', 700);
    await harness.slack.appHomeOpened('U0SLOW');
    const call = await harness.fakeSlack.waitFor('views.publish');
    expect(call.answered).toBe(false);
    await harness.stop();
    expect(call.answered).toBe(true);
  });

  it('finishes the scheduled work under way before it closes the database', async () => {
    const harness = await startHarness();
    const ticking = harness.running.tick();
    await harness.stop();
    await ticking;
    expect(harness.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

/** Runs `npm start`'s entry point as its own process. */
function start(env: Record<string, string>, cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...START_FLAGS, join(ROOT, MAIN!)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...START_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** The variables of an installed app, with a database that leaves nothing behind. */
const SLACK_APP = { SLACK_BOT_TOKEN: 'xoxb-made-up', SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL: 'memory://', PORT: '0' };

/** The output, checked to be a single line and no stack trace. */
function oneLine(output: string): string {
  expect(output.trim().split('\n')).toHaveLength(1);
  expect(output).not.toMatch(/\n\s+at /);
  return output.trim();
}

function secondsGivenUpAfter(line: string): number {
  return Number(/gave up after (\d+\.\d) s/.exec(line)?.[1]);
}

/** A local port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code as number | null;
}

// Whole processes (the first creating an embedded database) take seconds each, many on a loaded machine.
describe('npm start', { timeout: 180_000 }, () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('with no variables exits non-zero with one message listing every problem and how to fix it', async () => {
    // In a folder of its own: a developer's .env in the repository must not count.
    const cwd = mkdtempSync(join(tmpdir(), 'campaign-desk-'));
    folders.push(cwd);
    const { child, output } = start({}, cwd);
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('SLACK_BOT_TOKEN is missing');
    expect(output()).toContain('SLACK_SIGNING_SECRET is missing');
    expect(output()).toContain('manifest.json');
    expect(output()).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });

  it.each(['invalid_auth', 'account_inactive'])('stops with one line naming SLACK_BOT_TOKEN when Slack answers %s', async (answer) => {
    const fakeSlack = await FakeSlack.start();
    fakeSlack.fail('auth.test', { error: answer });
    const { child, output } = start({ ...SLACK_APP, SLACK_API_URL: fakeSlack.apiUrl }, ROOT);
    expect(await exitOf(child)).toBe(1);
    expect(oneLine(output())).toContain(`Slack refused SLACK_BOT_TOKEN (${answer})`);
    await fakeSlack.close();
  });

  it('reads .env from the folder it starts in, and a variable set in the real environment wins over the file', async () => {
    const fakeSlack = await FakeSlack.start();
    fakeSlack.fail('auth.test', { error: 'invalid_auth' });
    const cwd = mkdtempSync(join(tmpdir(), 'campaign-desk-'));
    folders.push(cwd);
    // The file's SLACK_API_URL points nowhere; the environment's, at the fake Slack that refuses the file's token.
    writeFileSync(
      join(cwd, '.env'),
      [
        '# as copied from .env.example',
        'SLACK_BOT_TOKEN=xoxb-from-dot-env',
        `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
        'SLACK_API_URL=http://127.0.0.1:9/api/',
        'DATABASE_URL=memory://',
        'PORT=0',
        '',
      ].join('\n'),
    );
    const { child, output } = start({ SLACK_API_URL: fakeSlack.apiUrl }, cwd);
    expect(await exitOf(child)).toBe(1);
    expect(oneLine(output())).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    expect(fakeSlack.callsTo('auth.test').map((call) => call.token)).toEqual(['xoxb-from-dot-env']);
    await fakeSlack.close();
  });

  it('in Socket Mode stops with a line naming SLACK_APP_TOKEN when Slack refuses it', async () => {
    const fakeSlack = await FakeSlack.start();
    fakeSlack.fail('apps.connections.open', { error: 'invalid_auth' });
    const { child, output } = start({ ...SLACK_APP, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-made-up', SLACK_API_URL: fakeSlack.apiUrl }, ROOT);
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('Cannot start: Slack refused SLACK_APP_TOKEN (invalid_auth).');
    expect(output()).not.toMatch(/\n\s+at /);
    await fakeSlack.close();
  }, 60_000);

  it('stops with one line when nothing listens at SLACK_API_URL, without retrying', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
    const { child, output } = start({ ...SLACK_APP, SLACK_API_URL: apiUrl }, ROOT);
    expect(await exitOf(child)).toBe(1);
    const line = oneLine(output());
    expect(line).toContain(`Slack could not be reached at SLACK_API_URL (${apiUrl}): connect ECONNREFUSED`);
    expect(line).toContain('Check the network connection, any proxy or firewall, and SLACK_API_URL.');
    expect(secondsGivenUpAfter(line)).toBeLessThan(5);
  });

  it('gives up on a Slack that does not answer after one attempt of 5 s', async () => {
    const fakeSlack = await FakeSlack.start();
    fakeSlack.delay('auth.test', 20_000);
    const { child, output } = start({ ...SLACK_APP, SLACK_API_URL: fakeSlack.apiUrl }, ROOT);
    expect(await exitOf(child)).toBe(1);
    const line = oneLine(output());
    expect(line).toContain(`Slack could not be reached at SLACK_API_URL (${fakeSlack.apiUrl}): The operation was aborted due to timeout`);
    expect(secondsGivenUpAfter(line)).toBeGreaterThanOrEqual(5);
    expect(secondsGivenUpAfter(line)).toBeLessThan(10);
    expect(fakeSlack.callsTo('auth.test')).toHaveLength(1);
    await fakeSlack.close();
  }, 30_000);

  it('stops with one line, password hidden, when the PostgreSQL server in DATABASE_URL refuses connections', async () => {
    const fakeSlack = await FakeSlack.start();
    const databaseUrl = `postgresql://campaigns:s3cret@127.0.0.1:${await closedPort()}/campaigns`;
    const { child, output } = start({ ...SLACK_APP, SLACK_API_URL: fakeSlack.apiUrl, DATABASE_URL: databaseUrl }, ROOT);
    expect(await exitOf(child)).toBe(1);
    const line = oneLine(output());
    expect(line).toContain('Cannot open the database: the PostgreSQL server in DATABASE_URL (postgresql://campaigns:***@127.0.0.1:');
    expect(line).toContain('connect ECONNREFUSED');
    expect(line).not.toContain('s3cret');
    await fakeSlack.close();
  });

  it('serves /healthz and signed commands, refuses forged ones, stops on SIGTERM with 0, and keeps ./data across restarts', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'campaign-desk-'));
    folders.push(cwd);
    const fakeSlack = await FakeSlack.start();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
      PORT: '0',
      ADMIN_USER_IDS: 'U0ADMIN',
    };

    for (const run of [1, 2]) {
      const { child, output } = start(env, cwd);
      await expect.poll(() => output(), { timeout: 120_000 }).toMatch(/Listening on port \d+/);
      const port = /Listening on port (\d+)/.exec(output())?.[1];
      const url = `http://127.0.0.1:${port}`;
      // A new folder is migrated before it opens (from the install's template, or by the migrations).
      if (run === 2) expect(output()).not.toContain('Applied migrations');

      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const slack = new SlackSender(url, SIGNING_SECRET, fakeSlack);
      const help = await slack.command('help');
      expect(help.status).toBe(200);
      expect(help.body).toMatchObject({ response_type: 'ephemeral' });
      expect((await slack.command('help', { signingSecret: 'forged' })).status).toBe(401);

      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    }

    // The data outlived both processes: one admin, granted (and recorded) once.
    const db = await openDatabase({ kind: 'embedded', dataDir: join(cwd, 'data') });
    try {
      expect(await db.prisma.admin.findMany({ select: { userId: true } })).toEqual([{ userId: 'U0ADMIN' }]);
      expect(await db.prisma.historyEvent.count({ where: { action: 'admin.granted' } })).toBe(1);
    } finally {
      await db.close();
      await fakeSlack.close();
    }
  });

  it('a change saved just before kill -9 is shown in Slack after the restart: the outbox survives the crash', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'campaign-desk-'));
    folders.push(cwd);
    const fakeSlack = await FakeSlack.start();
    const env = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakeSlack.apiUrl, PORT: '0' };
    const listening = async (output: () => string) => {
      await expect.poll(() => output(), { timeout: 120_000 }).toMatch(/Listening on port \d+/);
      return `http://127.0.0.1:${/Listening on port (\d+)/.exec(output())?.[1]}`;
    };
    const cardPosts = () => fakeSlack.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes('Saved before the crash'));

    // Slack takes its time with the card: the process dies after the commit, before Slack confirms.
    fakeSlack.delay('chat.postMessage', 60_000);
    const first = start(env, cwd);
    const member = new SlackUser({ slack: new SlackSender(await listening(first.output), SIGNING_SECRET, fakeSlack), fakeSlack } as Harness, 'U0MEMBER');
    expect((await member.submit(await member.openModal('create'), campaignFormAnswers('Saved before the crash'))).body).toBe('');
    await expect.poll(() => cardPosts().length, { timeout: 10_000 }).toBe(1);
    first.child.kill('SIGKILL');
    await exitOf(first.child);

    fakeSlack.delay('chat.postMessage', 0);
    const second = start(env, cwd);
    await listening(second.output);
    await expect.poll(() => cardPosts()[1]?.answered, { timeout: 30_000 }).toBe(true);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);

    const db = await openDatabase({ kind: 'embedded', dataDir: join(cwd, 'data') });
    try {
      const campaign = await db.prisma.campaign.findFirstOrThrow({ where: { title: 'Saved before the crash' } });
      // The ts of the post Slack confirmed, after the restart.
      expect(campaign.cardTs).toMatch(/^\d+\.\d+$/);
      expect(await db.prisma.delivery.count({ where: { key: `campaign_card:${campaign.id}`, status: 'delivered' } })).toBe(1);
      expect(await db.prisma.delivery.count({ where: { status: { in: ['pending', 'failed'] } } })).toBe(0);
    } finally {
      await db.close();
      await fakeSlack.close();
    }
  });
});
