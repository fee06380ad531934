import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeConfig, ORIGIN, useFakeClock } from '../../test/helpers.js';
import { clearStorage } from '../../test/sdk.js';
import { createLifeCycle } from '../lifeCycle.js';
import type { RecorderModule, ReplayContext, ReplayHost } from '../replay/types.js';
import { uuid } from '../tools/id.js';
import { createDrops } from '../transport/drops.js';
import type { InitOptions, RumEvent } from '../types.js';
import { makePublicApi } from './publicApi.js';
import { createReplayControl, replayMode, sessionDraw } from './replay.js';

/** An id whose first draw is `first` and second draw `second` (0-99.99). */
const idDrawing = (first: number, second: number) => {
  const hex = (n: number) =>
    Math.round(n * 100)
      .toString(16)
      .padStart(8, '0');
  return `${hex(first)}-0000-4000-a000-0000${hex(second)}`;
};

describe('replay sampling', () => {
  it('draws a number in [0, 100) from the session id, the same every time', () => {
    const id = uuid();
    expect(sessionDraw(id)).toBe(sessionDraw(id));
    expect(sessionDraw(idDrawing(12.34, 0))).toBe(12.34);
    expect(sessionDraw(idDrawing(0, 56.78), 1)).toBe(56.78);
    for (let i = 0; i < 1000; i++) {
      const draw = sessionDraw(uuid());
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(100);
    }
  });

  it('samples about sessionReplaySampleRate % of sessions, and of the rest about sessionReplayOnErrorSampleRate % in error mode', () => {
    const config = makeConfig({ sessionReplaySampleRate: 30, sessionReplayOnErrorSampleRate: 50 });
    const modes: number[] = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      const mode = replayMode(config, uuid());
      modes[mode] = (modes[mode] ?? 0) + 1;
    }
    const [, full = 0, onError = 0] = modes;
    expect(full / 20_000).toBeCloseTo(0.3, 1);
    // 50 % of the 70 % left.
    expect(onError / 20_000).toBeCloseTo(0.35, 1);
  });

  it('follows the rates at their ends', () => {
    const id = uuid();
    expect(replayMode(makeConfig(), id)).toBe(1);
    expect(replayMode(makeConfig({ sessionReplaySampleRate: 0 }), id)).toBe(0);
    expect(
      replayMode(
        makeConfig({ sessionReplaySampleRate: 0, sessionReplayOnErrorSampleRate: 100 }),
        id,
      ),
    ).toBe(2);
    const config = makeConfig({ sessionReplaySampleRate: 40, sessionReplayOnErrorSampleRate: 10 });
    expect(replayMode(config, idDrawing(39.99, 50))).toBe(1);
    expect(replayMode(config, idDrawing(40, 9.99))).toBe(2);
    expect(replayMode(config, idDrawing(40, 10))).toBe(0);
  });
});

