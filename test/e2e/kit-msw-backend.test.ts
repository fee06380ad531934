import { createHttpBackend } from '@rumkit/core';
import { createMemoryBackend } from '@rumkit/core/memory';
import { apiHandlers, TEST_API_KEY, TEST_ORIGIN } from '../mocks/api.js';
import { describeBackendContract, forApp, replayForApp } from '../mocks/backend-contract.js';
import { mockServerForFile } from '../mocks/node.js';

// What stories and component tests stand on: createHttpBackend, through the msw handlers of
// test/mocks/api.ts, answered by createMemoryBackend. The same contract as the real server
// proves the handlers speak the API as the server does.
const server = mockServerForFile();

describeBackendContract('createHttpBackend over msw, answered by createMemoryBackend', async () => {
  const memory = createMemoryBackend();
  server.use(...apiHandlers(memory));
  return {
    backend: createHttpBackend({ baseUrl: TEST_ORIGIN, apiKey: TEST_API_KEY }),
    ingest: async (appId, points) => {
      memory.ingest(forApp(appId, points));
    },
    ingestReplay: async (appId, segment) => {
      memory.ingestReplay(replayForApp(appId, segment));
    },
  };
});
