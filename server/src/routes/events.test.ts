import type { Point } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/index.js';

const T = Date.UTC(2026, 10, 20, 10, 0, 0);
const MIN = 60_000;
const MS = 1e6;
const range = { from: T - 60 * MIN, to: T + 60 * MIN };

let server: TestServer;
let otherKey: string;

// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions
type Body = any;
const query = async (route: string, body: unknown, key?: string) => {
  const response = await server.api('POST', `/api/v1/events/${route}`, body, key);
  return { status: response.status, body: (await response.json()) as Body };
};

/** Ten resources over ten minutes, two sessions, known durations, statuses and paths. */
function traffic(): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 10; i++) {
    points.push({
      measurement: 'resource',
      tags: {
        app_id: i < 7 ? 'web_a' : 'web_b',
        session_id: i % 2 === 0 ? 'even' : 'odd',
        view_id: `v${i}`,
        resource_status: i === 3 ? '500' : '200',
        resource_type: i < 5 ? 'fetch' : 'js',
        browser: i < 4 ? 'Chrome' : 'Firefox',
      },
      fields: {
        duration: (i + 1) * 100 * MS,
        resource_url: `https://api.example.com/items/${i}?q=${i === 6 ? "'; DROP TABLE resource; --" : 'x'}`,
        resource_url_path_group: i < 5 ? '/items/?' : '/cart',
        track_id: i === 9 ? 'rtrace_42' : 'rtrace_0',
      },
      time: T + i * MIN,
    });
  }
  points.push({
    measurement: 'error',
    tags: { app_id: 'web_a', session_id: 'even', view_id: 'v0', error_type: 'TypeError' },
    fields: {
      error_message: 'Cannot read properties of undefined (reading "price")',
      error_stack: 'at checkout.js:10:5',
    },
    time: T,
  });
  return points;
}

beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
  await server.registerApp({ app_id: 'web_a' });
  await server.registerApp({ app_id: 'web_b' });
  const response = await server.ingest(traffic());
  expect(response.status).toBe(200);
  otherKey = (await server.otherWorkspace()).key;
}, 60_000);
afterAll(() => server.close());

const durations = (rows: Body[]) => rows.map((r) => r.duration / (100 * MS)).sort((a, b) => a - b);

