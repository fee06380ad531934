import { describe, expect, it, vi } from 'vitest';
import { ApiError, type App } from '../api/index.js';
import type { Point } from '../protocol/index.js';
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

  describe('with events', () => {
    const DAY = 24 * 3600 * 1000;
    const view = (id: string, time: number): Point => ({
      measurement: 'view',
      tags: { app_id: 'shop', session_id: `s_${id}`, view_id: id, browser: 'Chrome' },
      fields: { time_spent: 1e9 },
      time,
    });
    const range = { category: 'view', from: T0 - 30 * DAY, to: T0 + DAY } as const;

    it('starts with seeded events and takes more through ingest', async () => {
      const backend = createMemoryBackend({ now: () => T0, events: [view('a', T0 - 1000)] });
      backend.ingest([view('b', T0)]);
      const { rows } = await backend.searchEvents(range);
      expect(rows.map((r) => r.view_id)).toEqual(['b', 'a']);
      expect((await backend.getSession({ session_id: 's_a' })).session.session_view_count).toBe(1);
    });

    it('drops data older than the retention, which the workspace may shorten', async () => {
      const backend = createMemoryBackend({
        now: () => T0,
        events: [view('old', T0 - 10 * DAY), view('new', T0 - DAY)],
      });
      expect((await backend.searchEvents(range)).rows).toHaveLength(2);
      expect((await backend.updateWorkspace({ retention_days: 7 })).retention_days).toBe(7);
      expect((await backend.searchEvents(range)).rows.map((r) => r.view_id)).toEqual(['new']);
      await expect(backend.getSession({ session_id: 's_old' })).rejects.toMatchObject({
        status: 404,
      });
    });

    it('hands out copies of the workspace and of records', async () => {
      const backend = createMemoryBackend({ now: () => T0, events: [view('a', T0)] });
      const workspace = await backend.updateWorkspace({ time_zone: 'Asia/Shanghai' });
      workspace.time_zone = 'changed';
      expect((await backend.getWorkspace()).time_zone).toBe('Asia/Shanghai');
      const [row] = (await backend.searchEvents(range)).rows;
      (row as Record<string, unknown>).browser = 'changed';
      (row?.custom as Record<string, unknown>).x = 1;
      expect((await backend.searchEvents(range)).rows[0]).toMatchObject({
        browser: 'Chrome',
        custom: {},
      });
    });

    it('refuses invalid settings and questions as the server does', async () => {
      const backend = createMemoryBackend({ now: () => T0 });
      await expect(backend.updateWorkspace({ retention_days: 5 as never })).rejects.toMatchObject({
        status: 400,
        code: 'request.invalid',
      });
      await expect(
        backend.facet({ ...range, field: 'browser', limit: 1000 }),
      ).rejects.toMatchObject({ status: 400, code: 'request.invalid' });
      const error = await backend
        .searchEvents({ ...range, query: 'browser:' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 400, code: expect.stringMatching(/^search\./) });
      expect((error as ApiError).details).toMatchObject({ position: expect.any(Number) });
    });

    it('takes its latency on explorer questions too, and can be cancelled', async () => {
      vi.useFakeTimers();
      try {
        const backend = createMemoryBackend({ now: () => T0, latency: 500 });
        const controller = new AbortController();
        const pending = backend
          .histogram(range, { signal: controller.signal })
          .catch((e: unknown) => e);
        await vi.advanceTimersByTimeAsync(100);
        controller.abort();
        expect(await pending).toMatchObject({ name: 'AbortError' });
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
