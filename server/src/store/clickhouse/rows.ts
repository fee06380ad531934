import { randomUUID } from 'node:crypto';
import type { SessionState } from '@rumkit/core/rules';
import { type Category, getField } from '@rumkit/core/schema';
import { type Column, columnsOf, hasColumn } from '../columns.js';
import { exactInteger, fromJson } from '../duckdb/values.js';
import type { EventRow, StoredRecord, StoredValue } from '../types.js';
import { BOOKKEEPING, isReplacing, REPLACING } from './ddl.js';

/** A row as JSONEachRow sends it: 64-bit integers as strings, times as ms. */
export type InsertRow = Record<string, string | number | boolean | null>;

/** Values with a column go there; the other catalogue values go into `attrs` as JSON. */
function split(category: Category, values: Record<string, StoredValue>, out: InsertRow) {
  const attrs: Record<string, StoredValue> = {};
  let hasAttrs = false;
  const types = new Map(columnsOf(category).map((c) => [c.name, c.type]));
  for (const [name, value] of Object.entries(values)) {
    if (hasColumn(category, name)) out[name] = encode(types.get(name) ?? 'string', value);
    else {
      attrs[name] = value;
      hasAttrs = true;
    }
  }
  out.attrs = hasAttrs ? JSON.stringify(attrs, bigintJson) : null;
}

function encode(type: Column['type'], value: StoredValue): string | number | boolean | null {
  switch (type) {
    case 'integer':
      return (typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)))).toString();
    case 'float':
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'time':
      return Math.round(Number(value));
    default:
      return String(value);
  }
}

function bigintJson(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** An event as a row of its table. `retentionDays` is its workspace's tier (0: not known). */
export function eventRow(row: EventRow, retentionDays: number, version = 0n): InsertRow {
  const out: InsertRow = {};
  split(row.category, row.values, out);
  out.time = Math.round(row.time);
  out.workspace_id = row.workspaceId;
  out.custom = Object.keys(row.custom).length > 0 ? JSON.stringify(row.custom, bigintJson) : null;
  out.event_id = randomUUID();
  out.retention_days = retentionDays;
  if (isReplacing(row.category)) {
    const key = REPLACING[row.category];
    out[key] = String(row.values[key] ?? '');
    out.row_version = String(version);
  }
  return out;
}

/** A session's state as a row of the session table. */
export function sessionRow(state: SessionState, retentionDays: number, version: bigint): InsertRow {
  const out: InsertRow = {};
  split('session', state.values, out);
  out.time = Math.round(state.start);
  out.workspace_id = state.workspaceId;
  out.session_id = state.sessionId;
  out.custom = null;
  out.end_time = Math.round(state.end);
  out.first_view_time = state.firstViewTime === null ? null : Math.round(state.firstViewTime);
  out.last_view_time = state.lastViewTime === null ? null : Math.round(state.lastViewTime);
  out.event_id = randomUUID();
  out.retention_days = retentionDays;
  out.row_version = version.toString();
  return out;
}

/** A stored row back as flat typed values: columns and `attrs` merged, bookkeeping left out. */
export function readValues(row: Record<string, unknown>): Record<string, StoredValue> {
  const values: Record<string, StoredValue> = {};
  for (const [name, value] of Object.entries(row)) {
    if (value === null || value === undefined || name.startsWith('_')) continue;
    if (name === 'attrs') Object.assign(values, readJson(String(value)));
    else if (!BOOKKEEPING.has(name) && name !== 'time' && name !== 'workspace_id')
      values[name] = readValue(name, value);
  }
  return values;
}

/** A value as the JSON output gives it: 64-bit integers arrive as strings. */
export function readValue(name: string, value: unknown): StoredValue {
  const type = getField(name)?.type;
  if (type === 'integer' && (typeof value === 'string' || typeof value === 'number'))
    return exactInteger(BigInt(value));
  if (type === 'float' && typeof value === 'string') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return String(value);
}

/** JSON has no 64-bit integers: those past 2^53 were written as strings. */
function readJson(json: string): Record<string, StoredValue> {
  const parsed = JSON.parse(json) as Record<string, StoredValue>;
  for (const [name, value] of Object.entries(parsed)) parsed[name] = fromJson(name, value);
  return parsed;
}

/** A row as read from a table (time in ms), back as a stored record. */
export function toRecord(row: Record<string, unknown>): StoredRecord {
  const { _id: _, _sort: __, ...stored } = row;
  const replacingKey = Object.values(REPLACING).find((key) => stored[key] === '');
  // A view or session stored without its id has '' in its key column: it had none.
  if (replacingKey) delete stored[replacingKey];
  return {
    ...readValues(stored),
    time: Number(stored.time),
    workspace_id: String(stored.workspace_id),
    custom:
      stored.custom == null
        ? {}
        : (JSON.parse(String(stored.custom)) as Record<string, StoredValue>),
  };
}

/** A stored session row as the state folding continues from. */
export function toSessionState(row: Record<string, unknown>): SessionState {
  const time = (value: unknown) => (value == null ? null : Number(value));
  return {
    workspaceId: String(row.workspace_id),
    sessionId: String(row.session_id),
    start: Number(row.time),
    end: Number(row.end_time),
    firstViewTime: time(row.first_view_time),
    lastViewTime: time(row.last_view_time),
    values: readValues(row),
  };
}
