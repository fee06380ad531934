import { createMemoryBackend } from '@rumkit/core/memory';
import { HttpResponse, http } from 'msw';
import { apiHandlers } from './api.js';
import { demoApps, demoWorkspace, T0 } from './fixtures.js';

/** The one source of msw handlers, shared by component tests and stories. */
export const handlers = [
  http.get('/healthz', () => HttpResponse.json({ status: 'ok', version: '0.1.0', time: 0 })),
  // The kit's API on a small demo workspace, for stories that set no handlers of their own.
  ...apiHandlers(createMemoryBackend({ workspace: demoWorkspace, apps: demoApps, now: () => T0 })),
];

export { apiHandlers, TEST_API_KEY, TEST_ORIGIN } from './api.js';
export { failingBackend, stalledBackend } from './backends.js';
export { demoApps, demoWorkspace, makeApp, manyApps, T0, unboundCustomApp } from './fixtures.js';
export { failingHandlers, loadingHandlers } from './scenarios.js';
