import { SECOND } from '../tools/time.js';

const MAX_BACKOFF = 60 * SECOND;

/** Retry-After in ms (seconds or an HTTP date); undefined when absent or unreadable (CORS). */
export function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  const ms = header ? Number(header) * SECOND || Date.parse(header) - Date.now() : Number.NaN;
  return ms >= 0 ? Math.min(ms, 10 * MAX_BACKOFF) : undefined;
}

export interface RetryQueueOptions<T, P> {
  /** What goes out for an item, once ready (compressed, say). */
  prepare(item: T): Promise<P>;
  post(payload: P): Promise<Response>;
  /** The intake refused the item (a 4xx other than 429): it is dropped. */
  rejected(item: T): void;
  schedule(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
}

/**
 * The intake's queue, for the RUM batches and the replay segments alike: items go out one at
 * a time, in order. A network failure, a 5xx or a 429 keeps the item and tries again after a
 * backoff (1 s doubling to 1 min, or the 429's Retry-After); another 4xx drops it. Bounding
 * what waits, and the page exit, are the caller's (`items`, `takeWaiting`).
 */
export function createRetryQueue<T, P>(options: RetryQueueOptions<T, P>) {
  const items: T[] = [];
  let busy = false;
  /** Whether the item in front has been handed to fetch (preparing does not count). */
  let posting = false;
  let backoff = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retry = (wait: number | undefined) => {
    backoff = Math.min(Math.max(backoff * 2, SECOND), MAX_BACKOFF);
    timer = options.schedule(
      () => {
        timer = undefined;
        next();
      },
      wait === undefined ? backoff : wait,
    );
  };
  const next = (): void => {
    const item = items[0];
    if (busy || timer || item === undefined) return;
    busy = true;
    options
      .prepare(item)
      .then((payload) => {
        // Gone while preparing: the page exit sent it already.
        if (items[0] !== item) return undefined;
        posting = true;
        return options.post(payload);
      })
      .then(
        (response) => {
          busy = posting = false;
          if (response) {
            const status = response.status;
            if (status === 429 || status >= 500) return retry(retryAfter(response));
            if (!response.ok) options.rejected(item);
            items.shift();
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
    /** Waiting, the one in flight first. */
    items,
    push(item: T) {
      items.push(item);
      next();
    },
    /** Takes out everything not yet handed to fetch: the page goes away. */
    takeWaiting: () => items.splice(posting ? 1 : 0),
    stop() {
      clearTimeout(timer);
      // Nothing more goes out.
      busy = true;
    },
  };
}
