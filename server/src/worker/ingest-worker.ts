// The ingest worker: owns the store's writer, so the synchronous native appends never stall
// the thread that answers HTTP. It decodes, validates and enriches bodies too, and
// group-commits: requests that arrive while a commit runs share the next one.
import { parentPort, workerData } from 'node:worker_threads';
import { type IngestApp, processBody, reportedProblems } from '../ingest/datakit/pipeline.js';
import { createGeoLookup, type GeoLookup } from '../ingest/enrich/index.js';
import { type CustomKey, openDuckDbStore } from '../store/duckdb/engine.js';
import type { EventRow, EventStore } from '../store/types.js';
import type { FromWorker, IngestResult, ToWorker, WorkerOptions } from './protocol.js';

if (!parentPort) throw new Error('ingest-worker.ts runs as a worker thread');
const port = parentPort;
const options = workerData as WorkerOptions;
const send = (message: FromWorker) => port.postMessage(message);

let apps = new Map<string, IngestApp>();
let store: EventStore;
const geo: GeoLookup | undefined = options.geo === false ? undefined : createGeoLookup();

interface Pending {
  rows: EventRow[];
  done: (error?: Error) => void;
}
let queue: Pending[] = [];
let committing = false;

async function commitLoop() {
  if (committing) return;
  committing = true;
  try {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await store.write(batch.flatMap((p) => p.rows));
        for (const p of batch) p.done();
      } catch (error) {
        for (const p of batch) p.done(error as Error);
      }
    }
  } finally {
    committing = false;
  }
}

function commit(rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    queue.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
    void commitLoop();
  });
}

async function handle(message: ToWorker) {
  switch (message.type) {
    case 'apps':
      apps = new Map(message.apps.map((app) => [app.appId, app]));
      return;
    case 'ingest': {
      let outcome: ReturnType<typeof processBody>;
      try {
        outcome = processBody(message.request, apps, geo);
        await commit(outcome.rows);
      } catch (error) {
        send({ type: 'error', id: message.id, message: (error as Error).stack ?? String(error) });
        return;
      }
      const result: IngestResult = {
        received: outcome.received,
        accepted: outcome.rows.length,
        rejected: outcome.problems.length,
        problems: reportedProblems(outcome.problems),
        unknownApps: outcome.unknownApps,
        ...(outcome.refusedOrigin ? { refusedOrigin: outcome.refusedOrigin } : {}),
      };
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
      while (committing || queue.length > 0) await new Promise((r) => setTimeout(r, 5));
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
