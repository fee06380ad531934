import { formatDuration } from '@rumkit/core';

/** A span in ms as people read it (`340 ms`, `2.35 s`). */
export const formatMs = (ms: number) => formatDuration(ms * 1e6);

/** A record's text value, or '' when it has none. */
export const text = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** A number from a record's value (stored numbers may come as strings), or null. */
export const numeric = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** The path (and query) of a request's URL, for narrow columns; the full URL goes in a title. */
export function urlPath(record: Record<string, unknown>): string {
  const url = text(record.resource_url);
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}` || url;
  } catch {
    return text(record.resource_url_path) || url;
  }
}

/** The tone of an HTTP status: ok (2xx), redirect (3xx), warning (4xx), error (5xx, 0, none). */
export function statusTone(status: number | null): 'ok' | 'redirect' | 'warning' | 'error' {
  if (status === null || status === 0 || status >= 500) return 'error';
  if (status >= 400) return 'warning';
  return status >= 300 ? 'redirect' : 'ok';
}
