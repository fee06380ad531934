import { setTimer } from '../tools/monitor.js';
import { deflate } from './compress.js';
import type { Drops } from './drops.js';
import { createRetryQueue } from './retryQueue.js';

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

const lineCount = (body: string) => body.split('\n').length;

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
  const post = (payload: string | Uint8Array) =>
    options.fetch(options.url + (typeof payload === 'string' ? '' : '&encoding=deflate'), {
      method: 'POST',
      body: payload as BodyInit,
      // The browser refuses keepalive bodies past 64 KiB in flight.
      keepalive: payload.length < 60_000,
      credentials: 'omit',
    });
  const queue = createRetryQueue<string, string | Uint8Array>({
    prepare: (body) => (options.compress ? deflate(body) : Promise.resolve(body)),
    post,
    rejected: (body) => drops.count('rejected', lineCount(body)),
    schedule: setTimer,
  });
  const queued = () => queue.items.reduce((sum, body) => sum + body.length, 0);

  return {
    send(body: string, exit: boolean) {
      if (exit) {
        // The request in flight may still land; the rest goes now or never.
        for (const payload of [...queue.takeWaiting(), body]) {
          if (!options.sendBeacon(options.url, payload)) post(payload).catch(() => {});
        }
      } else if (queued() + body.length > maxQueueBytes) {
        drops.count('queue_full', lineCount(body));
      } else {
        queue.push(body);
      }
    },
    /** Bodies waiting (the one in flight included). */
    pending: () => queue.items.length,
    stop: queue.stop,
  };
}
