import type { Logger } from '../http/errors.js';
import type { Registry } from '../meta/registry.js';
import type { EventStore, RetentionCut } from '../store/types.js';

const DAY = 24 * 3600 * 1000;

/** Each workspace keeps its last `retention_days` days (spec §1.10); older data goes. */
export function retentionCuts(registry: Readonly<Registry>, now: number): RetentionCut[] {
  return registry.workspaces.map((w) => ({
    workspaceId: w.id,
    before: now - w.retention_days * DAY,
  }));
}

export async function applyRetention(registry: Readonly<Registry>, store: EventStore, now: number) {
  const cuts = retentionCuts(registry, now);
  return cuts.length === 0 ? { deleted: 0 } : store.deleteOlderThan(cuts);
}

/** Runs retention now and then every hour. */
export function scheduleRetention(
  getRegistry: () => Readonly<Registry>,
  store: EventStore,
  clock: () => number,
  logger: Logger,
): () => void {
  const run = () =>
    applyRetention(getRegistry(), store, clock()).then(
      ({ deleted }) => {
        if (deleted > 0) logger.info('retention: deleted expired records', { deleted });
      },
      (error) => logger.error('retention failed', { error }),
    );
  void run();
  const timer = setInterval(run, 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
