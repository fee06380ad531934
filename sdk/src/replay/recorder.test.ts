import type { record as rrwebRecord } from '@rrweb/record';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import { adaptHappyDomForRrweb, fakeHost, type Upload, until } from '../../test/replay.js';
import { setErrorReporter } from '../tools/monitor.js';
import {
  CHECKOUT_MS,
  ERROR_KEY,
  MAX_HELD_BYTES,
  type RecorderOptions,
  startRecording,
} from './recorder.js';
import { SEGMENT_MAX_DURATION_MS } from './segments.js';
import type { Recording } from './types.js';

type RecordOptions = Parameters<typeof rrwebRecord>[0] & {
  emit: (event: { type: number; timestamp: number; data: unknown }, isCheckout?: boolean) => void;
};

/**
 * rrweb as the recorder sees it, driven by the test: each start (and takeFullSnapshot) emits a
 * Meta and a full snapshot; the test emits the rest. (Real rrweb records in the last tests
 * here, in privacy.test.ts and in Chromium.)
 */
function fakeRrweb() {
  const starts: RecordOptions[] = [];
  let current: RecordOptions | undefined;
  let stops = 0;
  const snapshot = (isCheckout?: boolean) => {
    const emit = current?.emit;
    emit?.(
      { type: 4, timestamp: Date.now(), data: { href: location.href, width: 1, height: 1 } },
      isCheckout,
    );
    emit?.(
      { type: 2, timestamp: Date.now(), data: { node: { type: 0, id: 1, childNodes: [] } } },
      isCheckout,
    );
  };
  const record = Object.assign(
    (options: RecordOptions) => {
      starts.push(options);
      current = options;
      snapshot();
      return () => {
        if (current === options) current = undefined;
        stops++;
      };
    },
    {
      mirror: { getNode: () => null },
      takeFullSnapshot: (isCheckout?: boolean) => {
        if (!current) throw new Error('please take full snapshot after start recording');
        snapshot(isCheckout);
      },
    },
  );
  return {
    record: record as unknown as typeof rrwebRecord,
    starts,
    stops: () => stops,
    running: () => current !== undefined,
    /** A mouse move (any incremental record). */
    move() {
      current?.emit({ type: 3, timestamp: Date.now(), data: { source: 1, positions: [] } });
    },
    /** A mutation record with `entries` added nodes. */
    mutate(entries: number) {
      current?.emit({
        type: 3,
        timestamp: Date.now(),
        data: {
          source: 0,
          texts: [],
          attributes: [],
          removes: [],
          adds: Array.from({ length: entries }, (_, i) => ({
            parentId: 1,
            nextId: null,
            node: { type: 3, id: 100 + i, textContent: '' },
          })),
        },
      });
    },
    /** rrweb's minute checkout (error mode). */
    checkout: () => snapshot(true),
  };
}

const reasons = (uploads: Upload[]) => uploads.map((u) => u.fields.creation_reason);
const types = (upload: Upload | undefined) => upload?.body.records.map((r) => r.type);

