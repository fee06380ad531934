import { createMemoryBackend } from '@rumkit/core';
import { describeBackendContract } from '../mocks/backend-contract.js';

// The in-memory backend behind the demos and stories keeps the same contract as the server.
// It has one workspace, so the cross-workspace cases are skipped here and run on the server.
describeBackendContract('createMemoryBackend', async () => ({ backend: createMemoryBackend() }));