describe('POST /api/v1/events/search', () => {
  it.each([
    ['', 10],
    ['browser:Chrome', 4],
    ['-browser:Chrome', 6],
    ['resource_status:500', 1],
    ['resource_status:>=400', 1],
    ['duration:>500ms', 5],
    ['duration:[200ms TO 400ms]', 3],
    ['browser:Chrome OR resource_type:js', 9],
    ['browser:Chrome resource_type:fetch', 4],
    ['NOT (browser:Chrome OR resource_type:js)', 1],
    ['resource_url_path_group:/items*', 5],
    ['resource_type:(js OR fetch) -session_id:even', 5],
    ['track_id:rtrace_42', 1],
    ['track_id:*', 10],
    ['items/3', 1],
    ['"DROP TABLE resource"', 1],
  ])('%j finds %i resources', async (text, count) => {
    const { status, body } = await query('search', {
      category: 'resource',
      ...range,
      query: text,
      limit: 100,
    });
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(count);
  });

  it('matches free text in the text fields of errors', async () => {
    const { body } = await query('search', { category: 'error', ...range, query: 'properties' });
    expect(body.rows.map((r: Body) => r.error_type)).toEqual(['TypeError']);
  });

  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const first = await query('search', { category: 'resource', ...range, limit: 4 });
    expect(first.body.rows.map((r: Body) => r.time)).toEqual([9, 8, 7, 6].map((i) => T + i * MIN));
    const second = await query('search', {
      category: 'resource',
      ...range,
      limit: 4,
      cursor: first.body.next_cursor,
    });
    const third = await query('search', {
      category: 'resource',
      ...range,
      limit: 4,
      cursor: second.body.next_cursor,
    });
    expect(third.body.next_cursor).toBeNull();
    const all = [...first.body.rows, ...second.body.rows, ...third.body.rows].map(
      (r: Body) => r.view_id,
    );
    expect(new Set(all).size).toBe(10);
  });

  it('sorts by any field and returns only the chosen columns', async () => {
    const { body } = await query('search', {
      category: 'resource',
      ...range,
      sort: { field: 'duration', order: 'asc' },
      columns: ['duration', 'browser', 'track_id'],
      limit: 3,
    });
    expect(durations(body.rows)).toEqual([1, 2, 3]);
    expect(Object.keys(body.rows[0]).sort()).toEqual(['browser', 'custom', 'duration', 'time']);
    expect(body.rows[0].custom).toEqual({ track_id: 'rtrace_0' });
    const next = await query('search', {
      category: 'resource',
      ...range,
      sort: { field: 'duration', order: 'asc' },
      limit: 3,
      cursor: body.next_cursor,
    });
    expect(durations(next.body.rows)).toEqual([4, 5, 6]);
  });

  it.for([
    ['browser', 'desc'],
    ['resource_size', 'asc'],
  ] as const)(
    'pages through a sort by %s with ties and missing values',
    async ([field, order], { expect }) => {
      const seen: Body[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const { status, body } = await query('search', {
          category: 'resource',
          ...range,
          sort: { field, order },
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        expect(status).toBe(200);
        seen.push(...body.rows);
        cursor = body.next_cursor ?? undefined;
        if (!cursor) break;
      }
      expect(cursor).toBeUndefined();
      expect(new Set(seen.map((r) => r.view_id)).size).toBe(10);
      expect(seen).toHaveLength(10);
      if (field === 'browser') {
        expect(seen.map((r) => r.browser)).toEqual([
          ...Array(6).fill('Firefox'),
          ...Array(4).fill('Chrome'),
        ]);
      }
    },
  );

  it('refuses a cursor whose value does not fit the sort', async () => {
    const forged = Buffer.from(JSON.stringify({ r: '1', v: 'abc' })).toString('base64url');
    const { status, body } = await query('search', {
      category: 'resource',
      ...range,
      sort: { field: 'duration', order: 'asc' },
      cursor: forged,
    });
    expect(status).toBe(400);
    expect(body.message).toMatch(/cursor/);
  });

  it.for(['desc', 'asc'] as const)(
    'pages %s through records days apart, across its growing time windows',
    async (order, { expect }) => {
      const HOUR = 60 * MIN;
      const start = T - 4 * 24 * HOUR;
      // 9 actions from 4 days to 1 day before T: the first window (1 h) holds none of them.
      const times = [0, 1, 2, 7, 30, 31, 50, 71, 72].map((h) => start + h * HOUR);
      const response = await server.ingest(
        times.map((time, i) => ({
          measurement: 'action',
          tags: {
            app_id: 'web_b',
            session_id: `far_${order}`,
            view_id: 'far_view',
            action_type: 'click',
          },
          fields: { action_id: `far_${order}_${i}`, action_name: 'Buy', duration: MS },
          time,
        })),
      );
      expect(response.status).toBe(200);
      const seen: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const { body } = await query('search', {
          category: 'action',
          from: start - HOUR,
          to: T + HOUR,
          query: `session_id:far_${order}`,
          sort: { field: 'time', order },
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...body.rows.map((r: Body) => r.time));
        cursor = body.next_cursor ?? undefined;
        if (!cursor) break;
      }
      const expected = order === 'desc' ? [...times].reverse() : times;
      expect(seen).toEqual(expected);
    },
  );

  it('filters by app', async () => {
    const { body } = await query('search', { category: 'resource', ...range, app_ids: ['web_b'] });
    expect(body.rows).toHaveLength(3);
  });

  it('answers bad syntax and unknown fields with 400 and the position', async () => {
    const syntax = await query('search', {
      category: 'resource',
      ...range,
      query: 'browser:(Chrome OR',
    });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error_code).toMatch(/^search\./);
    expect(syntax.body.details.position).toBeGreaterThanOrEqual(8);
    const unknown = await query('search', {
      category: 'resource',
      ...range,
      query: 'browser:Chrome nosuchfield:1',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error_code: 'search.unknown_field',
      details: { position: 15 },
    });
    const column = await query('search', { category: 'resource', ...range, columns: ['nope'] });
    expect(column.body).toMatchObject({ error_code: 'field.unknown' });
    const badCursor = await query('search', { category: 'resource', ...range, cursor: 'garbage' });
    expect(badCursor.status).toBe(400);
    const badRange = await query('search', { category: 'resource', from: T, to: T - 1 });
    expect(badRange.body.message).toContain('from must be before to');
  });

  it('never runs what a search holds as SQL', async () => {
    for (const text of [
      `resource_url:"'; DROP TABLE resource; --"`,
      `browser:"Chrome' OR '1'='1"`,
      `"x%' OR 1=1 --"`,
      `resource_url:*DROP*`,
    ]) {
      const { status } = await query('search', { category: 'resource', ...range, query: text });
      expect([200, 400]).toContain(status);
    }
    const injectedKey = await query('search', {
      category: 'resource',
      ...range,
      query: `"a\\"b":1`,
    });
    expect(injectedKey.status).toBe(400);
    const { body } = await query('search', {
      category: 'resource',
      ...range,
      query: `browser:"Chrome' OR '1'='1"`,
    });
    expect(body.rows).toEqual([]);
    expect((await query('search', { category: 'resource', ...range })).body.rows).toHaveLength(10);
  });

  it("shows nothing of another workspace's data", async () => {
    const { status, body } = await query('search', { category: 'resource', ...range }, otherKey);
    expect(status).toBe(200);
    expect(body.rows).toEqual([]);
    expect(
      (await query('facet', { category: 'resource', ...range, field: 'browser' }, otherKey)).body
        .values,
    ).toEqual([]);
    expect((await query('search', { category: 'resource', ...range }, 'bad-key')).status).toBe(401);
  });
});

