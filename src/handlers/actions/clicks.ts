// What every button listener shares: reading "<id>:<version>", answering a refusal where the
// clicker is, and the two shapes most buttons take (the click decides, or the click opens a form).
import type { AllMiddlewareArgs, BlockAction, ButtonAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import DataLoader from 'dataloader';
import type { Decision, Refusal } from '../../domain/decision.js';
import { refusalText } from '../../views/refusals.js';
import { slackErrorCode } from '../../slack-client.js';
import type { Acting } from '../../workflow/change.js';
import type { HandlerContext } from '../context.js';
import { publishHome } from '../home.js';
import { buttonNumbers } from '../payload.js';

type Clicked = { id: number; version: number };
type ButtonListener = (args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => Promise<void>;
/** A use case that decides on the clicked entity at the version the clicker saw. */
type OnClicked<T> = (prisma: HandlerContext['prisma'], id: number, acting: Acting, version: number) => Promise<Decision<T>>;

/** Buttons carry "<id>:<version>"; permission and state are re-read from the database. */
export function target(action: ButtonAction): Clicked {
  const [id = NaN, version = NaN] = buttonNumbers(action.value, 2);
  return { id, version };
}

/**
 * A refused click answers only the clicker, saying why or what happened instead: ephemerally in
 * the channel, or at the top of their App Home when they clicked there (no response_url).
 */
export async function answerRefusal(
  args: { respond?: RespondFn; client: WebClient; body: BlockAction },
  refusal: Refusal,
  prisma: HandlerContext['prisma'],
  now: Date,
): Promise<void> {
  if (args.body.response_url && args.respond) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: refusalText(refusal) });
    return;
  }
  await publishHome(args.client, prisma, args.body.user.id, now, refusalText(refusal));
}

/** A button whose click is the decision (approve, withdraw): the change shows through the outbox, a refusal answers the clicker. */
export function decides({ prisma, now }: HandlerContext, decide: OnClicked<unknown>): ButtonListener {
  return async (args) => {
    await args.ack();
    const { id, version } = target(args.action);
    const decided = await decide(prisma, id, { userId: args.body.user.id, now: now() }, version);
    if (!decided.ok) await answerRefusal(args, decided, prisma, now());
  };
}

/** A button that opens a form when the use case allows it (the form re-checks on submit), or says why not. */
export function opensForm<T>({ prisma, now }: HandlerContext, allow: OnClicked<T>, form: (allowed: T, clicked: Clicked) => Promise<ModalView>): ButtonListener {
  return async (args) => {
    await args.ack();
    const clicked = target(args.action);
    const allowed = await allow(prisma, clicked.id, { userId: args.body.user.id, now: now() }, clicked.version);
    if (!allowed.ok) return answerRefusal(args, allowed, prisma, now());
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: await form(allowed.value, clicked) });
  };
}

/** Redraws a modal after a choice in it; the hash makes Slack refuse it if the view changed since (a later choice won). */
export async function redraw(client: WebClient, view: NonNullable<BlockAction['view']>, next: ModalView): Promise<void> {
  try {
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  } catch (error) {
    if (slackErrorCode(error) !== 'hash_conflict') throw error;
  }
}

/**
 * Calls that arrive together go to `run` as one group: the first at once, and those that arrive
 * while a group runs as the next one (so a lone click waits for nothing). At most `most` a group.
 */
export function grouped<K, V>(run: (keys: readonly K[]) => Promise<V[]>, most = 50): (key: K) => Promise<V> {
  let running: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<K, V>(
    (keys) => {
      const done = run(keys);
      running = done.catch(() => undefined);
      return done;
    },
    { cache: false, maxBatchSize: most, batchScheduleFn: (dispatch) => void running.then(() => setImmediate(dispatch)) },
  );
  return (key) => loader.load(key);
}
