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
  /** Read by the error handler: a 400. */
  readonly status = 400;
}

type Call = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Starts the worker and keeps it running: if it ever dies, the calls in flight fail (their
 * requests get a 500 and the SDKs retry) and a new worker opens the same store.
 */
export async function startIngestWorker(
  options: WorkerOptions,
  onRestart: (error: Error) => void = () => undefined,
  /** What the store says while it opens (a long one-time fill after an upgrade). */
  onNotice: (message: string) => void = () => undefined,
): Promise<IngestWorker> {
  const pending = new Map<number, Call>();
  let nextId = 1;
  let apps: IngestApp[] = [];
  let closing = false;
  // The custom keys of every workspace and category, as the worker reports them.
  let customKeys = new Map<string, Set<string>>();
  const addKeys = (keys: readonly (readonly [string, string, string])[]) => {
    for (const [workspaceId, category, key] of keys) {
      const id = `${workspaceId}\u0000${category}`;
      const set = customKeys.get(id) ?? new Set<string>();
      set.add(key);
      customKeys.set(id, set);
    }
  };
  let worker = await spawn();

  async function spawn(): Promise<Worker> {
    const fromSource = import.meta.url.endsWith('.ts');
    const next = new Worker(
      new URL(fromSource ? './from-source.mjs' : './ingest-worker.js', import.meta.url),
      {
        workerData: options,
        // From source, the worker also needs the `source` export condition that resolves
        // workspace packages to their src.
        // Profiling flags pass through, so `--cpu-prof` also profiles the worker.
        execArgv: [
          ...(fromSource ? ['--conditions=source'] : []),
          ...process.execArgv.filter((flag) => flag.startsWith('--cpu-prof')),
        ],
      },
    );
    await new Promise<void>((resolve, reject) => {
      const opening = (message: FromWorker) => {
        if (message.type === 'notice') return onNotice(message.message);
        next.off('message', opening);
        if (message.type === 'ready') {
          customKeys = new Map();
          addKeys(message.customKeys);
          resolve();
        } else if (message.type === 'failed')
          reject(new Error(`the store could not open: ${message.message}`));
      };
      next.on('message', opening);
      next.once('error', reject);
    });
    next.on('message', (message: FromWorker) => {
      if (message.type === 'notice') onNotice(message.message);
      if (message.type === 'customKeys') addKeys(message.keys);
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
    next.on('error', (error) => died(next, error));
    next.on('exit', (code) => died(next, new Error(`the ingest worker exited with code ${code}`)));
    next.postMessage({ type: 'apps', apps } satisfies ToWorker);
    return next;
  }

  function died(which: Worker, error: Error) {
    if (which !== worker || closing) return;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    onRestart(error);
    const replacement = spawn();
    replacement.then(
      (next) => {
        worker = next;
      },
      (failure) => onRestart(failure),
    );
  }

  const request = <T>(message: Omit<Extract<ToWorker, { id: number }>, 'id'>): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const call =
    <M extends StoreMethod>(method: M) =>
    (...args: Parameters<EventStore[M]>) =>
      request<Awaited<ReturnType<EventStore[M]>>>({ type: 'call', method, args } as never);

  let closed: Promise<void> | undefined;
  return {
    ingest: (req) => request<IngestResult>({ type: 'ingest', request: req } as never),
    setApps: (next) => {
      apps = next;
      worker.postMessage({ type: 'apps', apps } satisfies ToWorker);
    },
    store: {
      write: call('write'),
      list: call('list'),
      timeline: call('timeline'),
      count: call('count'),
      search: call('search'),
      facet: call('facet'),
      histogram: call('histogram'),
      analysis: call('analysis'),
      errorGroups: call('errorGroups'),
      customKeys: async (workspaceId, category) =>
        [...(customKeys.get(`${workspaceId}\u0000${category}`) ?? [])].sort(),
      usage: call('usage'),
      markReplay: call('markReplay'),
      writeSegments: call('writeSegments'),
      segments: call('segments'),
      deleteOlderThan: call('deleteOlderThan'),
      deleteWorkspace: call('deleteWorkspace'),
      close: () => Promise.resolve(),
    },
    close: () => {
      closed ??= (async () => {
        await request({ type: 'close' } as never).catch(() => undefined);
        closing = true;
        await worker.terminate();
      })();
      return closed;
    },
  };
}
