// Views, sessions and what is counted from them (timelines, billing, usage): part of the
// EventStore conformance suite. Test-only, called by describeEventStore.
import { TIMELINE_FIELDS } from '@rumkit/core/api';
import { expect, it } from 'vitest';
import { HOUR, MIN, NS, row, T0, type Values, view } from './conformance-rows.js';
import type { EventStore } from './types.js';

/** The tests; `start` opens the engine's store (closed after each test by the caller). */
export function describeSessionConformance(start: () => Promise<EventStore>) {
  it('keeps the latest version of a re-sent view, so the page view counts once', async () => {
    const store = await start();
    await store.write([view('v1', 's1', T0, 1000, { view_error_count: 0 })]);
    await store.write([view('v1', 's1', T0, 5000, { view_error_count: 2 })]);
    // A stale re-send that arrives late (a retry) must not overwrite the newer version.
    await store.write([view('v1', 's1', T0, 3000, { view_error_count: 1 })]);
    // Versions inside one batch too.
    await store.write([
      view('v2', 's1', T0 + MIN, 100),
      view('v2', 's1', T0 + MIN, 900),
      view('v2', 's1', T0 + MIN, 400),
    ]);
    const views = await store.list({
      category: 'view',
      workspaceId: 'ws_a',
      from: T0,
      to: T0 + HOUR,
    });
    expect(views.map((v) => [v.view_id, v.time_spent, v.view_error_count ?? null])).toEqual([
      ['v2', 900 * NS, null],
      ['v1', 5000 * NS, 2],
    ]);
    expect(
      await store.count({ category: 'view', workspaceId: 'ws_a', from: T0, to: T0 + HOUR }),
    ).toBe(2);
  });

  it("keeps each session's timeline: the timeline fields lists give, a view in its kept version", async () => {
    const store = await start();
    const big = 2n ** 62n;
    await store.write([
      view('v1', 's1', T0, 1000, { view_error_count: 0, view_name: 'home' }),
      row('resource', T0 + 1000, {
        session_id: 's1',
        view_id: 'v1',
        resource_id: 'r1',
        resource_url: 'https://api.example.com/cart',
        resource_status: 500,
        duration: big,
        trace_id: 't1',
      }),
      row('action', T0 + 2000, {
        session_id: 's1',
        view_id: 'v1',
        action_id: 'a1',
        action_name: 'buy',
      }),
      row('resource', T0 + 2500, { view_id: 'v1', resource_id: 'no-session' }),
      view('v9', 's2', T0 + 500, 100),
    ]);
    await store.write([
      // v1 again, later and longer: its newer version stands for it.
      view('v1', 's1', T0, 20_000, { view_error_count: 1, view_name: 'home' }),
      // ...and a stale version that arrives after it does not.
      view('v1', 's1', T0, 15_000, { view_error_count: 7 }),
      row('error', T0 + 3000, {
        session_id: 's1',
        view_id: 'v1',
        error_id: 'e1',
        error_message: 'boom',
      }),
      row('long_task', T0 + 4000, {
        session_id: 's1',
        view_id: 'v1',
        long_task_id: 'l1',
        duration: 60 * NS,
      }),
      row('error', T0 + 3000, { session_id: 's1', error_id: 'other' }, 'ws_b'),
    ]);
    const lists = await Promise.all(
      Object.entries(TIMELINE_FIELDS).map(async ([category, fields]) =>
        (
          await store.list({
            category: category as keyof typeof TIMELINE_FIELDS,
            workspaceId: 'ws_a',
            from: T0 - HOUR,
            to: T0 + HOUR,
            where: { session_id: 's1' },
            columns: ['session_id', ...fields],
          })
        ).map((record) => ({ ...record, category })),
      ),
    );
    const plain = (records: object[]) =>
      JSON.parse(JSON.stringify(records, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
    const timeline = await store.timeline('ws_a', 's1');
    expect(plain(timeline)).toEqual(plain(lists.flat().sort((a, b) => a.time - b.time)));
    expect(timeline.map((e) => [e.category, e.time])).toEqual([
      ['view', T0],
      ['resource', T0 + 1000],
      ['action', T0 + 2000],
      ['error', T0 + 3000],
      ['long_task', T0 + 4000],
    ]);
    expect(timeline[0]).toMatchObject({
      view_id: 'v1',
      time_spent: 20_000 * NS,
      view_error_count: 1,
    });
    expect(timeline[1]?.duration).toBe(big);
    expect((await store.timeline('ws_b', 's1')).map((e) => e.error_id)).toEqual(['other']);
    expect(await store.timeline('ws_a', 'nobody')).toEqual([]);

    // Retention and a workspace's deletion take the timeline with the events.
    await store.deleteOlderThan([{ workspaceId: 'ws_a', before: T0 + HOUR }]);
    expect(await store.timeline('ws_a', 's1')).toEqual([]);
    await store.deleteWorkspace('ws_b');
    expect(await store.timeline('ws_b', 's1')).toEqual([]);
  });

  it('derives the session from its events: counts, first and last page, time spent', async () => {
    const store = await start();
    await store.write([
      view('v1', 's1', T0, 30_000, { view_referrer: 'https://search.example.com/' }),
      row('resource', T0 + 1000, { session_id: 's1', view_id: 'v1', duration: 2e8 }),
      row('resource', T0 + 2000, { session_id: 's1', view_id: 'v1', duration: 1e8 }),
      row('error', T0 + 3000, { session_id: 's1', view_id: 'v1', error_message: 'x' }),
    ]);
    await store.write([
      view('v1', 's1', T0, 60_000),
      view('v2', 's1', T0 + 2 * MIN, 45_000, { userid: 'u-42', is_signin: true }),
      row('action', T0 + 2 * MIN + 1000, {
        session_id: 's1',
        view_id: 'v2',
        action_name: 'Buy',
        duration: 1e8,
      }),
      row('long_task', T0 + 2 * MIN + 2000, { session_id: 's1', view_id: 'v2', duration: 1.2e8 }),
    ]);
    const [session] = await store.list({
      category: 'session',
      workspaceId: 'ws_a',
      from: T0,
      to: T0 + HOUR,
    });
    expect(session).toMatchObject({
      time: T0,
      session_id: 's1',
      session_view_count: 2,
      session_resource_count: 2,
      session_error_count: 1,
      session_action_count: 1,
      session_long_task_count: 1,
      session_first_view_id: 'v1',
      session_first_view_path: '/v1',
      session_last_view_id: 'v2',
      session_last_view_name: '/v2',
      session_referrer: 'https://search.example.com/',
      userid: 'u-42',
      is_signin: true,
      time_spent: (2 * MIN + 45_000) * NS,
      session_time_spent_count: 1,
      session_has_replay: false,
    });
    expect(
      await store.count({ category: 'session', workspaceId: 'ws_a', from: T0, to: T0 + HOUR }),
    ).toBe(1);
  });

  it('counts one billing session for every started 4 hours', async () => {
    const store = await start();
    await store.write([view('v1', 'long', T0, 1000), view('v9', 'long', T0 + 9 * HOUR, 1000)]);
    const [session] = await store.list({
      category: 'session',
      workspaceId: 'ws_a',
      from: T0,
      to: T0 + 1,
    });
    expect(session?.session_time_spent_count).toBe(3);
  });

  it('marks a session as having a replay', async () => {
    const store = await start();
    await store.write([view('v1', 's1', T0, 1000)]);
    await store.markReplay('ws_a', 's1');
    const [session] = await store.list({
      category: 'session',
      workspaceId: 'ws_a',
      from: T0,
      to: T0 + 1,
    });
    expect(session?.session_has_replay).toBe(true);
  });

  it('counts usage per app and bucket: a re-sent view once, replay sessions by 4-hour spans', async () => {
    const store = await start();
    const other = (values: Values) => ({ ...values, app_id: 'blog' });
    await store.write([
      view('v1', 's1', T0, 1000),
      view('v2', 's1', T0 + MIN, 1000),
      row('resource', T0 + 2 * MIN, { session_id: 's1', view_id: 'v2' }),
      row('resource', T0 + 3 * MIN, { session_id: 's1', view_id: 'v2' }),
      row('error', T0 + 4 * MIN, { session_id: 's1', view_id: 'v2' }),
      row('action', T0 + HOUR, { session_id: 's1', view_id: 'v2' }),
      row('long_task', T0 + HOUR, other({ session_id: 's2' })),
      row('view', T0 + 5 * HOUR, other({ session_id: 's2', view_id: 'v9', time_spent: NS })),
    ]);
    await store.write([view('v1', 's1', T0, 9 * HOUR)]);
    await store.markReplay('ws_a', 's1');
    const usage = await store.usage('ws_a', T0, T0 + 24 * HOUR, HOUR);
    const sorted = usage
      .map((u) => [u.bucket - T0, u.appId, u.category, u.count])
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(sorted).toEqual(
      [
        [0, 'shop', 'view', 2],
        [0, 'shop', 'resource', 2],
        [0, 'shop', 'error', 1],
        [0, 'shop', 'replay', 3],
        [HOUR, 'shop', 'action', 1],
        [HOUR, 'blog', 'long_task', 1],
        [5 * HOUR, 'blog', 'view', 1],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(await store.usage('ws_b', T0, T0 + 24 * HOUR, HOUR)).toEqual([]);
  });
}
