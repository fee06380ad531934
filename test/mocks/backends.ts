// Backends for states that a story cannot reach over the network. The Storybook smoke test
// (test/e2e/storybook.test.ts) fails a story on any HTTP answer of 400 or more and waits for
// the network to go idle, so a story cannot show a failed or a never-ending request through
// msw. These stand in for the transport at the RumBackend boundary instead; the component
// tests cover the same states over HTTP with failingHandlers() and loadingHandlers().
import { ApiError, type RumBackend, type RumBackendOperation } from '@rumkit/core';

// Every key is listed, so adding an operation to RumBackend without adding it here fails to
// compile instead of leaving a story's backend without the method.
const OPERATIONS = Object.keys({
  getWorkspace: true,
  updateWorkspace: true,
  listApps: true,
  getApp: true,
  createApp: true,
  updateApp: true,
  deleteApp: true,
  checkAppId: true,
  searchEvents: true,
  facet: true,
  histogram: true,
  analysis: true,
  getSession: true,
  getSessionReplay: true,
  getView: true,
  getEvent: true,
  errorClusters: true,
  getUsage: true,
} satisfies Record<RumBackendOperation, true>) as RumBackendOperation[];

function everyOperation(run: (options?: { signal?: AbortSignal }) => Promise<never>): RumBackend {
  const backend: Record<string, unknown> = {};
  for (const operation of OPERATIONS) {
    backend[operation] = (...args: unknown[]) =>
      run(
        args.find((a) => a && typeof a === 'object' && 'signal' in a) as { signal?: AbortSignal },
      );
  }
  return backend as unknown as RumBackend;
}

/** Every call waits forever (until cancelled): the loading states. */
export function stalledBackend(): RumBackend {
  return everyOperation(
    (options) =>
      new Promise<never>((_resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
      }),
  );
}

/** Every call fails as the server does when its store is down: the error states. */
export function failingBackend(
  error = new ApiError(
    503,
    'server.unavailable',
    'the event store is not reachable; try again in a minute',
  ),
): RumBackend {
  return everyOperation(async () => {
    throw error;
  });
}
