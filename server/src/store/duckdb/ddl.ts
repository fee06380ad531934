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

export function sqlType(column: Column): string {
  return SQL_TYPE[column.type];
}

/**
 * One table per category. Rows arrive roughly in time order, so DuckDB's per-row-group
 * min/max (zone maps) on `time` prune time filters; ART indexes serve the point lookups
 * by session_id and view_id.
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
    if (category !== 'telemetry') {
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${category}_session_id ON ${quote(category)} (session_id)`,
      );
    }
  }
  statements.push('CREATE INDEX IF NOT EXISTS view_view_id ON "view" (view_id)');
  statements.push(
    'CREATE TABLE IF NOT EXISTS custom_key (workspace_id VARCHAR, category VARCHAR, key VARCHAR, PRIMARY KEY (workspace_id, category, key))',
  );
  return statements;
}

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
  const text = `json_extract_string(attrs, '$."${name}"')`;
  return def.type === 'string' || def.type === 'json'
    ? text
    : `TRY_CAST(${text} AS ${SQL_TYPE[def.type]})`;
}
