// Requests under load, app and bare Bolt side by side: ack latency of 50 concurrent signed requests
// (rounds interleaved app / bare Bolt), Approve click → chat.update at the fake Slack, and acks while
// reports render. Every figure is printed next to its goal.
import { APPROVE_POST } from '../src/views/approvals.js';
import type { FakeSlack } from '../test/support/fake-slack.js';
import { type SlackResponse, SlackSender } from '../test/support/slack-requests.js';
import type { Child } from './processes.js';
import { type ApproveTarget, PEOPLE, type Seeded } from './seed.js';
import { CONCURRENCY, SIGNING_SECRET, figure, percentile, ratio, sleep, spread } from './support.js';

/** Load rounds per request kind and app; each round is CONCURRENCY requests at once. */
const ROUNDS = 3;
/** Clicks measured one at a time. */
const SINGLE_CLICKS = 20;
/** Reports rendering alongside each round of /campaign help. */
const REPORTS = 5;

interface Pair {
  app: SlackSender;
  bare: SlackSender;
  /** What the app printed so far (its error log). */
  appOutput(): string;
}

export function senders(app: Child, bare: Child, fakeSlack: FakeSlack): Pair {
  return {
    app: new SlackSender(app.url, SIGNING_SECRET, fakeSlack),
    bare: new SlackSender(bare.url, SIGNING_SECRET, fakeSlack),
    appOutput: () => app.output(),
  };
}

/** Milliseconds to the HTTP answer of each request, sent all at once; a non-200 answer counts as a failure. */
async function burst(requests: Array<() => Promise<SlackResponse>>, failures: { count: number }): Promise<number[]> {
  return Promise.all(
    requests.map(async (send) => {
      const start = performance.now();
      const { status } = await send();
      if (status !== 200) failures.count++;
      return performance.now() - start;
    }),
  );
}

const click = (slack: SlackSender, target: ApproveTarget) =>
  slack.blockAction({ action_id: APPROVE_POST, value: target.value }, { userId: PEOPLE.approver, channelId: target.channelId, messageTs: target.messageTs });

/** Resolves with Date.now() at which the fake Slack received the chat.update of each target's message (NaN if it never came). */
async function updatesOf(fakeSlack: FakeSlack, targets: ApproveTarget[], from: number, timeoutMs = 60_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  const arrived = new Map<string, number>();
  for (let seen = from; ; ) {
    for (; seen < fakeSlack.calls.length; seen++) {
      const call = fakeSlack.calls[seen]!;
      if (call.method === 'chat.update') arrived.set(`${String(call.args.channel)} ${String(call.args.ts)}`, call.at);
    }
    const times = targets.map((target) => arrived.get(`${target.channelId} ${target.messageTs}`) ?? NaN);
    if (times.every(Number.isFinite) || Date.now() > deadline) return times;
    await sleep(20);
  }
}

/** Waits until the app has made no Slack call for `ms` (what earlier requests left to deliver is done), 30 s at most. */
const responseUrlNumber = (url: string) => Number(url.split('/').pop());

async function quiet(fakeSlack: FakeSlack, ms = 300): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const before = fakeSlack.calls.length;
    await sleep(ms);
    if (fakeSlack.calls.length === before) return;
  }
}

