// The ingest worker: owns the store's writer, so the synchronous native appends never stall
// the thread that answers HTTP. It decodes, validates and enriches bodies too, and
// group-commits: requests that arrive while a commit runs share the next one.
import { parentPort, workerData } from 'node:worker_threads';
import { type CustomKey, openDuckDbStore } from '../store/duckdb/engine.js';
import type { EventStore } from '../store/types.js';
import { groupCommitIngest } from './group-commit.js';
import type { FromWorker, IngestResult, ToWorker, WorkerOptions } from './protocol.js';

if (!parentPort) throw new Error('ingest-worker.ts runs as a worker thread');
const port = parentPort;
const options = workerData as WorkerOptions;
const send = (message: FromWorker) => port.postMessage(message);

let store: EventStore;
let pipeline: ReturnType<typeof groupCommitIngest>;

async function handle(message: ToWorker) {
  switch (message.type) {
    case 'apps':
      pipeline.setApps(message.apps);
      return;
    case 'ingest': {
      let result: IngestResult;
      try {
        result = await pipeline.ingest(message.request);
      } catch (error) {
        send({ type: 'error', id: message.id, message: (error as Error).stack ?? String(error) });
        return;
      }
      send({ type: 'done', id: message.id, result });
      return;
    }
    case 'call': {
      try {
        const method = store[message.method] as (...args: unknown[]) => Promise<unknown>;
        const result = await method(...message.args);
        send({ type: 'done', id: message.id, result });
      } catch (error) {
        send({
          type: 'error',
          id: message.id,
          message: (error as Error).message,
          badInput: (error as Error).name === 'CursorError',
        });
      }
      return;
    }
    case 'close':
      await pipeline.drained();
      await store.close();
      send({ type: 'done', id: message.id, result: null });
      port.close();
      return;
  }
}

try {
  let known: CustomKey[] | undefined = [];
  store = await openDuckDbStore({
    path: options.path,
    ...(options.threads ? { threads: options.threads } : {}),
    onNotice: (message) => send({ type: 'notice', message }),
    // Kept by the HTTP thread, so a search checks its fields without a round trip here.
    onCustomKeys: (keys) => {
      if (known) known.push(...keys);
      else send({ type: 'customKeys', keys });
    },
  });
  pipeline = groupCommitIngest(store, { geo: options.geo !== false });
  port.on('message', (message: ToWorker) => {
    handle(message).catch((error: Error) => {
      if ('id' in message)
        send({ type: 'error', id: message.id, message: error.stack ?? String(error) });
    });
  });
  send({ type: 'ready', customKeys: known });
  known = undefined;
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
}
