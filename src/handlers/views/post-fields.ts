import type { Middleware, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import type { RefusalRule } from '../../domain/decision.js';
import { EDIT_POST_FORM, POST_FIELDS, REVISE_POST_FORM, postMetadata } from '../../views/post-form.js';
import { refusalModal } from '../../views/refusals.js';
import { editPost, resubmitPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../payload.js';
import { parsePostFields } from './post-form.js';

/**
 * The two forms of an existing post: its next revision (the same post, asked for approval again in
 * a new message), or an edit of the revision that waits.
 */
const FORMS = {
  [REVISE_POST_FORM]: { title: 'Submit revision', save: resubmitPost },
  [EDIT_POST_FORM]: { title: 'Edit draft post', save: editPost },
};

/** Refusals a person fixes in the form itself; any other refusal replaces the form with the reason. */
const FIELD_OF_RULE: Partial<Record<RefusalRule, string>> = { 'post-unchanged': POST_FIELDS.content };

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  const savePost: Middleware<SlackViewMiddlewareArgs> = async ({ ack, body, view }) => {
    const form = FORMS[view.callback_id as keyof typeof FORMS];
    const { postId, version } = readMetadata(postMetadata, view.private_metadata);
    const parsed = parsePostFields(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const saved = await form.save(prisma, postId, parsed.post, { userId: body.user.id, now: now() }, version, view.id);
    if (!saved.ok) {
      const field = FIELD_OF_RULE[saved.rule];
      return ack(
        field ? { response_action: 'errors', errors: { [field]: saved.reason } } : { response_action: 'update', view: refusalModal(form.title, saved) },
      );
    }
    await ack();
  };
  for (const callbackId of [REVISE_POST_FORM, EDIT_POST_FORM]) listeners.view(callbackId, savePost);
}
