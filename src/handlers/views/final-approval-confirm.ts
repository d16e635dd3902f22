import type { Listeners } from '../listeners.js';
import { FINAL_APPROVE_CONFIRM, confirmMetadata } from '../../views/final-approval.js';
import { refusalModal } from '../../views/refusals.js';
import { finalApprovePosts } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // Step 2: all chosen posts in one transaction; a refusal (e.g. someone else was faster) changes none.
  listeners.view(FINAL_APPROVE_CONFIRM, async ({ ack, body, view }) => {
    const { posts } = readMetadata(confirmMetadata, view.private_metadata);
    const decided = await finalApprovePosts(prisma, posts, { userId: body.user.id, now: now() });
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal('Final approval', decided) });
    await ack({ response_action: 'clear' });
  });
}
