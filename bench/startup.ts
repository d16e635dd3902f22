// Start to healthy (spawn → first GET /healthz 200) and resident memory: the app's first start on a
// new database and its restart on the seeded one, against bare Bolt's start, several runs each.
import { type Child, startApp, startBareBolt } from './processes.js';
import { type BenchDatabase, type Kind, freshDatabase } from './databases.js';
import { figure, mb, median, ratio, seconds, sleep } from './support.js';

/** Memory is read this long after healthy, once start-up work has settled. */
const SETTLE_MS = 2_000;

/** One start: its time to healthy, then (after SETTLE_MS) its RSS and its peak RSS so far. */
async function measure(start: () => Promise<Child>): Promise<{ ms: number; rssKb: number; peakKb: number }> {
  const child = await start();
  try {
    await sleep(SETTLE_MS);
    return { ms: child.startMs, ...child.memory() };
  } finally {
    await child.stop();
  }
}

export async function startups(kind: Kind, server: string | undefined, env: Record<string, string>, seeded: BenchDatabase, runs: number): Promise<void> {
  const first: Array<Awaited<ReturnType<typeof measure>>> = [];
  const restart: typeof first = [];
  const bare: typeof first = [];
  for (let run = 0; run < runs; run++) {
    bare.push(await measure(() => startBareBolt(env)));
    const database = await freshDatabase(kind, server);
    try {
      first.push(await measure(() => startApp({ ...env, DATABASE_URL: database.url })));
    } finally {
      await database.drop();
    }
    restart.push(await measure(() => startApp({ ...env, DATABASE_URL: seeded.url })));
  }
  const bareMs = median(bare.map((each) => each.ms));
  const times = (list: typeof first) => `median ${seconds(median(list.map((each) => each.ms)))} (${list.map((each) => seconds(each.ms)).join(', ')})`;
  const fresh = kind === 'embedded' ? 'new data dir' : 'new schema';
  figure(
    `start to healthy, first start on a ${fresh}`,
    `${times(first)}; ${ratio(median(first.map((each) => each.ms)), bareMs)} bare Bolt`,
    kind === 'embedded' ? '< 3 s' : undefined,
  );
  figure(
    'start to healthy, restart on the seeded database',
    `${times(restart)}; ${ratio(median(restart.map((each) => each.ms)), bareMs)} bare Bolt`,
    '< 1.5 s',
  );
  figure('start to healthy, bare Bolt', times(bare));
  const rss = (list: typeof first) => mb(median(list.map((each) => each.rssKb)));
  figure(`RSS ${SETTLE_MS / 1000} s after a restart (idle)`, `${rss(restart)}; bare Bolt ${rss(bare)}`, kind === 'embedded' ? '≤ 200 MB' : '≤ 180 MB');
  figure(
    `peak RSS (VmHWM) of a first start on a ${fresh}`,
    `median ${mb(median(first.map((each) => each.peakKb)))}, max ${mb(Math.max(...first.map((each) => each.peakKb)))}`,
    kind === 'embedded' ? '≤ 400 MB' : undefined,
  );
}
