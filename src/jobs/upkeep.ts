// The embedded database's upkeep (src/store/upkeep.ts) on a timer, as autovacuum looks at a server's
// tables about once a minute. At start it only finds the tables never analyzed (a database made by an
// older version; a new data folder's template is analyzed at install), so it runs at once. Later runs
// share PGlite's one connection with the requests', so each waits until no request has run for a
// while, but never more than five minutes.
import type { Logger } from '@slack/bolt';
import type { Prisma } from '../store/database.js';
import { upkeep } from '../store/upkeep.js';

const EVERY_MS = 60_000;
const QUIET_MS = 2_000;
const LONGEST_WAIT_MS = 5 * 60_000;
/** How often it looks whether a run is due and the app quiet. */
const LOOK_MS = 1_000;

export function startUpkeep(prisma: Prisma, logger: Logger, quietFor: () => number): { stop(): Promise<void> } {
  let dueAt = Number.POSITIVE_INFINITY; // set when a run ends
  let running: Promise<void> | undefined;
  const run = () => {
    running = upkeep(prisma)
      .then(
        ({ analyzed, vacuumed }) => {
          if (analyzed.length || vacuumed.length)
            logger.debug(`Database upkeep: analyzed ${analyzed.join(', ') || 'none'}; vacuumed ${vacuumed.join(', ') || 'none'}`);
        },
        (error: unknown) => logger.warn('Database upkeep failed:', error),
      )
      .finally(() => {
        dueAt = performance.now() + EVERY_MS;
        running = undefined;
      });
  };
  const look = () => {
    const now = performance.now();
    if (!running && now >= dueAt && (quietFor() >= QUIET_MS || now - dueAt >= LONGEST_WAIT_MS)) run();
  };
  run();
  const timer = setInterval(look, LOOK_MS).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
