// The worker side of src/store/pglite-thread.ts: holds PGlite and pglite-prisma-adapter's factory and
// runs each driver-adapter call that the main thread forwards. Plain JavaScript importing only npm
// packages, because a worker does not inherit the TypeScript loader (tsx under npm start, vitest's).
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** @type {PGlite | undefined} */
let pglite;
/** @type {PrismaPGlite | undefined} */
let factory;
/** Adapters and open transactions by the id the main thread refers to them with. */
const handles = new Map();
let nextHandle = 1;

function keep(value) {
  const id = nextHandle++;
  handles.set(id, value);
  return id;
}

function handle(id) {
  const value = handles.get(id);
  if (!value) throw new Error(`No open connection or transaction ${id} in the PGlite worker`);
  return value;
}

const operations = {
  async open(dataDir, startParams) {
    pglite = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...startParams] });
    factory = new PrismaPGlite(pglite);
  },
  connect: () => connected(factory.connect()),
  connectToShadowDb: () => connected(factory.connectToShadowDb()),
  queryRaw: (id, query) => handle(id).queryRaw(query),
  executeRaw: (id, query) => handle(id).executeRaw(query),
  async executeScript(id, script) {
    // The adapter's own executeScript does not await PGlite's exec: a failing script would be an
    // unhandled rejection (which ends this worker) and the caller would go on before it finished.
    const adapter = handle(id);
    try {
      await adapter.client.exec(script);
    } catch (error) {
      adapter.onError(error);
    }
  },
  async startTransaction(id, isolationLevel) {
    const transaction = await handle(id).startTransaction(isolationLevel);
    return { id: keep(transaction), options: transaction.options };
  },
  commit: (id) => settle(id, 'commit'),
  rollback: (id) => settle(id, 'rollback'),
  async dispose(id) {
    await handle(id).dispose();
    handles.delete(id);
  },
  async close() {
    handles.clear();
    if (pglite && !pglite.closed) await pglite.close();
  },
};

async function connected(adapter) {
  const connection = await adapter;
  return { id: keep(connection), connectionInfo: connection.getConnectionInfo() };
}

async function settle(id, how) {
  const transaction = handle(id);
  handles.delete(id);
  await transaction[how]();
}

/** The fields Prisma reads: a DriverAdapterError's `cause` (kind, originalCode…), or a plain error's own fields. */
function wireError(error) {
  if (error?.name === 'DriverAdapterError') return { driverAdapterError: error.cause };
  if (!(error instanceof Error)) return { message: String(error) };
  return { ...error, name: error.name, message: error.message, stack: error.stack };
}

parentPort.on('message', async ({ id, op, args }) => {
  try {
    const value = await operations[op](...args);
    parentPort.postMessage({ id, value });
  } catch (error) {
    try {
      parentPort.postMessage({ id, error: wireError(error) });
    } catch {
      parentPort.postMessage({ id, error: { name: error?.name, message: error?.message ?? String(error) } });
    }
  }
});
