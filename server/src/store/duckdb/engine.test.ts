import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEventStore, row } from '../conformance.js';
import type { EventStore } from '../types.js';
import { type DuckDbOptions, listStatement, openDuckDbStore } from './engine.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` on the store at `file`, and closes it whatever happens. */
async function withStore<T>(
  file: string,
  work: (store: EventStore) => Promise<T>,
  options: Partial<DuckDbOptions> = {},
): Promise<T> {
  const store = await openDuckDbStore({ path: file, threads: 2, ...options });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A fresh database file in a directory removed after the tests. */
function newFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-duckdb-'));
  dirs.push(dir);
  return path.join(dir, 'events.duckdb');
}

describeEventStore('DuckDB', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-duckdb-'));
  dirs.push(dir);
  return { open: () => openDuckDbStore({ path: path.join(dir, 'events.duckdb'), threads: 2 }) };
});

/** An error table as an older version made it, with error_id kept in attrs. */
async function oldErrorTable(file: string, T: number, extra: string[] = []) {
  const old = await DuckDBInstance.create(file);
  const connection = await old.connect();
  await connection.run(
    'CREATE TABLE "error" (time TIMESTAMP_MS NOT NULL, workspace_id VARCHAR NOT NULL, session_id VARCHAR, error_message VARCHAR, attrs VARCHAR, custom VARCHAR)',
  );
  await connection.run(
    `INSERT INTO "error" VALUES (make_timestamp_ms(${T}), 'w1', 's1', 'boom', '{"error_id":"e-old"}', NULL)`,
  );
  for (const statement of extra) await connection.run(statement);
  connection.closeSync();
  old.closeSync();
}

async function storedErrorIds(file: string) {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll('SELECT error_id FROM "error"')).getRows();
  connection.closeSync();
  instance.closeSync();
  return rows;
}

describe('a data directory from an older version', () => {
  it('finishes a migration that stopped after adding a column', async () => {
    const file = newFile();
    await oldErrorTable(file, Date.UTC(2026, 10, 20), [
      'CREATE TABLE pending_fill (category VARCHAR, name VARCHAR, PRIMARY KEY (category, name))',
      "INSERT INTO pending_fill VALUES ('error', 'error_id')",
      'ALTER TABLE "error" ADD COLUMN error_id VARCHAR',
    ]);
    await withStore(file, async () => undefined);
    expect(await storedErrorIds(file)).toEqual([['e-old']]);
  });

  it('gets the columns promoted since, filled from the rows it holds', async () => {
    const file = newFile();
    const T = Date.UTC(2026, 10, 20);
    await oldErrorTable(file, T);

    await withStore(file, async (store) => {
      const [record] = await store.list({
        category: 'error',
        workspaceId: 'w1',
        from: T - 1,
        to: T + 1,
        where: { error_id: 'e-old' },
      });
      expect(record).toMatchObject({ error_id: 'e-old', error_message: 'boom', session_id: 's1' });
    });
    // The value now lives in its column.
    expect(await storedErrorIds(file)).toEqual([['e-old']]);
  });
});

