import type { App } from '@slack/bolt';
import type { HandlerContext } from '../context.js';
import { publishHome } from '../home.js';

export function register(app: App, { prisma, now }: HandlerContext): void {
  // Publishing the same view again is harmless, so Slack's retries of this event need no guard.
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, prisma, event.user, now());
  });
}
