// Segments → `POST {origin}/v1/write/rum/replay?precision=ms`, multipart/form-data (spec §1.7):
// the `segment` file part holds the deflated JSON `{"records":[...], <metadata>}`, and the
// metadata goes beside it as form fields. The only place that knows the wire names.

import { zlibSync } from 'fflate';
import { deflate } from '../transport/compress.js';
import type { Drops } from '../transport/drops.js';
import { createRetryQueue } from '../transport/retryQueue.js';
import type { Configuration } from '../types.js';
import { SDK_NAME, SDK_VERSION } from '../version.js';
import type { Segment } from './segments.js';

export interface EncodedSegment {
  /** The JSON, as UTF-8. */
  json: Uint8Array;
  fields: Record<string, string>;
  /** `<session_id>-<start>`. */
  filename: string;
}

/** A segment's JSON body and form fields, under Guance's names. */
export function encodeSegment(segment: Segment, config: Configuration): EncodedSegment {
  const meta = {
    app_id: config.applicationId,
    session_id: segment.sessionId,
    view_id: segment.viewId,
    start: segment.start,
    end: segment.end,
    creation_reason: segment.creationReason,
    records_count: segment.records.length,
    has_full_snapshot: segment.hasFullSnapshot,
    index_in_view: segment.indexInView,
    source: 'browser',
    sdk_name: SDK_NAME,
    sdk_version: SDK_VERSION,
    env: config.env,
    service: config.service,
    version: config.version,
  };
  // Bytes, not a Blob: in Chromium each Blob is registered with the browser process, which
  // the profile showed costing more than the compression.
  const json = new TextEncoder().encode(
    `{"records":[${segment.records.join(',')}],${JSON.stringify(meta).slice(1)}`,
  );
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(meta))
    if (value !== undefined) fields[name] = String(value);
  fields.raw_segment_size = String(json.length);
  return { json, fields, filename: `${segment.sessionId}-${segment.start}` };
}

/**
 * A segment's multipart/form-data body, written out: the `segment` file part (the deflated JSON,
 * or the JSON itself where the browser has no CompressionStream), then the metadata fields.
 * Bytes rather than a FormData of a File: in Chromium each Blob is registered with the browser
 * process, which cost more than building the body (the replay profile, bench/replay/profile.ts).
 */
export function multipart(segment: EncodedSegment, boundary: string, deflated?: Uint8Array) {
  const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
  let fields = '\r\n';
  for (const name in segment.fields) fields += `${part(name)}\r\n\r\n${segment.fields[name]}\r\n`;
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `${part('segment')}; filename="${segment.filename}"\r\nContent-Type: application/${deflated ? 'octet-stream' : 'json'}\r\n\r\n`,
  );
  const file = deflated || segment.json;
  const tail = encoder.encode(`${fields}--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + file.length + tail.length);
  body.set(head);
  body.set(file, head.length);
  body.set(tail, head.length + file.length);
  return body;
}

export interface UploaderOptions {
  /** `{origin}/v1/write/rum/replay?precision=ms`. */
  url: string;
  fetch: typeof fetch;
  sendBeacon(url: string, body: BodyInit): boolean;
  drops: Drops;
  schedule(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  /** Bytes of JSON waiting to be sent, at most. Default 4 MB. */
  maxQueueBytes?: number;
  /** A segment deflated: how many times smaller its body became. */
  onDeflated?(ratio: number): void;
}

interface Item extends EncodedSegment {
  /** The deflated JSON, once compressed. */
  payload?: Uint8Array;
  compressed: Promise<unknown>;
}

/**
 * Requests with keepalive share 64 KiB in flight with the RUM batches: larger segments go
 * without it (the page is alive; at page exit they go through sendBeacon anyway).
 */
const KEEPALIVE_BYTES = 32 * 1024;

/**
 * Sends segments one at a time, in order, each deflated with the browser's CompressionStream
 * (no worker: nothing for a strict CSP to refuse) and posted with fetch. A network failure, a
 * 5xx or a 429 keeps the segment and tries again after 1 s doubling to 1 min, or the 429's
 * Retry-After; another 4xx drops it. What waits is bounded and what does not fit is counted as
 * dropped. At page exit, everything waiting goes through sendBeacon (fetch keepalive if
 * refused), deflated: what the CompressionStream has not finished is deflated there and then,
 * synchronously, by fflate.
 */
export function createUploader(options: UploaderOptions) {
  const maxQueueBytes = options.maxQueueBytes || 4e6;

  // A boundary no segment will hold (a deflated body or a page's JSON would have to contain it).
  const boundary = `rumkit-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const type = `multipart/form-data; boundary=${boundary}`;
  const post = (item: Item) =>
    options.fetch(options.url, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: multipart(item, boundary, item.payload) as BodyInit,
      keepalive: (item.payload || item.json).length < KEEPALIVE_BYTES,
      credentials: 'omit',
    });
  const queue = createRetryQueue<Item, Item>({
    prepare: (item) => item.compressed.then(() => item),
    post,
    rejected: () => options.drops.count('replay_rejected'),
    schedule: options.schedule,
  });
  /** Segments of the page exit, sent by exit() after what waits. */
  const leaving: Item[] = [];

  return {
    /**
     * Queues a segment, deflating it. At page exit (`exit`) exit() deflates and sends it at
     * once.
     */
    send(segment: EncodedSegment, exit = false) {
      const item: Item = { ...segment, compressed: Promise.resolve() };
      if (!exit) {
        if (
          queue.items.reduce((sum, other) => sum + other.json.length, item.json.length) >
          maxQueueBytes
        )
          return options.drops.count('replay_queue_full');
        if (typeof CompressionStream === 'function')
          item.compressed = deflate(item.json).then(
            (payload) => {
              item.payload = payload;
              options.onDeflated?.(item.json.length / payload.length);
            },
            () => {},
          );
      }
      if (exit) leaving.push(item);
      else queue.push(item);
    },
    /**
     * The page goes away: everything waiting goes now through sendBeacon (fetch keepalive if
     * refused). The request in flight may still land. Both share 64 KiB in flight, and a
     * segment's JSON may be 600 KB: what is not deflated yet is deflated now, synchronously
     * (fflate; ~7 ms for 250 KB of JSON), since the CompressionStream would answer too late.
     */
    exit() {
      for (const item of [...queue.takeWaiting(), ...leaving.splice(0)]) {
        item.payload ||= zlibSync(item.json);
        if (
          !options.sendBeacon(
            options.url,
            new Blob([multipart(item, boundary, item.payload) as BlobPart], { type }),
          )
        )
          post(item).catch(() => options.drops.count('replay_queue_full'));
      }
    },
    /** Segments waiting (the one in flight included). */
    pending: () => queue.items.length,
  };
}
