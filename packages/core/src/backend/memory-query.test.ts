import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/index.js';
import type { Point } from '../protocol/index.js';
import { errorClusters, usage } from './memory-details.js';
import { analysis, facet, histogram, quantileCont, searchEvents } from './memory-query.js';
import { createEventStore } from './memory-store.js';

const T = Date.UTC(2026, 10, 20, 10);
const MIN = 60_000;
const MS = 1e6;
const range = { from: T, to: T + 60 * MIN };

/** Twelve resources a minute apart: browsers B0 (twice), B2…B11; durations 1…12 ms. */
function store() {
  const points: Point[] = Array.from({ length: 12 }, (_, i) => ({
    measurement: 'resource',
    tags: {
      app_id: 'shop',
      session_id: 's1',
      browser: `B${i < 2 ? 0 : i}`,
      ...(i === 11 ? {} : { resource_type: i % 2 ? 'js' : 'css' }),
    },
    fields: { duration: (i + 1) * MS, ...(i < 2 ? { tier: 'gold' } : {}) },
    time: T + i * MIN,
  }));
  const events = createEventStore(() => T);
  events.ingest(points);
  return events;
}

const fails = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the question to fail');
};

describe('explorer questions over memory', () => {
  it('sorts by a field with missing values last, either way', () => {
    const asc = searchEvents(store(), {
      category: 'resource',
      ...range,
      sort: { field: 'resource_type', order: 'asc' },
    });
    expect(asc.rows.map((r) => r.resource_type ?? null)).toEqual([
      ...Array(6).fill('css'),
      ...Array(5).fill('js'),
      null,
    ]);
    const desc = searchEvents(store(), {
      category: 'resource',
      ...range,
      sort: { field: 'tier', order: 'desc' },
      limit: 3,
    });
    // Ties (and the missing values after them) newest first.
    expect(desc.rows.map((r) => r.time)).toEqual([T + MIN, T, T + 11 * MIN]);
  });

  it('refuses a cursor it did not give out', () => {
    for (const cursor of ['garbage', btoa('5')]) {
      const error = fails(() => searchEvents(store(), { category: 'resource', ...range, cursor }));
      expect(error).toMatchObject({ status: 400, code: 'request.invalid' });
    }
  });

  it('breaks facet ties by value and counts custom keys as text', () => {
    const result = facet(store(), { category: 'resource', ...range, field: 'browser', limit: 3 });
    expect(result.values).toEqual([
      { value: 'B0', count: 2 },
      { value: 'B10', count: 1 },
      { value: 'B11', count: 1 },
    ]);
    expect(result.total).toBe(12);
    const tier = facet(store(), { category: 'resource', ...range, field: 'tier' });
    expect(tier).toEqual({
      field: 'tier',
      values: [{ value: 'gold', count: 2 }],
      total: 2,
      min: null,
      max: null,
    });
  });

  it('stacks the top ten values and puts the rest, missing ones too, in "other"', () => {
    const stacked = histogram(store(), {
      category: 'resource',
      ...range,
      buckets: 6,
      group_by: 'browser',
    });
    expect(stacked.interval_ms).toBe(10 * MIN);
    expect(stacked.groups[0]).toBe('B0');
    expect(stacked.groups).toHaveLength(11);
    expect(stacked.groups.at(-1)).toBe('other');
    expect(stacked.groups).not.toContain('B9');
    expect(stacked.buckets[0]?.by_group).toMatchObject({ B0: 2, B2: 1 });
    const byType = histogram(store(), {
      category: 'resource',
      ...range,
      buckets: 1,
      group_by: 'resource_type',
    });
    expect(byType.groups).toEqual(['css', 'js', 'other']);
    expect(byType.buckets).toEqual([{ time: T, count: 12, by_group: { css: 6, js: 5, other: 1 } }]);
  });

  it('measures groups, a missing value being a group of its own', () => {
    const result = analysis(store(), {
      category: 'resource',
      ...range,
      group_by: ['resource_type'],
      aggregate: 'max',
      field: 'duration',
    });
    expect(result.series).toEqual([
      { group: { resource_type: null }, value: 12 * MS },
      { group: { resource_type: 'css' }, value: 11 * MS },
      { group: { resource_type: 'js' }, value: 10 * MS },
    ]);
    const avg = analysis(store(), {
      category: 'resource',
      ...range,
      group_by: ['tier'],
      aggregate: 'avg',
      field: 'duration',
      limit: 1,
    });
    expect(avg.series).toEqual([{ group: { tier: null }, value: 7.5 * MS }]);
  });

  it('measures everything in scope as one series when grouped by nothing', () => {
    const all = analysis(store(), { category: 'resource', ...range, aggregate: 'count' });
    expect(all.series).toEqual([{ group: {}, value: 12 }]);
    const none = analysis(store(), { category: 'resource', ...range, query: 'browser:nope' });
    expect(none.series).toEqual([{ group: {}, value: 0 }]);
  });

  it('gives NULL for a measure without numbers, and 0 or NULL for empty buckets', () => {
    const result = analysis(store(), {
      category: 'resource',
      ...range,
      group_by: ['browser'],
      aggregate: 'avg',
      field: 'tier',
      mode: 'timeseries',
      buckets: 2,
    });
    expect(result.series[0]).toEqual({
      group: { browser: 'B0' },
      value: null,
      points: [
        { time: T, value: null },
        { time: T + 30 * MIN, value: null },
      ],
    });
  });

  it('interpolates percentiles as quantile_cont does', () => {
    expect(quantileCont([1, 2, 3, 4, 5], 0.75)).toBe(4);
    expect(quantileCont([1.5, 2.5], 0.75)).toBe(2.25);
    expect(quantileCont([7], 0.99)).toBe(7);
  });

  it('clusters at most the limit, and refuses fields errors lack', () => {
    const events = createEventStore(() => T);
    events.ingest(
      [3, 1, 2].map((n, i) => ({
        measurement: 'error',
        tags: { app_id: 'shop', error_source: i === 0 ? 'network' : 'source' },
        fields: { error_message: `failed after ${n} tries` },
        time: T + i,
      })),
    );
    const result = errorClusters(events, { ...range, fields: ['error_source'], limit: 1 });
    expect(result.sampled).toBe(3);
    expect(result.clusters.map((c) => [c.pattern, c.count, c.first_seen])).toEqual([
      ['source', 2, T + 1],
    ]);
    expect(fails(() => errorClusters(events, { ...range, fields: ['duration'] })).code).toBe(
      'field.unknown',
    );
  });

  it('counts replay sessions once per started 4 hours in usage', () => {
    const events = createEventStore(() => T);
    events.ingest([
      {
        measurement: 'view',
        tags: { app_id: 'shop', session_id: 's1', view_id: 'v1' },
        fields: { time_spent: 1e9, session_has_replay: true },
        time: T,
      },
      {
        measurement: 'view',
        tags: { app_id: 'shop', session_id: 's1', view_id: 'v2' },
        fields: { time_spent: 1e9 },
        time: T + 5 * 3600_000,
      },
    ]);
    const workspace = {
      id: 'ws',
      name: 'W',
      retention_days: 14 as const,
      time_zone: 'UTC',
      created_at: new Date(T).toISOString(),
    };
    const report = usage(events, workspace, { from: '2026-11-20', to: '2026-11-20' }, T);
    expect(report.days).toEqual([
      expect.objectContaining({ date: '2026-11-20', app_id: 'shop', pv: 2, replay_sessions: 2 }),
    ]);
  });
});
