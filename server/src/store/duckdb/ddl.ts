import { CATEGORIES, type Category, getField } from '@rumkit/core/schema';
import { type Column, columnsOf, fieldNamesOf, hasColumn } from '../columns.js';

/** Bookkeeping columns of the session table (see SessionState). */
export const SESSION_EXTRA: readonly Column[] = [
  { name: 'end_time', type: 'time' },
  { name: 'first_view_time', type: 'time' },
  { name: 'last_view_time', type: 'time' },
];

export function tableColumns(category: Category): readonly Column[] {
  return category === 'session' ? [...columnsOf(category), ...SESSION_EXTRA] : columnsOf(category);
}

const SQL_TYPE: Record<Column['type'], string> = {
  time: 'TIMESTAMP_MS',
  string: 'VARCHAR',
  json: 'VARCHAR',
  integer: 'BIGINT',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
};

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A time in ms (a bound BIGINT) as the type of the `time` columns. Typed so, a comparison
 * with `time` is pushed into the scan and pruned by row-group min/max; against a plain
 * TIMESTAMP, DuckDB casts the column instead and reads every row group.
 */
export const msTime = (param: string) => `make_timestamp_ms(${param}::BIGINT)::TIMESTAMP_MS`;

/**
 * `column = text` as an expression filter. DuckDB 1.5 runs a plain constant comparison on an
 * FSST-compressed string column (the ids) over far more of the row group than the time bounds
 * keep; as an expression it runs on the rows they kept. Measured on the 10M-event store: a
 * session's lookup by id within its start minute 10.4 → 4.4 ms, its views 10.6 → 4.4 ms.
 */
export const sameText = (expression: string, param: string) =>
  `coalesce(${expression} = ${param}, false)`;

export function sqlType(column: Column): string {
  return SQL_TYPE[column.type];
}

/**
 * One table per category. Rows arrive roughly in time order, so DuckDB's per-row-group
 * min/max (zone maps) on `time` prune time filters. One index: SESSION_INDEX.
 */
export function schemaStatements(): string[] {
  const statements: string[] = [];
  for (const category of CATEGORIES) {
    const columns = tableColumns(category)
      .map(
        (c) =>
          `${quote(c.name)} ${sqlType(c)}${c.name === 'time' || c.name === 'workspace_id' ? ' NOT NULL' : ''}`,
      )
      .join(', ');
    statements.push(`CREATE TABLE IF NOT EXISTS ${quote(category)} (${columns})`);
  }
  for (const index of RETIRED_INDEXES) statements.push(`DROP INDEX IF EXISTS ${index}`);
  statements.push(`CREATE INDEX IF NOT EXISTS ${SESSION_INDEX} ON "session" (session_id)`);
  statements.push(
    'CREATE TABLE IF NOT EXISTS custom_key (workspace_id VARCHAR, category VARCHAR, key VARCHAR, PRIMARY KEY (workspace_id, category, key))',
  );
  return statements;
}

/**
 * Sessions by id: the one index. The session table has one row per session (6.5% of the rows
 * of a 10M-event store), so its upkeep is small: 52 writes of ~1,000 events took 11.9 s with
 * it and 11.8 s without. DuckDB uses it when `session_id = $1` is the scan's only filter
 * (see listStatement); a session's lookup then reads one row instead of the session rows of its
 * range.
 */
const SESSION_INDEX = 'session_by_id';

/**
 * Indexes older versions made, dropped at start. The event tables keep no ART index: an index's
 * upkeep grows with its table (with these, at 1M events, writes cost twice what they cost on an
 * empty store). Lookups of a session's or view's events are bounded by its time span instead,
 * which the zone maps on `time` prune; a lookup by id alone scans one column of the range.
 */
const RETIRED_INDEXES = [
  'session_session_id',
  'view_session_id',
  'view_view_id',
  'resource_session_id',
  'error_session_id',
  'action_session_id',
  'long_task_session_id',
];

/**
 * SQL for a field of a category: its column, or its value in `attrs`, read as its type.
 * Names are checked against the catalogue first, so no user text reaches the SQL.
 */
export function fieldExpression(category: Category, name: string): string {
  if (hasColumn(category, name)) return quote(name);
  const def = getField(name);
  if (!def || !fieldNamesOf(category).has(name)) {
    throw new Error(`${category} has no column ${JSON.stringify(name)}`);
  }
  return attrsExpression(name, def.type);
}

/** A catalogue field's value in `attrs`, read as its type. */
function attrsExpression(name: string, type: Column['type']): string {
  const text = `json_extract_string(attrs, '$."${name}"')`;
  return type === 'string' || type === 'json' ? text : `TRY_CAST(${text} AS ${SQL_TYPE[type]})`;
}

/** A column this version has and a table made by an older version lacks. */
export interface Promoted {
  category: Category;
  column: Column;
}

/** The columns promoted since the tables in `existing` (table → its columns) were made. */
export function promotedSince(existing: ReadonlyMap<string, ReadonlySet<string>>): Promoted[] {
  return CATEGORIES.flatMap((category) => {
    const have = existing.get(category);
    if (!have) return [];
    return tableColumns(category)
      .filter((column) => !have.has(column.name))
      .map((column) => ({ category, column }));
  });
}

/** Adds a promoted column (schemaStatements() dropped the indexes that would forbid it). */
export function addColumnStatements({ category, column }: Promoted): string[] {
  return [
    `ALTER TABLE ${quote(category)} ADD COLUMN IF NOT EXISTS ${quote(column.name)} ${sqlType(column)}`,
  ];
}

/** Moves a promoted field's values of older rows from `attrs` into its column. */
export function fillStatement(category: Category, column: Column): string {
  return `UPDATE ${quote(category)} SET ${quote(column.name)} = ${attrsExpression(column.name, column.type)} WHERE attrs IS NOT NULL AND ${quote(column.name)} IS NULL`;
}
