/**
 * The explorer's time range: relative ("the last 15 minutes", moving with the clock) or
 * absolute (two instants). Relative ranges are resolved against a clock reading that the
 * caller keeps, so a query key does not change on every render.
 */
export type TimeRange =
  | { type: 'relative' /** A span such as `15m`, `4h`, `7d` (see parseSpan). */; last: string }
  | { type: 'absolute'; from: number; to: number };

/** The spans offered as presets, shortest first. */
export const RANGE_PRESETS = ['5m', '15m', '30m', '1h', '4h', '12h', '1d', '3d', '7d', '14d'];

/** The spec's default: the last 15 minutes. */
export const DEFAULT_RANGE: TimeRange = { type: 'relative', last: '15m' };

const SPAN = /^(\d{1,6})(s|m|h|d|w)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** The API refuses ranges over 400 days. */
const MAX_SPAN_MS = 400 * UNIT_MS.d;

/** `15m` → 900000; null for anything that is not a positive span of at most 400 days. */
export function parseSpan(text: string): number | null {
  const match = SPAN.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= MAX_SPAN_MS ? ms : null;
}

/** The range as `from` (inclusive) and `to` (exclusive), ms; relative ranges end at `now`. */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  if (range.type === 'absolute') return { from: range.from, to: range.to };
  const span = parseSpan(range.last) ?? UNIT_MS.m * 15;
  return { from: Math.max(0, now - span), to: now };
}

/** Whether a range is one the API accepts (from before to, at most 400 days, a known span). */
export function isValidRange(range: TimeRange): boolean {
  if (range.type === 'relative') return parseSpan(range.last) !== null;
  return (
    Number.isSafeInteger(range.from) &&
    Number.isSafeInteger(range.to) &&
    range.from >= 0 &&
    range.from < range.to &&
    range.to - range.from <= MAX_SPAN_MS
  );
}

/** The range in a URL: `15m`, or `from~to` in ms. */
export function printRange(range: TimeRange): string {
  return range.type === 'relative' ? range.last : `${range.from}~${range.to}`;
}

/** Reads what printRange wrote; null for anything else, so a bad link falls back to a default. */
export function parseRange(text: string): TimeRange | null {
  const absolute = /^(\d{1,15})~(\d{1,15})$/.exec(text);
  const range: TimeRange = absolute
    ? { type: 'absolute', from: Number(absolute[1]), to: Number(absolute[2]) }
    : { type: 'relative', last: text };
  return isValidRange(range) ? range : null;
}

/** Two ranges are the same choice (for presets and history). */
export function sameRange(a: TimeRange, b: TimeRange): boolean {
  return printRange(a) === printRange(b);
}
