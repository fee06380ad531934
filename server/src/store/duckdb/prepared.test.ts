import { DuckDBInstance, DuckDBPreparedStatement } from '@duckdb/node-api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { preparing } from './prepared.js';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run('CREATE TABLE t AS SELECT range AS n FROM range(100000)');
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const SUM = 'SELECT sum(n) FROM t WHERE n < $1';
const sumBelow = (n: bigint) => (n * (n - 1n)) / 2n;

describe('a preparing reader', () => {
  it('prepares a statement once and answers each run with its own values', async () => {
    const prepare = vi.spyOn(connection, 'prepare');
    const reader = preparing(connection);
    for (const n of [10n, 1000n, 10n]) {
      const result = await reader.runAndReadAll(SUM, [n]);
      expect(result.getRows()).toEqual([[sumBelow(n)]]);
    }
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();
  });

  it('gives runs of the same text at the same time statements of their own, and keeps them', async () => {
    // A statement's values are bound in place: two runs sharing one while the first executes
    // in DuckDB's thread would race.
    const prepare = vi.spyOn(connection, 'prepare');
    const reader = preparing(connection);
    const limits = [5n, 50_000n, 7n, 99_999n, 3n, 12_345n];
    const answers = await Promise.all(limits.map((n) => reader.runAndReadAll(SUM, [n])));
    expect(answers.map((a) => a.getRows()[0]?.[0])).toEqual(limits.map(sumBelow));
    expect(prepare).toHaveBeenCalledTimes(limits.length);
    const bind = vi.spyOn(DuckDBPreparedStatement.prototype, 'bind');
    await Promise.all(limits.map((n) => reader.runAndReadAll(SUM, [n])));
    expect(prepare).toHaveBeenCalledTimes(limits.length);
    expect(new Set(bind.mock.contexts).size).toBe(limits.length);
    bind.mockRestore();
    prepare.mockRestore();
  });

  it('runs a statement without values, and forgets the values of the run before', async () => {
    const reader = preparing(connection);
    await reader.runAndReadAll(SUM, [10n]);
    await expect(reader.runAndReadAll(SUM)).rejects.toThrow();
    expect((await reader.runAndReadAll('SELECT count(*) FROM t')).getRows()).toEqual([[100000n]]);
  });

  it('drops the least recently used texts past its size, and destroys their statements', async () => {
    const prepare = vi.spyOn(connection, 'prepare');
    const reader = preparing(connection, 2);
    const texts = ['SELECT 1', 'SELECT 2', 'SELECT 3'];
    for (const text of texts) await reader.runAndReadAll(text);
    await reader.runAndReadAll('SELECT 3');
    expect(prepare).toHaveBeenCalledTimes(3);
    await reader.runAndReadAll('SELECT 1');
    expect(prepare).toHaveBeenCalledTimes(4);
    prepare.mockRestore();
  });

  it('passes an error on, and prepares the text afresh next time', async () => {
    const reader = preparing(connection);
    await expect(reader.runAndReadAll('SELECT 1 / $1::INTEGER', ['x'])).rejects.toThrow(
      /Could not convert string 'x'/,
    );
    expect((await reader.runAndReadAll('SELECT 1 / $1::INTEGER', [2])).getRows()).toEqual([[0.5]]);
  });
});
