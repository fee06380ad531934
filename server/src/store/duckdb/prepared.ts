import type {
  DuckDBConnection,
  DuckDBPreparedStatement,
  DuckDBResultReader,
  DuckDBValue,
} from '@duckdb/node-api';

/** What the store's questions need of a connection. */
export interface Reader {
  runAndReadAll(sql: string, values?: DuckDBValue[]): Promise<DuckDBResultReader>;
}

/**
 * A connection that keeps the statements it ran prepared, by their SQL text, so a question
 * asked again skips parsing and planning (node-api parses a statement twice to run it once).
 * The plan is the one an unprepared run gets, as node-api prepares every statement with
 * parameters before it binds them. Measured on the 10M-event store: a view's timeline lookup
 * 3.9 → 3.0 ms p50. A statement is used by one run at a time; the least recently used texts
 * past `size` are dropped.
 */
export function preparing(connection: DuckDBConnection, size = 128): Reader {
  const spare = new Map<string, DuckDBPreparedStatement[]>();

  const release = (sql: string, statement: DuckDBPreparedStatement) => {
    const statements = spare.get(sql) ?? [];
    spare.delete(sql);
    spare.set(sql, [...statements, statement]);
    for (const [oldest, dropped] of spare) {
      if (spare.size <= size) break;
      spare.delete(oldest);
      for (const each of dropped) each.destroySync();
    }
  };

  return {
    async runAndReadAll(sql, values) {
      const statement = spare.get(sql)?.pop() ?? (await connection.prepare(sql));
      try {
        statement.clearBindings();
        if (values) statement.bind(values);
        const reader = await statement.runAndReadAll();
        release(sql, statement);
        return reader;
      } catch (error) {
        statement.destroySync();
        throw error;
      }
    },
  };
}
