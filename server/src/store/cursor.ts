// Search cursors, opaque to clients: the last row's time (time-sorted pages) or sort value,
// and its id in the engine (DuckDB's rowid, ClickHouse's event UUID), which breaks ties.

export interface Cursor {
  /** Time (ms) of the last row, for time-sorted pages. */
  t?: number;
  /** The last row's id: the tie-breaker of every order. */
  r?: string;
  /** The last row's value of the sort field, for pages sorted by another field (null sorts last). */
  v?: string | number | boolean | null;
}

/** A bad cursor is the caller's mistake: the HTTP layer answers 400 (status), the worker too (name). */
export class CursorError extends Error {
  override name = 'CursorError';
  readonly status = 400;
}

export const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** A cursor this server gave out, its row id in the engine's form (`id`); else a CursorError. */
export function decodeCursor(text: string, id: RegExp): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor !== 'object' || cursor === null) throw new Error('not an object');
    const { t, r, v } = cursor;
    if (t !== undefined && !Number.isFinite(t)) throw new Error('bad time');
    if (r !== undefined && !id.test(String(r))) throw new Error('bad id');
    if (v !== undefined && v !== null && !['string', 'number', 'boolean'].includes(typeof v))
      throw new Error('bad value');
    return cursor;
  } catch {
    throw new CursorError('the cursor is not one this server gave out');
  }
}
