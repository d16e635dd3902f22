import type { Listeners } from '../listeners.js';
import type { HandlerContext } from '../context.js';
import { publishHome } from '../home.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // Publishing the same view again is harmless, so Slack's retries of this event need no guard.
  listeners.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, prisma, event.user, now());
  });
}
