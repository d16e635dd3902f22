// How requests reach the listeners: Bolt's own receiver (signature, body limit), plus what Bolt 5.1
// leaves out. It refuses only timestamps older than five minutes, and answers a body it cannot
// route with a 3-second wait and a 404 (or a 500), which Slack shows the user as a warning.
import type { IncomingMessage } from 'node:http';
import { App, type AckFn, type Context, type CustomRoute, HTTPModuleFunctions, HTTPReceiver, type Logger, type ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';

/** Slack asks apps to refuse a request whose timestamp is more than five minutes from now, either way. */
const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** The minimum of each kind of request Slack sends us that the listeners rely on. */
const slackRequest = z.union([
  z.object({ command: z.string() }),
  z.object({ type: z.literal('event_callback'), event: z.object({ type: z.string() }) }),
  z.object({ type: z.literal('block_actions'), actions: z.array(z.object({ action_id: z.string() })).min(1) }),
  z.object({ type: z.literal('view_submission'), view: z.object({ callback_id: z.string(), state: z.object({ values: z.record(z.string(), z.unknown()) }) }) }),
  z.object({ type: z.literal('view_closed'), view: z.object({ callback_id: z.string() }) }),
  z.object({ type: z.enum(['shortcut', 'message_action']), callback_id: z.string() }),
  z.object({ type: z.literal('block_suggestion'), action_id: z.string() }),
]);

class MalformedRequest extends Error {}

/**
 * Bolt's App, refusing at once (HTTP 400) a body that is not one of Slack's requests, and telling
 * the middleware whether a listener answered (`answered(context)`), so that nothing is left unanswered.
 */
export class SlackApp extends App {
  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (!slackRequest.safeParse(event.body).success) throw new MalformedRequest('not a request Slack sends');
    let acknowledged = false;
    const ack: AckFn<unknown> = async (response) => {
      acknowledged = true;
      await event.ack(response);
      // The listener's work goes on after one turn of the event loop: requests already received are
      // acknowledged first, instead of waiting behind this one's database reads in a burst.
      await new Promise(setImmediate);
    };
    await super.processEvent({ ...event, ack, customProperties: { ...event.customProperties, acknowledged: () => acknowledged } });
  }
}

/** Whether a listener has acknowledged the request (always true for events: Bolt acknowledges them itself). */
export function answered(context: Context): boolean {
  return (context.acknowledged as (() => boolean) | undefined)?.() ?? true;
}

/** Bolt's HTTP receiver with the two-sided signature window and a 400 for malformed bodies. */
export function httpReceiver(options: { signingSecret: string; customRoutes: CustomRoute[]; logger: Logger }): HTTPReceiver {
  const receiver = new HTTPReceiver({
    ...options,
    processEventErrorHandler: async (args) => {
      if (!(args.error instanceof MalformedRequest)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      args.logger.warn(`Refused a malformed request: ${args.error.message}`);
      HTTPModuleFunctions.buildNoBodyResponse(args.response, 400);
      return true;
    },
  });
  const bolt = receiver.requestListener;
  // Checked on the header before the body is read: such a request is refused whatever it carries.
  receiver.requestListener = (req, res) => {
    if (!outsideSignatureWindow(req)) return bolt(req, res);
    HTTPModuleFunctions.buildNoBodyResponse(res, 401);
  };
  return receiver;
}

/**
 * Against the system clock, as Slack signs with it (the app's injectable clock is business time,
 * which tests move freely). Without a usable timestamp, Bolt's own verification refuses the request.
 */
function outsideSignatureWindow(req: IncomingMessage): boolean {
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  return Number.isFinite(timestamp) && Math.abs(Date.now() / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS;
}
