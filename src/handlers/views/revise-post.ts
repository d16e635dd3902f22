import type { App } from '@slack/bolt';
import { REVISE_POST_FORM, postMetadata } from '../../views/post-form.js';
import { refusalModal } from '../../views/refusals.js';
import { resubmitPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { parsePostFields } from './post-form.js';
import { readMetadata } from '../odd-input.js';

export function register(app: App, { prisma, now }: HandlerContext): void {
  // The next revision of a rejected post: the same post, asked for approval again in a new message.
  app.view(REVISE_POST_FORM, async ({ ack, body, view }) => {
    const { postId, version } = readMetadata(postMetadata, view.private_metadata);
    const parsed = parsePostFields(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const revised = await resubmitPost(prisma, postId, parsed.post, { userId: body.user.id, now: now() }, version, view.id);
    if (!revised.ok) return ack({ response_action: 'update', view: refusalModal('Submit revision', revised) });
    await ack();
  });
}