/** Ack p50/p99 for help, list and Approve; Approve click → chat.update with CONCURRENCY clicks at once. */
export async function acks(pair: Pair, fakeSlack: FakeSlack, seeded: Seeded): Promise<void> {
  const approvals = [...seeded.approvals];
  const take = () => {
    const target = approvals.shift();
    if (!target) throw new Error('the seed has too few posts awaiting approval');
    return target;
  };
  const kinds: Record<string, (slack: SlackSender) => Array<() => Promise<SlackResponse>>> = {
    '/campaign help': (slack) => Array.from({ length: CONCURRENCY }, () => () => slack.command('help')),
    '/campaign list': (slack) => Array.from({ length: CONCURRENCY }, () => () => slack.command('list')),
  };
  const latencies = new Map<string, { app: number[]; bare: number[]; failures: { count: number } }>();
  const measure = async (kind: string, who: 'app' | 'bare', requests: Array<() => Promise<SlackResponse>>) => {
    if (!latencies.has(kind)) latencies.set(kind, { app: [], bare: [], failures: { count: 0 } });
    const entry = latencies.get(kind)!;
    entry[who].push(...(await burst(requests, entry.failures)));
  };
  const delivered: number[] = [];
  let lost = 0;
  // What the app told clickers instead of approving (a refusal, an error): explains a missing update.
  const answers = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    await quiet(fakeSlack);
    for (const [kind, requests] of Object.entries(kinds)) {
      await measure(kind, 'app', requests(pair.app));
      await measure(kind, 'bare', requests(pair.bare));
    }
    // Commands answer through response_url after their ack: let those answers go before the clicks.
    await quiet(fakeSlack);
    const targets = Array.from({ length: CONCURRENCY }, take);
    const from = fakeSlack.calls.length;
    const firstClickUrl = responseUrlNumber(fakeSlack.responseUrl());
    const clickedAt = Date.now();
    await measure(
      'Approve click',
      'app',
      targets.map((target) => () => click(pair.app, target)),
    );
    const times = await updatesOf(fakeSlack, targets, from);
    lost += times.filter((time) => !Number.isFinite(time)).length;
    for (const call of fakeSlack.calls.slice(from)) {
      // Only the clicks' own answers (their response_urls were handed out after this one).
      if (call.method !== 'response_url' || responseUrlNumber(String(call.url)) <= firstClickUrl) continue;
      const text = String(call.args.text).replace(/`[0-9a-f]{8}`/g, '`<reference>`');
      answers.set(text, (answers.get(text) ?? 0) + 1);
    }
    delivered.push(...times.filter(Number.isFinite).map((time) => time - clickedAt));
    // Bare Bolt gets the same clicks (already decided: the app would refuse them; bare Bolt only acks).
    await measure(
      'Approve click',
      'bare',
      targets.map((target) => () => click(pair.bare, target)),
    );
  }
  console.log(`  ack latency, ${CONCURRENCY} concurrent signed requests, ${ROUNDS} interleaved rounds each:`);
  for (const [kind, { app, bare, failures }] of latencies) {
    const p99 = percentile(app, 99);
    const bareP99 = percentile(bare, 99);
    figure(
      `${kind} ack`,
      `app ${spread(app)}; bare Bolt ${spread(bare)}; app p99 / bare p99 = ${ratio(p99, bareP99)}${failures.count ? `; ${failures.count} not 200` : ''}`,
      '≤ 2×',
    );
  }
  figure(`Approve click → chat.update, ${CONCURRENCY} at once`, `${spread(delivered)}${lost ? `; ${lost} never came within 60 s` : ''}`, 'p99 ≤ 300 ms');
  for (const [text, count] of answers) console.log(`    ${count} clicks answered instead: ${text.slice(0, 160)}`);
  const log = pair.appOutput().split('\n');
  const unexpected = log.findIndex((line) => line.includes('Unexpected error'));
  if (unexpected >= 0)
    console.log(
      `    the app's log: ${log
        .slice(unexpected, unexpected + 3)
        .join(' ')
        .slice(0, 400)}`,
    );

  await quiet(fakeSlack);
  const single: number[] = [];
  for (let i = 0; i < SINGLE_CLICKS; i++) {
    const target = take();
    const from = fakeSlack.calls.length;
    const clickedAt = Date.now();
    await click(pair.app, target);
    const [time] = await updatesOf(fakeSlack, [target], from);
    if (Number.isFinite(time)) single.push(time! - clickedAt);
    await quiet(fakeSlack, 100);
  }
  figure('Approve click → chat.update, one at a time', spread(single), 'p99 ≤ 50 ms');
}

/** Ack of /campaign help at CONCURRENCY concurrent while REPORTS reports render (app), against bare Bolt's help acks. */
export async function acksWhileReportsRender(pair: Pair, fakeSlack: FakeSlack, seeded: Seeded): Promise<void> {
  const app: number[] = [];
  const bare: number[] = [];
  const failures = { count: 0 };
  const uploads = () => fakeSlack.callsTo('files.completeUploadExternal').length;
  for (let round = 0; round < ROUNDS; round++) {
    await quiet(fakeSlack);
    const campaigns = seeded.campaignIds.slice(round * REPORTS, (round + 1) * REPORTS);
    const before = uploads();
    const reports = campaigns.map((id) => pair.app.command(`report C-${id}`, { userId: PEOPLE.pic, channelId: 'C0REPORTS' }));
    app.push(
      ...(await burst(
        Array.from({ length: CONCURRENCY }, () => () => pair.app.command('help')),
        failures,
      )),
    );
    await Promise.all(reports);
    for (const deadline = Date.now() + 60_000; uploads() < before + campaigns.length && Date.now() < deadline; ) await sleep(50);
    bare.push(
      ...(await burst(
        Array.from({ length: CONCURRENCY }, () => () => pair.bare.command('help')),
        failures,
      )),
    );
  }
  figure(
    `/campaign help ack while ${REPORTS} reports render`,
    `app ${spread(app)}; bare Bolt ${spread(bare)}; app p99 / bare p99 = ${ratio(percentile(app, 99), percentile(bare, 99))}${failures.count ? `; ${failures.count} not 200` : ''}`,
    '≤ 2× (reports do not delay acks)',
  );
}
