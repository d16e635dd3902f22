// `npm run bench`: start-up, migration and request numbers for the README and issue notes.
// Prints numbers only; nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/store/database.js';
import type { Prisma } from '../src/store/database.js';
import { applyPendingMigrations } from '../src/store/migrations.js';
import { addInfluencers } from '../src/workflow/influencers.js';
import { addParticipants } from '../src/workflow/participants.js';
import { CREATE_CAMPAIGN } from '../src/views/campaign-form.js';
import { FakeSlack } from '../test/support/fake-slack.js';
import { campaignFormValues } from '../test/support/modal-values.js';
import { SlackSender } from '../test/support/slack-requests.js';
import { campaignReport } from '../src/domain/report.js';
import { reportChart } from '../src/views/report-chart.js';
import { reportCsv } from '../src/views/report-csv.js';
import { NOW, campaignFixture, participant, post } from '../test/support/digest-fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'bench-signing-secret';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

function configFailure(): void {
  const runs = Array.from({ length: 5 }, () => {
    const start = performance.now();
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], { cwd: ROOT, env: { PATH: process.env.PATH } });
    return performance.now() - start;
  });
  console.log(`start with no config → exit 1: median ${ms(percentile(runs, 50))}, max ${ms(Math.max(...runs))} (5 runs)`);
}

