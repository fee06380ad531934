import { encodeLines, type Point } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../services/retention.js';
import { startTestServer, type TestServer } from '../testing/index.js';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
// "Now" for these tests: 2026-11-20 12:00 UTC.
const NOW = Date.UTC(2026, 10, 20, 12);
let now = NOW;

let server: TestServer;
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions
type Body = any;
const get = async (route: string) => {
  const response = await server.api('GET', route);
  return { status: response.status, body: (await response.json()) as Body };
};

function view(app: string, id: string, time: number): Point {
  return {
    measurement: 'view',
    tags: { app_id: app, session_id: `s-${id}`, view_id: id },
    fields: { time_spent: 1e9 },
    time,
  };
}
function resources(app: string, n: number, time: number): Point[] {
  return Array.from({ length: n }, (_, i) => ({
    measurement: 'resource',
    tags: { app_id: app, session_id: 'r', view_id: 'rv' },
    fields: { duration: 1e6 },
    time: time + i,
  }));
}

beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' }, clock: () => now });
  await server.registerApp({ app_id: 'web' });
  await server.registerApp({ app_id: 'ios', type: 'ios' });
  const points: Point[] = [
    // 19 Nov (UTC): 2 views of web; 23:30 UTC is already 20 Nov in Shanghai.
    view('web', 'a', Date.UTC(2026, 10, 19, 10)),
    view('web', 'b', Date.UTC(2026, 10, 19, 23, 30)),
    // 20 Nov: 1 view of web and 300 resources (300 / 100 = 3 billed units > 1 PV); 1 view of ios.
    view('web', 'c', Date.UTC(2026, 10, 20, 9)),
    ...resources('web', 300, Date.UTC(2026, 10, 20, 9)),
    view('ios', 'd', Date.UTC(2026, 10, 20, 10)),
    // 10 days ago: past a 7-day retention.
    view('web', 'old', NOW - 10 * DAY),
  ];
  const response = await fetch(`${server.origin}/v1/write/rum?precision=ms`, {
    method: 'POST',
    body: encodeLines(points),
  });
  expect(response.status).toBe(200);
  await server.services.worker.store.markReplay(server.workspaceId, 's-c');
}, 60_000);
afterAll(() => server.close());

describe('GET /api/v1/usage', () => {
  it('counts PV, events, billed units, replay sessions and cost per app and day', async () => {
    const { status, body } = await get('/api/v1/usage?from=2026-11-19&to=2026-11-20');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      time_zone: 'UTC',
      retention_days: 14,
      currency: 'CNY',
      prices: { per_10k_billed_units: 2 },
    });
    const row = (date: string, app: string) =>
      body.days.find((d: Body) => d.date === date && d.app_id === app);
    expect(row('2026-11-19', 'web')).toMatchObject({
      pv: 2,
      resource: 0,
      billed_units: 2,
      replay_sessions: 0,
    });
    expect(row('2026-11-20', 'web')).toMatchObject({
      pv: 1,
      resource: 300,
      billed_units: 3,
      replay_sessions: 1,
    });
    expect(row('2026-11-20', 'web').cost).toBe(
      Math.round(((3 / 10_000) * 2 + (1 / 1000) * 2.5) * 100) / 100,
    );
    expect(row('2026-11-20', 'ios')).toMatchObject({ pv: 1, billed_units: 1 });
    expect(body.month.month).toBe('2026-11');
    expect(body.month.so_far).toMatchObject({ pv: 5, resource: 300 });
  });

  it("counts days in the workspace's time zone", async () => {
    expect(
      (await server.api('PATCH', '/api/v1/workspace', { time_zone: 'Asia/Shanghai' })).status,
    ).toBe(200);
    const { body } = await get('/api/v1/usage?from=2026-11-19&to=2026-11-20');
    const web = (date: string) =>
      body.days.find((d: Body) => d.date === date && d.app_id === 'web');
    expect(web('2026-11-19').pv).toBe(1);
    expect(web('2026-11-20').pv).toBe(2);
    expect((await server.api('PATCH', '/api/v1/workspace', { time_zone: 'UTC' })).status).toBe(200);
  });

  it('refuses bad dates and time zones', async () => {
    expect((await get('/api/v1/usage?from=2026-11-20&to=2026-11-19')).status).toBe(400);
    expect((await get('/api/v1/usage?from=yesterday&to=2026-11-19')).body.message).toContain(
      'YYYY-MM-DD',
    );
    const zone = await server.api('PATCH', '/api/v1/workspace', { time_zone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
  });
});

describe('retention', () => {
  it('keeps 14 days by default, and deletes past a shorter policy set through the API', async () => {
    const store = server.services.worker.store;
    const all = {
      category: 'view' as const,
      workspaceId: server.workspaceId,
      from: 0,
      to: NOW + DAY,
    };
    await applyRetention(server.services.registry.get(), store, server.services.blobs, now);
    expect(await store.count(all)).toBe(5);

    const changed = await server.api('PATCH', '/api/v1/workspace', { retention_days: 7 });
    expect(((await changed.json()) as Body).retention_days).toBe(7);
    expect((await server.api('PATCH', '/api/v1/workspace', { retention_days: 5 })).status).toBe(
      400,
    );
    const { deleted } = await applyRetention(
      server.services.registry.get(),
      store,
      server.services.blobs,
      now,
    );
    expect(deleted).toBe(2); // the old view and its session
    expect(await store.count(all)).toBe(4);

    // Three days later with a 3-day policy, only what is younger than 3 days stays.
    await server.api('PATCH', '/api/v1/workspace', { retention_days: 3 });
    now = NOW + 2 * DAY + 12 * HOUR + 60_000; // both 19 Nov views are now over 3 days old
    await applyRetention(server.services.registry.get(), store, server.services.blobs, now);
    expect(await store.count(all)).toBe(2);
    now = NOW;
  });
});