describe('the replay control', () => {
  const viewEvent = { type: 'view', date: 0, context: {} } as RumEvent;
  const setup = () => {
    let context: ReplayContext | undefined;
    const lifeCycle = createLifeCycle();
    const recording = { start: vi.fn(), stop: vi.fn() };
    const module: RecorderModule = { startRecording: vi.fn(() => recording) };
    const load = vi.fn(async () => module);
    const host = {
      lifeCycle,
      context: () => context,
    } as unknown as ReplayHost;
    return {
      control: createReplayControl(load),
      host,
      load,
      module,
      recording,
      setContext: (next?: ReplayContext) => {
        context = next;
      },
      /** The view is sent (assembled): a session opened, a view started or was updated. */
      viewSent: () => lifeCycle.assembled.notify(viewEvent),
    };
  };

  it('loads the recorder once a session sampled for replay is open, and only then', async () => {
    const { control, host, load, module, setContext, viewSent } = setup();
    control.start(host);
    viewSent();
    expect(load).not.toHaveBeenCalled();
    setContext({ sessionId: 's', viewId: 'v', mode: 0 });
    viewSent();
    expect(load).not.toHaveBeenCalled();
    // A renewed session decides again.
    setContext({ sessionId: 's2', viewId: 'v2', mode: 2 });
    viewSent();
    viewSent();
    control.start(host);
    await vi.waitFor(() => expect(module.startRecording).toHaveBeenCalledWith(host));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads at once when the session is already open and sampled', async () => {
    const { control, host, load, setContext } = setup();
    setContext({ sessionId: 's', viewId: 'v', mode: 1 });
    control.start(host);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not load after stop; start again starts the same recording', async () => {
    const { control, host, load, module, recording, setContext, viewSent } = setup();
    control.start(host);
    control.stop();
    setContext({ sessionId: 's', viewId: 'v', mode: 1 });
    viewSent();
    expect(load).not.toHaveBeenCalled();
    control.start(host);
    await vi.waitFor(() => expect(module.startRecording).toHaveBeenCalledTimes(1));
    control.stop();
    expect(recording.stop).toHaveBeenCalledTimes(1);
    control.start(host);
    expect(recording.start).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the recorder cannot be loaded, and tries again at the next start', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { host, setContext } = setup();
    const load = vi.fn(() => Promise.reject(new Error('chunk 404')));
    const control = createReplayControl(load);
    setContext({ sessionId: 's', viewId: 'v', mode: 1 });
    control.start(host);
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(String(error.mock.calls[0]?.[0])).toContain('session replay could not be loaded');
    control.start(host);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2));
    error.mockRestore();
  });
});

describe('startSessionReplayRecording', () => {
  beforeEach(() => {
    useFakeClock();
    clearStorage();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** One tab: the SDK with a recorder the test sees; the session `id` already in the cookie. */
  const tab = (id: string | undefined, options: Partial<InitOptions> = {}) => {
    if (id) {
      const now = Date.now();
      // biome-ignore lint/suspicious/noDocumentCookie: a session another tab started
      document.cookie = `_gc_s=id=${id}&created=${now}&rum=1&expire=${now + 900_000};path=/`;
    }
    const startRecording = vi.fn(() => ({ start: vi.fn(), stop: vi.fn() }));
    const api = makePublicApi({
      drops: createDrops(),
      loadReplay: async () => ({ startRecording }),
      startOptions: { startVitals: () => {} },
    });
    vi.spyOn(window, 'fetch').mockResolvedValue(new Response('{}'));
    api.init({ applicationId: 'test_app', datakitOrigin: ORIGIN, ...options });
    return { api, startRecording };
  };

  it('records only a session sampled for replay, the same way in every tab', async () => {
    const options = { sessionReplaySampleRate: 50 };
    const sampled = idDrawing(49.99, 0);
    const tabs = [tab(sampled, options), tab(sampled, options)];
    for (const { api } of tabs) api.startSessionReplayRecording();
    await vi.advanceTimersByTimeAsync(1000);
    for (const { startRecording } of tabs) expect(startRecording).toHaveBeenCalledTimes(1);
    const host = tabs[0]?.startRecording.mock.calls[0]?.[0 as never] as unknown as ReplayHost;
    expect(host.context()).toEqual({
      sessionId: sampled,
      viewId: expect.any(String),
      mode: 1,
    });
    expect(host.config).toMatchObject({
      applicationId: 'test_app',
      origin: ORIGIN,
      defaultPrivacyLevel: 'mask-user-input',
    });

    clearStorage();
    const other = tab(idDrawing(50, 0), options);
    other.api.startSessionReplayRecording();
    await vi.advanceTimersByTimeAsync(1000);
    expect(other.startRecording).not.toHaveBeenCalled();
  });

  it('waits for startSessionReplayRecording() (Guance: recording starts after login, say)', async () => {
    const { api, startRecording } = tab(undefined);
    await vi.advanceTimersByTimeAsync(5000);
    expect(startRecording).not.toHaveBeenCalled();
    api.startSessionReplayRecording();
    await vi.advanceTimersByTimeAsync(0);
    expect(startRecording).toHaveBeenCalledTimes(1);
  });
});