describe('POST /api/v1/events/facet', () => {
  it('counts the top values of a tag under the search', async () => {
    const { body } = await query('facet', { category: 'resource', ...range, field: 'browser' });
    expect(body).toEqual({
      field: 'browser',
      values: [
        { value: 'Firefox', count: 6 },
        { value: 'Chrome', count: 4 },
      ],
      total: 10,
      min: null,
      max: null,
    });
    const filtered = await query('facet', {
      category: 'resource',
      ...range,
      field: 'browser',
      query: 'resource_type:fetch',
    });
    expect(filtered.body.values).toEqual([
      { value: 'Chrome', count: 4 },
      { value: 'Firefox', count: 1 },
    ]);
    const searched = await query('facet', {
      category: 'resource',
      ...range,
      field: 'browser',
      search: 'fire',
    });
    expect(searched.body.values).toEqual([{ value: 'Firefox', count: 6 }]);
  });

  it('gives min and max of a numeric field', async () => {
    const { body } = await query('facet', {
      category: 'resource',
      ...range,
      field: 'duration',
      limit: 3,
    });
    expect(body).toMatchObject({ min: 100 * MS, max: 1000 * MS, total: 10 });
    expect(body.values).toHaveLength(3);
  });
});

describe('POST /api/v1/events/histogram', () => {
  it('counts per automatic bucket, in at most the buckets asked', async () => {
    const { body } = await query('histogram', { category: 'resource', ...range, buckets: 12 });
    expect(body.interval_ms).toBe(10 * MIN);
    expect(body.buckets).toHaveLength(12);
    expect(body.buckets.reduce((sum: number, b: Body) => sum + b.count, 0)).toBe(10);
    expect(body.buckets[6]).toEqual({ time: T, count: 10 });
  });

  it('stacks by a tag', async () => {
    const { body } = await query('histogram', {
      category: 'resource',
      ...range,
      buckets: 120,
      group_by: 'browser',
    });
    expect(body.interval_ms).toBe(MIN);
    expect(body.groups).toEqual(['Firefox', 'Chrome']);
    const at = (i: number) => body.buckets.find((b: Body) => b.time === T + i * MIN);
    expect(at(0)).toEqual({ time: T, count: 1, by_group: { Chrome: 1 } });
    expect(at(9)).toEqual({ time: T + 9 * MIN, count: 1, by_group: { Firefox: 1 } });
  });
});

