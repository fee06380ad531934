import { createMemoryBackend } from '@rumkit/core/memory';
import { describeBackendContract, forApp, replayForApp } from '../mocks/backend-contract.js';

// The in-memory backend behind the demos and stories keeps the same contract as the server.
// It has one workspace, so the cross-workspace cases are skipped here and run on the server.
// Events go in through its ingest, as points, as the HTTP run posts them to /v1/write/rum;
// replay segments through ingestReplay, as the HTTP run uploads them to /v1/write/rum/replay.
describeBackendContract('createMemoryBackend', async () => {
  const backend = createMemoryBackend();
  return {
    backend,
    ingest: async (appId, points) => {
      backend.ingest(forApp(appId, points));
    },
    ingestReplay: async (appId, segment) => {
      backend.ingestReplay(replayForApp(appId, segment));
    },
  };
});
