import { setTimer } from '../tools/monitor.js';
import type { Drops } from './drops.js';

export interface BatchLimits {
  /** Events per request (Guance: 50). */
  maxEvents: number;
  /** Bytes per request (Guance: 16 KiB). */
  maxBytes: number;
  /** Bytes per event; a bigger one is dropped (Guance: 256 KiB). */
  maxEventBytes: number;
  /** Longest an event waits (Guance: 30 s). */
  flushInterval: number;
}

export const GUANCE_LIMITS: BatchLimits = {
  maxEvents: 50,
  maxBytes: 16 * 1024,
  maxEventBytes: 256 * 1024,
  flushInterval: 30_000,
};

/** Bytes of a string as UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  // Most lines are ASCII: one native test instead of a loop over every character.
  if (!/[\u0080-\uffff]/.test(text)) return text.length;
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) length += code > 2047 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return length;
}

/**
 * Lines waiting to be sent: flushed at 50 lines, 16 KiB or 30 s, whichever comes first. A
 * line with the key of one already waiting replaces it: a view re-sent before its last
 * version left goes out once (view upsert).
 */
export function createBatch(
  send: (body: string, exit: boolean) => void,
  drops: Drops,
  limits: BatchLimits = GUANCE_LIMITS,
  beforeFlush: () => void = () => {},
) {
  let lines: [line: string, size: number, key?: string][] = [];
  let bytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (exit: boolean) => {
    beforeFlush();
    clearTimeout(timer);
    timer = undefined;
    const body = lines.map((line) => line[0]).join('\n');
    lines = [];
    bytes = 0;
    if (body) send(body, exit);
  };

  return {
    /** Adds a line; `key` marks a view's line, replaced by its next version. */
    add(line: string, key?: string) {
      const size = utf8Length(line) + 1;
      if (size > limits.maxEventBytes) return drops.count('event_too_large');
      const same = key === undefined ? undefined : lines.find((waiting) => waiting[2] === key);
      if (same) {
        bytes += size - same[1];
        same[0] = line;
        same[1] = size;
      } else {
        if (bytes + size > limits.maxBytes) flush(false);
        lines.push([line, size, key]);
        bytes += size;
      }
      if (lines.length >= limits.maxEvents || bytes >= limits.maxBytes) flush(false);
      else if (!timer) timer = setTimer(() => flush(false), limits.flushInterval);
    },
    /** Hands what waits to `send`; `exit` when the page is going away. */
    flush,
    stop: () => clearTimeout(timer),
  };
}