async function migrations(): Promise<void> {
  const [memory, created] = await timed(() => openDatabase({ kind: 'memory' }));
  const [, migrated] = await timed(() => applyPendingMigrations(memory));
  const [, noop] = await timed(() => applyPendingMigrations(memory));
  await memory.close();
  console.log(`embedded database: create ${ms(created)}, apply migrations ${ms(migrated)}, nothing to apply ${ms(noop)}`);
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return console.log('PostgreSQL server: skipped (set TEST_DATABASE_URL)');
  const db = await openDatabase({ kind: 'server', url: server, schema: `bench_${process.pid}` });
  await db.prisma.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS "bench_${process.pid}"`);
  const [, onServer] = await timed(() => applyPendingMigrations(db));
  await db.prisma.$executeRawUnsafe(`DROP SCHEMA "bench_${process.pid}" CASCADE`);
  await db.close();
  console.log(`PostgreSQL server: apply migrations ${ms(onServer)}`);
}

async function requests(): Promise<void> {
  const fakeSlack = await FakeSlack.start();
  const folder = mkdtempSync(join(tmpdir(), 'campaign-desk-bench-'));
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fakeSlack.apiUrl,
    DATABASE_URL: `file://${folder}`,
    LOG_LEVEL: 'error',
  });
  const [first, coldStart] = await timed(() => launch(config, { port: 0, host: '127.0.0.1' }));
  await first.stop();
  const [running, warmStart] = await timed(() => launch(config, { port: 0, host: '127.0.0.1' }));
  console.log(`launch on a new ./data folder ${ms(coldStart)}; restart on it ${ms(warmStart)}`);
  const slack = new SlackSender(`http://127.0.0.1:${running.port}`, SECRET, fakeSlack);

  const help: number[] = [];
  for (let i = 0; i < 500; i++) help.push((await timed(() => slack.command('help')))[1]);
  console.log(`signed /campaign help, sequential: p50 ${ms(percentile(help, 50))}, p95 ${ms(percentile(help, 95))}, p99 ${ms(percentile(help, 99))} (500)`);

  const [, burst] = await timed(() => Promise.all(Array.from({ length: 200 }, () => slack.command('help'))));
  console.log(`200 concurrent /campaign help: ${ms(burst)} in all, ${(200 / (burst / 1000)).toFixed(0)} requests/s`);

  const home: number[] = [];
  for (let i = 0; i < 100; i++) {
    const user = `U0BENCH${i}`;
    home.push((await timed(async () => {
      await slack.appHomeOpened(user);
      await fakeSlack.waitFor('views.publish', (call) => call.args.user_id === user);
    }))[1]);
  }
  console.log(`app_home_opened → views.publish (with a database read): p50 ${ms(percentile(home, 50))}, p95 ${ms(percentile(home, 95))} (100)`);
  const create: number[] = [];
  const card: number[] = [];
  // The n-th post of the card (a failed try is a post too); waitFor wakes on each call Slack receives.
  const cardPosted = async (title: string, n = 1) => {
    const posts = () => fakeSlack.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes(title));
    while (posts().length < n) await fakeSlack.waitFor('chat.postMessage', () => posts().length >= n, 10_000);
  };
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    create.push((await timed(() => slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: `Bench ${i}` }) })))[1]);
    await cardPosted(`Bench ${i}`);
    card.push(performance.now() - start);
  }
  console.log(`create-campaign modal submitted → acknowledged (validation + insert + history + outbox): p50 ${ms(percentile(create, 50))}, p95 ${ms(percentile(create, 95))} (50)`);
  console.log(`… → its card posted by the outbox (card + 3 App Homes delivered): p50 ${ms(percentile(card, 50))}, p95 ${ms(percentile(card, 95))} (50)`);
  const retried: number[] = [];
  for (let i = 0; i < 5; i++) {
    fakeSlack.fail('chat.postMessage', { error: 'internal_error', times: 1 });
    const start = performance.now();
    await slack.viewSubmission({ callback_id: CREATE_CAMPAIGN, values: campaignFormValues({ title: `Bench retried ${i}` }) });
    await cardPosted(`Bench retried ${i}`, 2);
    retried.push(performance.now() - start);
  }
  console.log(`… with Slack answering internal_error once: card posted on the retry after p50 ${ms(percentile(retried, 50))} (5)`);
  const [, list] = await timed(() => slack.command('list'));
  console.log(`/campaign list with ${50} campaigns: ${ms(list)}`);
  await seedParticipants(running.db.prisma, 1, 100);
  for (const read of ['show', 'history'] as const) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) times.push((await timed(() => slack.command(`${read} C-1`)))[1]);
    const p50 = percentile(times, 50);
    console.log(`/campaign ${read} of a campaign with 100 participants: p50 ${ms(p50)} (${(p50 / percentile(help, 50)).toFixed(1)}× help), p95 ${ms(percentile(times, 95))} (50)`);
  }
  const acked: number[] = [];
  const delivered: number[] = [];
  for (let i = 0; i < 20; i++) {
    const before = fakeSlack.callsTo('files.completeUploadExternal').length;
    const start = performance.now();
    await slack.command('report C-1', { channelId: 'C0BENCH' });
    acked.push(performance.now() - start);
    await fakeSlack.waitFor('files.completeUploadExternal', () => fakeSlack.callsTo('files.completeUploadExternal').length > before);
    delivered.push(performance.now() - start);
  }
  console.log(`/campaign report → acknowledged p50 ${ms(percentile(acked, 50))}; → summary, CSV and chart uploaded (fake Slack) p50 ${ms(percentile(delivered, 50))}, p95 ${ms(percentile(delivered, 95))} (20)`);
  console.log(`resident memory after the load: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);

  await running.stop();
  await fakeSlack.close();
  rmSync(folder, { recursive: true, force: true });
}

/** `count` directory influencers added to campaign `campaignId`, through the use cases (names and history as in real use). */
async function seedParticipants(prisma: Prisma, campaignId: number, count: number): Promise<void> {
  const acting = { userId: 'U0BENCH', now: new Date() };
  const profiles = Array.from({ length: count }, (_, i) => ({ name: `Bench Influencer ${i}`, country: 'JP', niches: ['beauty'], email: null, accounts: [{ platform: 'instagram' as const, handle: `bench_${i}`, followers: 10_000 + i, avgEngagementPct: 3 }] }));
  const added = await addInfluencers(prisma, profiles, acting);
  if (!added.ok) throw new Error(added.reason);
  const joined = await addParticipants(prisma, campaignId, added.value.map((influencer) => ({ influencerId: influencer.id })), acting);
  if (!joined.ok) throw new Error(joined.reason);
}

/** Rendering a report of 200 influencers with 3 posts each: the CSV and the PNG chart, in the process. */
async function reportRendering(): Promise<void> {
  const metrics = (i: number) => ({ impressions: 10_000 + i, reach: 8_000 + i, likes: 300 + i, comments: 20, shares: 5, saves: 5, clicks: 50, conversions: 2, attributedRevenueMinor: 50_000 });
  const report = campaignReport({
    campaign: campaignFixture(),
    participants: Array.from({ length: 200 }, (_, i) => participant(i + 1, { stage: 'posted', influencerCostMinor: 100_000 })),
    posts: Array.from({ length: 600 }, (_, i) => post(i + 1, { participationId: (i % 200) + 1, status: 'posted', metrics: metrics(i) })),
    followers: new Map(Array.from({ length: 200 }, (_, i) => [i + 1, 50_000])),
    now: NOW,
  });
  const csv: number[] = [];
  for (let i = 0; i < 20; i++) csv.push((await timed(async () => reportCsv(report, new Map())))[1]);
  const chart: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const [png, took] = await timed(() => reportChart(report));
    chart.push(took);
    bytes = png.length;
  }
  console.log(`report of 200 influencers / 600 posts: CSV p50 ${ms(percentile(csv, 50))} (${report.participants.length + 600} rows); PNG chart p50 ${ms(percentile(chart, 50))}, first ${ms(chart[0]!)}, ${(bytes / 1024).toFixed(0)} KB`);
}

configFailure();
await migrations();
await requests();
await reportRendering();
