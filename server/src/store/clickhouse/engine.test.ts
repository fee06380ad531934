import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeEventStore, row } from '../conformance.js';
import { openClickHouseStore } from './engine.js';
import { chdbExecutor } from './executor.js';
import { chdbBuilt, emptied } from './test-support.js';

// A store's statements run one after another in the engine; on a busy 2-core machine a test
// with a dozen writes can pass 5 s.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

// chDB is one engine per process, bound to one data directory: the file shares one directory.
const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-chdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!chdbBuilt)('on chDB', () => {
  describeEventStore('ClickHouse (chDB)', () => {
    let first = true;
    return {
      open: async () => {
        if (first) await emptied(chdbExecutor(dir), 'conformance');
        first = false;
        return openClickHouseStore({ path: dir, database: 'conformance' });
      },
    };
  });
});
let databases = 0;

const url = process.env.RUMKIT_CLICKHOUSE_URL;
describe.skipIf(!url)('against the server at RUMKIT_CLICKHOUSE_URL', () => {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  describeEventStore('ClickHouse (HTTP)', () => {
    const database = `rumkit_test_${run}_${++databases}`;
    return { open: () => openClickHouseStore({ url, database }) };
  });
});

describe.skipIf(!chdbBuilt)('the ClickHouse schema', () => {
  const T = Date.UTC(2026, 10, 20, 12);

  it("partitions rows by their workspace's retention tier and day, and expires them by it", async () => {
    const store = await openClickHouseStore({
      path: dir,
      database: 'tiers',
      retentionDays: (workspaceId) => (workspaceId === 'ws_short' ? 3 : 14),
    });
    try {
      await store.write([
        row('error', T, { session_id: 's1', error_message: 'x' }, 'ws_short'),
        row('error', T + 86_400_000, { session_id: 's2', error_message: 'y' }, 'ws_long'),
      ]);
      const executor = chdbExecutor(dir);
      try {
        const parts = await executor.query<{ partition: string }>(
          "SELECT DISTINCT partition FROM system.parts WHERE database = 'tiers' AND table = 'error' AND active ORDER BY partition",
        );
        expect(parts.map((p) => p.partition)).toEqual(['(14,20261121)', '(3,20261120)']);
        const [ddl] = await executor.query<{ statement: string }>(
          "SELECT create_table_query AS statement FROM system.tables WHERE database = 'tiers' AND name = 'error'",
        );
        expect(ddl?.statement).toMatch(
          /TTL toDateTime\(time\) \+ toIntervalDay\(if\(retention_days = 0/,
        );
        expect(ddl?.statement).toMatch(/ttl_only_drop_parts = 1/);
        expect(ddl?.statement).toMatch(/ORDER BY \(workspace_id, time, event_id\)/);
        expect(ddl?.statement).toMatch(/INDEX by_session_id session_id TYPE bloom_filter/);
      } finally {
        await executor.close();
      }
    } finally {
      await store.close();
    }
  });

  it('keeps two identical events apart: the event id is in the sort key', async () => {
    const store = await openClickHouseStore({ path: dir, database: 'twins' });
    try {
      const twin = row('action', T, { session_id: 's1', action_name: 'click' });
      await store.write([twin, twin]);
      await store.write([twin]);
      const range = { category: 'action' as const, workspaceId: 'ws_a', from: T, to: T + 1 };
      expect(await store.count(range)).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('names a bad database or a missing server', async () => {
    await expect(openClickHouseStore({ path: dir, database: 'x; DROP' })).rejects.toThrow(
      /database name must be letters/,
    );
    await expect(openClickHouseStore({ url: 'ftp://x' })).rejects.toThrow(
      /http:\/\/ or https:\/\//,
    );
    await expect(openClickHouseStore({})).rejects.toThrow(/needs a url .* or a path/);
  });
});