describe('POST /api/v1/events/analysis', () => {
  it('groups by tags with a percentile, as a top list', async () => {
    const { status, body } = await query('analysis', {
      category: 'resource',
      ...range,
      group_by: ['resource_type'],
      aggregate: 'p75',
      field: 'duration',
    });
    expect(status).toBe(200);
    // fetch: 100..500 ms → p75 400 ms; js: 600..1000 ms → p75 900 ms (linear interpolation).
    expect(body.series).toEqual([
      { group: { resource_type: 'js' }, value: 900 * MS },
      { group: { resource_type: 'fetch' }, value: 400 * MS },
    ]);
  });

  it('groups by up to three tags with counts over time', async () => {
    const { body } = await query('analysis', {
      category: 'resource',
      ...range,
      group_by: ['browser', 'resource_type', 'app_id'],
      mode: 'timeseries',
      buckets: 12,
    });
    expect(body.mode).toBe('timeseries');
    const firefoxJs = body.series.find(
      (s: Body) =>
        s.group.browser === 'Firefox' &&
        s.group.resource_type === 'js' &&
        s.group.app_id === 'web_a',
    );
    expect(firefoxJs.value).toBe(2);
    expect(firefoxJs.points.reduce((sum: number, p: Body) => sum + p.value, 0)).toBe(2);
    const bad = await query('analysis', {
      category: 'resource',
      ...range,
      group_by: ['browser'],
      aggregate: 'avg',
    });
    expect(bad.status).toBe(400);
    const notNumber = await query('analysis', {
      category: 'resource',
      ...range,
      group_by: ['browser'],
      aggregate: 'avg',
      field: 'browser',
    });
    expect(notNumber.body.error_code).toBe('field.not_numeric');
  });

  it('draws over time only the top groups, a missing tag being a group of its own', async () => {
    const { status, body } = await query('analysis', {
      category: 'resource',
      ...range,
      group_by: ['browser', 'os'],
      mode: 'timeseries',
      buckets: 120,
      limit: 1,
    });
    expect(status).toBe(200);
    // Firefox has 6 of the 10 resources, one a minute; no resource has an os.
    expect(body.series.map((s: Body) => [s.group, s.value])).toEqual([
      [{ browser: 'Firefox', os: null }, 6],
    ]);
    expect(body.interval_ms).toBe(MIN);
    const counts = body.series[0].points.map((p: Body) => p.value);
    expect(counts.filter((n: number) => n > 0)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('answers one series over the whole scope when nothing is grouped', async () => {
    const { status, body } = await query('analysis', {
      category: 'resource',
      ...range,
      aggregate: 'max',
      field: 'duration',
      mode: 'timeseries',
      buckets: 12,
    });
    expect(status).toBe(200);
    expect(body.series).toHaveLength(1);
    expect(body.series[0].group).toEqual({});
    expect(body.series[0].value).toBe(1000 * MS);
    const values = body.series[0].points
      .map((p: Body) => p.value)
      .filter((v: unknown) => v !== null);
    expect(Math.max(...values)).toBe(1000 * MS);
    const four = await query('analysis', {
      category: 'resource',
      ...range,
      group_by: ['browser', 'resource_type', 'app_id', 'os'],
    });
    expect(four.status).toBe(400);
  });
});
