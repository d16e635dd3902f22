import type { App } from '@slack/bolt';
import { EDIT_POST_FORM, POST_FIELDS, postMetadata } from '../../views/post-form.js';
import { refusalModal } from '../../views/refusals.js';
import { editPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { parsePostFields } from './post-form.js';
import { readMetadata } from '../odd-input.js';

/** Refusals a person fixes in the form itself; any other refusal replaces the form with the reason. */
const FIELD_OF_RULE: Record<string, string> = { 'post-unchanged': POST_FIELDS.content };

export function register(app: App, { prisma, now }: HandlerContext): void {
  app.view(EDIT_POST_FORM, async ({ ack, body, view }) => {
    const { postId, version } = readMetadata(postMetadata, view.private_metadata);
    const parsed = parsePostFields(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const edited = await editPost(prisma, postId, parsed.post, { userId: body.user.id, now: now() }, version, view.id);
    if (!edited.ok) {
      const field = FIELD_OF_RULE[edited.rule];
      return ack(
        field
          ? { response_action: 'errors', errors: { [field]: edited.reason } }
          : { response_action: 'update', view: refusalModal('Edit draft post', edited) },
      );
    }
    await ack();
  });
}