async function onFile<T>(file: string, work: (connection: DuckDBConnection) => Promise<T>) {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const indexesOf = (connection: DuckDBConnection) =>
  connection
    .runAndReadAll('SELECT index_name FROM duckdb_indexes()')
    .then((reader) => reader.getRows().map(([name]) => name));

describe('a session by id', () => {
  const T = Date.UTC(2026, 10, 20);

  it('is read through the session index, within its workspace and range only', async () => {
    const file = newFile();
    await withStore(file, async () => undefined);
    const query = {
      category: 'session' as const,
      workspaceId: 'w1',
      from: T - 1000,
      to: T + 1000,
      where: { session_id: 's1' },
    };
    const plan = await onFile(file, async (connection) => {
      // The same id in another workspace, and in this one outside the range.
      await connection.run(
        `INSERT INTO "session" (time, workspace_id, session_id, session_view_count) VALUES (make_timestamp_ms(${T}), 'w1', 's1', 3), (make_timestamp_ms(${T}), 'w2', 's1', 4), (make_timestamp_ms(${T + 5000}), 'w1', 's1', 5), (make_timestamp_ms(${T}), 'w1', 's2', 6)`,
      );
      const { sql, params } = listStatement(query);
      const reader = await connection.runAndReadAll(`EXPLAIN ANALYZE ${sql}`, params);
      return String(reader.getRows()[0]?.[1]);
    });
    expect(plan).toMatch(/Index Scan/);

    await withStore(file, async (store) => {
      const rows = await store.list(query);
      expect(rows.map((row) => [row.workspace_id, row.session_view_count])).toEqual([['w1', 3]]);
      expect(await store.list({ ...query, workspaceId: 'w3' })).toEqual([]);
    });
  });

  it('keeps its index through a migration that adds a session column (DuckDB 1.5 alters indexed tables)', async () => {
    const file = newFile();
    // A session table as an older version might have had it, without end_time, and indexed.
    await onFile(file, async (connection) => {
      await connection.run(
        'CREATE TABLE "session" (time TIMESTAMP_MS NOT NULL, workspace_id VARCHAR NOT NULL, session_id VARCHAR)',
      );
      await connection.run(`INSERT INTO "session" VALUES (make_timestamp_ms(${T}), 'w1', 's1')`);
      await connection.run('CREATE INDEX session_by_id ON "session" (session_id)');
    });
    await withStore(file, async (store) => {
      const [row] = await store.list({
        category: 'session',
        workspaceId: 'w1',
        from: T - 1,
        to: T + 1,
        where: { session_id: 's1' },
      });
      expect(row).toMatchObject({ session_id: 's1', workspace_id: 'w1', time: T });
    });
    const after = await onFile(file, async (connection) => ({
      indexes: await indexesOf(connection),
      columns: (
        await connection.runAndReadAll(
          "SELECT column_name FROM duckdb_columns() WHERE table_name = 'session'",
        )
      )
        .getRows()
        .map(([name]) => name),
    }));
    expect(after.indexes).toContain('session_by_id');
    expect(after.columns).toContain('end_time');
  });
});

describe("a store written before sessions' timelines were kept", () => {
  it('fills them from the stored events at start, as the writer would have', async () => {
    const file = newFile();
    const T = Date.UTC(2026, 10, 20);
    const big = 2n ** 60n;
    const written = await withStore(file, async (store) => {
      await store.write([
        row('view', T, {
          session_id: 's1',
          view_id: 'v1',
          time_spent: 1e9,
          view_url: 'https://a/',
        }),
        row('resource', T + 10, {
          session_id: 's1',
          view_id: 'v1',
          resource_id: 'r1',
          duration: big,
        }),
        row('error', T + 20, {
          session_id: 's1',
          view_id: 'v1',
          error_id: 'e1',
          error_message: 'x',
        }),
      ]);
      await store.write([
        row('view', T, {
          session_id: 's1',
          view_id: 'v1',
          time_spent: 3e9,
          view_url: 'https://a/',
        }),
        row('action', T + 30, { session_id: 's1', action_id: 'a1', action_name: 'go' }),
        row('long_task', T + 40, { session_id: 's2', long_task_id: 'l1', duration: 5e7 }),
      ]);
      return store.timeline('ws_a', 's1');
    });
    expect(written.map((e) => e.category)).toEqual(['view', 'resource', 'error', 'action']);
    // As an older version left it: no timeline table.
    await onFile(file, (connection) => connection.run('DROP TABLE session_timeline'));

    const notices: string[] = [];
    const onNotice = (message: string) => notices.push(message);
    await withStore(
      file,
      async (reopened) => {
        expect(notices).toEqual([
          'filling the session timelines from 5 stored events, once after this upgrade (about a minute per 4 million)',
          expect.stringMatching(/^session timelines filled in \d+\.\d s$/),
        ]);
        expect(await reopened.timeline('ws_a', 's1')).toEqual(written);
        expect((await reopened.timeline('ws_a', 's2')).map((e) => e.long_task_id)).toEqual(['l1']);
      },
      { onNotice },
    );
    expect(
      await onFile(file, async (connection) =>
        (await connection.runAndReadAll('SELECT * FROM pending_fill')).getRows(),
      ),
    ).toEqual([]);
  });
});

describe('a timeline table written with other timeline fields', () => {
  it('is filled again from the events, since its entries are positional', async () => {
    const file = newFile();
    const T = Date.UTC(2026, 10, 20);
    const written = await withStore(file, async (store) => {
      await store.write([
        row('view', T, { session_id: 's1', view_id: 'v1', time_spent: 1e9 }),
        row('error', T + 20, { session_id: 's1', view_id: 'v1', error_id: 'e1' }),
      ]);
      return store.timeline('ws_a', 's1');
    });
    // As a version whose view entries had other fields, in another order, left it.
    await onFile(file, async (connection) => {
      await connection.run('UPDATE store_meta SET value = \'{"view":["view_url"]}\'');
      await connection.run('DELETE FROM session_timeline');
      await connection.run(
        "INSERT INTO session_timeline VALUES ('ws_a', 's1', make_timestamp_ms(0), encode('garbage'))",
      );
    });
    await withStore(file, async (reopened) => {
      expect(await reopened.timeline('ws_a', 's1')).toEqual(written);
    });
  });
});
