// PGlite on a worker thread. PGlite runs each statement synchronously in WASM: on the main thread, every
// statement stalls the event loop and so every other request, acks included. This driver adapter factory
// forwards each call (connect, queries, transactions) to src/store/pglite-worker.js, which holds PGlite
// and pglite-prisma-adapter, and answers with the adapter's results or faithful copies of its errors.
import { Worker } from 'node:worker_threads';
import {
  type ConnectionInfo,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils';

/** Startup settings: initdb's 128 MB of shared buffers cost that much memory and a slower open, for no faster writes. */
const START_PARAMS = ['-c', 'shared_buffers=16MB'];
/** As pglite-prisma-adapter names itself. */
const ADAPTER_NAME = 'pglite-prisma-adapter';

type WireError = { driverAdapterError?: DriverAdapterError['cause'] } & Record<string, unknown>;
type Reply = { id: number; value?: unknown; error?: WireError };
type Connected = { id: number; connectionInfo: ConnectionInfo };

export interface PGliteThread {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Closes PGlite and ends the thread; calls after that fail. */
  close(): Promise<void>;
}

/** Opens PGlite on `dataDir` (a folder, or `memory://`) in a new worker thread. */
export async function startPGliteThread(dataDir: string): Promise<PGliteThread> {
  const channel = new Channel(new Worker(new URL('./pglite-worker.js', import.meta.url), { execArgv: [] }));
  try {
    await channel.call('open', dataDir, START_PARAMS);
  } catch (error) {
    await channel.end();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = async () => {
    try {
      await channel.call('close');
    } catch (error) {
      // After the thread has stopped there is nothing left to close.
      if (!channel.stopped) throw error;
    } finally {
      await channel.end();
    }
  };
  return {
    adapterFactory: new ForwardingFactory(channel),
    close() {
      closing ??= close();
      return closing;
    },
  };
}

/** Requests to the worker and their answers, matched by id. */
class Channel {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.answer(reply));
    worker.on('error', (error) => this.fail(new Error(`The embedded database's thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.fail(new Error(`The embedded database's thread has stopped (exit code ${code}).`)));
    // The thread keeps the process alive only while a call waits for it: an idle database never holds off exit.
    worker.unref();
  }

  /** True once the thread has failed or ended. */
  get stopped(): boolean {
    return this.failure !== undefined;
  }

  call<T = unknown>(op: string, ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.worker.postMessage({ id, op, args });
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Ends the thread at once; what still waits fails. */
  async end(): Promise<void> {
    await this.worker.terminate();
  }

  private answer({ id, value, error }: Reply): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (error) waiting.reject(rebuilt(error));
    else waiting.resolve(value);
  }

  private fail(failure: Error): void {
    this.failure ??= failure;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}

/** Prisma maps a DriverAdapterError by its `cause` (kind, originalCode…); any other error keeps its own fields. */
function rebuilt({ driverAdapterError, ...fields }: WireError): Error {
  if (driverAdapterError) return new DriverAdapterError(driverAdapterError);
  return Object.assign(new Error(String(fields.message)), fields);
}

class ForwardingFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = ADAPTER_NAME;

  constructor(private readonly channel: Channel) {}

  async connect(): Promise<SqlDriverAdapter> {
    return new ForwardingAdapter(this.channel, await this.channel.call<Connected>('connect'));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new ForwardingAdapter(this.channel, await this.channel.call<Connected>('connectToShadowDb'));
  }
}

class ForwardingQueryable {
  readonly provider = 'postgres';
  readonly adapterName = ADAPTER_NAME;

  constructor(
    protected readonly channel: Channel,
    protected readonly id: number,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.channel.call('queryRaw', this.id, query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.channel.call('executeRaw', this.id, query);
  }
}

class ForwardingAdapter extends ForwardingQueryable implements SqlDriverAdapter {
  private readonly connectionInfo: ConnectionInfo;

  constructor(channel: Channel, { id, connectionInfo }: Connected) {
    super(channel, id);
    this.connectionInfo = connectionInfo;
  }

  executeScript(script: string): Promise<void> {
    return this.channel.call('executeScript', this.id, script);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const { id, options } = await this.channel.call<{ id: number; options: TransactionOptions }>('startTransaction', this.id, isolationLevel);
    return new ForwardingTransaction(this.channel, id, options);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.connectionInfo;
  }

  async dispose(): Promise<void> {
    // A stopped thread has freed everything: a second close (after an error, on shutdown) is a no-op.
    if (this.channel.stopped) return;
    await this.channel.call('dispose', this.id);
  }
}

class ForwardingTransaction extends ForwardingQueryable implements Transaction {
  constructor(
    channel: Channel,
    id: number,
    readonly options: TransactionOptions,
  ) {
    super(channel, id);
  }

  commit(): Promise<void> {
    return this.channel.call('commit', this.id);
  }

  rollback(): Promise<void> {
    return this.channel.call('rollback', this.id);
  }
}
