import { setTimer } from '../tools/monitor.js';
import { SECOND } from '../tools/time.js';
import { deflate } from './compress.js';
import type { Drops } from './drops.js';

export interface SenderOptions {
  /** `{origin}/v1/write/rum?precision=ms`. */
  url: string;
  compress: boolean;
  /** The page's fetch before the SDK wrapped it. */
  fetch: typeof fetch;
  sendBeacon: (url: string, body: string) => boolean;
  /** Bytes of bodies waiting to be sent or retried. Default 512 KiB. */
  maxQueueBytes?: number;
}

const MAX_BACKOFF = 60 * SECOND;
const lineCount = (body: string) => body.split('\n').length;

/** Retry-After in ms (seconds or an HTTP date); undefined when absent or unreadable (CORS). */
export function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  const ms = header ? Number(header) * SECOND || Date.parse(header) - Date.now() : Number.NaN;
  return ms >= 0 ? Math.min(ms, 10 * MAX_BACKOFF) : undefined;
}

/**
 * Sends bodies one at a time, in order, with fetch keepalive. A network failure, a 5xx or a
 * 429 keeps the body and tries again after a backoff (1 s doubling to 1 min, or the 429's
 * Retry-After); another 4xx drops it. What waits is bounded in bytes, and what does not fit
 * is counted as dropped. When the page goes away, everything waiting goes out through
 * sendBeacon (or fetch keepalive if the beacon is refused), uncompressed: compressing is
 * asynchronous and the page may not live that long.
 */
export function createSender(options: SenderOptions, drops: Drops) {
  const maxQueueBytes = options.maxQueueBytes || 512 * 1024;
  const queue: string[] = [];
  let busy = false;
  let backoff = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const queued = () => queue.reduce((sum, body) => sum + body.length, 0);

  /** Whether the body in front has been handed to fetch (compressing does not count). */
  let posting = false;

  const post = (payload: string | Uint8Array) =>
    options.fetch(options.url + (typeof payload === 'string' ? '' : '&encoding=deflate'), {
      method: 'POST',
      body: payload as BodyInit,
      // The browser refuses keepalive bodies past 64 KiB in flight.
      keepalive: payload.length < 60_000,
      credentials: 'omit',
    });
  const retry = (wait: number | undefined) => {
    backoff = Math.min(Math.max(backoff * 2, SECOND), MAX_BACKOFF);
    timer = setTimer(
      () => {
        timer = undefined;
        next();
      },
      wait === undefined ? backoff : wait,
    );
  };
  const next = (): void => {
    const body = queue[0];
    if (busy || timer || body === undefined) return;
    busy = true;
    (options.compress ? deflate(body) : Promise.resolve(body))
      .then((payload) => {
        // Gone while compressing: the page exit sent it already.
        if (queue[0] !== body) return undefined;
        posting = true;
        return post(payload);
      })
      .then(
        (response) => {
          busy = posting = false;
          if (response) {
            const status = response.status;
            if (status === 429 || status >= 500) return retry(retryAfter(response));
            if (!response.ok) drops.count('rejected', lineCount(body));
            queue.shift();
            backoff = 0;
          }
          next();
        },
        () => {
          busy = posting = false;
          retry(undefined);
        },
      );
  };

  return {
    send(body: string, exit: boolean) {
      if (exit) {
        // The request in flight may still land; the rest goes now or never.
        for (const payload of [...queue.splice(posting ? 1 : 0), body]) {
          if (!options.sendBeacon(options.url, payload)) post(payload).catch(() => {});
        }
      } else if (queued() + body.length > maxQueueBytes) {
        drops.count('queue_full', lineCount(body));
      } else {
        queue.push(body);
        next();
      }
    },
    /** Bodies waiting (the one in flight included). */
    pending: () => queue.length,
    stop() {
      clearTimeout(timer);
      // Nothing more goes out.
      busy = true;
    },
  };
}
