import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeConfig, ORIGIN, useFakeClock } from '../../test/helpers.js';
import { createDrops } from '../transport/drops.js';
import type { Configuration } from '../types.js';
import { makePublicApi, REMOTE_TIMEOUT } from './publicApi.js';
import { type RemoteConfigurationModule, remoteOverrides } from './remoteConfiguration.js';
import type { startRum } from './startRum.js';

describe('remote configuration', () => {
  const shop = makeConfig({ applicationId: 'shop' });
  it('keeps this app’s allowed options and reads numbers and booleans written as text', () => {
    expect(
      remoteOverrides(shop, {
        content: {
          'R.shop.sessionSampleRate': '25',
          'R.shop.trackUserInteractions': 'true',
          'R.shop.env': 'gray',
          'R.shop.traceType': 'w3c_traceparent',
          'R.shop.beforeSend': 'evil()',
          'R.shop.datakitOrigin': 'https://evil.example',
          'R.other.env': 'prod',
        },
      }),
    ).toEqual({
      sessionSampleRate: 25,
      trackUserInteractions: true,
      env: 'gray',
      traceType: 'w3c_traceparent',
    });
  });

  it('gives nothing for an answer of the wrong shape', () => {
    expect(remoteOverrides(shop, null)).toEqual({});
    expect(remoteOverrides(shop, { content: 'x' })).toEqual({});
  });
});

describe('init with remoteConfiguration (a chunk of its own)', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    useFakeClock();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ content: { 'R.shop_web.env': 'gray' } })),
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** The public API over a stand-in start that keeps the configurations it gets. */
  const setup = (loadRemoteConfiguration?: () => Promise<RemoteConfigurationModule>) => {
    const started: Configuration[] = [];
    const api = makePublicApi({
      drops: createDrops(),
      loadRemoteConfiguration,
      start: ((config: Configuration) => {
        started.push(config);
      }) as unknown as typeof startRum,
    });
    const init = (options: object = {}) =>
      api.init({ applicationId: 'shop_web', datakitOrigin: ORIGIN, env: 'local', ...options });
    return { started, init };
  };
  const chunk = () => import('./remoteConfiguration.js');

  it('loads the chunk only when asked, and starts with the overrides it reads', async () => {
    const load = vi.fn(chunk);
    const { started, init } = setup(load);
    init();
    expect(load).not.toHaveBeenCalled();
    expect(started.map((config) => config.env)).toEqual(['local']);

    const remote = setup(load);
    remote.init({ remoteConfiguration: true });
    expect(remote.started).toEqual([]);
    await vi.waitFor(() => expect(remote.started).toHaveLength(1));
    expect(load).toHaveBeenCalledTimes(1);
    expect(remote.started[0]?.env).toBe('gray');
    expect(fetch).toHaveBeenCalledWith(
      `${ORIGIN}/v1/env_variable?app_id=shop_web`,
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
  });

  it('starts with the init options, and says so, when the chunk cannot be loaded', async () => {
    const { started, init } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    init({ remoteConfiguration: true });
    await vi.waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]?.env).toBe('local');
    expect(warn).toHaveBeenCalledWith(
      '[rumkit] remote configuration unavailable (TypeError: Failed to fetch); using the init options',
    );
  });

  it('waits REMOTE_TIMEOUT ms at most, the chunk’s loading included', async () => {
    const { started, init } = setup(() => new Promise(() => {}));
    init({ remoteConfiguration: true });
    await vi.advanceTimersByTimeAsync(REMOTE_TIMEOUT - 1);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started.map((config) => config.env)).toEqual(['local']);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[rumkit\] remote configuration unavailable \(.*Abort.*\)/),
    );
  });

  it('aborts an answer that takes longer than that', async () => {
    let signal: AbortSignal | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        signal = init.signal ?? undefined;
        return new Promise(() => {});
      }),
    );
    const { started, init } = setup(chunk);
    init({ remoteConfiguration: true });
    await vi.advanceTimersByTimeAsync(REMOTE_TIMEOUT);
    expect(started.map((config) => config.env)).toEqual(['local']);
    expect(signal?.aborted).toBe(true);
  });
});
