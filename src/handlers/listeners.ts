// Where a request finds its listener. Bolt runs every registered listener's middleware chain for every
// request (each with its own copy of the arguments, and its own promises): with the app's 55 listeners
// Bolt's own code was a fifth of a CPU profile's samples in a burst of clicks, and their acks waited
// behind it. So the app's listeners are kept here by the ID they answer, and one global middleware,
// the last, calls the one a request is for.
import type {
  AnyMiddlewareArgs,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

/** A button or select: by its `action_id`, or by its block's ID too where several inputs share one `action_id`. */
type ActionId = string | { block_id: string; action_id: string };

const actionKey = (id: ActionId) => (typeof id === 'string' ? `action ${id}` : `action ${id.block_id} ${id.action_id}`);

/** The keys a request may be listened to by, most particular first: its kind and the IDs it carries. */
function keysOf(body: unknown): string[] {
  const request = body as {
    type?: string;
    actions?: Array<{ action_id: string; block_id: string }>;
    view?: { callback_id?: string };
    event?: { type?: string };
    command?: string;
  };
  const action = request.actions?.[0];
  if (request.type === 'block_actions') return action ? [actionKey(action), actionKey(action.action_id)] : [];
  if (request.type === 'view_submission') return [`view ${request.view?.callback_id}`];
  if (request.type === 'event_callback') return [`event ${request.event?.type}`];
  if (typeof request.command === 'string') return [`command ${request.command}`];
  return [];
}

/**
 * The app's listeners, one per ID, matched as Bolt matches them: a button or select by its
 * `action_id` (and `block_id` when given), a form by its `callback_id` (submissions only), a slash
 * command by its name, an event by its type. A request no listener is for goes on to Bolt's own
 * listeners (there are none).
 */
export class Listeners {
  private readonly byKey = new Map<string, Middleware<AnyMiddlewareArgs>>();

  action<Action extends SlackAction = SlackAction>(actionId: ActionId, listener: Middleware<SlackActionMiddlewareArgs<Action>>): void {
    this.add(actionKey(actionId), listener);
  }

  view<View extends SlackViewAction = SlackViewAction>(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<View>>): void {
    this.add(`view ${callbackId}`, listener);
  }

  command(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): void {
    this.add(`command ${name}`, listener);
  }

  event<Type extends string>(type: Type, listener: Middleware<SlackEventMiddlewareArgs<Type>>): void {
    this.add(`event ${type}`, listener);
  }

  /** The global middleware that calls the listener the request is for. */
  readonly dispatch: Middleware<AnyMiddlewareArgs> = async (args) => {
    const listener = keysOf(args.body)
      .map((key) => this.byKey.get(key))
      .find((found) => found !== undefined);
    if (!listener) return args.next();
    // A listener is last in its chain: like Bolt, it gets a next() that does nothing.
    await listener({ ...args, next: async () => {} });
  };

  private add(key: string, listener: Middleware<never>): void {
    // Bolt would run both; here the second would silently never run.
    if (this.byKey.has(key)) throw new Error(`Two listeners for ${key}`);
    this.byKey.set(key, listener as Middleware<AnyMiddlewareArgs>);
  }
}
