import { ErrorCode, type FetchFunction, type RetryOptions, type WebAPIPlatformError, type WebAPIRequestError, type WebClientOptions } from '@slack/web-api';

/**
 * Methods that create something each time they run. When their answer is lost (timeout,
 * connection reset, HTTP 5xx) Slack may have done the work, so a retry could post twice.
 */
const CREATES = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.scheduleMessage', 'files.completeUploadExternal']);

/** The request never reached Slack: safe to send again whatever the method. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** A call that creates something failed after it was sent; the caller decides what to do. */
export class AnswerLost extends Error {}

/** Marks the lost answers of creating methods, which the retry policy below does not retry. */
const markLostAnswers: FetchFunction = async (url, init) => {
  const method = new URL(url).pathname.split('/').at(-1) ?? '';
  if (!CREATES.has(method)) return fetch(url, init);
  const response = await fetch(url, init).catch((error: unknown) => {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw code && NOT_SENT.has(code) ? error : new AnswerLost(`${method} may have been done, its answer was lost`, { cause: error });
  });
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new AnswerLost(`${method} may have been done, Slack answered HTTP ${response.status}`);
  }
  return response;
};

/**
 * Transient failures are retried, with backoff: a 429 after its Retry-After (the client pauses
 * its queue that long: `rejectRateLimitedCalls` stays false), a timeout or 5xx of a method that
 * is safe to repeat (updates, views, reads). A creating method whose answer was lost is not
 * retried: the caller decides (a digest is recorded as failed and listed in the next overview).
 * A Slack error answer (`ok: false`, e.g. `internal_error`) is never retried by the client.
 * `onFailedAttempt` is passed through to p-retry, which stops retrying when it throws.
 */
const retryConfig: RetryOptions & { onFailedAttempt(error: Error): void } = {
  retries: 3,
  maxTimeout: 30_000,
  onFailedAttempt(error) {
    const failed = error as Partial<WebAPIRequestError>;
    if (failed.code === ErrorCode.RequestError && failed.original instanceof AnswerLost) throw error;
  },
};

/** The one configuration of every Web API client: Bolt's (listeners) and the scheduler's. */
export function slackClientOptions(slackApiUrl: string): WebClientOptions {
  return {
    slackApiUrl,
    // Without a timeout a hung Slack call would hold its listener (and shutdown) forever.
    timeout: 10_000,
    retryConfig,
    fetch: markLostAnswers,
  };
}

/** What Slack answered in an `ok: false` reply (e.g. `hash_conflict`, `not_in_channel`); undefined for any other failure. */
export function slackErrorCode(error: unknown): string | undefined {
  const failed = error as Partial<WebAPIPlatformError> | undefined;
  return failed?.code === ErrorCode.PlatformError ? failed.data?.error : undefined;
}
