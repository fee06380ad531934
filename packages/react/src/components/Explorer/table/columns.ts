import { getField } from '@rumkit/core';

/** How a column's values look, which decides its width and alignment. */
export type ColumnKind = 'time' | 'number' | 'boolean' | 'long' | 'text';

export type Sort = { field: string; order: 'asc' | 'desc' } | null;

/** Row and header heights in px: fixed, so the virtualizer never measures a row. */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 34;
/** The status column (⚠ and ▶). */
export const STATUS_WIDTH = 60;

// Long free text: URLs, messages, stacks, selectors. They take the room that is left.
const LONG = /(url|message|stack|selector|referrer|target|path|name)$/;

export function columnKind(field: string): ColumnKind {
  if (field === 'time') return 'time';
  const def = getField(field);
  if (def?.unit === 'epoch_ms') return 'time';
  if (def && (def.type === 'integer' || def.type === 'float')) return 'number';
  if (def?.type === 'boolean') return 'boolean';
  if (LONG.test(field)) return 'long';
  return 'text';
}

/** Base widths in px; `long` and `text` columns also share what is left (fr units). */
const BASE: Record<ColumnKind, number> = {
  time: 190,
  number: 110,
  boolean: 90,
  long: 260,
  text: 140,
};

export const MIN_WIDTH = 60;
export const MAX_WIDTH = 1600;

/**
 * A column's width before any resize: its kind's, or wider when its name would not fit in
 * the header beside the sort icon and the menu button (8px a character at 13px).
 */
export const baseWidth = (field: string) =>
  field === 'time'
    ? BASE.time
    : Math.max(BASE[columnKind(field)], Math.min(260, field.length * 8 + 72));

/**
 * The CSS grid template of the row, shared by the header and every row through a custom
 * property, so resizing a column never re-renders a row. A column resized by hand keeps its
 * width; otherwise long and text columns grow into the free space.
 */
export function gridTemplate(
  columns: readonly string[],
  widths: Readonly<Record<string, number>>,
): { template: string; minWidth: number } {
  const tracks: string[] = [];
  let minWidth = STATUS_WIDTH;
  for (const field of ['time', ...columns]) {
    const kind = columnKind(field);
    const fixed = widths[field];
    const base = fixed ?? baseWidth(field);
    minWidth += base;
    if (fixed !== undefined || kind === 'time' || kind === 'number' || kind === 'boolean') {
      tracks.push(`${base}px`);
    } else {
      tracks.push(`minmax(${base}px, ${kind === 'long' ? 2 : 1}fr)`);
    }
    if (field === 'time') tracks.push(`${STATUS_WIDTH}px`);
  }
  return { template: tracks.join(' '), minWidth };
}

/** A header click: ascending, then descending, then back to the default (time, newest first). */
export function nextSort(sort: Sort, field: string): Sort {
  if (field === 'time') {
    // The default already is time descending, so time only toggles ascending on and off.
    return sort?.field === 'time' && sort.order === 'asc' ? null : { field, order: 'asc' };
  }
  if (sort?.field !== field) return { field, order: 'asc' };
  return sort.order === 'asc' ? { field, order: 'desc' } : null;
}

/** The aria-sort of a header: time is descending when nothing else is sorted. */
export function ariaSort(sort: Sort, field: string): 'ascending' | 'descending' | 'none' {
  if (sort === null) return field === 'time' ? 'descending' : 'none';
  if (sort.field !== field) return 'none';
  return sort.order === 'asc' ? 'ascending' : 'descending';
}

/** The list with the item at `from` moved to `to` (both clamped). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const target = Math.max(0, Math.min(next.length - 1, to));
  if (from < 0 || from >= next.length || from === target) return next;
  const [item] = next.splice(from, 1) as [T];
  next.splice(target, 0, item);
  return next;
}
