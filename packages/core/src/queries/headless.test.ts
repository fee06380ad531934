// The core runs with React gone: zustand proves its vanilla store the same way. If anything
// under src/ imported react, loading it here would throw.
import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('@rumkit/core must not import react');
});
vi.mock('react-dom', () => {
  throw new Error('@rumkit/core must not import react-dom');
});

describe('the headless core without React', () => {
  it('lists, creates and observes apps with query-core and the memory backend alone', async () => {
    const core = await import('../index.js');
    const { createMemoryBackend } = await import('../backend/memory.js');
    const backend = createMemoryBackend();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    const observer = new QueryObserver(client, core.appListOptions(backend));
    const seen: string[][] = [];
    const unsubscribe = observer.subscribe((result) => {
      if (result.status === 'success') seen.push(result.data.map((app) => app.app_id));
    });
    await vi.waitFor(() => expect(seen).toEqual([[]]));

    const app = await client
      .getMutationCache()
      .build(client, core.createAppMutation(backend))
      .execute({ name: 'Shop', app_id: 'shop', type: 'web' });
    core.writeAppToCache(client, app);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['shop']));
    expect(core.dashboardForApp(app)?.id).toBe('rum.web.overview');
    unsubscribe();
  });
});
