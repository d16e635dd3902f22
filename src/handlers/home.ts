import type { WebClient } from '@slack/web-api';
import type { Prisma } from '../workflow/database.js';
import { homeView } from '../views/home.js';
import { describeViewer } from '../workflow/admins.js';
import { homeOf } from '../workflow/home.js';
import { SUBCOMMANDS } from './commands/index.js';

/** Publishes a user's App Home from the database (views.publish is Tier 4, fine after each change). */
export async function publishHome(client: WebClient, prisma: Prisma, userId: string, now: Date, notice?: string): Promise<void> {
  const [viewer, home] = await Promise.all([describeViewer(prisma, userId), homeOf(prisma, userId, now)]);
  await client.views.publish({ user_id: userId, view: homeView({ ...viewer, subcommands: SUBCOMMANDS, home, ...(notice ? { notice } : {}) }) });
}
