import { currentRequest } from '../logger.js';
import { newReference } from './middleware.js';
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { outOfDateModal, outOfDateText } from '../views/errors.js';
import type { HandlerContext } from './context.js';
import { publishHome } from './home.js';
import { OutOfDate } from './payload.js';

/**
 * C0 controls and DEL, which Slack's inputs cannot type: tab and line breaks only where the view
 * says the field is multiline (or does not say).
 */
const CONTROL = { multiline: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/, singleLine: /[\u0000-\u001F\u007F]/ };
export const CONTROL_CHARACTER_ERROR =
  'This contains a control character (such as a NUL byte, or a line break in a one-line field) that cannot be saved. Retype the text without it.';

export function register(app: App, context: HandlerContext): void {
  app.use(refuseControlCharacters);
  app.use(answerOutOfDate(app, context));
}

/** Every form at once: a field holding a control character is refused at the field, before any listener reads it. */
const refuseControlCharacters: Middleware<AnyMiddlewareArgs> = async (args) => {
  const body = args.body as { type?: string; view?: SubmittedView };
  if (body.type !== 'view_submission' || !('ack' in args) || !args.ack) return args.next();
  const singleLine = new Set((body.view?.blocks ?? []).filter((b) => b.element?.type === 'plain_text_input' && !b.element.multiline).map((b) => b.block_id));
  const errors: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(body.view?.state?.values ?? {})) {
    const control = singleLine.has(blockId) ? CONTROL.singleLine : CONTROL.multiline;
    if (Object.values(actions).some((state) => typeof state?.value === 'string' && control.test(state.value))) errors[blockId] = CONTROL_CHARACTER_ERROR;
  }
  if (Object.keys(errors).length === 0) return args.next();
  await (args.ack as (response: unknown) => Promise<void>)({ response_action: 'errors', errors });
};

type SubmittedView = {
  blocks?: Array<{ block_id?: string; element?: { type?: string; multiline?: boolean } }>;
  state?: { values?: Record<string, Record<string, { value?: unknown }>> };
};

/** Answers an out-of-date click or form where the person is, changes nothing, and logs what arrived with a reference. */
function answerOutOfDate(app: App, { prisma, now }: HandlerContext): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      if (!(error instanceof OutOfDate)) throw error;
      const reference = currentRequest()?.reference ?? newReference();
      app.logger.warn(`Out-of-date or tampered request, reference ${reference}: ${error.message}`);
      const body = args.body as { type?: string; response_url?: string; user?: { id: string }; view?: { id: string; type: string } };
      const ack =
        'ack' in args && args.ack
          ? (response?: unknown) =>
              (args.ack as (r?: unknown) => Promise<void>)(response).then(
                () => true,
                () => false,
              )
          : async () => false;
      const client = (args as { client: WebClient }).client;
      if (body.type === 'view_submission' && body.view) {
        // Acknowledging twice throws: a listener that already acked gets its modal replaced instead.
        if (!(await ack({ response_action: 'update', view: outOfDateModal(reference) })))
          await client.views.update({ view_id: body.view.id, view: outOfDateModal(reference) });
        return;
      }
      await ack();
      if (body.view?.type === 'modal') await client.views.update({ view_id: body.view.id, view: outOfDateModal(reference) });
      else if ('respond' in args && args.respond && body.response_url)
        await args.respond({ response_type: 'ephemeral', replace_original: false, text: outOfDateText(reference) });
      else if (body.user) await publishHome(client, prisma, body.user.id, now(), outOfDateText(reference));
    }
  };
}
