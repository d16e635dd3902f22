import type { Listeners } from '../listeners.js';
import { SUBMIT_POST } from '../../views/post-form.js';
import { refusalModal } from '../../views/refusals.js';
import { submitPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { parseDraftPost } from './post-form.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(SUBMIT_POST, async ({ ack, body, view }) => {
    const parsed = parseDraftPost(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const submitted = await submitPost(prisma, parsed.draft, { userId: body.user.id, now: now() }, view.id);
    if (!submitted.ok) return ack({ response_action: 'update', view: refusalModal('Submit draft post', submitted) });
    await ack();
  });
}
