// Helpers for the replay recorder's tests (happy-dom): rrweb made to run in happy-dom, a host
// the test drives, and the uploads read back as the server would.
import { parseSegmentBody, parseSegmentMeta, type SegmentBody } from '@rumkit/core/replay';
import { vi } from 'vitest';
import { createLifeCycle } from '../src/lifeCycle.js';
import type { ReplayContext, ReplayHost } from '../src/replay/types.js';
import { monitor } from '../src/tools/monitor.js';
import { createDrops } from '../src/transport/drops.js';
import type { InitOptions, RawEvent } from '../src/types.js';
import { makeConfig } from './helpers.js';

/**
 * rrweb reads nodes through the "untainted" accessors of Node.prototype (a page's framework may
 * patch the subclasses'), and, where they do not look native, through a hidden iframe's
 * prototypes. In happy-dom: none look native, the iframe has no window of its own, the base
 * Node.prototype.textContent getter does not know text nodes, and DOMTokenList is missing.
 * Chromium needs none of this (test/e2e/sdk-replay.test.ts records there).
 */
export function adaptHappyDomForRrweb(): void {
  const w = window as unknown as Record<string, unknown> & {
    happyDOM: { settings: Record<string, unknown> };
  };
  w.happyDOM.settings.enableIframePageLoading = true;
  if (!w.DOMTokenList) w.DOMTokenList = class {};
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent') as PropertyDescriptor;
  Object.defineProperty(Node.prototype, 'textContent', {
    ...text,
    get(this: Node) {
      return this instanceof CharacterData ? this.data : text.get?.call(this);
    },
  });
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    get: () => window,
    configurable: true,
  });
}

export interface Upload {
  url: string;
  /** The form fields, segment part aside. */
  fields: Record<string, string>;
  filename: string;
  contentType: string;
  /** Bytes of the segment part, as sent. */
  size: number;
  /** The segment's JSON, inflated when it was deflated. */
  json: string;
  body: SegmentBody;
  beacon: boolean;
  keepalive: boolean;
}

/**
 * Reads a multipart upload as the server would, checking it against the shared contract. A test
 * that does not look at an upload leaves its read running when it ends, and happy-dom aborts the
 * read with the page: that is no failure of the test, so the promise is marked handled (a test
 * that awaits it still sees its error).
 */
export function readUpload(
  url: string,
  init: { body?: BodyInit | null; headers?: HeadersInit; keepalive?: boolean },
  beacon: boolean,
): Promise<Upload> {
  const reading = readUploadNow(url, init, beacon);
  reading.catch(() => undefined);
  return reading;
}

async function readUploadNow(
  url: string,
  init: { body?: BodyInit | null; headers?: HeadersInit; keepalive?: boolean },
  beacon: boolean,
): Promise<Upload> {
  // A fetch says its type in a header; a beacon's Blob carries it.
  const form = await new Response(init.body, { headers: init.headers }).formData();
  const fields: Record<string, string> = {};
  let file: File | undefined;
  for (const [name, value] of form.entries()) {
    if (name === 'segment') file = value as File;
    else fields[name] = String(value);
  }
  if (!file) throw new Error('no segment part');
  const bytes = new Uint8Array(await file.arrayBuffer());
  // zlib streams start with 0x78; the page-exit fallback sends the JSON itself.
  const json =
    bytes[0] === 0x78
      ? await new Response(
          new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')),
        ).text()
      : new TextDecoder().decode(bytes);
  parseSegmentMeta(fields);
  return {
    url,
    fields,
    filename: file.name,
    contentType: file.type,
    size: bytes.length,
    json,
    body: parseSegmentBody(json),
    beacon,
    keepalive: Boolean(init.keepalive),
  };
}

/** A host the test drives: its context, its life cycle, and an intake behind fetch and sendBeacon. */
export function fakeHost(options: Partial<InitOptions> = {}) {
  const lifeCycle = createLifeCycle();
  const drops = createDrops();
  let context: ReplayContext | undefined = { sessionId: 'session-1', viewId: 'view-1', mode: 1 };
  const pending: Promise<Upload>[] = [];
  const answers: (() => Response)[] = [];
  let beaconRefused = false;
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    pending.push(readUpload(url, init, false));
    const answer = answers.shift();
    return answer ? answer() : new Response('{}', { status: 202 });
  });
  const sendBeacon = vi.fn((url: string, body: BodyInit) => {
    if (beaconRefused) return false;
    pending.push(readUpload(url, { body }, true));
    return true;
  });
  /** What the recorder last told the core: whether segments go out. */
  const state = { recording: false };
  const host: ReplayHost = {
    config: makeConfig({ env: 'test', version: '1.2.3', ...options }),
    context: () => context,
    recording: (on) => {
      state.recording = on;
    },
    lifeCycle,
    drops,
    monitor,
    fetch: fetch as unknown as typeof globalThis.fetch,
    sendBeacon,
  };
  const viewEvent = (data: Record<string, unknown>): RawEvent => ({
    type: 'view',
    date: Date.now(),
    startTime: 0,
    data,
  });
  return {
    host,
    state,
    drops,
    fetch,
    sendBeacon,
    /** Answers of the next uploads, in order (202 after them). */
    answers,
    refuseBeacons() {
      beaconRefused = true;
    },
    setContext(next: ReplayContext | undefined) {
      context = next;
    },
    /** A new view starts (the view collector's first send of it). */
    startView(viewId: string, sessionId = context?.sessionId || 'session-1') {
      context = { sessionId, viewId, mode: context?.mode ?? 1 };
      lifeCycle.raw.notify(viewEvent({ isActive: true }));
    },
    /** The current view is sent again (an update): whatever the context is now. */
    updateView() {
      lifeCycle.raw.notify(viewEvent({ isActive: true }));
    },
    /** The session expired: its view ends with it. */
    expireSession() {
      context = undefined;
      lifeCycle.raw.notify(viewEvent({ isActive: false, sessionIsActive: false }));
    },
    error() {
      lifeCycle.raw.notify({ type: 'error', date: Date.now(), startTime: 0, data: {} });
    },
    hide() {
      lifeCycle.pageExit.notify({ unload: false });
    },
    unload() {
      lifeCycle.pageExit.notify({ unload: true });
    },
    /** Everything uploaded so far, read back. */
    uploads: () => Promise.all(pending),
  };
}

/**
 * Waits for `check` without moving fake clocks (compression runs on Node's thread pool, not on
 * timers): polls between macrotasks, 5 s at most.
 */
export async function until(check: () => unknown): Promise<void> {
  // Node's, which fake timers leave alone (the SDK's tsconfig has no Node types).
  const node = globalThis as unknown as {
    process: { hrtime: { bigint(): bigint } };
    setImmediate(fn: () => void): void;
  };
  const end = node.process.hrtime.bigint() + 5_000_000_000n;
  while (!check()) {
    if (node.process.hrtime.bigint() > end) throw new Error('until: the condition never held');
    await new Promise<void>((resolve) => node.setImmediate(resolve));
  }
}
