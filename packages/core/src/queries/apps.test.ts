import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import type { App } from '../api/index.js';
import { createMemoryBackend } from '../backend/memory.js';
import type { RumBackend } from '../backend/types.js';
import {
  appDetailOptions,
  appIdCheckOptions,
  appKeys,
  appListOptions,
  createAppMutation,
  deleteAppMutation,
  removeAppFromCache,
  updateAppMutation,
  writeAppToCache,
} from './apps.js';
import { currentWorkspaceOptions, workspaceKeys } from './workspace.js';

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

describe('appKeys', () => {
  it('nests every key under appKeys.all, lists and details apart', () => {
    const keys = [appKeys.list(), appKeys.detail('a'), appKeys.idCheck('x', 'a')];
    for (const key of keys) expect(key.slice(0, 2)).toEqual([...appKeys.all]);
    expect(appKeys.list().slice(0, 3)).toEqual([...appKeys.lists()]);
    expect(appKeys.detail('a').slice(0, 3)).toEqual([...appKeys.details()]);
    expect(appKeys.detail('a')).not.toEqual(appKeys.detail('b'));
    expect(appKeys.idCheck('x')).not.toEqual(appKeys.idCheck('x', 'a'));
  });

  it('keeps workspace keys apart from app keys', () => {
    expect(workspaceKeys.current()[1]).not.toBe(appKeys.all[1]);
  });
});

describe('query options', () => {
  it('are plain objects that pass the query signal to the backend', async () => {
    const backend = createMemoryBackend();
    const spy = vi.spyOn(backend, 'listApps');
    const options = appListOptions(backend);
    expect(Object.keys(options).sort()).toEqual(['queryFn', 'queryKey', 'staleTime']);
    await client().fetchQuery(options);
    expect(spy.mock.calls[0]?.[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('load an app, a workspace and an app_id check through the backend', async () => {
    const backend = createMemoryBackend();
    const app = await backend.createApp({ name: 'Shop', app_id: 'shop', type: 'web' });
    const qc = client();
    expect(await qc.fetchQuery(appDetailOptions(backend, app.id))).toEqual(app);
    expect((await qc.fetchQuery(currentWorkspaceOptions(backend))).name).toBe('Demo workspace');
    expect(await qc.fetchQuery(appIdCheckOptions(backend, 'shop'))).toMatchObject({
      available: false,
      reason: 'taken',
    });
    expect(await qc.fetchQuery(appIdCheckOptions(backend, 'shop', app.id))).toMatchObject({
      available: true,
    });
  });

  it('surface backend errors to the query', async () => {
    const backend = createMemoryBackend();
    await expect(client().fetchQuery(appDetailOptions(backend, 'nope'))).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('mutation options', () => {
  it('create, update and delete through the backend', async () => {
    const backend = createMemoryBackend();
    const app = await createAppMutation(backend).mutationFn({
      name: 'Shop',
      app_id: 'shop',
      type: 'web',
    });
    const renamed = await updateAppMutation(backend).mutationFn({
      id: app.id,
      patch: { name: 'Shop 2' },
    });
    expect(renamed.name).toBe('Shop 2');
    await deleteAppMutation(backend).mutationFn({ id: app.id });
    expect(await backend.listApps()).toEqual([]);
  });
});

describe('cache helpers', () => {
  async function loaded(): Promise<{ qc: QueryClient; backend: RumBackend; apps: App[] }> {
    const backend = createMemoryBackend();
    await backend.createApp({ name: 'A', app_id: 'a_app', type: 'web' });
    await backend.createApp({ name: 'B', app_id: 'b_app', type: 'ios' });
    const qc = client();
    const apps = await qc.fetchQuery(appListOptions(backend));
    return { qc, backend, apps };
  }

  it('writeAppToCache replaces a listed app in place and fills its detail', async () => {
    const { qc, apps } = await loaded();
    const changed = { ...(apps[1] as App), name: 'Renamed' };
    writeAppToCache(qc, changed);
    expect(qc.getQueryData<App[]>(appKeys.list())?.map((a) => a.name)).toEqual(['B', 'Renamed']);
    expect(qc.getQueryData(appKeys.detail(changed.id))).toEqual(changed);
    expect(qc.getQueryState(appKeys.list())?.isInvalidated).toBe(true);
  });

  it('writeAppToCache puts a new app first', async () => {
    const { qc, apps } = await loaded();
    writeAppToCache(qc, { ...(apps[0] as App), id: 'new', name: 'New' });
    expect(qc.getQueryData<App[]>(appKeys.list())?.map((a) => a.name)).toEqual(['New', 'B', 'A']);
  });

  it('removeAppFromCache drops the app from lists and its detail', async () => {
    const { qc, backend, apps } = await loaded();
    const gone = apps[0] as App;
    await qc.fetchQuery(appDetailOptions(backend, gone.id));
    removeAppFromCache(qc, gone.id);
    expect(qc.getQueryData<App[]>(appKeys.list())?.map((a) => a.id)).toEqual([apps[1]?.id]);
    expect(qc.getQueryData(appKeys.detail(gone.id))).toBeUndefined();
  });
});
