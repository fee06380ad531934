import { Worker } from 'node:worker_threads';
import type { IngestApp, IngestRequest } from '../ingest/datakit/pipeline.js';
import type { EventStore } from '../store/types.js';
import type { FromWorker, IngestResult, StoreMethod, ToWorker, WorkerOptions } from './protocol.js';

/** The main thread's side of the ingest worker. */
export interface IngestWorker {
  /** Processes and commits a body; resolves once its rows are durable. */
  ingest(request: IngestRequest): Promise<IngestResult>;
  /** The registered apps ingest accepts (replaces the previous set). */
  setApps(apps: IngestApp[]): void;
  /** The store, whose calls run in the worker. */
  store: EventStore;
  close(): Promise<void>;
}

/** A store call the store refused (a bad filter, say): a 4xx, not a crash. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

export async function startIngestWorker(options: WorkerOptions): Promise<IngestWorker> {
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = new Worker(
    new URL(fromSource ? './from-source.mjs' : './ingest-worker.js', import.meta.url),
    {
      workerData: options,
      // From source, the worker also needs the `source` export condition that resolves
      // workspace packages to their src.
      execArgv: fromSource ? ['--conditions=source'] : [],
    },
  );
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let failure: Error | undefined;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'failed')
        reject(new Error(`the store could not open: ${message.message}`));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });

  worker.on('message', (message: FromWorker) => {
    if (message.type !== 'done' && message.type !== 'error') return;
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.type === 'done') call.resolve(message.result);
    else
      call.reject(
        message.badInput ? new StoreInputError(message.message) : new Error(message.message),
      );
  });
  const fail = (error: Error) => {
    failure = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the ingest worker exited (code ${code})`)));

  const request = <T>(
    message: Omit<Extract<ToWorker, { id: number }>, 'id'>,
    transfer?: ArrayBuffer[],
  ): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id }, transfer ?? []);
    });
  };
  const call =
    <M extends StoreMethod>(method: M) =>
    (...args: Parameters<EventStore[M]>) =>
      request<Awaited<ReturnType<EventStore[M]>>>({ type: 'call', method, args } as never);

  let closed: Promise<void> | undefined;
  return {
    ingest: (req) => request<IngestResult>({ type: 'ingest', request: req } as never),
    setApps: (apps) => worker.postMessage({ type: 'apps', apps } satisfies ToWorker),
    store: {
      write: call('write'),
      list: call('list'),
      count: call('count'),
      markReplay: call('markReplay'),
      deleteOlderThan: call('deleteOlderThan'),
      deleteWorkspace: call('deleteWorkspace'),
      close: () => Promise.resolve(),
    },
    close: () => {
      closed ??= (async () => {
        if (!failure) await request({ type: 'close' } as never).catch(() => undefined);
        await worker.terminate();
      })();
      return closed;
    },
  };
}
