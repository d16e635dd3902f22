import type { AckFn, AnyMiddlewareArgs, BlockAction, Middleware, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { outOfDateButtonText, outOfDateModal } from '../views/out-of-date.js';
import { messageSubject } from '../workflow/messages.js';
import type { HandlerContext } from './context.js';
import { publishHome } from './home.js';
import { answered } from './receiver.js';

/**
 * Runs after every listener: a request none of them acknowledged (a button or form from an older
 * version of a message, a view_closed, a shortcut) is answered here, instead of Slack's warning
 * after 3 seconds. Bolt runs every matching listener, so a catch-all listener could not tell.
 */
export function answerUnhandled({ prisma, now }: HandlerContext): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    await args.next();
    if (!('ack' in args) || !args.ack || answered(args.context)) return;
    const ack = args.ack as AckFn<unknown>;
    const body = args.body as { type?: string; view?: { callback_id?: string }; actions?: Array<{ action_id?: string }> };
    args.logger.info(
      `No listener answered ${body.type ?? 'a request'} ${body.actions?.[0]?.action_id ?? body.view?.callback_id ?? ''}; the catch-all answered it.`,
    );
    if (body.type === 'view_submission') return ack({ response_action: 'update', view: outOfDateModal() });
    await ack();
    if (body.type === 'block_actions') await answerOldClick(args as unknown as { body: BlockAction; respond?: RespondFn; client: WebClient }, prisma, now());
  };
}

/** Ephemerally under the message (saying where things stand when the message is one of ours), or at the top of App Home. */
async function answerOldClick(
  { body, respond, client }: { body: BlockAction; respond?: RespondFn; client: WebClient },
  prisma: HandlerContext['prisma'],
  now: Date,
): Promise<void> {
  if (respond && body.response_url) {
    const where = body.channel && body.message ? { channelId: body.channel.id, ts: body.message.ts } : undefined;
    const subject = where && (await messageSubject(prisma, where));
    await respond({ response_type: 'ephemeral', replace_original: false, text: outOfDateButtonText(subject) });
    return;
  }
  if (body.view?.type === 'home') await publishHome(client, prisma, body.user.id, now, outOfDateButtonText(undefined));
}
