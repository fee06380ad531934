import type { Point } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/index.js';

const T = Date.now() - 3600_000;
const MIN = 60_000;

let server: TestServer;
let otherKey: string;
// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions
type Body = any;
const get = async (route: string, key?: string) => {
  const response = await server.api('GET', route, undefined, key);
  return { status: response.status, body: (await response.json()) as Body };
};

const tags = (extra: Record<string, string>) => ({ app_id: 'shop', session_id: 's1', ...extra });
function traffic(): Point[] {
  return [
    {
      measurement: 'view',
      tags: tags({ view_id: 'v1', view_path: '/' }),
      fields: { time_spent: 60e9 },
      time: T,
    },
    {
      measurement: 'view',
      tags: tags({ view_id: 'v2', view_path: '/cart' }),
      fields: { time_spent: 30e9 },
      time: T + 2 * MIN,
    },
    {
      measurement: 'action',
      tags: tags({ view_id: 'v2', action_id: 'a1', action_type: 'click' }),
      fields: { action_name: 'Pay', duration: 1e8 },
      time: T + 2 * MIN + 1000,
    },
    {
      measurement: 'resource',
      tags: tags({ view_id: 'v2', action_id: 'a1', resource_id: 'r1', resource_status: '503' }),
      fields: { resource_url: 'https://shop.example.com/api/pay', duration: 3e8 },
      time: T + 2 * MIN + 1100,
    },
    {
      measurement: 'error',
      tags: tags({ view_id: 'v2', action_id: 'a1', error_id: 'e1', error_source: 'network' }),
      fields: { error_message: 'POST https://shop.example.com/api/pay failed with 503' },
      time: T + 2 * MIN + 1400,
    },
    {
      measurement: 'error',
      tags: tags({ view_id: 'v1', error_id: 'e2', error_source: 'source' }),
      fields: { error_message: "Cannot read properties of undefined (reading 'price')" },
      time: T + 1000,
    },
    {
      measurement: 'error',
      tags: tags({ view_id: 'v1', error_id: 'e3', error_source: 'source' }),
      fields: {
        error_message: "Cannot read properties of undefined (reading 'name')",
        error_stack: 'TypeError: Cannot read properties of undefined\n    at render (app.js:3:7)',
      },
      time: T + 5000,
    },
    {
      measurement: 'long_task',
      tags: tags({ view_id: 'v1', long_task_id: 'l1' }),
      fields: { duration: 2e8 },
      time: T + 500,
    },
  ];
}

beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
  await server.registerApp({ app_id: 'shop' });
  const response = await server.ingest(traffic());
  expect(response.status).toBe(200);
  otherKey = (await server.otherWorkspace()).key;
}, 60_000);
afterAll(() => server.close());

