import type { Prisma } from '../workflow/database.js';

/** What every listener needs besides Slack's own arguments. */
export interface HandlerContext {
  prisma: Prisma;
  now: () => Date;
  /**
   * Delivers what the change just saved must show in Slack (cards, requests, replies, App Homes),
   * from the outbox the change wrote; resolves when done or rescheduled, never throws.
   */
  deliver: () => Promise<void>;
}
