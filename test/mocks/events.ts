// Explorer fixtures: a memory backend holding two hours of deterministic RUM traffic of the web
// shop (sessions, views, resources, errors, actions, long tasks), as the demo server generates
// it, ending at T0. Component tests and stories of the explorer read it through msw.
import { createMemoryBackend, type MemoryBackend } from '@rumkit/core/memory';
import { generateTraffic } from '@rumkit/server/demo';
import { demoApps, demoWorkspace, T0 } from './fixtures.js';

const HOUR = 3_600_000;

export interface ExplorerFixtureOptions {
  /** Hours of traffic before T0. Default 2. */
  hours?: number;
  /** Sessions started per hour. Default 40. */
  sessionsPerHour?: number;
  seed?: number;
}

/** A memory backend with the shop's traffic; its clock stands at T0. */
export function explorerBackend({
  hours = 2,
  sessionsPerHour = 40,
  seed = 7,
}: ExplorerFixtureOptions = {}): MemoryBackend {
  const backend = createMemoryBackend({ workspace: demoWorkspace, apps: demoApps, now: () => T0 });
  for (const points of generateTraffic({
    apps: [{ appId: 'acme_web', type: 'web' }],
    from: T0 - hours * HOUR,
    to: T0,
    sessionsPerHour,
    seed,
  })) {
    backend.ingest(points);
  }
  return backend;
}
