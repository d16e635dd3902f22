// The command-line tools with nothing to do, on the seeded database: `npm run digest -- --dry-run`
// and `npm run db:migrate`, wall time (and when the dry run's output was complete), and whether the
// dry run wrote anything (rows in every table, before and after).
import { rowCounts } from './databases.js';
import { runScript } from './processes.js';
import { figure, seconds } from './support.js';

/** Each command is slow today (~10 s of it after the work): one run each keeps the bench short. */
const RUNS = 1;

export async function commands(url: string): Promise<void> {
  const before = await rowCounts(url);
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runScript('digest', ['--dry-run'], { DATABASE_URL: url }));
  const after = await rowCounts(url);
  const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
  const failed = runs.find((run) => run.code !== 0);
  figure(
    '`npm run digest -- --dry-run`',
    `${runs.map((run) => `${seconds(run.ms)} (output started at ${seconds(run.firstOutputMs)})`).join(', ')}${failed ? `; exit ${failed.code}: ${failed.output.slice(-300)}` : ''}`,
    '< 2 s',
  );
  figure(
    'the dry run wrote',
    changed.length
      ? changed.map((table) => `${table} ${before[table] ?? 0} → ${after[table] ?? 0} rows`).join(', ')
      : 'nothing (same row count in every table)',
    'nothing',
  );
  const migrations = [];
  for (let run = 0; run < RUNS; run++) migrations.push(await runScript('db:migrate', [], { DATABASE_URL: url }));
  const migrateFailed = migrations.find((run) => run.code !== 0);
  figure(
    '`npm run db:migrate` with nothing to do',
    `${migrations.map((run) => seconds(run.ms)).join(', ')}${migrateFailed ? `; exit ${migrateFailed.code}: ${migrateFailed.output.slice(-300)}` : ''}`,
    '< 2 s',
  );
}
