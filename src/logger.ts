// Structured logs: pino as Bolt's logger. One JSON object per line in production, readable lines
// in a terminal. Every line written while a request is handled carries the request's reference,
// the user and, when the request names one, the campaign (from AsyncLocalStorage).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { createRequire } from 'node:module';

/** What every log line about one request says. `reference` is also what an unexpected error shows the user. */
export interface RequestLog {
  reference: string;
  user?: string;
  campaign?: number;
}

const requests = new AsyncLocalStorage<RequestLog>();

/** Runs `work` with every log line inside it tagged with this request. */
export function withRequestLog<T>(request: RequestLog, work: () => Promise<T>): Promise<T> {
  return requests.run(request, work);
}

export function currentRequest(): RequestLog | undefined {
  return requests.getStore();
}

/** Bolt logs `(message, error)` pairs: strings become the message, errors and objects its fields. */
function entry(parts: unknown[]): [Record<string, unknown>, string] {
  const fields: Record<string, unknown> = {};
  const words: string[] = [];
  for (const part of parts) {
    if (part instanceof Error) fields.err = part;
    else if (typeof part === 'string') words.push(part);
    else if (part !== undefined) words.push(typeof part === 'object' ? JSON.stringify(part) : String(part));
  }
  return [fields, words.join(' ')];
}

/**
 * A Bolt Logger backed by pino. `pretty` (a terminal) prints readable lines in-process; otherwise
 * JSON lines go to stdout for a log collector.
 */
export function createLogger(
  level: LogLevel,
  { pretty: readable = Boolean(process.stdout.isTTY), destination }: { pretty?: boolean; destination?: NodeJS.WritableStream } = {},
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    mixin: () => ({ ...requests.getStore() }),
  };
  // pino-pretty is loaded only for a terminal: a service writing JSON never pays for it.
  const pretty = readable ? (createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty')) : undefined;
  const stream = pretty
    ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', destination: destination ?? 1, sync: true })
    : (destination ?? pino.destination({ sync: true }));
  let log = pino(options, stream);
  let name = '';
  const write =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const [fields, message] = entry(parts);
      log[method](fields, message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next: LogLevel) => {
      log.level = next;
    },
    getLevel: () => log.level as LogLevel,
    setName: (next: string) => {
      name = next;
      log = log.child({ name });
    },
  };
}
