// The embedded database's upkeep (src/store/upkeep.ts) on a timer: right after start, then every
// minute, as autovacuum looks at a server's tables. A server has autovacuum of its own.
import type { Logger } from '@slack/bolt';
import type { Prisma } from '../store/database.js';
import { upkeep } from '../store/upkeep.js';

const EVERY_MS = 60_000;

export function startUpkeep(prisma: Prisma, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    running = upkeep(prisma).then(
      ({ analyzed, vacuumed }) => {
        if (analyzed.length || vacuumed.length)
          logger.debug(`Database upkeep: analyzed ${analyzed.join(', ') || 'none'}; vacuumed ${vacuumed.join(', ') || 'none'}`);
      },
      (error: unknown) => logger.warn('Database upkeep failed:', error),
    );
    void running.then(() => {
      if (timer) timer = setTimeout(run, EVERY_MS).unref();
    });
  };
  timer = setTimeout(run, 0).unref();
  return {
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
