import { segmentMeta } from '@rumkit/core/replay';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeConfig, ORIGIN, useFakeClock } from '../../test/helpers.js';
import { readUpload, type Upload, until } from '../../test/replay.js';
import { createDrops } from '../transport/drops.js';
import { SDK_NAME, SDK_VERSION } from '../version.js';
import type { Segment } from './segments.js';
import { createUploader, encodeSegment } from './upload.js';

const URL_ = `${ORIGIN}/v1/write/rum/replay?precision=ms`;
const config = makeConfig({ env: 'prod', version: '2.0.0', service: 'shop' });

const segment = (overrides: Partial<Segment> = {}): Segment => ({
  sessionId: 'session-1',
  viewId: 'view-1',
  creationReason: 'init',
  indexInView: 0,
  start: 1_767_225_600_000,
  end: 1_767_225_601_000,
  records: [
    '{"type":4,"timestamp":1767225600000,"data":{"href":"https://shop.example/","width":800,"height":600}}',
    '{"type":3,"timestamp":1767225601000,"data":{"source":1,"positions":[]}}',
  ],
  bytes: 150,
  hasFullSnapshot: false,
  ...overrides,
});

function setup(
  answers: (() => Response | Promise<Response>)[] = [],
  options: { beacon?: boolean; maxQueueBytes?: number; onDeflated?(ratio: number): void } = {},
) {
  const uploads: Promise<Upload>[] = [];
  const beacons: BodyInit[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    uploads.push(readUpload(url, init, false));
    const answer = answers.shift();
    return answer ? answer() : new Response('{}', { status: 202 });
  });
  const drops = createDrops();
  const uploader = createUploader({
    url: URL_,
    fetch: fetch as unknown as typeof globalThis.fetch,
    sendBeacon: (url, body) => {
      if (options.beacon === false) return false;
      beacons.push(body);
      uploads.push(readUpload(url, { body }, true));
      return true;
    },
    drops,
    schedule: (fn, ms) => setTimeout(fn, ms),
    maxQueueBytes: options.maxQueueBytes,
    onDeflated: options.onDeflated,
  });
  return { fetch, uploads: () => Promise.all(uploads), beacons, drops, uploader };
}

describe('a segment on the wire', () => {
  it('is JSON {"records":[...], <metadata>} with the metadata also as form fields, under Guance’s names', async () => {
    const encoded = encodeSegment(segment({ hasFullSnapshot: true, indexInView: 3 }), config);
    const json = new TextDecoder().decode(encoded.json);
    const body = JSON.parse(json);
    expect(body.records).toHaveLength(2);
    const meta = {
      app_id: 'test_app',
      session_id: 'session-1',
      view_id: 'view-1',
      start: 1_767_225_600_000,
      end: 1_767_225_601_000,
      creation_reason: 'init',
      records_count: 2,
      has_full_snapshot: true,
      index_in_view: 3,
      source: 'browser',
      sdk_name: SDK_NAME,
      sdk_version: SDK_VERSION,
      env: 'prod',
      service: 'shop',
      version: '2.0.0',
    };
    expect(body).toEqual({ records: body.records, ...meta });
    expect(encoded.fields).toEqual({
      ...Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, String(v)])),
      raw_segment_size: String(new TextEncoder().encode(json).length),
    });
    expect(encoded.filename).toBe('session-1-1767225600000');
    // The server's contract reads the fields back.
    expect(segmentMeta.parse(encoded.fields)).toMatchObject({
      ...meta,
      raw_segment_size: json.length,
    });
  });

  it('leaves out env and version when they are not set', () => {
    const { fields } = encodeSegment(segment(), makeConfig());
    expect(fields).not.toHaveProperty('env');
    expect(fields).not.toHaveProperty('version');
    expect(fields.service).toBe('browser');
  });

  it('counts raw_segment_size in UTF-8 bytes', async () => {
    const encoded = encodeSegment(
      segment({ records: ['{"type":5,"timestamp":1,"data":"é"}'] }),
      config,
    );
    expect(Number(encoded.fields.raw_segment_size)).toBe(
      new TextEncoder().encode(new TextDecoder().decode(encoded.json)).length,
    );
  });
});

