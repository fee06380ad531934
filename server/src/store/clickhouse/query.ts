import { type Category, getField } from '@rumkit/core/schema';
import { type Filter, type TermFilter, wildcardToLike } from '@rumkit/core/search';
import { fieldNamesOf, hasColumn } from '../columns.js';
import { fieldKind, filterSql, type ValueKind } from '../filter-sql.js';
import type { QueryScope } from '../types.js';
import { isReplacing, quote, table, tableColumns, valueType } from './ddl.js';
import type { Params } from './executor.js';

/** Columns no read returns: they are the store's, not the record's. */
const HIDDEN = new Set(['event_id', 'retention_days', 'row_version']);

export type { ValueKind };

/**
 * Compiles store questions to ClickHouse SQL. Every value travels as a bound `{pN:Type}`
 * parameter, names of `attrs` and `custom` keys too; the only names in the SQL text are
 * catalogue columns, checked against the catalogue first.
 */
export class Sql {
  readonly params: Params = {};
  private next = 0;

  constructor(
    readonly database: string,
    readonly category: Category,
  ) {}

  /** A placeholder for the value, typed as ClickHouse should read it. */
  bind(value: unknown, type: string): string {
    const name = `p${this.next++}`;
    this.params[name] = value;
    return `{${name}:${type}}`;
  }

  /** A time in ms as the type of the `time` columns, so comparisons prune parts and granules. */
  time(ms: number): string {
    return `fromUnixTimestamp64Milli(${this.bind(BigInt(Math.floor(ms)), 'Int64')}, 'UTC')`;
  }

  /** The category's table; a replacing one read FINAL (the latest version of each key). */
  from(category: Category = this.category): string {
    return `${table(this.database, category)}${isReplacing(category) ? ' FINAL' : ''}`;
  }

  /** A catalogue field of the category: its column, or its value in `attrs`. */
  column(name: string): string {
    if (hasColumn(this.category, name)) return quote(name);
    const def = getField(name);
    if (!def || !fieldNamesOf(this.category).has(name)) {
      throw new Error(`${this.category} has no column ${JSON.stringify(name)}`);
    }
    return `JSONExtract(attrs, ${this.bind(name, 'String')}, '${valueType(def.type)}')`;
  }

  /**
   * What a read returns: every column (times in ms, bookkeeping left out), or only the chosen
   * fields (read out of `attrs` here when they have no column; `custom` when one is a custom key).
   */
  select(columns?: readonly string[]): string {
    const parts = new Set(['toUnixTimestamp64Milli(time) AS time', 'workspace_id']);
    if (!columns) {
      for (const column of tableColumns(this.category)) {
        if (column.name === 'time' || HIDDEN.has(column.name)) continue;
        parts.add(
          column.type.includes('DateTime64')
            ? `toUnixTimestamp64Milli(${quote(column.name)}) AS ${quote(column.name)}`
            : quote(column.name),
        );
      }
      return [...parts].join(', ');
    }
    for (const name of columns) {
      if (name === 'time' || name === 'workspace_id') continue;
      if (fieldNamesOf(this.category).has(name))
        parts.add(`${this.column(name)} AS ${quote(name)}`);
      else parts.add('custom');
    }
    return [...parts].join(', ');
  }

  /** A field of the category, or a custom key read from `custom` as text. */
  field(name: string): { sql: string; kind: ValueKind } {
    if (name === 'time') return { sql: 'toUnixTimestamp64Milli(time)', kind: 'number' };
    if (fieldNamesOf(this.category).has(name)) {
      return { sql: this.column(name), kind: fieldKind(name) };
    }
    return {
      sql: `JSONExtract(custom, ${this.bind(name, 'String')}, 'Nullable(String)')`,
      kind: 'string',
    };
  }

  /** The WHERE clause every question shares: workspace, time range, apps, search. */
  scope(scope: QueryScope): string {
    const parts = [
      `workspace_id = ${this.bind(scope.workspaceId, 'String')}`,
      `time >= ${this.time(scope.from)}`,
      `time < ${this.time(Math.ceil(scope.to))}`,
    ];
    if (scope.appIds && scope.appIds.length > 0) {
      parts.push(`app_id IN ${this.bind([...scope.appIds], 'Array(String)')}`);
    }
    if (scope.filter) parts.push(this.filter(scope.filter));
    return parts.join(' AND ');
  }

  filter(filter: Filter): string {
    return filterSql(
      filter,
      {
        not: (condition) => `NOT ifNull(${condition}, false)`,
        text: (pattern, fields) => {
          const bound = this.bind(pattern, 'String');
          return `(${fields.map((name) => `ifNull(${this.column(name)} ILIKE ${bound}, false)`).join(' OR ')})`;
        },
        term: (term) => this.term(term),
      },
      this.category,
    );
  }

  private term(term: TermFilter): string {
    const { sql, kind } = this.field(term.key);
    const numeric = kind === 'number' ? sql : `toFloat64OrNull(toString(${sql}))`;
    const number = (value: number | undefined) =>
      value === undefined || Number.isNaN(value) ? null : this.bind(value, 'Float64');
    const compare = (op: string, value: number | undefined) => {
      const bound = number(value);
      return bound === null ? 'false' : `${numeric} ${op} ${bound}`;
    };
    switch (term.op) {
      case 'exists':
        return `${sql} IS NOT NULL`;
      case 'eq':
        if (kind === 'number') return compare('=', term.value.number);
        if (kind === 'boolean')
          return `${sql} = ${this.bind(/^(t|true)$/i.test(term.value.text), 'Bool')}`;
        return `${sql} = ${this.bind(term.value.text, 'String')}`;
      case 'wildcard':
        return `toString(${sql}) LIKE ${this.bind(wildcardToLike(term.value.text), 'String')}`;
      case 'gt':
        return compare('>', term.value.number);
      case 'gte':
        return compare('>=', term.value.number);
      case 'lt':
        return compare('<', term.value.number);
      case 'lte':
        return compare('<=', term.value.number);
      case 'range': {
        const [low, high] = term.inclusive ? ['>=', '<='] : ['>', '<'];
        return `(${compare(low, term.from.number)} AND ${compare(high, term.to.number)})`;
      }
    }
  }
}
