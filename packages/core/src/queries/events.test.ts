import { InfiniteQueryObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import type { SearchEventsResult } from '../api/index.js';
import { createMemoryBackend } from '../backend/memory.js';
import type { Point } from '../protocol/index.js';
import {
  analysisOptions,
  errorClustersOptions,
  eventDetailOptions,
  eventKeys,
  facetOptions,
  histogramOptions,
  searchEventPagesOptions,
  searchEventsOptions,
  sessionDetailOptions,
  viewDetailOptions,
} from './events.js';

const T = Date.UTC(2026, 10, 20, 10);
const MIN = 60_000;
const scope = { category: 'view', from: T - MIN, to: T + 10 * MIN } as const;
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** Five views of one session a minute apart, and an error on the last. */
function backend() {
  const tags = (i: number) => ({ app_id: 'shop', session_id: 's1', view_id: `v${i}` });
  const points: Point[] = Array.from({ length: 5 }, (_, i) => ({
    measurement: 'view',
    tags: { ...tags(i), browser: i % 2 ? 'Firefox' : 'Chrome' },
    fields: { time_spent: 1e9, loading_time: (i + 1) * 1e8 },
    time: T + i * MIN,
  }));
  points.push({
    measurement: 'error',
    tags: { ...tags(4), error_id: 'e1' },
    fields: { error_message: 'Timeout after 300 ms' },
    time: T + 4 * MIN + 1,
  });
  return createMemoryBackend({ now: () => T + 5 * MIN, events: points });
}

describe('eventKeys', () => {
  it('nests every key under eventKeys.all, by kind of question', () => {
    const keys = [
      eventKeys.search(scope),
      eventKeys.searchPages(scope),
      eventKeys.facet({ ...scope, field: 'browser' }),
      eventKeys.histogram(scope),
      eventKeys.analysis({ ...scope, group_by: ['browser'] }),
      eventKeys.session('s1'),
      eventKeys.view('v1'),
      eventKeys.event('error', 'e1'),
      eventKeys.errorClusters(scope),
    ];
    for (const key of keys) expect(key.slice(0, 2)).toEqual([...eventKeys.all]);
    expect(eventKeys.searchPages(scope).slice(0, 3)).toEqual([...eventKeys.searches()]);
    expect(eventKeys.session('s1').slice(0, 3)).toEqual([...eventKeys.details()]);
    expect(eventKeys.event('error', 'e1')).not.toEqual(eventKeys.event('view', 'e1'));
    expect(eventKeys.view('v1', { from: 1 })).not.toEqual(eventKeys.view('v1'));
  });
});

describe('event query options', () => {
  it('are plain objects that pass the query signal to the backend', async () => {
    const rum = backend();
    const spy = vi.spyOn(rum, 'searchEvents');
    const options = searchEventsOptions(rum, scope);
    expect(Object.keys(options).sort()).toEqual(['queryFn', 'queryKey', 'staleTime']);
    expect((await client().fetchQuery(options)).rows).toHaveLength(5);
    expect(spy.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('page through the explorer list with the cursor', async () => {
    const rum = backend();
    const observer = new InfiniteQueryObserver(
      client(),
      searchEventPagesOptions(rum, { ...scope, limit: 2 }),
    );
    await observer.refetch();
    expect(observer.getCurrentResult().hasNextPage).toBe(true);
    await observer.fetchNextPage();
    const last = await observer.fetchNextPage();
    const pages = last.data?.pages as SearchEventsResult[];
    expect(pages.map((page) => page.rows.map((row) => row.view_id))).toEqual([
      ['v4', 'v3'],
      ['v2', 'v1'],
      ['v0'],
    ]);
    expect(last.hasNextPage).toBe(false);
  });

  it('ask for larger pages after the first when told to', async () => {
    const rum = backend();
    const spy = vi.spyOn(rum, 'searchEvents');
    const observer = new InfiniteQueryObserver(
      client(),
      searchEventPagesOptions(rum, { ...scope, limit: 1 }, { nextLimit: 3 }),
    );
    await observer.refetch();
    const next = await observer.fetchNextPage();
    const pages = next.data?.pages as SearchEventsResult[];
    expect(pages.map((page) => page.rows.length)).toEqual([1, 3]);
    expect(spy.mock.calls.map(([input]) => input.limit)).toEqual([1, 3]);
  });

  it('answer facets, histograms and analyses', async () => {
    const rum = backend();
    const qc = client();
    expect((await qc.fetchQuery(facetOptions(rum, { ...scope, field: 'browser' }))).values).toEqual(
      [
        { value: 'Chrome', count: 3 },
        { value: 'Firefox', count: 2 },
      ],
    );
    const histogram = await qc.fetchQuery(histogramOptions(rum, { ...scope, buckets: 11 }));
    expect(histogram.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    const analysis = await qc.fetchQuery(
      analysisOptions(rum, {
        ...scope,
        group_by: ['browser'],
        aggregate: 'max',
        field: 'loading_time',
      }),
    );
    expect(analysis.series.map((s) => [s.group.browser, s.value])).toEqual([
      ['Chrome', 5e8],
      ['Firefox', 4e8],
    ]);
  });

  it('load details and clusters, and surface a 404 to the query', async () => {
    const rum = backend();
    const qc = client();
    expect((await qc.fetchQuery(sessionDetailOptions(rum, 's1'))).events).toHaveLength(6);
    expect((await qc.fetchQuery(viewDetailOptions(rum, 'v4'))).errors).toHaveLength(1);
    expect((await qc.fetchQuery(eventDetailOptions(rum, 'error', 'e1'))).view?.view_id).toBe('v4');
    const clusters = await qc.fetchQuery(
      errorClustersOptions(rum, { from: scope.from, to: scope.to }),
    );
    expect(clusters.clusters.map((c) => c.pattern)).toEqual(['Timeout after <n> ms']);
    await expect(qc.fetchQuery(viewDetailOptions(rum, 'nope'))).rejects.toMatchObject({
      status: 404,
    });
  });
});
