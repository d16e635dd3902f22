import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { freshDatabaseUrl } from '../support/database.js';
import { FakeSlack } from '../support/fake-slack.js';
import { SIGNING_SECRET, startHarness } from '../support/harness.js';
import { SlackSender } from '../support/slack-requests.js';

const ROOT = join(import.meta.dirname, '../..');
// The same command as `npm start`, with tsx's loader found from the repository whatever the cwd.
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = join(ROOT, 'src/main.ts');

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
});

/** Runs `npm start`'s entry point as its own process. */
function start(env: Record<string, string>, cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
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
    const { child, output } = start({}, ROOT);
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('SLACK_BOT_TOKEN is missing');
    expect(output()).toContain('SLACK_SIGNING_SECRET is missing');
    expect(output()).toContain('manifest.json');
    expect(output()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('stops with a clear message when Slack refuses the bot token', async () => {
    const fakeSlack = await FakeSlack.start();
    fakeSlack.fail('auth.test', { error: 'invalid_auth' });
    const database = await freshDatabaseUrl();
    const { child, output } = start(
      { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakeSlack.apiUrl, DATABASE_URL: database.url, PORT: '0' },
      ROOT,
    );
    expect(await exitOf(child)).toBe(1);
    expect(output()).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    await fakeSlack.close();
    await database.drop();
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
      expect(output().includes('Applied migrations')).toBe(run === 1);

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
});
