import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import { createDrops } from './drops.js';
import { retryAfter } from './retryQueue.js';
import { createSender } from './sender.js';

const URL_ = 'https://intake.example/v1/write/rum?precision=ms';

function setup(
  answers: (() => Response | Promise<Response>)[],
  options: { compress?: boolean; beacon?: boolean; maxQueueBytes?: number } = {},
) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers.shift();
    return answer ? answer() : new Response('{}');
  });
  const beacons: string[] = [];
  const drops = createDrops();
  const sender = createSender(
    {
      url: URL_,
      compress: !!options.compress,
      fetch: fetch as unknown as typeof globalThis.fetch,
      sendBeacon: (_url, body) => {
        if (options.beacon === false) return false;
        beacons.push(body);
        return true;
      },
      maxQueueBytes: options.maxQueueBytes,
    },
    drops,
  );
  return { calls, beacons, drops, sender };
}

const inflate = (bytes: Uint8Array) =>
  new Response(
    new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate')),
  ).text();

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('the sender', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it('posts line protocol as text/plain with fetch keepalive, no credentials', async () => {
    const { calls, sender } = setup([]);
    sender.send('view a=1', false);
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(URL_);
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      body: 'view a=1',
      keepalive: true,
      credentials: 'omit',
    });
  });

  it('retries after a network failure with a growing backoff, in order', async () => {
    const fail = () => Promise.reject(new TypeError('Failed to fetch'));
    const { calls, sender } = setup([fail, fail]);
    sender.send('first', false);
    sender.send('second', false);
    await settle();
    expect(calls.map((c) => c.init.body)).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((c) => c.init.body)).toEqual(['first', 'first']);
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(calls.map((c) => c.init.body)).toEqual(['first', 'first', 'first', 'second']);
  });

  it('retries a 5xx, and waits what a 429 asks in Retry-After', async () => {
    const { calls, sender } = setup([
      () => new Response('', { status: 503 }),
      () => new Response('', { status: 429, headers: { 'Retry-After': '7' } }),
    ]);
    sender.send('body', false);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(6999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
  });

  it('drops a body the intake refuses (4xx) and counts its events', async () => {
    const { calls, drops, sender } = setup([
      () => new Response('{"error_code":"x"}', { status: 400 }),
    ]);
    sender.send('a\nb\nc', false);
    sender.send('d', false);
    await settle();
    await settle();
    expect(calls.map((c) => c.init.body)).toEqual(['a\nb\nc', 'd']);
    expect(drops.take()).toEqual({ rejected: 3 });
  });

  it('bounds what waits, counting the events that do not fit', async () => {
    const { drops, sender } = setup([() => Promise.reject(new Error('down'))], {
      maxQueueBytes: 10,
    });
    sender.send('12345678', false);
    sender.send('x\ny\nz', false);
    expect(drops.take()).toEqual({ queue_full: 3 });
    expect(sender.pending()).toBe(1);
  });

  it('deflates with CompressionStream and says so with encoding=deflate', async () => {
    const { calls, sender } = setup([], { compress: true });
    sender.send('view,app_id=a x=1', false);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.url).toBe(`${URL_}&encoding=deflate`);
    expect(await inflate(calls[0]?.init.body as Uint8Array)).toBe('view,app_id=a x=1');
  });

  it('on page exit sends everything waiting through sendBeacon, uncompressed', async () => {
    const { beacons, sender } = setup([() => Promise.reject(new Error('down'))], {
      compress: true,
    });
    sender.send('waiting', false);
    await settle();
    await settle();
    sender.send('last', true);
    expect(beacons).toEqual(['waiting', 'last']);
    expect(sender.pending()).toBe(0);
  });

  it('falls back to fetch keepalive when the beacon is refused', async () => {
    const { calls, sender } = setup([], { beacon: false });
    sender.send('last', true);
    await settle();
    expect(calls[0]?.init).toMatchObject({ body: 'last', keepalive: true });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    expect(retryAfter(new Response('', { headers: { 'Retry-After': '30' } }))).toBe(30_000);
    expect(
      retryAfter(new Response('', { headers: { 'Retry-After': 'Thu, 01 Jan 2026 00:00:10 GMT' } })),
    ).toBe(10_000);
    expect(retryAfter(new Response(''))).toBeUndefined();
    vi.useRealTimers();
  });
});
