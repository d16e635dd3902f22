// What autovacuum does on a PostgreSQL server, for the embedded database. PGlite is PostgreSQL in
// single-user mode, where no autovacuum runs: its tables never got planner statistics, so every plan
// was made on default guesses (reading 49 posts with their participants scanned every social account
// once per post: 75 ms, 15 ms once analyzed), and the rows that updates leave dead were never reclaimed.
import type { Prisma } from './database.js';

/** autovacuum's default thresholds: analyze once 50 + 10 % of a table's rows changed, vacuum once 50 + 20 % are dead. */
const ANALYZE = { base: 50, scale: 0.1 };
const VACUUM = { base: 50, scale: 0.2 };

export interface Upkept {
  analyzed: string[];
  vacuumed: string[];
}

/**
 * Analyzes the tables never analyzed or changed enough since, and vacuums (and analyzes) those with
 * enough dead rows, one table a statement so that other statements can run in between. The change
 * counts live in memory and start at zero with each start, so a table is also analyzed when its
 * size moved by more than a page and 10 % since its last analysis (pages on disk and the count
 * recorded then are both stored): otherwise the tables of a data folder filled in earlier runs (the
 * template is analyzed empty) would keep the statistics of an empty table.
 */
export async function upkeep(prisma: Prisma): Promise<Upkept> {
  const tables = await prisma.$queryRaw<Array<{ name: string; analyze: boolean; vacuum: boolean }>>`
    SELECT s.relname AS "name",
      c.reltuples < 0 OR s.n_mod_since_analyze > ${ANALYZE.base} + ${ANALYZE.scale} * c.reltuples
        OR abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > 1 + ${ANALYZE.scale}::float8 * c.relpages AS "analyze",
      s.n_dead_tup > ${VACUUM.base} + ${VACUUM.scale} * greatest(c.reltuples, 0) AS "vacuum"
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.schemaname = current_schema()
    ORDER BY s.relname`;
  const done: Upkept = { analyzed: [], vacuumed: [] };
  for (const { name, analyze, vacuum } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    if (vacuum) {
      await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) ${quoted}`);
      done.vacuumed.push(name);
    } else if (analyze) {
      await prisma.$executeRawUnsafe(`ANALYZE ${quoted}`);
      done.analyzed.push(name);
    }
  }
  return done;
}
