import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEventStore } from '../conformance.js';
import { openDuckDbStore } from './engine.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

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
    const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-duckdb-'));
    dirs.push(dir);
    const file = path.join(dir, 'events.duckdb');
    await oldErrorTable(file, Date.UTC(2026, 10, 20), [
      'CREATE TABLE pending_fill (category VARCHAR, name VARCHAR, PRIMARY KEY (category, name))',
      "INSERT INTO pending_fill VALUES ('error', 'error_id')",
      'ALTER TABLE "error" ADD COLUMN error_id VARCHAR',
    ]);
    await (await openDuckDbStore({ path: file, threads: 2 })).close();
    expect(await storedErrorIds(file)).toEqual([['e-old']]);
  });

  it('gets the columns promoted since, filled from the rows it holds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-duckdb-'));
    dirs.push(dir);
    const file = path.join(dir, 'events.duckdb');
    const T = Date.UTC(2026, 10, 20);
    await oldErrorTable(file, T);

    const store = await openDuckDbStore({ path: file, threads: 2 });
    try {
      const [record] = await store.list({
        category: 'error',
        workspaceId: 'w1',
        from: T - 1,
        to: T + 1,
        where: { error_id: 'e-old' },
      });
      expect(record).toMatchObject({ error_id: 'e-old', error_message: 'boom', session_id: 's1' });
    } finally {
      await store.close();
    }
    // The value now lives in its column.
    expect(await storedErrorIds(file)).toEqual([['e-old']]);
  });
});
