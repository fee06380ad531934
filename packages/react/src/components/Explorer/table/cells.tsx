import { type EventRecord, formatFieldValue } from '@rumkit/core';
import type { ColumnKind } from './columns.js';

/** A value of a record: top-level fields first, then the record's custom context. */
export function readField(record: EventRecord, field: string): unknown {
  if (field in record) return record[field];
  const custom = record.custom;
  if (custom && typeof custom === 'object') return (custom as Record<string, unknown>)[field];
  return undefined;
}

import type { FormatTime } from '../timeFormat.js';

export type { FormatTime };

// Past this a title tooltip is no help, and a huge stack would only cost memory.
const TITLE_MAX = 2000;

export interface CellText {
  text: string;
  /** The full value when the cell may cut it short. */
  title?: string;
  /** resource_status's class (2xx…5xx), for its colour. */
  status?: string;
}

/**
 * A cell's text, computed once per visible cell: units through the catalogue (durations,
 * sizes), instants in the locale, everything on one line. Plain text only: React escapes it.
 */
export function cellText(
  field: string,
  kind: ColumnKind,
  value: unknown,
  formatTime: FormatTime,
): CellText {
  if (value === null || value === undefined || value === '') return { text: '' };
  if (kind === 'time') {
    const ms = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(ms)) {
      const text = formatTime(ms);
      return { text, title: new Date(ms).toISOString() };
    }
  }
  const formatted = formatFieldValue(field, value) ?? String(value);
  // Messages and stacks span lines; a row shows one.
  const text = formatted.replace(/\s+/g, ' ');
  const cell: CellText = { text };
  if (kind === 'long' || kind === 'text' || text !== formatted) {
    cell.title = formatted.length > TITLE_MAX ? `${formatted.slice(0, TITLE_MAX)}…` : formatted;
  }
  if (field === 'resource_status' || field === 'resource_status_group') {
    const code = String(value);
    if (/^[1-5]/.test(code)) cell.status = `${code[0]}xx`;
  }
  return cell;
}

/** One cell of a row. Not a component of its own: rows render many, and a call is cheaper. */
export function renderCell(field: string, kind: ColumnKind, record: EventRecord, fmt: FormatTime) {
  const { text, title, status } = cellText(field, kind, readField(record, field), fmt);
  return (
    // biome-ignore lint/a11y: a cell of the ARIA grid; focus stays on the grid (aria-activedescendant)
    <div
      key={field}
      role="gridcell"
      className="rk-events-cell"
      data-kind={kind}
      data-status={status}
      title={title}
    >
      {text === '' ? <span className="rk-events-none">—</span> : text}
    </div>
  );
}
