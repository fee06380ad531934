import type { LifeCycle } from '../lifeCycle.js';
import { reportInternalError } from '../tools/monitor.js';
import type { Configuration } from '../types.js';
import { type BatchLimits, createBatch } from './batch.js';
import type { Drops } from './drops.js';
import { encodeEvent } from './encoder.js';
import { createSender } from './sender.js';

export interface TransportDeps {
  fetch: typeof fetch;
  sendBeacon: (url: string, body: string) => boolean;
  limits?: BatchLimits;
  /** Called before each flush: the telemetry collector reports drops then. */
  beforeFlush?: () => void;
}

/** Assembled events → line protocol → batches → `{origin}/v1/write/rum?precision=ms`. */
export function startTransport(
  config: Configuration,
  lifeCycle: LifeCycle,
  drops: Drops,
  deps: TransportDeps,
) {
  const sender = createSender(
    {
      url: `${config.origin}/v1/write/rum?precision=ms`,
      compress: config.compressIntakeRequests && typeof CompressionStream === 'function',
      fetch: deps.fetch,
      sendBeacon: deps.sendBeacon,
    },
    drops,
  );
  const batch = createBatch(sender.send, drops, deps.limits, deps.beforeFlush);
  const unsubscribe = lifeCycle.assembled.subscribe((event) => {
    let line: string;
    try {
      line = encodeEvent(event);
    } catch (error) {
      drops.count('unencodable');
      return reportInternalError(error);
    }
    batch.add(line, event.type === 'view' ? String(event.viewId) : undefined);
  });
  return {
    flush: batch.flush,
    stop() {
      unsubscribe();
      batch.stop();
      sender.stop();
    },
  };
}
