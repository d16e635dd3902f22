import type { Prisma } from '../store/database.js';

/** What every listener needs besides Slack's own arguments. */
export interface HandlerContext {
  prisma: Prisma;
  now: () => Date;
}
