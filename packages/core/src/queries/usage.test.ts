import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../backend/memory.js';
import { usageKeys, usageOptions } from './usage.js';
import {
  currentWorkspaceOptions,
  updateWorkspaceMutation,
  workspaceKeys,
  writeWorkspaceToCache,
} from './workspace.js';

const T = Date.UTC(2026, 10, 20, 10);
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const range = { from: '2026-11-20', to: '2026-11-20' };

describe('usage and workspace settings', () => {
  it('reads the usage report through the backend', async () => {
    const backend = createMemoryBackend({
      now: () => T,
      events: [
        {
          measurement: 'view',
          tags: { app_id: 'shop', session_id: 's1', view_id: 'v1' },
          fields: { time_spent: 1e9 },
          time: T,
        },
      ],
    });
    const report = await client().fetchQuery(usageOptions(backend, range));
    expect(report.days).toEqual([expect.objectContaining({ app_id: 'shop', pv: 1 })]);
    expect(usageKeys.report(range).slice(0, 2)).toEqual([...usageKeys.all]);
  });

  it('writes a changed workspace to the cache and marks usage reports stale', async () => {
    const backend = createMemoryBackend({ now: () => T });
    const qc = client();
    await qc.fetchQuery(currentWorkspaceOptions(backend));
    await qc.fetchQuery(usageOptions(backend, range));
    const changed = await updateWorkspaceMutation(backend).mutationFn({ retention_days: 3 });
    writeWorkspaceToCache(qc, changed);
    expect(qc.getQueryData(workspaceKeys.current())).toMatchObject({ retention_days: 3 });
    expect(qc.getQueryState(usageKeys.report(range))?.isInvalidated).toBe(true);
    expect((await qc.fetchQuery(usageOptions(backend, range))).retention_days).toBe(3);
  });
});
