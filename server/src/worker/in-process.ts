import type { EventStore } from '../store/types.js';
import type { IngestWorker } from './client.js';
import { groupCommitIngest } from './group-commit.js';

/**
 * Ingest on this thread, for a store whose every call is asynchronous I/O (ClickHouse over
 * HTTP or chDB): nothing native blocks the thread, so it needs no worker. chDB could not have
 * one anyway: a worker thread that has loaded it crashes the process when the thread exits
 * (chdb 3.4.0, Node 20). Bodies are decoded here, and commits grouped as the worker groups
 * them.
 */
export function startInProcessIngest(
  store: EventStore,
  options: { geo?: boolean } = {},
): IngestWorker {
  const ingest = groupCommitIngest(store, options);
  return {
    ingest: ingest.ingest,
    setApps: ingest.setApps,
    store: { ...store, close: () => Promise.resolve() },
    async close() {
      await ingest.drained();
      await store.close();
    },
  };
}