describe('the recorder', () => {
  let recording: Recording | undefined;
  let host: ReturnType<typeof fakeHost>;
  let rrweb: ReturnType<typeof fakeRrweb>;
  const start = (options: RecorderOptions = {}) => {
    recording = startRecording(host.host, { record: rrweb.record, ...options });
    return recording;
  };
  /** Lets compression and the fake intake answer; `n` uploads expected in all. */
  const uploaded = async (n: number) => {
    await until(() => host.fetch.mock.calls.length + host.sendBeacon.mock.calls.length >= n);
    return host.uploads();
  };

  beforeEach(() => {
    useFakeClock();
    localStorage.clear();
    host = fakeHost();
    rrweb = fakeRrweb();
  });
  afterEach(() => {
    recording?.stop();
    vi.useRealTimers();
  });

  it('records a sampled session: the first segment says init and starts with a full snapshot', async () => {
    start();
    rrweb.move();
    expect(rrweb.starts).toHaveLength(1);
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    const [first] = await uploaded(1);
    expect(first?.url).toBe('https://intake.example/v1/write/rum/replay?precision=ms');
    expect(first?.fields).toMatchObject({
      app_id: 'test_app',
      session_id: 'session-1',
      view_id: 'view-1',
      creation_reason: 'init',
      index_in_view: '0',
      has_full_snapshot: 'true',
      records_count: '3',
      source: 'browser',
      env: 'test',
      version: '1.2.3',
    });
    expect(types(first)).toEqual([4, 2, 3]);
  });

  it('records nothing for a session not sampled for replay, or before a session opens', () => {
    host.setContext({ sessionId: 'session-1', viewId: 'view-1', mode: 0 });
    start();
    host.setContext(undefined);
    host.updateView();
    expect(rrweb.starts).toHaveLength(0);
  });

  it('uses rrweb with the privacy options, sampling, slim DOM, no canvas and no fonts', () => {
    start();
    expect(rrweb.starts[0]).toMatchObject({
      blockSelector: '[data-gc-privacy=hidden],.gc-privacy-hidden',
      maskTextSelector: '[data-gc-privacy=mask],.gc-privacy-mask,textarea,option',
      maskInputOptions: { input: true, textarea: true, select: true },
      slimDOMOptions: 'all',
      sampling: { mousemove: 100, scroll: 150, input: 'all' },
      recordCanvas: false,
      collectFonts: false,
      inlineImages: false,
      checkoutEveryNms: undefined,
    });
  });

  it('at a view change, closes the segment and starts the new view with a full snapshot', async () => {
    start();
    rrweb.move();
    host.startView('view-2');
    // rrweb stops at once, before the route renders, and starts again after it: the snapshot
    // is of the new view.
    expect(rrweb.running()).toBe(false);
    vi.advanceTimersByTime(0);
    expect(rrweb.starts).toHaveLength(2);
    rrweb.move();
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    const uploads = await uploaded(2);
    expect(
      uploads.map((u) => [u.fields.view_id, u.fields.creation_reason, u.fields.index_in_view]),
    ).toEqual([
      ['view-1', 'init', '0'],
      ['view-2', 'view_change', '0'],
    ]);
    expect(types(uploads[1])).toEqual([4, 2, 3]);
    // A view update is not a view change.
    host.startView('view-2');
    rrweb.move();
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    expect((await uploaded(3))[2]?.fields).toMatchObject({
      view_id: 'view-2',
      creation_reason: 'segment_duration_limit',
      index_in_view: '1',
      has_full_snapshot: 'false',
    });
  });

  it('starts rrweb once after views that change faster than the page renders, and not after a stop', () => {
    start();
    host.startView('view-2');
    host.startView('view-3');
    vi.advanceTimersByTime(0);
    expect(rrweb.starts).toHaveLength(2);
    expect(rrweb.running()).toBe(true);
    host.startView('view-4');
    recording?.stop();
    vi.advanceTimersByTime(0);
    expect(rrweb.starts).toHaveLength(2);
    expect(rrweb.running()).toBe(false);
  });

  it('sends a segment when the page is hidden, and at page exit sends it deflated through sendBeacon', async () => {
    start();
    host.hide();
    rrweb.move();
    host.unload();
    const uploads = await uploaded(2);
    expect(reasons(uploads)).toEqual(['init', 'visibility_hidden']);
    expect(uploads[1]).toMatchObject({ beacon: true, contentType: 'application/octet-stream' });
    expect(uploads[1]?.body.creation_reason).toBe('visibility_hidden');
  });

  it('sends a segment when the browser freezes the page, and the next says page_frozen', async () => {
    start();
    document.dispatchEvent(new Event('freeze'));
    rrweb.move();
    host.hide();
    const uploads = await uploaded(2);
    expect(reasons(uploads)).toEqual(['init', 'page_frozen']);
  });

  it('stopSessionReplayRecording: sends what it has and stops; started again, the segment says stop', async () => {
    start();
    // The session's events say session_has_replay while segments go out.
    expect(host.state.recording).toBe(true);
    recording?.stop();
    expect(host.state.recording).toBe(false);
    expect(rrweb.running()).toBe(false);
    await uploaded(1);
    recording?.start();
    expect(rrweb.starts).toHaveLength(2);
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    const uploads = await uploaded(2);
    expect(reasons(uploads)).toEqual(['init', 'stop']);
    expect(uploads[1]?.fields.has_full_snapshot).toBe('true');
  });

  it('a renewed session decides again: recorded from a new full snapshot, or not at all', async () => {
    start();
    host.startView('view-2', 'session-2');
    expect(rrweb.stops()).toBe(1);
    expect(rrweb.starts).toHaveLength(2);
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    const uploads = await uploaded(2);
    expect(uploads.map((u) => [u.fields.session_id, u.fields.creation_reason])).toEqual([
      ['session-1', 'init'],
      ['session-2', 'init'],
    ]);
    host.setContext({ sessionId: 'session-3', viewId: 'view-3', mode: 0 });
    host.startView('view-3', 'session-3');
    expect(rrweb.running()).toBe(false);
    host.expireSession();
    host.setContext({ sessionId: 'session-4', viewId: 'view-4', mode: 1 });
    host.startView('view-4', 'session-4');
    expect(rrweb.running()).toBe(true);
  });

  it('stops when the session expires', () => {
    start();
    host.expireSession();
    expect(rrweb.running()).toBe(false);
  });

  it('never lets an rrweb error reach the page: it goes to telemetry', () => {
    const reported: unknown[] = [];
    setErrorReporter((error) => reported.push(error));
    start();
    expect(rrweb.starts[0]?.errorHandler?.(new Error('rrweb bug'))).toBe(true);
    expect(reported).toEqual([new Error('rrweb bug')]);
    setErrorReporter(undefined);
  });

  describe('in error mode (sessionReplayOnErrorSampleRate)', () => {
    beforeEach(() => host.setContext({ sessionId: 'session-1', viewId: 'view-1', mode: 2 }));

    it('holds the last minute, sends nothing until an error, then sends it and records everything', async () => {
      start();
      expect(rrweb.starts[0]?.checkoutEveryNms).toBe(CHECKOUT_MS);
      for (let minute = 0; minute < 3; minute++) {
        for (let s = 0; s < 60; s += 10) {
          vi.advanceTimersByTime(10_000);
          rrweb.move();
        }
        rrweb.checkout();
      }
      vi.advanceTimersByTime(20_000);
      rrweb.move();
      expect(host.fetch).not.toHaveBeenCalled();
      // Held, not sent: the session's events do not say it has a replay yet.
      expect(host.state.recording).toBe(false);
      host.error();
      expect(host.state.recording).toBe(true);
      // rrweb starts again without the minute checkouts.
      expect(rrweb.starts).toHaveLength(2);
      expect(rrweb.starts[1]?.checkoutEveryNms).toBeUndefined();
      const held = await uploaded(9);
      // The previous checkout (from 2:00) and the current one (from 3:00), nothing older.
      const first = held[0];
      expect(first?.body.records.slice(0, 2).map((r) => r.type)).toEqual([4, 2]);
      expect(first?.body.records[0]?.timestamp).toBe(Date.parse('2026-01-01T00:02:00Z'));
      expect(new Set(reasons(held))).toEqual(new Set(['buffer_checkout']));
      expect(held.every((u) => u.fields.view_id === 'view-1')).toBe(true);
      const records = held.flatMap((u) => u.body.records);
      expect(records.filter((r) => r.type === 3)).toHaveLength(7);
      // From the error on, everything is sent.
      rrweb.move();
      vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
      const after = (await uploaded(held.length + 1)).slice(held.length);
      expect(after[0]?.fields.creation_reason).toBe('buffer_checkout');
      expect(types(after[0])).toEqual([4, 2, 3]);
    });

    it('an error turns the session’s other tabs and later pages to full recording', () => {
      start();
      host.error();
      expect(localStorage.getItem(ERROR_KEY)).toBe('session-1');
      recording?.stop();
      // A later page of the same session.
      rrweb = fakeRrweb();
      start();
      expect(rrweb.starts[0]?.checkoutEveryNms).toBeUndefined();
      recording?.stop();
      // Another tab, in error mode, hears of it.
      localStorage.clear();
      rrweb = fakeRrweb();
      start();
      expect(rrweb.starts[0]?.checkoutEveryNms).toBe(CHECKOUT_MS);
      window.dispatchEvent(new StorageEvent('storage', { key: ERROR_KEY, newValue: 'session-1' }));
      expect(rrweb.starts[1]?.checkoutEveryNms).toBeUndefined();
    });

    it('drops the held records when they outgrow the buffer, counts them, and starts again from a checkout', () => {
      start();
      const big = 'x'.repeat(50_000);
      const records = Math.ceil(MAX_HELD_BYTES / big.length) + 2;
      for (let i = 0; i < records; i++) {
        rrweb.move();
        rrweb.starts[0]?.emit({ type: 5, timestamp: Date.now(), data: big });
      }
      expect(host.drops.take()?.replay_buffer_full).toBeGreaterThan(0);
      vi.advanceTimersByTime(0);
      host.error();
      // What is sent starts with the new checkout's full snapshot.
      return uploaded(1).then((uploads) => {
        expect(types(uploads[0])?.slice(0, 2)).toEqual([4, 2]);
      });
    });
  });

  describe('under a mutation storm', () => {
    const limits = { mutations: 1000, ms: 1000, calm: 3000 };

    it('pauses recording, and resumes with a full snapshot once the page is calm', async () => {
      document.body.innerHTML = '<ul id="list"></ul>';
      start({ budget: limits });
      rrweb.mutate(600);
      expect(rrweb.running()).toBe(true);
      rrweb.mutate(600);
      vi.advanceTimersByTime(0);
      expect(rrweb.running()).toBe(false);
      // Still storming: the page's own mutations, seen by a plain MutationObserver.
      const list = document.getElementById('list') as HTMLElement;
      for (let s = 0; s < 4; s++) {
        for (let i = 0; i < 200; i++) list.append(document.createElement('li'));
        await Promise.resolve();
        vi.advanceTimersByTime(1000);
      }
      expect(rrweb.starts).toHaveLength(1);
      vi.advanceTimersByTime(2999);
      expect(rrweb.starts).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(rrweb.starts).toHaveLength(2);
      vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
      const uploads = await uploaded(3);
      const custom = uploads.flatMap((u) => u.body.records).find((r) => r.type === 5);
      expect(custom?.data).toEqual({
        tag: 'recording_paused',
        payload: { reason: 'mutation_budget' },
      });
      const all = uploads.flatMap((u) => u.body.records.map((r) => r.type));
      expect(all.slice(-2)).toEqual([4, 2]);
    });

    it('keeps recording a page whose mutations stay within the budget', () => {
      start({ budget: limits });
      for (let s = 0; s < 10; s++) {
        rrweb.mutate(900);
        vi.advanceTimersByTime(1000);
      }
      expect(rrweb.running()).toBe(true);
      expect(rrweb.starts).toHaveLength(1);
    });
  });
});

describe('the recorder with rrweb, in happy-dom', () => {
  beforeAll(adaptHappyDomForRrweb);
  let recording: Recording | undefined;
  afterEach(() => recording?.stop());

  it('uploads deflated segments of the page, masked, per view', async () => {
    document.body.innerHTML =
      '<h1>Orders</h1><input type="password" value="hunter2"><input id="q" value="my query">';
    const host = fakeHost();
    recording = startRecording(host.host);
    document.querySelector('h1')?.append(' and more');
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.startView('view-2');
    // rrweb starts again once the route has rendered, with a snapshot of the new view.
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.hide();
    await until(() => host.fetch.mock.calls.length >= 2);
    const uploads = await host.uploads();
    expect(uploads.map((u) => [u.fields.view_id, u.fields.creation_reason, u.contentType])).toEqual(
      [
        ['view-1', 'init', 'application/octet-stream'],
        ['view-2', 'view_change', 'application/octet-stream'],
      ],
    );
    const json = uploads.map((u) => u.json).join('');
    expect(json).toContain('Orders');
    expect(json).toContain(' and more');
    expect(json).not.toMatch(/hunter2|my query/);
    expect(uploads[1]?.body.records.map((r) => r.type)).toEqual([4, 2]);
  });
});
