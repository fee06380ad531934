import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/index.js';
import { DEMO_APPS, ensureDemoWorkspace, startDemoTraffic } from './demo.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('demo mode', () => {
  it('creates the demo workspace, its key and three apps once, and reuses them', async () => {
    const server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
    servers.push(server);
    const { registry } = server.services;
    const first = await ensureDemoWorkspace(registry, server.dataDir, Date.now());
    const second = await ensureDemoWorkspace(registry, server.dataDir, Date.now());
    expect(second).toEqual(first);
    const apps = registry.get().apps.filter((a) => a.workspace_id === first.workspace_id);
    expect(apps.map((a) => [a.app_id, a.type]).sort()).toEqual(
      DEMO_APPS.map((a) => [a.appId, a.appType]).sort(),
    );
    const workspace = await server.api('GET', '/api/v1/workspace', undefined, first.api_key);
    expect(((await workspace.json()) as { name: string }).name).toBe('Demo workspace');
  });

  it('sends its traffic through the real ingest path, so the store holds linked sessions', async () => {
    const server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
    servers.push(server);
    const state = await ensureDemoWorkspace(server.services.registry, server.dataDir, Date.now());
    const errors: unknown[] = [];
    const traffic = startDemoTraffic({
      origin: server.origin,
      dataDir: server.dataDir,
      state,
      clock: Date.now,
      logger: { info: () => undefined, error: (_m, d) => errors.push(d) },
      backfillMs: 3 * 3600 * 1000,
    });
    await traffic.backfilled;
    traffic.stop();
    expect(errors).toEqual([]);
    const range = { workspaceId: state.workspace_id, from: 0, to: Date.now() + 3600e3 };
    const store = server.services.worker.store;
    const views = await store.count({ category: 'view', ...range });
    const sessions = await store.list({ category: 'session', ...range, limit: 1000 });
    expect(views).toBeGreaterThan(10);
    expect(sessions.length).toBeGreaterThan(3);
    expect(new Set(sessions.map((s) => s.app_id))).toEqual(new Set(DEMO_APPS.map((a) => a.appId)));
    const viewsCounted = sessions.reduce((sum, s) => sum + Number(s.session_view_count), 0);
    expect(viewsCounted).toBe(views);
  }, 120_000);

  it('serves the demo key only in demo mode', async () => {
    const server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
    servers.push(server);
    expect((await fetch(`${server.origin}/demo/config.json`)).status).toBe(404);
    const demo = await startTestServer({ env: { RUMKIT_GEO: 'off' }, demo: true });
    servers.push(demo);
    const config = (await (await fetch(`${demo.origin}/demo/config.json`)).json()) as Record<
      string,
      string
    >;
    expect(config).toEqual({
      apiKey: expect.stringMatching(/^rk_/),
      intakeOrigin: demo.origin,
      shopAppId: 'demo_shop_web',
    });
    expect((await demo.api('GET', '/api/v1/apps', undefined, config.apiKey)).status).toBe(200);
    // The status page moves to /status; / is the console (not built in this test: a clear 404).
    expect((await fetch(`${demo.origin}/status`)).status).toBe(200);
    const page = await fetch(`${demo.origin}/`);
    expect(page.status).toBe(404);
    expect(((await page.json()) as { error_code: string }).error_code).toBe('demo.not_built');
  });
});
