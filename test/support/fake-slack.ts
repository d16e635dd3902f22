import { once } from 'node:events';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the app made to Slack: a Web API method, or a post to a response_url. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** When the fake received it (Date.now()). */
  at: number;
  /** Set once the fake has sent its answer. */
  answered: boolean;
  /** The response_url posted to (calls to `response_url` only). */
  url?: string;
}

export interface Failure {
  error: string;
  /** HTTP status: 429 for `ratelimited` (with Retry-After), otherwise 200 as Slack does. */
  status?: number;
  retryAfterSeconds?: number;
  /** How many calls fail before the method works again; default: all. */
  times?: number;
  /** Only calls to this channel fail. */
  channel?: string;
  /** Drops the connection instead of answering, after doing the work (a post is posted): a lost answer. */
  reset?: boolean;
}

const TEAM = { team_id: 'T0TEST', team: 'Test Workspace', url: 'https://test-workspace.slack.com/' };
export const BOT = { user_id: 'U0BOT', bot_id: 'B0BOT' };

/**
 * Slack's Web API, faked on 127.0.0.1: records every call and answers `ok: true` with the
 * fields the app reads. It is the only fake in the tests, because Slack cannot be reached here.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Bytes posted to the upload URLs files.getUploadURLExternal handed out, by file ID. */
  readonly uploads = new Map<string, { filename: string; bytes: Buffer }>();
  /** Time zones people have set in Slack (users.info); anyone else is in Europe/London. */
  readonly timeZones = new Map<string, string>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly delays = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const fake = new FakeSlack(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      void fake.handle(req).then(({ call, status, headers, body, reset }) => {
        if (reset) return void req.socket.destroy();
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body), () => {
          call.answered = true;
        });
      });
    });
    return fake;
  }

  /** Base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url whose posts are recorded as calls to `response_url`. */
  responseUrl(): string {
    return `${this.origin}/response/${++this.counter}`;
  }

  fail(method: string, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /** Slack works again for `method`: failures not used up yet are dropped. */
  recover(method: string): void {
    this.failures.delete(method);
  }

  /** Makes `method` answer only after `ms` milliseconds, like a slow Slack. */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call to `method` that matches, waiting for it if needed. */
  async waitFor(method: string, matches: (call: SlackCall) => boolean = () => true, timeoutMs = 30_000): Promise<SlackCall> {
    const find = () => this.calls.find((call) => call.method === method && matches(call));
    const deadline = Date.now() + timeoutMs;
    for (let call = find(); ; call = find()) {
      if (call) return call;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No call to ${method} within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage): Promise<{ call: SlackCall; status: number; headers: Record<string, string>; body: unknown; reset?: boolean }> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const isResponseUrl = path.startsWith('/response/');
    const upload = /^\/upload\/(F\w+)$/.exec(path)?.[1];
    if (upload) {
      // The upload step of files.getUploadURLExternal → upload → files.completeUploadExternal: raw bytes.
      const call: SlackCall = {
        method: 'upload',
        args: { file_id: upload, length: bytes.length },
        token: req.headers.authorization,
        at: Date.now(),
        answered: false,
      };
      this.calls.push(call);
      const pending = this.uploads.get(upload);
      if (pending) pending.bytes = await uploadedBytes(bytes, req.headers['content-type']);
      for (const wake of [...this.waiters]) wake();
      return { call, status: pending ? 200 : 404, headers: {}, body: pending ? `OK - ${bytes.length}` : 'unknown upload' };
    }
    const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
    const call: SlackCall = { method, args, token, at: Date.now(), answered: false, ...(isResponseUrl ? { url: `${this.origin}${path}` } : {}) };
    this.calls.push(call);
    for (const wake of [...this.waiters]) wake();
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));

    const failures = this.failures.get(method) ?? [];
    const failure = failures.find((f) => f.channel === undefined || f.channel === args.channel);
    if (failure) {
      if (failure.times !== undefined && --failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      if (failure.reset) return { call, status: 200, headers: {}, body: { ok: true, ...this.answer(method, args) }, reset: true };
      const status = failure.status ?? (failure.error === 'ratelimited' ? 429 : 200);
      const headers: Record<string, string> = failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      return { call, status, headers, body: { ok: false, error: failure.error } };
    }
    return { call, status: 200, headers: {}, body: isResponseUrl ? { ok: true } : { ok: true, ...this.answer(method, args) } };
  }

  /** The fields of Slack's real answers that the app reads. */
  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const id = ++this.counter;
    switch (method) {
      case 'auth.test':
        return { ...TEAM, user: 'campaigns', ...BOT, is_enterprise_install: false };
      case 'chat.postMessage':
        return { channel: args.channel, ts: `1700000000.${String(id).padStart(6, '0')}`, message: { text: args.text, blocks: args.blocks } };
      case 'chat.update':
        return { channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { message_ts: `1700000000.${String(id).padStart(6, '0')}` };
      case 'users.info': {
        // The fields of https://docs.slack.dev/reference/methods/users.info the app reads: the person's zone.
        const tz = this.timeZones.get(String(args.user)) ?? 'Europe/London';
        return {
          user: { id: args.user, team_id: 'T0TEST', name: String(args.user).toLowerCase(), deleted: false, tz, tz_label: tz, tz_offset: 0, is_bot: false },
        };
      }
      case 'conversations.open':
        return { channel: { id: `D${String(args.users)}` } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(id).padStart(8, '0')}`;
        this.uploads.set(fileId, { filename: String(args.filename), bytes: Buffer.alloc(0) });
        return { upload_url: `${this.origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { files: (args.files as Array<{ id: string; title?: string }>).map((file) => ({ id: file.id, title: file.title })) };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { view: { id: `V${id}`, hash: `hash-${id}`, ...(args.view as object) } };
      default:
        return {};
    }
  }
}

/** The Web API client posts the file as multipart/form-data (one file part) or as the raw body. */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const file = [...form.values()].find((value) => typeof value !== 'string');
  return file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Web API client posts forms whose nested objects (blocks, view) are JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}
