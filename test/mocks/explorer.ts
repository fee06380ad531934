// The explorer's component tests: the traffic fixture of events.ts served through msw, and the
// scope of the range it covers.
import type { ExplorerCategory, Point } from '@rumkit/core';
import type { MemoryBackend } from '@rumkit/core/memory';
import { beforeAll } from 'vitest';
import { apiHandlers } from './api.js';
import { explorerBackend } from './events.js';
import { T0 } from './fixtures.js';
import { mockServerForFile } from './node.js';

const HOUR = 3_600_000;

/** The fixture's two hours of traffic, `to` exclusive (so an event at T0 is in). */
export const FIXTURE_RANGE = { from: T0 - 2 * HOUR, to: T0 + 1 } as const;

/** An explorer scope over the fixture's range. */
export function fixtureScope(category: ExplorerCategory, query = '') {
  return { category, ...FIXTURE_RANGE, query };
}

/**
 * The msw server of a test file, with the explorer's fixture behind it. The fixture (plus
 * `extra` points) is built once for the file, since generating the traffic takes seconds, so
 * the file's tests must only read it. `serve()` puts its API on the server for the current
 * test (handlers are reset after each) and returns the backend, to ask what to expect.
 */
export function explorerServerForFile({ extra = [] }: { extra?: readonly Point[] } = {}) {
  const server = mockServerForFile();
  let backend: MemoryBackend | undefined;
  beforeAll(() => {
    backend = explorerBackend();
    if (extra.length > 0) backend.ingest([...extra]);
  }, 30_000);
  function serve(): MemoryBackend {
    if (!backend) throw new Error('the explorer fixture is built before the tests run');
    server.use(...apiHandlers(backend));
    return backend;
  }
  return { server, serve };
}
