import { CATEGORIES, type Category } from '@rumkit/core/schema';
import { type Column, columnsOf } from '../columns.js';

/** Tables whose rows are replaced by a later version of the same key (read with FINAL). */
export const REPLACING = { view: 'view_id', session: 'session_id' } as const;
export type ReplacingCategory = keyof typeof REPLACING;

export const isReplacing = (category: Category): category is ReplacingCategory =>
  category in REPLACING;

/** Bookkeeping columns of the session table (see SessionState). */
export const SESSION_TIMES = ['end_time', 'first_view_time', 'last_view_time'] as const;

/**
 * Columns the store adds to the catalogue's: `event_id` (unique per stored row: in the sort key
 * of the append-only tables so two equal events are never merged away, and the tie-breaker of
 * cursors), `retention_days` (the workspace's tier when written: partition key and TTL) and, in
 * the replacing tables, `row_version`.
 */
export const BOOKKEEPING = new Set([
  'event_id',
  'retention_days',
  'row_version',
  'attrs',
  'custom',
  ...SESSION_TIMES,
]);

export const quote = (name: string) =>
  `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

const TYPE: Record<Column['type'], string> = {
  time: "DateTime64(3, 'UTC')",
  string: 'String',
  json: 'String',
  integer: 'Int64',
  float: 'Float64',
  boolean: 'Bool',
};

/** The ClickHouse type of a catalogue value (what JSONExtract reads out of `attrs`). */
export const valueType = (type: Column['type']) => `Nullable(${TYPE[type]})`;

/** A catalogue column's type: nullable, but for the keys and the event time. */
function columnType(category: Category, column: Column): string {
  if (column.name === 'time') return TYPE.time;
  if (column.name === 'workspace_id') return 'LowCardinality(String)';
  if (isReplacing(category) && REPLACING[category] === column.name) return 'String';
  return valueType(column.type);
}

export function databaseName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    throw new Error(
      `the ClickHouse database name must be letters, digits and _, got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

/** A table of the store's database, quoted. */
export const table = (database: string, name: string) => `${quote(database)}.${quote(name)}`;

/** The columns a category's table has, catalogue and bookkeeping, with their types. */
export function tableColumns(category: Category): { name: string; type: string }[] {
  const columns = columnsOf(category).map((c) => ({ name: c.name, type: columnType(category, c) }));
  columns.push({ name: 'event_id', type: 'UUID' }, { name: 'retention_days', type: 'UInt16' });
  if (category === 'session') {
    for (const name of SESSION_TIMES) columns.push({ name, type: valueType('time') });
  }
  if (isReplacing(category)) columns.push({ name: 'row_version', type: 'UInt64' });
  return columns;
}

/**
 * One table per category.
 * - Partitions by (retention tier, day): a part holds rows of one tier and day, so the TTL
 *   (event time + tier) drops whole parts (`ttl_only_drop_parts`) instead of rewriting them.
 *   Tier 0 means "not known to the store": those rows go only by deleteOlderThan.
 * - Append-only events sort by (workspace, time, event_id): time ranges read a workspace's
 *   slice, and the unique id keeps equal rows apart.
 * - Views and sessions are ReplacingMergeTree keyed by (workspace, id): a re-send or a
 *   session's next state is a new row with a higher `row_version`; reads use FINAL, so a page view
 *   never counts twice even before the background merge.
 * - Bloom-filter skip indexes on session_id and view_id, so a session's or view's events read
 *   only the granules that may hold them (the timeline, the details pages).
 */
export function schemaStatements(database: string): string[] {
  const statements = [`CREATE DATABASE IF NOT EXISTS ${quote(database)}`];
  for (const category of CATEGORIES) {
    const columns = tableColumns(category).map((c) => `${quote(c.name)} ${c.type}`);
    const names = new Set(columnsOf(category).map((c) => c.name));
    for (const indexed of ['session_id', 'view_id']) {
      const isKey = isReplacing(category) && REPLACING[category] === indexed;
      if (names.has(indexed) && !isKey) {
        columns.push(
          `INDEX ${quote(`by_${indexed}`)} ${quote(indexed)} TYPE bloom_filter(0.01) GRANULARITY 1`,
        );
      }
    }
    const engine = isReplacing(category)
      ? `ReplacingMergeTree(row_version) ORDER BY (workspace_id, ${quote(REPLACING[category])})`
      : 'MergeTree ORDER BY (workspace_id, time, event_id)';
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${table(database, category)} (${columns.join(', ')})
       ENGINE = ${engine}
       PARTITION BY (retention_days, toYYYYMMDD(time))
       TTL toDateTime(time) + toIntervalDay(if(retention_days = 0, ${UNKNOWN_TIER_TTL_DAYS}, retention_days))
       SETTINGS ttl_only_drop_parts = 1`,
    );
  }
  statements.push(
    `CREATE TABLE IF NOT EXISTS ${table(database, 'custom_key')} (workspace_id String, category LowCardinality(String), key String)
     ENGINE = ReplacingMergeTree ORDER BY (workspace_id, category, key)`,
  );
  return statements;
}

/** Rows of no known tier are kept this long at most (ten years: only deletes remove them). */
const UNKNOWN_TIER_TTL_DAYS = 3650;

/**
 * Adds the columns this version promoted to tables an older version made. The default reads
 * the value out of `attrs`, so rows written before read as if they had had the column.
 */
export function promotedStatements(
  database: string,
  existing: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  return CATEGORIES.flatMap((category) => {
    const have = existing.get(category);
    if (!have) return [];
    return columnsOf(category)
      .filter((column) => !have.has(column.name))
      .map(
        (column) =>
          `ALTER TABLE ${table(database, category)} ADD COLUMN IF NOT EXISTS ${quote(column.name)} ${valueType(column.type)} DEFAULT JSONExtract(attrs, '${column.name}', '${valueType(column.type)}')`,
      );
  });
}
