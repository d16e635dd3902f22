// `npm run bench` (`-- --full`: digests of 1,000 campaigns too; `-- --db embedded|postgresql`: one
// database only): every goal of issue 13 as a measured figure, next to a bare Bolt 5.1 app started in the same run, on the embedded database and
// on PostgreSQL. Prints numbers only; nothing here passes or fails.
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { FakeSlack } from '../test/support/fake-slack.js';
import { commands } from './commands.js';
import { type Kind, freshDatabase, serverUrl } from './databases.js';
import { type Size, digestFigures } from './digest-figures.js';
import { installSize } from './install-size.js';
import { acks, acksWhileReportsRender, senders } from './load.js';
import { outbox } from './outbox.js';
import { ROOT, startApp, startBareBolt } from './processes.js';
import { type SeedSize, seed } from './seed.js';
import { startups } from './startup.js';
import { SIGNING_SECRET, figure, heading, mb, part, seconds, sleep, timed } from './support.js';

const FULL = process.argv.includes('--full');
const ONLY = process.argv[process.argv.indexOf('--db') + 1];
const wanted = (kind: Kind) => !process.argv.includes('--db') || ONLY === kind;
const SEED: SeedSize = { campaigns: 50, participants: 20, posts: 4 };
const DIGESTS: Size[] = [{ campaigns: 10, participants: 50 }, { campaigns: 100, participants: 50 }, ...(FULL ? [{ campaigns: 1_000, participants: 50 }] : [])];
const START_RUNS = 3;

function machine(): void {
  const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  console.log(`Campaign Desk bench at ${commit}, ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log('Ratios are against a bare Bolt app started in this run: absolute times on a shared machine are noise.');
}

async function leg(kind: Kind, server: string | undefined): Promise<void> {
  heading(kind === 'embedded' ? 'Embedded database (PGlite)' : `PostgreSQL (${new URL(server!).host})`);
  const fakeSlack = await FakeSlack.start();
  const seeded = await freshDatabase(kind, server);
  try {
    const [data, seedMs] = await timed(() => seed(seeded.url, fakeSlack, SEED));
    console.log(
      `  seeded ${SEED.campaigns} campaigns × ${SEED.participants} participants, ${data.approvals.length} posts awaiting approval, through the use cases in ${seconds(seedMs)}`,
    );
    const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakeSlack.apiUrl, LOG_LEVEL: 'error' };

    await part('requests', async () => {
      const bare = await startBareBolt(env);
      const app = await startApp({ ...env, DATABASE_URL: seeded.url }).catch(async (error: unknown) => {
        await bare.stop();
        throw error;
      });
      try {
        await sleep(2_000);
        const idle = app.memory();
        const bareIdle = bare.memory();
        const pair = senders(app, bare, fakeSlack);
        await acks(pair, fakeSlack, data);
        await acksWhileReportsRender(pair, fakeSlack, data);
        await outbox(pair.app, fakeSlack);
        await sleep(1_000);
        const loaded = app.memory();
        figure(
          'RSS idle after a restart → after the load',
          `${mb(idle.rssKb)} → ${mb(loaded.rssKb)} (peak ${mb(loaded.peakKb)}); bare Bolt ${mb(bareIdle.rssKb)} → ${mb(bare.memory().rssKb)}`,
          kind === 'embedded' ? '≤ 200 MB idle, ≤ 300 MB after the load' : '≤ 180 MB idle',
        );
      } finally {
        await app.stop();
        await bare.stop();
      }
    });
    await part('start-up', () => startups(kind, server, env, seeded, START_RUNS));
    await part('commands', () => commands(seeded.url));
    await part('digests', () => digestFigures(kind, server, DIGESTS));
  } finally {
    await fakeSlack.close();
    await seeded.drop();
  }
}

machine();
const server = await serverUrl();
if (wanted('embedded')) await part('embedded database', () => leg('embedded', undefined));
if (!wanted('postgresql')) heading('PostgreSQL: not asked for (--db)');
else if (server) await part('PostgreSQL', () => leg('postgresql', server));
else heading('PostgreSQL: skipped (set TEST_DATABASE_URL, or run a server at postgresql://postgres@127.0.0.1:5432/test)');
if (!process.argv.includes('--db')) {
  heading('Install');
  await part('install size', installSize);
}
console.log(
  `\nload average at the end: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
// Timers the schema engine and PGlite leave behind would keep the bench alive.
process.exit(0);