describe('the replay uploader', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it('posts multipart/form-data with the deflated segment, fetch keepalive, no credentials', async () => {
    const { fetch, uploads, uploader } = setup();
    uploader.send(encodeSegment(segment(), config));
    await until(() => fetch.mock.calls.length === 1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(URL_);
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' });
    // The body written out as bytes, with its boundary in the header.
    expect(init.body).toBeInstanceOf(Uint8Array);
    expect(new Headers(init.headers).get('content-type')).toMatch(
      /^multipart\/form-data; boundary=rumkit-[a-z0-9]{8,}$/,
    );
    const [upload] = await uploads();
    expect(upload?.contentType).toBe('application/octet-stream');
    expect(upload?.filename).toBe('session-1-1767225600000');
    expect(upload?.body.records).toHaveLength(2);
    expect(upload?.fields.creation_reason).toBe('init');
    // Deflated: smaller than the JSON it holds for a segment of any size.
    const big = segment({ records: Array(200).fill(segment().records[1]) });
    uploader.send(encodeSegment(big, config));
    await until(() => fetch.mock.calls.length === 2);
    const second = (await uploads())[1];
    expect(second?.size).toBeLessThan(Number(second?.fields.raw_segment_size) / 5);
  });

  it('tells how many times smaller each deflated segment became', async () => {
    const ratios: number[] = [];
    const { fetch, uploads, uploader } = setup([], {
      onDeflated: (ratio) => ratios.push(ratio),
    });
    const big = encodeSegment(segment({ records: Array(200).fill(segment().records[1]) }), config);
    uploader.send(big);
    await until(() => fetch.mock.calls.length === 1);
    const [sent] = await uploads();
    expect(ratios).toEqual([big.json.length / (sent?.size ?? 0)]);
    expect(ratios[0]).toBeGreaterThan(5);
    // A page exit's segment is deflated there and then, for that page only: nothing to tell.
    uploader.send(encodeSegment(segment(), config), true);
    uploader.exit();
    expect(ratios).toHaveLength(1);
  });

  it('sends one segment at a time, in order', async () => {
    let release: () => void = () => {};
    const { fetch, uploads, uploader } = setup([
      () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(new Response('{}'));
        }),
    ]);
    uploader.send(encodeSegment(segment({ indexInView: 0 }), config));
    uploader.send(encodeSegment(segment({ indexInView: 1 }), config));
    await until(() => fetch.mock.calls.length === 1);
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch).toHaveBeenCalledTimes(1);
    release();
    await until(() => fetch.mock.calls.length === 2);
    expect((await uploads()).map((u) => u.fields.index_in_view)).toEqual(['0', '1']);
  });

  it('retries after a network failure and a 5xx, 1 s doubling; honours a 429’s Retry-After', async () => {
    const { fetch, uploader, uploads } = setup([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('', { status: 503 }),
      () => new Response('', { status: 429, headers: { 'Retry-After': '30' } }),
    ]);
    uploader.send(encodeSegment(segment(), config));
    await until(() => fetch.mock.calls.length === 1);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => fetch.mock.calls.length === 2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => fetch.mock.calls.length === 3);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => fetch.mock.calls.length === 4);
    expect(uploader.pending()).toBe(0);
    // The same segment each time.
    expect(new Set((await uploads()).map((u) => u.json)).size).toBe(1);
  });

  it('drops a segment the intake refuses with a 4xx, and counts it', async () => {
    const { fetch, uploader, drops } = setup([() => new Response('', { status: 400 })]);
    uploader.send(encodeSegment(segment(), config));
    uploader.send(encodeSegment(segment({ indexInView: 1 }), config));
    await until(() => fetch.mock.calls.length === 2);
    expect(drops.take()).toEqual({ replay_rejected: 1 });
  });

  it('keeps at most maxQueueBytes of JSON waiting and counts what does not fit', async () => {
    const { uploader, drops } = setup([() => Promise.reject(new TypeError('offline'))], {
      maxQueueBytes: 500,
    });
    uploader.send(encodeSegment(segment(), config));
    uploader.send(encodeSegment(segment({ indexInView: 1 }), config));
    expect(uploader.pending()).toBe(1);
    expect(drops.take()).toEqual({ replay_queue_full: 1 });
  });

  it('at page exit, sends what waits through sendBeacon, deflated: what the stream has not deflated yet there and then', async () => {
    const { uploader, uploads } = setup([() => Promise.reject(new TypeError('offline'))]);
    uploader.send(encodeSegment(segment({ indexInView: 0 }), config));
    await vi.waitFor(async () => expect(await uploads()).toHaveLength(1));
    // Waiting for its retry, compressed; the last one, at the exit, is compressed then.
    uploader.send(
      encodeSegment(segment({ indexInView: 1, creationReason: 'before_unload' }), config),
      true,
    );
    uploader.exit();
    const sent = (await uploads()).slice(1);
    expect(sent.map((u) => [u.beacon, u.contentType, u.fields.index_in_view])).toEqual([
      [true, 'application/octet-stream', '0'],
      [true, 'application/octet-stream', '1'],
    ]);
    expect(JSON.parse(sent[1]?.json as string).creation_reason).toBe('before_unload');
    expect(uploader.pending()).toBe(0);
  });

  it('at page exit, a segment of 10 × 60,000 bytes of JSON fits in what a beacon takes', async () => {
    const { uploader, uploads } = setup();
    // Mutations of a busy page: the same shapes again and again, with changing numbers.
    const records = Array.from(
      { length: 6000 },
      (_, i) =>
        `{"type":3,"timestamp":${1_767_225_600_000 + i},"data":{"source":0,"texts":[],"attributes":[{"id":${i % 500},"attributes":{"style":"width: ${i % 97}%"}}],"removes":[],"adds":[]}}`,
    );
    const large = encodeSegment(segment({ records }), config);
    expect(large.json.length).toBeGreaterThan(600_000);
    uploader.send(large, true);
    uploader.exit();
    const [sent] = await uploads();
    expect(sent?.beacon).toBe(true);
    expect(sent?.size).toBeLessThan(64 * 1024);
    expect(sent?.body.records).toHaveLength(6000);
  });

  it('writes the fields in UTF-8, and gives a beacon its multipart type', async () => {
    const { uploader, uploads, beacons } = setup();
    const withAccents = makeConfig({ env: 'préprod', service: '商店', version: '2.0.0' });
    uploader.send(encodeSegment(segment(), withAccents), true);
    uploader.exit();
    const [sent] = await uploads();
    expect(sent?.fields).toMatchObject({ env: 'préprod', service: '商店' });
    expect((beacons[0] as Blob).type).toMatch(/^multipart\/form-data; boundary=rumkit-/);
  });

  it('at page exit, falls back to fetch keepalive when the beacon is refused', async () => {
    const { fetch, uploader } = setup([], { beacon: false });
    uploader.send(encodeSegment(segment(), config), true);
    uploader.exit();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ keepalive: true });
  });

  it('sends a large segment without keepalive, whose 64 KiB it shares with the RUM batches', async () => {
    const { fetch, uploader } = setup();
    // Random text: deflate cannot shrink it under 32 KiB.
    const noise = Array.from({ length: 50_000 }, () => Math.random().toString(36)[2]).join('');
    uploader.send(
      encodeSegment(segment({ records: [`{"type":5,"timestamp":1,"data":"${noise}"}`] }), config),
    );
    await until(() => fetch.mock.calls.length === 1);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ keepalive: false });
  });
});
