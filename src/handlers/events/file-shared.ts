import type { Listeners } from '../listeners.js';
import { linkScreenshot } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // A file shared in a post's approval thread (an insights screenshot) is linked to the post: its
  // Slack file ID and permalink, never the bytes. A retried event finds the file linked already.
  listeners.event('message', async ({ event, client, logger }) => {
    if (event.subtype !== 'file_share' || !event.thread_ts || !event.files?.length) return;
    const acting = { userId: event.user, now: now() };
    const linked: number[] = [];
    for (const file of event.files) {
      if (!file.id) continue;
      const result = await linkScreenshot(
        prisma,
        { channelId: event.channel, threadTs: event.thread_ts },
        { id: file.id, permalink: file.permalink ?? null },
        acting,
      );
      if (!result.ok) return;
      if (result.value.linked) linked.push(result.value.post.id);
    }
    if (linked.length === 0) return;
    const files = linked.length === 1 ? 'This file is' : `These ${linked.length} files are`;
    await client.chat
      .postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts,
        text: `:paperclip: ${files} linked to post #${linked[0]} as its insights screenshot.`,
      })
      .catch((error: unknown) => logger.warn('Could not confirm the linked screenshot:', error));
  });
}
