import { DuckDBInstance } from '@duckdb/node-api';
import { parseSearch } from '@rumkit/core/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryScope } from '../types.js';
import { sameText, schemaStatements } from './ddl.js';
import { Sql } from './query.js';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
beforeAll(async () => {
  for (const statement of schemaStatements()) await connection.run(statement);
  // Rows on both sides of the ranges asked, so the table's own statistics decide nothing.
  for (const [day, status] of [
    [1, 200],
    [20, 600],
  ]) {
    await connection.run(
      `INSERT INTO "resource" (time, workspace_id, resource_status) VALUES (make_timestamp_ms(${Date.UTC(2026, 9, day)}), 'w1', ${status}), (make_timestamp_ms(${Date.UTC(2026, 11, day)}), 'w2', ${status})`,
    );
  }
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const scope = (extra: Partial<QueryScope>): QueryScope => ({
  category: 'resource',
  workspaceId: 'w1',
  from: Date.UTC(2026, 10, 1),
  to: Date.UTC(2026, 10, 2),
  filter: null,
  customKeys: new Set(),
  ...extra,
});

/** The filters DuckDB pushes into the scan of the plan of `SELECT … WHERE <scope>`. */
async function scanFilters(where: (sql: Sql) => string): Promise<string> {
  const sql = new Sql('resource');
  const clause = where(sql);
  const reader = await connection.runAndReadAll(
    `EXPLAIN (FORMAT json) SELECT count(*) FROM "resource" WHERE ${clause}`,
    sql.params,
  );
  const scan = JSON.stringify(JSON.parse(String(reader.getRows()[0]?.[1])));
  return scan.match(/"Filters":"([^"]*(?:\\"[^"]*)*)"/)?.[1] ?? scan;
}

describe('the time range of a question', () => {
  it('is pushed into the scan as typed bounds, so row groups outside it are skipped', async () => {
    const plan = await scanFilters((sql) => sql.scope(scope({})));
    expect(plan).toContain("time>='2026-11-01 00:00:00'");
    expect(plan).toContain("time<'2026-11-02 00:00:00'");
    // The cast that would defeat the row groups' min/max: the column, not the bound.
    expect(plan).not.toMatch(/CAST\(time/);
  });

  it('keeps the bounds pushed down beside a search filter', async () => {
    const plan = await scanFilters((sql) =>
      sql.scope(scope({ filter: parseSearch('resource_status:>=500') })),
    );
    expect(plan).toContain("time>='2026-11-01 00:00:00'");
    expect(plan).not.toMatch(/CAST\(time/);
  });
});

describe('a bound bigint', () => {
  it('is a BIGINT in the SQL, not the HUGEINT node-api would make it (slow to divide, widens columns)', async () => {
    const sql = new Sql('view');
    const placeholder = sql.bind(2n ** 40n);
    const reader = await connection.runAndReadAll(`SELECT typeof(${placeholder})`, sql.params);
    expect(reader.getRows()).toEqual([['BIGINT']]);
  });
});

describe('a lookup by id (sameText)', () => {
  it('is an expression the scan runs after the time bounds, not a constant filter on the column', async () => {
    const plan = await scanFilters((sql) => {
      const id = sql.bind('r-1');
      return `${sql.scope(scope({}))} AND ${sameText('resource_id', id)}`;
    });
    expect(plan).toContain("time>='2026-11-01 00:00:00'");
    expect(plan).toMatch(/COALESCE\(\(resource_id = 'r-1'\), false\)/);
    expect(plan).not.toMatch(/(^|[^(])resource_id='r-1'/);
  });

  it('matches the whole id only, and never a missing one', async () => {
    await connection.run(
      `INSERT INTO "resource" (time, workspace_id, resource_id) VALUES (make_timestamp_ms(${Date.UTC(2026, 10, 1, 1)}), 'w1', 'r-10'), (make_timestamp_ms(${Date.UTC(2026, 10, 1, 2)}), 'w1', NULL), (make_timestamp_ms(${Date.UTC(2026, 10, 1, 3)}), 'w1', 'r-1')`,
    );
    const rows = async (id: string) =>
      (
        await connection.runAndReadAll(
          `SELECT resource_id FROM "resource" WHERE ${sameText('resource_id', '$1')}`,
          [id],
        )
      ).getRows();
    expect(await rows('r-1')).toEqual([['r-1']]);
    expect(await rows('r-')).toEqual([]);
  });
});
