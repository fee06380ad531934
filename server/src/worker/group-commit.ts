import {
  type IngestApp,
  type IngestRequest,
  processBody,
  reportedProblems,
} from '../ingest/datakit/pipeline.js';
import { createGeoLookup, type GeoLookup } from '../ingest/enrich/index.js';
import { groupCommit } from '../store/group-commit.js';
import type { EventRow, EventStore } from '../store/types.js';
import type { IngestResult } from './protocol.js';

/**
 * Ingest into a store, wherever it runs (the DuckDB worker, or the main thread for
 * ClickHouse): bodies are decoded, validated and enriched, and their rows group-committed:
 * requests that arrive while a commit runs share the next one. A request's result comes once
 * its rows are committed.
 */
export function groupCommitIngest(store: EventStore, options: { geo?: boolean } = {}) {
  let apps = new Map<string, IngestApp>();
  const geo: GeoLookup | undefined = options.geo === false ? undefined : createGeoLookup();
  const rows = groupCommit<EventRow>((batch) => store.write(batch));

  return {
    async ingest(request: IngestRequest): Promise<IngestResult> {
      const outcome = processBody(request, apps, geo);
      await rows.commit(outcome.rows);
      return {
        received: outcome.received,
        accepted: outcome.rows.length,
        rejected: outcome.problems.length,
        problems: reportedProblems(outcome.problems),
        unknownApps: outcome.unknownApps,
        ...(outcome.refusedOrigin ? { refusedOrigin: outcome.refusedOrigin } : {}),
      };
    },
    /** The registered apps ingest accepts (replaces the previous set). */
    setApps(next: readonly IngestApp[]) {
      apps = new Map(next.map((app) => [app.appId, app]));
    },
    /** Resolves when no commit is running or waiting. */
    drained: rows.drained,
  };
}
