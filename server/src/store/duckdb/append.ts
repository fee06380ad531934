import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/** DuckDB's vector size: a data chunk holds up to this many rows. */
const CHUNK_ROWS = 2048;

const appenders = new WeakMap<DuckDBConnection, Map<string, DuckDBAppender>>();

/**
 * Appends rows given column by column (in the table's column order), a data chunk at a time,
 * and flushes them into the connection's open transaction. Each table's appender is made once
 * and kept: making and closing one per commit cost more than the append itself.
 */
export async function appendColumns(
  connection: DuckDBConnection,
  table: string,
  types: readonly DuckDBType[],
  columns: readonly DuckDBValue[][],
): Promise<void> {
  const count = columns[0]?.length ?? 0;
  if (count === 0) return;
  const open = appenders.get(connection) ?? new Map<string, DuckDBAppender>();
  appenders.set(connection, open);
  let appender = open.get(table);
  if (!appender) {
    appender = await connection.createAppender(table);
    open.set(table, appender);
  }
  for (let offset = 0; offset < count; offset += CHUNK_ROWS) {
    const size = Math.min(CHUNK_ROWS, count - offset);
    const chunk = DuckDBDataChunk.create([...types], size);
    chunk.setColumns(columns.map((values) => values.slice(offset, offset + size)));
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
}

export function closeAppenders(connection: DuckDBConnection): void {
  for (const appender of appenders.get(connection)?.values() ?? []) appender.closeSync();
  appenders.delete(connection);
}
