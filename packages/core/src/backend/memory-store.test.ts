import { describe, expect, it } from 'vitest';
import type { Point } from '../protocol/index.js';
import { createEventStore } from './memory-store.js';

const T0 = Date.UTC(2026, 10, 20, 10);
const MIN = 60_000;
const NS = 1e6;

const view = (id: string, session: string, time: number, spentMs: number, extra = {}): Point => ({
  measurement: 'view',
  tags: { app_id: 'shop', session_id: session, view_id: id, view_path: `/p/${id}/42` },
  fields: { time_spent: spentMs * NS, ...extra },
  time,
});
const all = (
  store: ReturnType<typeof createEventStore>,
  category: 'view' | 'session' | 'error',
) => [...store.records(category)];

describe('the in-memory event store', () => {
  it('types values by the catalogue and keeps unknown keys as custom context', () => {
    const store = createEventStore(() => T0);
    store.ingest([
      {
        measurement: 'resource',
        tags: { app_id: 'shop', resource_status: '503', team: 'cart' },
        fields: { duration: 3e8, resource_url_path: '/api/items/42', error_message: 'x' },
      },
    ]);
    const [resource] = store.records('resource');
    expect(resource).toMatchObject({
      time: T0,
      values: {
        app_id: 'shop',
        resource_status: 503,
        resource_status_group: '5xx',
        duration: 3e8,
        resource_url_path_group: '/api/items/?',
      },
      custom: { team: 'cart', error_message: 'x' },
    });
    expect([...store.customKeys('resource')].sort()).toEqual(['error_message', 'team']);
    expect(store.customKeys('view').size).toBe(0);
  });

  it('refuses a batch with a point the server would refuse, storing none of it', () => {
    const store = createEventStore(() => T0);
    expect(() =>
      store.ingest([
        view('v1', 's1', T0, 1000),
        { measurement: 'view', tags: { view_id: 'v2' }, fields: {}, time: T0 },
      ]),
    ).toThrow(/point 2 \(view\): the app_id tag is required/);
    expect(() =>
      store.ingest([{ measurement: 'view', tags: { app_id: 'a' }, fields: { loading_time: 'x' } }]),
    ).toThrow(TypeError);
    expect(all(store, 'view')).toEqual([]);
  });

  it('keeps the latest version of a re-sent view, so the page view counts once', () => {
    const store = createEventStore(() => T0);
    store.ingest([view('v1', 's1', T0, 1000, { view_error_count: 0 })]);
    store.ingest([view('v1', 's1', T0, 5000, { view_error_count: 2 })]);
    // A stale re-send that arrives late (a retry) must not overwrite the newer version.
    store.ingest([view('v1', 's1', T0, 3000, { view_error_count: 1 })]);
    store.ingest([
      view('v2', 's1', T0 + MIN, 100),
      view('v2', 's1', T0 + MIN, 900),
      view('v2', 's1', T0 + MIN, 400),
    ]);
    expect(all(store, 'view').map((v) => [v.values.view_id, v.values.time_spent])).toEqual([
      ['v1', 5000 * NS],
      ['v2', 900 * NS],
    ]);
    const [session] = all(store, 'session');
    expect(session?.values).toMatchObject({ session_view_count: 2, session_last_view_id: 'v2' });
  });

  it('keeps one session record per session, stored again (a new row) as events arrive', () => {
    const store = createEventStore(() => T0);
    store.ingest([view('v1', 's1', T0, 1000), view('v9', 's2', T0 + 1, 1000)]);
    const first = all(store, 'session').find((s) => s.values.session_id === 's1');
    store.ingest([
      {
        measurement: 'error',
        tags: { app_id: 'shop', session_id: 's1', userid: 'u-1' },
        fields: { error_message: 'boom' },
        time: T0 + MIN,
      },
    ]);
    const sessions = all(store, 'session');
    expect(sessions.map((s) => s.values.session_id)).toEqual(['s2', 's1']);
    expect(sessions[1]?.seq).toBeGreaterThan(first?.seq ?? 0);
    expect(sessions[1]).toMatchObject({
      time: T0,
      values: { session_error_count: 1, userid: 'u-1', time_spent: MIN * NS },
    });
  });

  it('deletes by age, after which a session starts afresh', () => {
    const store = createEventStore(() => T0);
    store.ingest([view('v1', 's1', T0, 1000)]);
    store.deleteOlderThan(T0 + 1);
    expect(all(store, 'view')).toEqual([]);
    expect(all(store, 'session')).toEqual([]);
    store.ingest([view('v1', 's1', T0 + MIN, 1000)]);
    expect(all(store, 'session')[0]?.values.session_view_count).toBe(1);
  });

  it('stamps points without a time with the arrival time', () => {
    const store = createEventStore(() => T0 + 123);
    store.ingest([{ measurement: 'view', tags: { app_id: 'a', view_id: 'v' }, fields: {} }]);
    expect(all(store, 'view')[0]?.time).toBe(T0 + 123);
  });
});
