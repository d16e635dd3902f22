import type { App } from '@slack/bolt';
import { homeView } from '../../views/home.js';
import { describeViewer } from '../../workflow/admins.js';
import { SUBCOMMANDS } from '../commands/index.js';
import type { HandlerContext } from '../context.js';

export function register(app: App, { prisma }: HandlerContext): void {
  // Publishing the same view again is harmless, so Slack's retries of this event need no guard.
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const viewer = await describeViewer(prisma, event.user);
    await client.views.publish({ user_id: event.user, view: homeView({ ...viewer, subcommands: SUBCOMMANDS }) });
  });
}
