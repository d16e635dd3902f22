import { randomBytes } from 'node:crypto';
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import { unexpectedErrorModal, unexpectedErrorText } from '../views/errors.js';
import { currentRequest, withRequestLog } from '../logger.js';
import { campaignMetadata } from '../views/metadata.js';
import { readMetadata } from './payload.js';

/**
 * Counts listeners still running, so shutdown can wait for them after the HTTP server closes, and
 * tells how long the app has been quiet (background upkeep waits for that).
 */
export class InFlight {
  private running = 0;
  private waiters: Array<() => void> = [];
  private lastDone = performance.now();

  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    this.running += 1;
    try {
      await next();
    } finally {
      this.running -= 1;
      this.lastDone = performance.now();
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  };

  /** Milliseconds since the last request was done; 0 while one runs. */
  quietFor(): number {
    return this.running > 0 ? 0 : performance.now() - this.lastDone;
  }

  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** A short reference a user can quote: it names the request in every log line about it. */
export const newReference = () => randomBytes(4).toString('hex');

/** Who and what a request is about, as far as its payload says: the user, and a campaign it names. */
function requestOf(body: Record<string, unknown>): { user?: string; campaign?: number } {
  const user = (body.user_id as string | undefined) ?? (body.user as { id?: string } | undefined)?.id ?? (body.event as { user?: string } | undefined)?.user;
  const named = /\bC-(\d{1,9})\b/i.exec(String(body.text ?? ''))?.[1];
  let campaign = named ? Number(named) : undefined;
  const metadata = (body.view as { private_metadata?: string } | undefined)?.private_metadata;
  if (campaign === undefined && metadata?.startsWith('{')) {
    try {
      campaign = readMetadata(campaignMetadata, metadata).campaignId;
    } catch {
      // Not ours to judge here: the listener refuses malformed metadata.
    }
  }
  return { ...(user ? { user } : {}), ...(campaign !== undefined ? { campaign } : {}) };
}

/** Tags every log line written while this request is handled (src/logger.ts). */
export const tagRequestLogs: Middleware<AnyMiddlewareArgs> = ({ body, next }) =>
  withRequestLog({ reference: newReference(), ...requestOf(body as Record<string, unknown>) }, next);

/**
 * Turns an unexpected error into a short reference for the user and a full log line for us.
 * No stack trace reaches Slack.
 */
export function reportUnexpectedErrors(app: App): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const reference = currentRequest()?.reference ?? newReference();
      app.logger.error(`Unexpected error, reference ${reference}:`, error);
      await tellUser(args, reference).catch((failure: unknown) => app.logger.error(`Could not tell the user about reference ${reference}:`, failure));
    }
  };
}

async function tellUser(args: Parameters<Middleware<AnyMiddlewareArgs>>[0], reference: string): Promise<void> {
  const text = unexpectedErrorText(reference);
  const body = args.body as { type?: string; response_url?: string };
  if ('ack' in args && args.ack) {
    // A listener that failed before acknowledging: answer the request itself. Acknowledging twice throws.
    const response =
      body.type === 'view_submission'
        ? { response_action: 'update', view: unexpectedErrorModal(reference) }
        : body.type === 'block_actions'
          ? undefined
          : { response_type: 'ephemeral', text };
    const acked = await (args.ack as (response?: unknown) => Promise<void>)(response).then(
      () => true,
      () => false,
    );
    if (acked && response) return;
  }
  if ('respond' in args && args.respond) await args.respond({ response_type: 'ephemeral', replace_original: false, text });
}