describe('details and linkage', () => {
  it('gives a session with all its views and events in time order', async () => {
    const { status, body } = await get('/api/v1/sessions/s1');
    expect(status).toBe(200);
    expect(body.session).toMatchObject({
      session_id: 's1',
      session_view_count: 2,
      session_error_count: 3,
    });
    expect(body.events.map((e: Body) => `${e.category}:${e.view_id}`)).toEqual([
      'view:v1',
      'long_task:v1',
      'error:v1',
      'error:v1',
      'view:v2',
      'action:v2',
      'resource:v2',
      'error:v2',
    ]);
    expect(body.truncated).toBe(false);
    // Each entry carries what the timeline draws; the whole event is one request away.
    const resource = body.events.find((e: Body) => e.category === 'resource');
    expect(resource).toMatchObject({
      resource_id: 'r1',
      resource_url: 'https://shop.example.com/api/pay',
      resource_status: 503,
      duration: 3e8,
      action_id: 'a1',
      session_id: 's1',
    });
    expect(Object.keys(resource)).not.toContain('app_id');
  });

  it('finds the events of a long session and view at both ends of their span', async () => {
    const HOUR = 60 * MIN;
    const long = (extra: Record<string, string>) => ({
      app_id: 'shop',
      session_id: 's_long',
      view_id: 'v_long',
      ...extra,
    });
    const response = await server.ingest([
      { measurement: 'view', tags: long({}), fields: { time_spent: 2 * 3600e9 }, time: T + HOUR },
      {
        measurement: 'resource',
        tags: long({ resource_id: 'r_first' }),
        fields: { resource_url: 'https://shop.example.com/a.js', duration: 1e6 },
        time: T + HOUR + 100,
      },
      {
        measurement: 'error',
        tags: long({ error_id: 'e_late', error_source: 'source' }),
        fields: { error_message: 'late' },
        time: T + 2 * HOUR + 55 * MIN,
      },
    ]);
    expect(response.status).toBe(200);
    const session = await get('/api/v1/sessions/s_long');
    expect(session.body.events.map((e: Body) => e.category)).toEqual(['view', 'resource', 'error']);
    // Found in a range around its start only (as the explorer opens it from its row), it still
    // comes with every event of its span.
    const around = await get(`/api/v1/sessions/s_long?from=${T + HOUR - MIN}&to=${T + HOUR + MIN}`);
    expect(around.body.events.map((e: Body) => e.category)).toEqual(['view', 'resource', 'error']);
    const wide = `from=${T + HOUR - MIN}&to=${T + HOUR + 4 * HOUR}`;
    expect((await get(`/api/v1/sessions/s_long?${wide}`)).body.events).toEqual(session.body.events);
    const view = await get('/api/v1/views/v_long');
    expect(view.body.resources.map((r: Body) => r.resource_id)).toEqual(['r_first']);
    expect(view.body.errors.map((r: Body) => r.error_id)).toEqual(['e_late']);
    const error = await get('/api/v1/events/error/e_late');
    expect(error.body.session.session_id).toBe('s_long');
    expect(error.body.view.view_id).toBe('v_long');
  });

  it("gives a view's waterfall: its resources, errors, actions and long tasks", async () => {
    const { body } = await get('/api/v1/views/v2');
    expect(body.view.view_path).toBe('/cart');
    expect(body.resources.map((r: Body) => r.resource_id)).toEqual(['r1']);
    expect(body.errors.map((r: Body) => r.error_id)).toEqual(['e1']);
    expect(body.actions.map((r: Body) => r.action_id)).toEqual(['a1']);
    expect(body.long_tasks).toEqual([]);
  });

  it('gives any event with its session, view and action', async () => {
    const { body } = await get('/api/v1/events/error/e1');
    expect(body.event.error_message).toContain('failed with 503');
    expect(body.session.session_id).toBe('s1');
    expect(body.view.view_id).toBe('v2');
    expect(body.action.action_name).toBe('Pay');
    const { body: resource } = await get('/api/v1/events/resource/r1');
    expect(resource.action.action_id).toBe('a1');
  });

  it('answers 404 for unknown ids and for ids of another workspace', async () => {
    expect((await get('/api/v1/sessions/nope')).body.error_code).toBe('session.not_found');
    expect((await get('/api/v1/views/nope')).status).toBe(404);
    expect((await get('/api/v1/events/error/nope')).status).toBe(404);
    expect((await get('/api/v1/sessions/s1', otherKey)).status).toBe(404);
    expect((await get('/api/v1/events/error/e1', otherKey)).status).toBe(404);
    expect((await get('/api/v1/events/telemetry/x')).status).toBe(400);
  });

  it('clusters errors by the pattern of their message, or by chosen fields', async () => {
    const clusters = async (body: unknown) => {
      const response = await server.api('POST', '/api/v1/errors/clusters', body);
      return (await response.json()) as Body;
    };
    const range = { from: T - MIN, to: T + 10 * MIN };
    const byPattern = await clusters(range);
    expect(byPattern.sampled).toBe(3);
    expect(byPattern.clusters.map((c: Body) => [c.pattern, c.count])).toEqual([
      ["Cannot read properties of undefined (reading '<str>')", 2],
      ['POST <url> failed with <n>', 1],
    ]);
    expect(byPattern.clusters[0]).toMatchObject({ first_seen: T + 1000, last_seen: T + 5000 });
    // The sample is the newest error of the cluster, with its stack and its links.
    expect(byPattern.clusters[0].sample).toMatchObject({
      error_id: 'e3',
      view_id: 'v1',
      session_id: 's1',
      error_stack: expect.stringContaining('at render (app.js:3:7)'),
    });
    const byField = await clusters({ ...range, fields: ['error_source'] });
    expect(byField.clusters.map((c: Body) => [c.pattern, c.count])).toEqual([
      ['source', 2],
      ['network', 1],
    ]);
    const filtered = await clusters({ ...range, query: 'error_source:network' });
    expect(filtered.sampled).toBe(1);
    const bad = await server.api('POST', '/api/v1/errors/clusters', { ...range, fields: ['nope'] });
    expect(bad.status).toBe(400);
  });
});
