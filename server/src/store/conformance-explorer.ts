// The explorer's questions every EventStore engine must answer alike: search in each syntax
// form, sorting and cursors, facets, histograms, analysis, usage and custom keys. Test-only,
// called by describeEventStore. The semantics are those routes/events.test.ts holds over HTTP.
import { parseSearch } from '@rumkit/core/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRow, EventStore, QueryScope, StoredRecord } from './types.js';

export interface EngineHarness {
  /** Opens the store at its location; calling it again after close reopens the same data. */
  open(): Promise<EventStore>;
}

const T = Date.UTC(2026, 10, 20, 10, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const MS = 1e6;
const range = { from: T - HOUR, to: T + HOUR };
/** Far actions: 4 days to 1 day before T, the first an hour's window holds none of. */
const FAR = [0, 1, 2, 7, 30, 31, 50, 71, 72].map((h) => T - 4 * 24 * HOUR + h * HOUR);

const event = (
  category: EventRow['category'],
  time: number,
  values: EventRow['values'],
  custom = {},
) => ({ category, time, workspaceId: 'ws_a', values, custom }) satisfies EventRow;

/** Ten resources over ten minutes, two sessions, known durations, statuses and paths. */
function traffic(): EventRow[] {
  const rows: EventRow[] = [];
  for (let i = 0; i < 10; i++) {
    rows.push(
      event(
        'resource',
        T + i * MIN,
        {
          app_id: i < 7 ? 'web_a' : 'web_b',
          session_id: i % 2 === 0 ? 'even' : 'odd',
          view_id: `v${i}`,
          resource_status: i === 3 ? 500 : 200,
          resource_type: i < 5 ? 'fetch' : 'js',
          browser: i < 4 ? 'Chrome' : 'Firefox',
          duration: (i + 1) * 100 * MS,
          resource_url: `https://api.example.com/items/${i}?q=${i === 6 ? "'; DROP TABLE resource; --" : 'x'}`,
          resource_url_path_group: i < 5 ? '/items/?' : '/cart',
        },
        { track_id: i === 9 ? 'rtrace_42' : 'rtrace_0' },
      ),
    );
  }
  rows.push(
    event('error', T, {
      app_id: 'web_a',
      session_id: 'even',
      view_id: 'v0',
      error_type: 'TypeError',
      error_message: 'Cannot read properties of undefined (reading "price")',
      error_stack: 'at checkout.js:10:5',
    }),
    ...FAR.map((time, i) =>
      event('action', time, {
        app_id: 'web_b',
        session_id: 'far',
        view_id: 'far_view',
        action_type: 'click',
        action_id: `far_${i}`,
        action_name: 'Buy',
        duration: MS,
      }),
    ),
  );
  return rows;
}

export function describeExplorerConformance(harness: () => EngineHarness) {
  describe('explorer questions', () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await harness().open();
      await store.write(traffic());
    }, 60_000);
    afterAll(() => store?.close());

    const scope = (query = '', more: Partial<QueryScope> = {}): QueryScope => ({
      category: 'resource',
      workspaceId: 'ws_a',
      ...range,
      filter: parseSearch(query),
      customKeys: new Set(['track_id']),
      ...more,
    });
    const durations = (rows: StoredRecord[]) =>
      rows.map((r) => Number(r.duration) / (100 * MS)).sort((a, b) => a - b);

    it.for([
      ['', 10],
      ['browser:Chrome', 4],
      ['-browser:Chrome', 6],
      ['resource_status:500', 1],
      ['resource_status:>=400', 1],
      ['duration:>500ms', 5],
      ['duration:<=200ms', 2],
      ['duration:[200ms TO 400ms]', 3],
      ['duration:{200ms TO 400ms}', 1],
      ['browser:Chrome OR resource_type:js', 9],
      ['browser:Chrome resource_type:fetch', 4],
      ['NOT (browser:Chrome OR resource_type:js)', 1],
      ['resource_url_path_group:/items*', 5],
      ['resource_type:(js OR fetch) -session_id:even', 5],
      ['track_id:rtrace_42', 1],
      ['-track_id:rtrace_42', 9],
      ['track_id:*', 10],
      ['os:*', 0],
      ['-os:*', 10],
      ['items/3', 1],
      ['ITEMS/3', 1],
      ['items/*?q=x', 9],
      ['"DROP TABLE resource"', 1],
      [`browser:"Chrome' OR '1'='1"`, 0],
      [`"x%' OR 1=1 --"`, 0],
      ['resource_url:https*DROP*', 1],
    ] as const)('a search for %j finds %i resources', async ([text, count]) => {
      const { rows } = await store.search({ ...scope(text), limit: 100 });
      expect(rows).toHaveLength(count);
    });

    it('matches free text in the text fields of errors, case-insensitively', async () => {
      const { rows } = await store.search({
        ...scope('PROPERTIES', { category: 'error' }),
        limit: 10,
      });
      expect(rows.map((r) => r.error_type)).toEqual(['TypeError']);
    });

    it('filters by app, and shows nothing of another workspace', async () => {
      expect(
        (await store.search({ ...scope('', { appIds: ['web_b'] }), limit: 100 })).rows,
      ).toHaveLength(3);
      expect(
        (await store.search({ ...scope('', { workspaceId: 'ws_b' }), limit: 100 })).rows,
      ).toEqual([]);
    });

    it('pages with a cursor, newest first, without gaps or repeats', async () => {
      const page = (cursor?: string) =>
        store.search({ ...scope(), limit: 4, ...(cursor ? { cursor } : {}) });
      const first = await page();
      expect(first.rows.map((r) => r.time)).toEqual([9, 8, 7, 6].map((i) => T + i * MIN));
      const second = await page(first.nextCursor ?? undefined);
      const third = await page(second.nextCursor ?? undefined);
      expect(third.nextCursor).toBeNull();
      const all = [...first.rows, ...second.rows, ...third.rows].map((r) => r.view_id);
      expect(new Set(all).size).toBe(10);
    });

    it.for(['desc', 'asc'] as const)('pages %s through records days apart', async (order) => {
      const seen: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await store.search({
          ...scope('session_id:far', { category: 'action', from: FAR[0] as number, to: T }),
          sort: { field: 'time', order },
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...result.rows.map((r) => r.time));
        cursor = result.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen).toEqual(order === 'desc' ? [...FAR].reverse() : FAR);
    });

    it('sorts by any field and returns only the chosen columns', async () => {
      const sort = { field: 'duration', order: 'asc' } as const;
      const first = await store.search({
        ...scope(),
        sort,
        columns: ['duration', 'browser', 'track_id'],
        limit: 3,
      });
      expect(durations(first.rows)).toEqual([1, 2, 3]);
      expect(Object.keys(first.rows[0] ?? {}).sort()).toEqual([
        'browser',
        'custom',
        'duration',
        'time',
        'workspace_id',
      ]);
      expect(first.rows[0]?.custom).toEqual({ track_id: 'rtrace_0' });
      const next = await store.search({
        ...scope(),
        sort,
        limit: 3,
        cursor: first.nextCursor ?? '',
      });
      expect(durations(next.rows)).toEqual([4, 5, 6]);
    });

    it.for([
      ['browser', 'desc'],
      ['resource_size', 'asc'],
      ['track_id', 'asc'],
    ] as const)(
      'pages through a sort by %s %s with ties and missing values',
      async ([field, order]) => {
        const seen: StoredRecord[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 10; page++) {
          const result = await store.search({
            ...scope(),
            sort: { field, order },
            limit: 3,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...result.rows);
          cursor = result.nextCursor ?? undefined;
          if (!cursor) break;
        }
        expect(cursor).toBeUndefined();
        expect(new Set(seen.map((r) => r.view_id)).size).toBe(10);
        if (field === 'browser') {
          expect(seen.map((r) => r.browser)).toEqual([
            ...Array(6).fill('Firefox'),
            ...Array(4).fill('Chrome'),
          ]);
        }
        if (field === 'track_id') expect(seen.at(-1)?.custom.track_id).toBe('rtrace_42');
      },
    );

    it('refuses a cursor it did not give out, or one that does not fit the sort', async () => {
      await expect(store.search({ ...scope(), limit: 3, cursor: 'garbage' })).rejects.toThrow(
        /cursor/,
      );
      const forged = Buffer.from(JSON.stringify({ r: '1', v: 'abc' })).toString('base64url');
      const sort = { field: 'duration', order: 'asc' } as const;
      await expect(store.search({ ...scope(), sort, limit: 3, cursor: forged })).rejects.toThrow(
        /cursor/,
      );
    });

    it('counts the top values of a field under the search, and a text search of them', async () => {
      expect(await store.facet({ ...scope(), field: 'browser', limit: 10 })).toEqual({
        field: 'browser',
        values: [
          { value: 'Firefox', count: 6 },
          { value: 'Chrome', count: 4 },
        ],
        total: 10,
        min: null,
        max: null,
      });
      const filtered = await store.facet({
        ...scope('resource_type:fetch'),
        field: 'browser',
        limit: 10,
      });
      expect(filtered.values).toEqual([
        { value: 'Chrome', count: 4 },
        { value: 'Firefox', count: 1 },
      ]);
      const searched = await store.facet({
        ...scope(),
        field: 'browser',
        limit: 10,
        search: 'FIRE',
      });
      expect(searched.values).toEqual([{ value: 'Firefox', count: 6 }]);
      const custom = await store.facet({ ...scope(), field: 'track_id', limit: 10 });
      expect(custom.values).toEqual([
        { value: 'rtrace_0', count: 9 },
        { value: 'rtrace_42', count: 1 },
      ]);
    });

    it('gives min and max of a numeric facet', async () => {
      const result = await store.facet({ ...scope(), field: 'duration', limit: 3 });
      expect(result).toMatchObject({ min: 100 * MS, max: 1000 * MS, total: 10 });
      expect(result.values).toHaveLength(3);
      expect(typeof result.values[0]?.value).toBe('number');
    });

    it('counts per bucket, in at most the buckets asked', async () => {
      const result = await store.histogram({ ...scope(), buckets: 12 });
      expect(result.interval_ms).toBe(10 * MIN);
      expect(result.buckets).toHaveLength(12);
      expect(result.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(10);
      expect(result.buckets[6]).toEqual({ time: T, count: 10 });
    });

    it('stacks a histogram by a field, the top groups first', async () => {
      const result = await store.histogram({ ...scope(), buckets: 120, groupBy: 'browser' });
      expect(result.interval_ms).toBe(MIN);
      expect(result.groups).toEqual(['Firefox', 'Chrome']);
      const at = (i: number) => result.buckets.find((b) => b.time === T + i * MIN);
      expect(at(0)).toEqual({ time: T, count: 1, by_group: { Chrome: 1 } });
      expect(at(9)).toEqual({ time: T + 9 * MIN, count: 1, by_group: { Firefox: 1 } });
    });

    const toplist = (aggregate: string, field?: string, groupBy: string[] = []) =>
      store.analysis({
        ...scope(),
        groupBy,
        aggregate: aggregate as never,
        ...(field ? { field } : {}),
        mode: 'toplist',
        limit: 10,
        buckets: 60,
      });

    it('groups by a field with an exact, interpolated percentile', async () => {
      const result = await toplist('p75', 'duration', ['resource_type']);
      // fetch: 100..500 ms → p75 400 ms; js: 600..1000 ms → p75 900 ms.
      expect(result.series).toEqual([
        { group: { resource_type: 'js' }, value: 900 * MS },
        { group: { resource_type: 'fetch' }, value: 400 * MS },
      ]);
    });

    it.for([
      ['count', 'duration', 10],
      ['avg', 'duration', 550 * MS],
      ['min', 'duration', 100 * MS],
      ['max', 'duration', 1000 * MS],
      ['p50', 'duration', 550 * MS],
      ['p90', 'duration', 910 * MS],
      ['p95', 'duration', 955 * MS],
      ['p99', 'duration', 991 * MS],
    ] as const)('computes %s of %s over the whole scope', async ([aggregate, field, value]) => {
      const result = await toplist(aggregate, field);
      expect(result.series).toHaveLength(1);
      expect(result.series[0]?.group).toEqual({});
      expect(result.series[0]?.value).toBeCloseTo(value, 3);
    });

    it('groups by up to three fields with counts over time', async () => {
      const result = await store.analysis({
        ...scope(),
        groupBy: ['browser', 'resource_type', 'app_id'],
        aggregate: 'count',
        mode: 'timeseries',
        limit: 10,
        buckets: 12,
      });
      expect(result.mode).toBe('timeseries');
      const firefoxJs = result.series.find(
        (s) =>
          s.group.browser === 'Firefox' &&
          s.group.resource_type === 'js' &&
          s.group.app_id === 'web_a',
      );
      expect(firefoxJs?.value).toBe(2);
      expect(firefoxJs?.points?.reduce((sum, p) => sum + (p.value ?? 0), 0)).toBe(2);
    });

    it('draws over time only the top groups, a missing field being a group of its own', async () => {
      const result = await store.analysis({
        ...scope(),
        groupBy: ['browser', 'os'],
        aggregate: 'count',
        mode: 'timeseries',
        limit: 1,
        buckets: 120,
      });
      expect(result.series.map((s) => [s.group, s.value])).toEqual([
        [{ browser: 'Firefox', os: null }, 6],
      ]);
      expect(result.interval_ms).toBe(MIN);
      const counts = result.series[0]?.points?.map((p) => p.value) ?? [];
      expect(counts.filter((n) => (n ?? 0) > 0)).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it('answers one series over time when nothing is grouped, empty buckets null', async () => {
      const result = await store.analysis({
        ...scope(),
        groupBy: [],
        aggregate: 'max',
        field: 'duration',
        mode: 'timeseries',
        limit: 10,
        buckets: 12,
      });
      expect(result.series).toHaveLength(1);
      expect(result.series[0]?.value).toBe(1000 * MS);
      const values = result.series[0]?.points?.map((p) => p.value) ?? [];
      expect(values.filter((v) => v !== null)).toEqual([1000 * MS]);
      expect(values.filter((v) => v === null)).toHaveLength(11);
    });

    it('lists the custom keys seen per category and workspace', async () => {
      expect(await store.customKeys('ws_a', 'resource')).toEqual(['track_id']);
      expect(await store.customKeys('ws_a', 'view')).toEqual([]);
      expect(await store.customKeys('ws_b', 'resource')).toEqual([]);
    });
  });
}
