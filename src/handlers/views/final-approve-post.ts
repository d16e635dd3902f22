import type { Listeners } from '../listeners.js';
import { FINAL_APPROVE, finalApproveMetadata } from '../../views/modals.js';
import { refusalModal } from '../../views/refusals.js';
import { finalApprovePost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../payload.js';

/** One post's final approval, from the button on its approval message. */
export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(FINAL_APPROVE, async ({ ack, body, view }) => {
    const { id, version } = readMetadata(finalApproveMetadata, view.private_metadata);
    const decided = await finalApprovePost(prisma, id, { userId: body.user.id, now: now() }, version);
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal('Final approval', decided) });
    await ack();
  });
}
