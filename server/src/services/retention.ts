import type { Logger } from '../http/errors.js';
import type { Registry } from '../meta/registry.js';
import type { BlobStore } from '../replay/blobs.js';
import type { EventStore, RetentionCut } from '../store/types.js';

const DAY = 24 * 3600 * 1000;

/** Each workspace keeps its last `retention_days` days (spec §1.10); older data goes. */
export function retentionCuts(registry: Readonly<Registry>, now: number): RetentionCut[] {
  return registry.workspaces.map((w) => ({
    workspaceId: w.id,
    before: now - w.retention_days * DAY,
  }));
}

/**
 * Deletes what each workspace no longer keeps: its older records, and the replay segments
 * that ended before the cut (as a replay is read: a segment goes once it ended before the
 * cut). Index rows first, then their blobs: a crash between leaves files nothing names,
 * never an index row whose blob is gone.
 */
export async function applyRetention(
  registry: Readonly<Registry>,
  store: EventStore,
  blobs: BlobStore,
  now: number,
): Promise<{ deleted: number; segments: number }> {
  const cuts = retentionCuts(registry, now);
  if (cuts.length === 0) return { deleted: 0, segments: 0 };
  const { deleted, segmentBlobs } = await store.deleteOlderThan(cuts);
  await blobs.delete(segmentBlobs);
  return { deleted, segments: segmentBlobs.length };
}

/** Runs retention now and then every hour. */
export function scheduleRetention(
  getRegistry: () => Readonly<Registry>,
  store: EventStore,
  blobs: BlobStore,
  clock: () => number,
  logger: Logger,
): () => void {
  const run = () =>
    applyRetention(getRegistry(), store, blobs, clock()).then(
      ({ deleted, segments }) => {
        if (deleted > 0 || segments > 0)
          logger.info('retention: deleted expired records', { deleted, segments });
      },
      (error) => logger.error('retention failed', { error }),
    );
  void run();
  const timer = setInterval(run, 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
