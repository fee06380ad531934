import { type IngestApp, processBody, reportedProblems } from '../ingest/datakit/pipeline.js';
import { createGeoLookup, type GeoLookup } from '../ingest/enrich/index.js';
import type { EventRow, EventStore } from '../store/types.js';
import type { IngestWorker } from './client.js';
import type { IngestResult } from './protocol.js';

/**
 * Ingest on this thread, for a store whose every call is asynchronous I/O (ClickHouse over
 * HTTP or chDB): nothing native blocks the thread, so it needs no worker. chDB could not have
 * one anyway: a worker thread that has loaded it crashes the process when the thread exits
 * (chdb 3.4.0, Node 20). Bodies are decoded here, and commits grouped as the worker groups
 * them: requests that arrive while a commit runs share the next one.
 */
export function startInProcessIngest(
  store: EventStore,
  options: { geo?: boolean } = {},
): IngestWorker {
  let apps = new Map<string, IngestApp>();
  const geo: GeoLookup | undefined = options.geo === false ? undefined : createGeoLookup();
  let queue: { rows: EventRow[]; done: (error?: Error) => void }[] = [];
  let committing: Promise<void> | undefined;

  async function commitLoop() {
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
    committing = undefined;
  }

  const commit = (rows: EventRow[]) =>
    rows.length === 0
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          queue.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
          committing ??= commitLoop();
        });

  return {
    async ingest(request): Promise<IngestResult> {
      const outcome = processBody(request, apps, geo);
      await commit(outcome.rows);
      return {
        received: outcome.received,
        accepted: outcome.rows.length,
        rejected: outcome.problems.length,
        problems: reportedProblems(outcome.problems),
        unknownApps: outcome.unknownApps,
        ...(outcome.refusedOrigin ? { refusedOrigin: outcome.refusedOrigin } : {}),
      };
    },
    setApps(next) {
      apps = new Map(next.map((app) => [app.appId, app]));
    },
    store: { ...store, close: () => Promise.resolve() },
    async close() {
      while (committing) await committing;
      await store.close();
    },
  };
}
