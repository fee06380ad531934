import { describe, expect, it, vi } from 'vitest';
import { ApiError, type App } from '../api/index.js';
import { createMemoryBackend } from './memory.js';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

function seededApp(id: string, appId: string, createdAt: number): App {
  return {
    id,
    workspace_id: 'ignored',
    name: `App ${id}`,
    app_id: appId,
    type: 'web',
    allowed_origins: [],
    client_token: null,
    dashboard_bindings: [],
    remote_config: {},
    created_at: new Date(createdAt).toISOString(),
    updated_at: new Date(createdAt).toISOString(),
  };
}

describe('createMemoryBackend', () => {
  it('lists seeded apps newest first, under its own workspace', async () => {
    const backend = createMemoryBackend({
      workspace: {
        id: 'ws_1',
        name: 'One',
        retention_days: 7,
        time_zone: 'Asia/Shanghai',
        created_at: new Date(T0).toISOString(),
      },
      apps: [seededApp('a', 'old_one', T0), seededApp('b', 'new_one', T0 + 1000)],
    });
    const apps = await backend.listApps();
    expect(apps.map((a) => a.app_id)).toEqual(['new_one', 'old_one']);
    expect(apps.every((a) => a.workspace_id === 'ws_1')).toBe(true);
  });

  it('orders apps created in the same millisecond by creation, later first', async () => {
    const backend = createMemoryBackend({ now: () => T0 });
    await backend.createApp({ name: 'First', app_id: 'first', type: 'web' });
    await backend.createApp({ name: 'Second', app_id: 'second', type: 'ios' });
    expect((await backend.listApps()).map((a) => a.name)).toEqual(['Second', 'First']);
  });

  it('gives new apps ids that do not collide with seeded ones, and times from its clock', async () => {
    const backend = createMemoryBackend({
      apps: [seededApp('app_2', 'seeded', T0)],
      now: () => T0 + 5000,
    });
    const a = await backend.createApp({ name: 'A', app_id: 'a_id', type: 'web' });
    const b = await backend.createApp({ name: 'B', app_id: 'b_id', type: 'web' });
    expect(new Set([a.id, b.id, 'app_2']).size).toBe(3);
    expect(a.created_at).toBe(new Date(T0 + 5000).toISOString());
  });

  it('refuses an app_id held in another workspace, as the server keeps them unique', async () => {
    const backend = createMemoryBackend({ reservedAppIds: ['elsewhere'] });
    await expect(
      backend.createApp({ name: 'X', app_id: 'elsewhere', type: 'web' }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await backend.checkAppId({ app_id: 'elsewhere' })).toMatchObject({
      available: false,
      reason: 'taken',
    });
  });

  it('hands out copies: changing an answer does not change what it stores', async () => {
    const backend = createMemoryBackend();
    const app = await backend.createApp({ name: 'Shop', app_id: 'shop', type: 'web' });
    app.name = 'changed';
    app.dashboard_bindings.push('x');
    const again = await backend.getApp({ id: app.id });
    expect(again.name).toBe('Shop');
    expect(again.dashboard_bindings).toEqual([]);
  });

  it('answers on a later tick even without latency', async () => {
    const backend = createMemoryBackend();
    let settled = false;
    const pending = backend.listApps().then(() => {
      settled = true;
    });
    expect(settled).toBe(false);
    await pending;
    expect(settled).toBe(true);
  });

  describe('with latency', () => {
    it('answers after the configured delay', async () => {
      vi.useFakeTimers();
      try {
        const backend = createMemoryBackend({ latency: (op) => (op === 'listApps' ? 300 : 0) });
        const onDone = vi.fn();
        const pending = backend.listApps().then(onDone);
        await vi.advanceTimersByTimeAsync(299);
        expect(onDone).not.toHaveBeenCalled();
        await vi.advanceTimersByTimeAsync(1);
        await pending;
        expect(onDone).toHaveBeenCalledWith([]);
      } finally {
        vi.useRealTimers();
      }
    });

    it('rejects with the abort reason when cancelled while waiting, and does nothing', async () => {
      vi.useFakeTimers();
      try {
        const backend = createMemoryBackend({ latency: 1000 });
        const controller = new AbortController();
        const pending = backend.createApp(
          { name: 'Late', app_id: 'late', type: 'web' },
          { signal: controller.signal },
        );
        const outcome = pending.catch((error: unknown) => error);
        controller.abort();
        expect(await outcome).toMatchObject({ name: 'AbortError' });
        await vi.advanceTimersByTimeAsync(2000);
        const check = backend.checkAppId({ app_id: 'late' });
        await vi.advanceTimersByTimeAsync(1000);
        expect((await check).available).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it('reports invalid input as a 400 that names the field', async () => {
    const backend = createMemoryBackend();
    const error = await backend
      .createApp({ name: '  ', app_id: 'ok', type: 'web' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'request.invalid' });
    expect((error as ApiError).message).toMatch(/^name: /);
  });
});
