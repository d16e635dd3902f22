import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { type Config, ConfigError } from './config.js';
import { slackErrorCode } from './slack-client.js';

/** Who SLACK_BOT_TOKEN belongs to, as Slack's auth.test answers: Bolt needs it to ignore the bot's own messages. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

const CHECK_TIMEOUT_MS = 5_000;

/** What to do when Slack refuses the token, by Slack's answer. */
const REFUSED_TOKEN: Record<string, string> = {
  invalid_auth: 'Copy the Bot User OAuth Token again from OAuth & Permissions.',
  not_authed: 'Copy the Bot User OAuth Token again from OAuth & Permissions.',
  account_inactive: 'The app was uninstalled or its workspace deactivated: install it again (OAuth & Permissions), then copy the new Bot User OAuth Token.',
  token_revoked: 'The token was revoked: install the app again (OAuth & Permissions), then copy the new Bot User OAuth Token.',
  token_expired: 'Token rotation is on, and this app does not refresh tokens: create the app from manifest.json, which leaves rotation off.',
};

/**
 * Asks Slack once who the bot is. The listeners' client retries for a minute, which at start
 * only delays the verdict: this check makes one attempt of at most 5 s, and every failure is
 * one ConfigError line naming the variable to check.
 */
export async function identifyBot(config: Config): Promise<BotIdentity> {
  const client = new WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    timeout: CHECK_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // The failure is reported once, below, not also as the client's warning.
    logLevel: LogLevel.ERROR,
  });
  const started = Date.now();
  try {
    const answer = await client.auth.test();
    return { botId: answer.bot_id ?? '', botUserId: answer.user_id ?? '' };
  } catch (error) {
    throw explain(error, config.SLACK_API_URL, (Date.now() - started) / 1000);
  }
}

function explain(error: unknown, apiUrl: string, seconds: number): unknown {
  const failure = error as { code?: string; statusCode?: number; retryAfter?: number; original?: unknown };
  const at = `SLACK_API_URL (${apiUrl})`;
  switch (failure.code) {
    case ErrorCode.PlatformError: {
      const answer = slackErrorCode(error) ?? 'unknown_error';
      const advice = REFUSED_TOKEN[answer];
      return new ConfigError(
        advice
          ? `Cannot start: Slack refused SLACK_BOT_TOKEN (${answer}). ${advice}`
          : `Cannot start: Slack answered ${answer} when checking SLACK_BOT_TOKEN (auth.test). If Slack has an incident (status.slack.com), start again later.`,
      );
    }
    case ErrorCode.RequestError:
      return new ConfigError(
        `Cannot start: Slack could not be reached at ${at}: ${innermostReason(failure.original)}; gave up after ${seconds.toFixed(1)} s (one attempt). ` +
          'Check the network connection, any proxy or firewall, and SLACK_API_URL.',
      );
    case ErrorCode.HTTPError:
      return new ConfigError(
        `Cannot start: ${at} answered HTTP ${failure.statusCode} instead of Slack's Web API. Check SLACK_API_URL (usually https://slack.com/api/).`,
      );
    case ErrorCode.RateLimitedError:
      return new ConfigError(`Cannot start: Slack is rate limiting this app; start again in ${failure.retryAfter} s.`);
    default:
      return error;
  }
}

/** SLACK_APP_TOKEN is first used when Socket Mode connects; Bolt gives up at once when Slack refuses it. */
export function explainSocketModeFailure(error: unknown): unknown {
  const answer = slackErrorCode(error);
  if (answer === undefined) return error;
  return new ConfigError(
    `Cannot start: Slack refused SLACK_APP_TOKEN (${answer}). Generate an app-level token with scope connections:write (Basic Information → App-Level Tokens) and copy it.`,
  );
}

/** fetch wraps the network's own reason ("getaddrinfo ENOTFOUND slack.com") in causes. */
function innermostReason(error: unknown): string {
  let inner = error as { message?: string; code?: string; cause?: unknown; errors?: unknown[] } | undefined;
  while (inner?.cause) inner = inner.cause as typeof inner;
  // Several addresses refused (IPv4 and IPv6): an AggregateError without a message.
  return inner?.message || inner?.code || String(inner?.errors?.[0] ?? error);
}
