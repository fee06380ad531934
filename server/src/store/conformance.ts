// The behaviour every EventStore engine must have. Test-only: engines' test files call
// describeEventStore; nothing in src imports this file. Views and sessions are in
// conformance-sessions.ts, the explorer's questions in conformance-explorer.ts, the replay
// segments' index in conformance-replay.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { describeExplorerConformance, type EngineHarness } from './conformance-explorer.js';
import { describeReplayConformance } from './conformance-replay.js';
import { HOUR, MIN, NS, row, T0, view } from './conformance-rows.js';
import { describeSessionConformance } from './conformance-sessions.js';
import type { EventStore, StoredValue } from './types.js';

export type { EngineHarness };
export { row };

export function describeEventStore(name: string, harness: () => EngineHarness) {
  describe(`EventStore conformance: ${name}`, () => {
    const open: EventStore[] = [];
    let current: EngineHarness | undefined;
    const start = async () => {
      current ??= harness();
      const store = await current.open();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => undefined);
      current = undefined;
    });

    it('stores events of every category with typed values and custom context intact', async () => {
      const store = await start();
      const big = 2n ** 62n;
      await store.write([
        row(
          'resource',
          T0,
          {
            session_id: 's1',
            view_id: 'v1',
            resource_url: 'https://cdn.example.com/app.js',
            resource_status: 200,
            duration: 1234567,
            resource_size: 2048,
          },
          'ws_a',
          { track_id: 'rtrace_1', cart_items: 3, vip: true },
        ),
        row('error', T0 + 1, {
          session_id: 's1',
          view_id: 'v1',
          error_message: 'boom "quoted" \\ back',
          error_type: 'TypeError',
        }),
        row('action', T0 + 2, {
          session_id: 's1',
          view_id: 'v1',
          action_name: 'click on Buy',
          action_type: 'click',
          duration: 5e7,
        }),
        row('long_task', T0 + 3, { session_id: 's1', view_id: 'v1', duration: big }),
        row('telemetry', T0 + 4, { message: 'sdk started' }),
      ]);
      const [resource] = await store.list({
        category: 'resource',
        workspaceId: 'ws_a',
        from: T0,
        to: T0 + 1,
      });
      expect(resource).toMatchObject({
        time: T0,
        workspace_id: 'ws_a',
        resource_url: 'https://cdn.example.com/app.js',
        resource_status: 200,
        duration: 1234567,
        resource_size: 2048,
        custom: { track_id: 'rtrace_1', cart_items: 3, vip: true },
      });
      const [error] = await store.list({
        category: 'error',
        workspaceId: 'ws_a',
        from: T0,
        to: T0 + 10,
      });
      expect(error?.error_message).toBe('boom "quoted" \\ back');
      const [longTask] = await store.list({
        category: 'long_task',
        workspaceId: 'ws_a',
        from: T0,
        to: T0 + 10,
      });
      expect(longTask?.duration).toBe(big);
      expect(
        await store.count({ category: 'action', workspaceId: 'ws_a', from: T0, to: T0 + 10 }),
      ).toBe(1);
      expect(
        await store.count({ category: 'telemetry', workspaceId: 'ws_a', from: T0, to: T0 + 10 }),
      ).toBe(1);
    });

    it('keeps rarely used fields exact and filters on them like any other', async () => {
      const store = await start();
      const huge = 2n ** 60n + 1n;
      await store.write([
        row('resource', T0, {
          session_id: 's1',
          resource_dns: huge,
          os_version: '10.14.6',
          resource_url_query: '{"q":"1"}',
        }),
        row('resource', T0 + 1, { session_id: 's1', resource_dns: 5, os_version: '14' }),
      ]);
      const range = { category: 'resource' as const, workspaceId: 'ws_a', from: T0, to: T0 + 10 };
      const [match] = await store.list({ ...range, where: { os_version: '10.14.6' } });
      expect(match).toMatchObject({
        resource_dns: huge,
        os_version: '10.14.6',
        resource_url_query: '{"q":"1"}',
      });
      expect(await store.count({ ...range, where: { resource_dns: 5 } })).toBe(1);
    });

    it('keeps workspaces apart, even for equal ids', async () => {
      const store = await start();
      await store.write([view('v1', 's1', T0, 1000)]);
      await store.write([{ ...view('v1', 's1', T0, 9000), workspaceId: 'ws_b' }]);
      const a = await store.list({ category: 'view', workspaceId: 'ws_a', from: T0, to: T0 + 1 });
      const b = await store.list({ category: 'view', workspaceId: 'ws_b', from: T0, to: T0 + 1 });
      expect(a.map((v) => v.time_spent)).toEqual([1000 * NS]);
      expect(b.map((v) => v.time_spent)).toEqual([9000 * NS]);
      expect(
        await store.count({ category: 'session', workspaceId: 'ws_a', from: T0, to: T0 + 1 }),
      ).toBe(1);
      await store.deleteWorkspace('ws_b');
      expect(
        await store.count({ category: 'view', workspaceId: 'ws_b', from: T0, to: T0 + 1 }),
      ).toBe(0);
      expect(
        await store.count({ category: 'view', workspaceId: 'ws_a', from: T0, to: T0 + 1 }),
      ).toBe(1);
    });

    it('filters by time (start inclusive, end exclusive) and by column equality', async () => {
      const store = await start();
      await store.write([
        row('error', T0, { session_id: 's1', error_type: 'TypeError' }),
        row('error', T0 + 10, { session_id: 's1', error_type: 'RangeError' }),
        row('error', T0 + 20, { session_id: 's2', error_type: 'TypeError' }),
      ]);
      const count = (from: number, to: number, where?: Record<string, string>) =>
        store.count({
          category: 'error',
          workspaceId: 'ws_a',
          from,
          to,
          ...(where ? { where } : {}),
        });
      expect(await count(T0, T0 + 20)).toBe(2);
      expect(await count(T0 + 1, T0 + 21)).toBe(2);
      expect(await count(T0, T0 + 21, { error_type: 'TypeError' })).toBe(2);
      expect(await count(T0, T0 + 21, { session_id: 's2' })).toBe(1);
      await expect(count(T0, T0 + 21, { 'no such column': 'x' })).rejects.toThrow(/no column/);
      const newest = await store.list({
        category: 'error',
        workspaceId: 'ws_a',
        from: T0,
        to: T0 + 21,
        limit: 2,
      });
      expect(newest.map((r) => r.time)).toEqual([T0 + 20, T0 + 10]);
    });

    it('groups the newest errors by message or by fields, newest group first', async () => {
      const store = await start();
      const error = (i: number, message: string, team: StoredValue, workspace = 'ws_a') =>
        row('error', T0 + i * MIN, { error_id: `e${i}`, error_message: message }, workspace, {
          team,
        });
      await store.write([
        error(0, 'Timeout after 300 ms', 5),
        error(1, 'Timeout after 300 ms', '5'),
        error(2, 'Boom', 'cart'),
        error(3, 'Timeout after 300 ms', 5),
        error(4, 'Boom', 'cart', 'ws_b'),
      ]);
      const scope = {
        category: 'error' as const,
        workspaceId: 'ws_a',
        from: T0,
        to: T0 + HOUR,
        filter: null,
        customKeys: new Set(['team']),
      };
      const byMessage = await store.errorGroups({ ...scope, fields: [], sample: 100 });
      expect(byMessage).toEqual({
        sampled: 4,
        groups: [
          {
            values: { error_message: 'Timeout after 300 ms' },
            errorId: 'e3',
            count: 3,
            firstSeen: T0,
            lastSeen: T0 + 3 * MIN,
          },
          {
            values: { error_message: 'Boom' },
            errorId: 'e2',
            count: 1,
            firstSeen: T0 + 2 * MIN,
            lastSeen: T0 + 2 * MIN,
          },
        ],
      });
      // Only the newest two: e3 and e2.
      const newest = await store.errorGroups({ ...scope, fields: [], sample: 2 });
      expect(newest.sampled).toBe(2);
      expect(newest.groups.map((g) => [g.errorId, g.count])).toEqual([
        ['e3', 1],
        ['e2', 1],
      ]);
      // A custom key keeps its JSON type: 5 and "5" are two groups.
      const byTeam = await store.errorGroups({ ...scope, fields: ['app_id', 'team'], sample: 100 });
      expect(byTeam.groups.map((g) => [g.values, g.count])).toEqual([
        [{ app_id: 'shop', team: 5 }, 2],
        [{ app_id: 'shop', team: 'cart' }, 1],
        [{ app_id: 'shop', team: '5' }, 1],
      ]);
    });

    it('deletes by age per workspace', async () => {
      const store = await start();
      await store.write([
        view('old', 's-old', T0 - 10 * 24 * HOUR, 1000),
        view('new', 's-new', T0, 1000),
        { ...view('old-b', 's-b', T0 - 10 * 24 * HOUR, 1000), workspaceId: 'ws_b' },
      ]);
      const { deleted } = await store.deleteOlderThan([
        { workspaceId: 'ws_a', before: T0 - 7 * 24 * HOUR },
      ]);
      expect(deleted).toBe(2); // the view and its session
      const all = { from: 0, to: T0 + HOUR };
      expect(await store.count({ category: 'view', workspaceId: 'ws_a', ...all })).toBe(1);
      expect(await store.count({ category: 'session', workspaceId: 'ws_a', ...all })).toBe(1);
      expect(await store.count({ category: 'view', workspaceId: 'ws_b', ...all })).toBe(1);
    });

    it('serialises concurrent writes without losing any', async () => {
      const store = await start();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.write([
            view(`v${i}`, `s${i % 4}`, T0 + i, 1000),
            row('resource', T0 + i, { session_id: `s${i % 4}`, view_id: `v${i}` }),
          ]),
        ),
      );
      const range = { workspaceId: 'ws_a', from: T0, to: T0 + HOUR };
      expect(await store.count({ category: 'view', ...range })).toBe(20);
      expect(await store.count({ category: 'resource', ...range })).toBe(20);
      const sessions = await store.list({ category: 'session', ...range });
      expect(sessions.map((s) => s.session_view_count)).toEqual([5, 5, 5, 5]);
    });

    it("deletes everything of a workspace and nothing of another's", async () => {
      const store = await start();
      await store.write([
        row('error', T0, { session_id: 's1' }, 'ws_a', { team: 'cart' }),
        row('error', T0, { session_id: 's1' }, 'ws_b', { team: 'cart' }),
        { ...view('v1', 's1', T0, 1000), workspaceId: 'ws_b' },
      ]);
      await store.deleteWorkspace('ws_b');
      const range = { from: T0, to: T0 + 1 };
      for (const category of ['error', 'view', 'session'] as const) {
        expect(await store.count({ category, workspaceId: 'ws_b', ...range })).toBe(0);
      }
      expect(await store.customKeys('ws_a', 'error')).toEqual(['team']);
      expect(await store.count({ category: 'error', workspaceId: 'ws_a', ...range })).toBe(1);
    });

    it('keeps committed data across a close and reopen', async () => {
      const first = await start();
      await first.write([view('v1', 's1', T0, 1000)]);
      await first.close();
      open.splice(open.indexOf(first), 1);
      const second = await start();
      expect(
        await second.count({ category: 'view', workspaceId: 'ws_a', from: T0, to: T0 + 1 }),
      ).toBe(1);
      // And the session keeps counting from where it was.
      await second.write([view('v1', 's1', T0, 2000), view('v2', 's1', T0 + MIN, 1000)]);
      const [session] = await second.list({
        category: 'session',
        workspaceId: 'ws_a',
        from: T0,
        to: T0 + 1,
      });
      expect(session?.session_view_count).toBe(2);
    });

    describeSessionConformance(start);
    describeReplayConformance(start);
    describeExplorerConformance(harness);
  });
}
