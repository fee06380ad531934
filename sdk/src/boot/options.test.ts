// One test per init option, each showing what the option changes in what the SDK sends.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORIGIN, useFakeClock } from '../../test/helpers.js';
import { adaptHappyDomForRrweb, until } from '../../test/replay.js';
import { clearStorage, startSdk } from '../../test/sdk.js';
import type { InitOptions } from '../types.js';

describe('init options', () => {
  let sdk: ReturnType<typeof startSdk>;
  const start = (
    options: Partial<InitOptions> = {},
    setup: Parameters<typeof startSdk>[1] = {},
  ) => {
    sdk = startSdk(options, setup);
    return sdk;
  };
  beforeEach(() => {
    useFakeClock();
    clearStorage();
    history.replaceState({}, '', '/');
    document.body.innerHTML = '<button id="buy">Buy</button><div id="dead">Static</div>';
  });
  afterEach(() => {
    sdk?.stop();
    vi.useRealTimers();
  });
  const measurement = (name: string) => sdk.points().filter((p) => p.measurement === name);

  it('applicationId: every event carries it as app_id; without it the SDK does not start', () => {
    start({ applicationId: 'shop_web' });
    sdk.flush();
    expect(new Set(sdk.points().map((p) => p.tags.app_id))).toEqual(new Set(['shop_web']));
    sdk.stop();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    start({ applicationId: '' });
    expect(sdk.started()).toBe(false);
    expect(error).toHaveBeenCalled();
  });

  it('datakitOrigin: events go to {origin}/v1/write/rum?precision=ms', async () => {
    start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sdk.intake[0]?.url).toBe(`${ORIGIN}/v1/write/rum?precision=ms`);
    expect(sdk.intake[0]?.beacon).toBe(false);
  });

  it('env, version and service: tags on every event', () => {
    start({ env: 'staging', version: '2.4.1', service: 'shop-web' });
    sdk.flush();
    expect(sdk.points()[0]?.tags).toMatchObject({
      env: 'staging',
      version: '2.4.1',
      service: 'shop-web',
    });
  });

  it('sessionSampleRate: a session drawn above the rate sends nothing', () => {
    start({ sessionSampleRate: 40 }, { random: () => 0.5 });
    sdk.api.addAction('checkout');
    sdk.flush();
    expect(sdk.intake).toEqual([]);
    sdk.stop();
    clearStorage();
    start({ sessionSampleRate: 60 }, { random: () => 0.5 });
    sdk.flush();
    expect(measurement('view')).toHaveLength(1);
  });

  it('sessionOnErrorSampleRate: an unsampled session is recorded from its first error on', () => {
    start({ sessionSampleRate: 0, sessionOnErrorSampleRate: 100 }, { random: () => 0.5 });
    sdk.api.addAction('before the error');
    sdk.api.addError(new Error('payment failed'));
    sdk.api.addAction('after the error');
    sdk.flush();
    expect(measurement('action').map((p) => p.fields.action_name)).toEqual(['after the error']);
    expect(measurement('error')).toHaveLength(1);
    expect(measurement('view').pop()?.fields).toMatchObject({
      sampled_for_error_session: true,
      session_on_error_sample_rate: 100,
    });
  });

  it('trackUserInteractions: clicks become actions', async () => {
    start({ trackUserInteractions: true });
    document.getElementById('buy')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1200);
    sdk.flush();
    expect(measurement('action')[0]?.fields.action_name).toBe('Buy');
    sdk.stop();
    start({ trackUserInteractions: false });
    document.getElementById('buy')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1200);
    sdk.flush();
    expect(measurement('action')).toEqual([]);
  });

  it('actionNameAttribute: names clicks from that attribute', async () => {
    document.body.innerHTML = '<button id="buy" data-name="Add to basket">+</button>';
    start({ trackUserInteractions: true, actionNameAttribute: 'data-name' });
    document.getElementById('buy')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1200);
    sdk.flush();
    expect(measurement('action')[0]?.fields.action_name).toBe('Add to basket');
  });

  it('allowedTracingUrls and traceType: matching requests get that type’s trace headers', async () => {
    start({ allowedTracingUrls: ['https://api.example'], traceType: 'w3c_traceparent' });
    await fetch('https://api.example/orders');
    await fetch('https://other.example/x');
    expect(sdk.app[0]?.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(sdk.app[1]?.headers.get('traceparent')).toBeNull();
  });

  it('tracingSampleRate: a trace outside the rate goes out marked unsampled', async () => {
    start({
      allowedTracingUrls: ['https://api.example'],
      traceType: 'zipkin',
      tracingSampleRate: 0,
    });
    await fetch('https://api.example/orders');
    expect(sdk.app[0]?.headers.get('X-B3-Sampled')).toBe('0');
    expect(sdk.app[0]?.headers.get('X-B3-TraceId')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('traceId128Bit: 128-bit trace ids where the type allows 64', async () => {
    start({
      allowedTracingUrls: ['https://api.example'],
      traceType: 'zipkin',
      traceId128Bit: true,
    });
    await fetch('https://api.example/orders');
    expect(sdk.app[0]?.headers.get('X-B3-TraceId')).toMatch(/^[0-9a-f]{32}$/);
    expect(sdk.app[0]?.headers.get('X-B3-Sampled')).toBe('1');
  });

  it('excludedActivityUrls: a long poll does not hold up a route change’s loading time', async () => {
    const loadingTime = async (options: Partial<InitOptions>) => {
      history.replaceState({}, '', '/');
      start(options, { hold: /\/poll$/ });
      history.pushState({}, '', '/orders');
      const poll = fetch('https://api.example/poll');
      await vi.advanceTimersByTimeAsync(2000);
      sdk.release();
      await poll;
      await vi.advanceTimersByTimeAsync(4000);
      sdk.flush();
      const time = measurement('view')
        .filter((p) => p.tags.view_path === '/orders')
        .pop()?.fields.loading_time;
      sdk.stop();
      clearStorage();
      return time;
    };
    expect(await loadingTime({})).toBe(2_000_000_000);
    expect(await loadingTime({ excludedActivityUrls: [/\/poll$/] })).toBe(0);
  });

  it('trackViewsManually: no view until startView(), route changes ignored', () => {
    start({ trackViewsManually: true });
    history.pushState({}, '', '/products');
    sdk.api.addAction('early');
    expect(sdk.started()).toBe(false);
    sdk.api.startView('Catalogue');
    history.pushState({}, '', '/products/1');
    sdk.flush();
    expect([...new Set(measurement('view').map((p) => p.tags.view_name))]).toEqual(['Catalogue']);
    expect(measurement('action')[0]?.tags.view_name).toBe('Catalogue');
  });

  it('silentMultipleInit: a second init is ignored without a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start({ env: 'first', silentMultipleInit: true });
    sdk.api.init({ applicationId: 'other', datakitOrigin: 'https://x.example', env: 'second' });
    sdk.flush();
    expect(warn).not.toHaveBeenCalled();
    expect(sdk.points()[0]?.tags.env).toBe('first');
  });

  it('beforeSend: edits events, or drops them by returning false', () => {
    start({
      beforeSend: (event) => {
        if (event.type === 'action' && event.actionName === 'secret') return false;
        if (event.type === 'view') event.viewName = 'renamed';
        return true;
      },
    });
    sdk.api.addAction('secret');
    sdk.api.addAction('public');
    sdk.flush();
    expect(measurement('action').map((p) => p.fields.action_name)).toEqual(['public']);
    expect(measurement('view')[0]?.tags.view_name).toBe('renamed');
  });

  describe('cookies', () => {
    const cookies = () => {
      const written: string[] = [];
      let proto = Object.getPrototypeOf(document);
      while (!Object.getOwnPropertyDescriptor(proto, 'cookie'))
        proto = Object.getPrototypeOf(proto);
      const descriptor = Object.getOwnPropertyDescriptor(proto, 'cookie') as PropertyDescriptor;
      vi.spyOn(document, 'cookie', 'set').mockImplementation((value: string) => {
        written.push(value);
        descriptor.set?.call(document, value.replace(/;(secure|partitioned|domain=[^;]*)/g, ''));
      });
      return () => written.filter((cookie) => cookie.startsWith('_gc_s='));
    };

    it('by default: _gc_s, first-party, SameSite=Strict', () => {
      const written = cookies();
      start();
      vi.advanceTimersByTime(1);
      expect(written()[0]).toMatch(
        /^_gc_s=id=[\w-]+&created=\d+&rum=1&expire=\d+;expires=.*;path=\/;samesite=strict$/,
      );
    });

    it('useSecureSessionCookie: Secure', () => {
      const written = cookies();
      start({ useSecureSessionCookie: true });
      vi.advanceTimersByTime(1);
      expect(written()[0]).toMatch(/;samesite=strict;secure$/);
    });

    it('usePartitionedCrossSiteSessionCookie: SameSite=None, Partitioned, Secure', () => {
      const written = cookies();
      start({ usePartitionedCrossSiteSessionCookie: true });
      vi.advanceTimersByTime(1);
      expect(written()[0]).toMatch(/;samesite=none;partitioned;secure$/);
    });

    it('trackSessionAcrossSubdomains: on the widest domain that takes a cookie', () => {
      const written = cookies();
      start({ trackSessionAcrossSubdomains: true });
      vi.advanceTimersByTime(1);
      // localhost has no parent domain: the cookie stays host-only.
      expect(written()[0]).not.toContain('domain=');
      sdk.stop();
      clearStorage();
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
        'https://shop.eu.example.com/',
      );
      const later = cookies();
      start({ trackSessionAcrossSubdomains: true });
      vi.advanceTimersByTime(1);
      expect(later()[0]).toMatch(/;domain=example\.com$/);
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
        'http://localhost:3000/',
      );
    });
  });

  it('allowFallbackToLocalStorage: without cookies, the session lives in localStorage', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(document, 'cookie', 'get').mockReturnValue('');
    start();
    vi.advanceTimersByTime(1);
    expect(sdk.api.getInternalContext()).toBeUndefined();
    expect(String(error.mock.calls[0]?.[0])).toContain('allowFallbackToLocalStorage');
    sdk.stop();
    vi.spyOn(document, 'cookie', 'get').mockReturnValue('');
    start({ allowFallbackToLocalStorage: true });
    vi.advanceTimersByTime(1);
    expect(sdk.api.getInternalContext()?.session.id).toBeTruthy();
    expect(localStorage.getItem('_gc_s')).toMatch(/^id=/);
  });

  it('compressIntakeRequests: bodies are deflated and say encoding=deflate', async () => {
    start({ compressIntakeRequests: true });
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(() => expect(sdk.intake).toHaveLength(1));
    expect(sdk.intake[0]?.url).toBe(`${ORIGIN}/v1/write/rum?precision=ms&encoding=deflate`);
    expect(sdk.points()[0]?.measurement).toBe('view');
  });

  it('remoteConfiguration: the intake’s /v1/env_variable overrides options before start', async () => {
    start(
      { remoteConfiguration: true, env: 'local' },
      { envVariables: { 'R.test_app.env': 'gray', 'R.test_app.version': '9.9' } },
    );
    expect(sdk.started()).toBe(false);
    await vi.waitFor(() => expect(sdk.started()).toBe(true));
    sdk.flush();
    expect(sdk.points()[0]?.tags).toMatchObject({ env: 'gray', version: '9.9' });
  });

  describe('session replay', () => {
    beforeAll(async () => {
      adaptHappyDomForRrweb();
      // The recorder chunk's first import (rrweb) takes a while: not inside a test's time.
      await import('../replay/recorder.js');
    });
    /** A session whose replay draws are `first` and `second` (0-99.99), as another tab left it. */
    const session = (first: number, second = 99) => {
      const hex = (n: number) =>
        Math.round(n * 100)
          .toString(16)
          .padStart(8, '0');
      const id = `${hex(first)}-0000-4000-a000-0000${hex(second)}`;
      const now = Date.now();
      // biome-ignore lint/suspicious/noDocumentCookie: a session another tab started
      document.cookie = `_gc_s=id=${id}&created=${now}&rum=1&expire=${now + 900_000};path=/`;
      return id;
    };
    /** Records the page for a moment, hides it, and reads what was uploaded. */
    const recorded = async (options: Partial<InitOptions>, act = () => {}) => {
      start(options);
      sdk.api.startSessionReplayRecording();
      await vi.advanceTimersByTimeAsync(100);
      act();
      await vi.advanceTimersByTimeAsync(100);
      sdk.flush();
      await vi.advanceTimersByTimeAsync(0);
      return sdk;
    };
    const uploads = async (count: number) => {
      await until(() => sdk.replayCount() >= count);
      return sdk.replay();
    };

    it('sessionReplaySampleRate: a session drawn under the rate is recorded, one above is not', async () => {
      const id = session(29.99);
      await recorded({ sessionReplaySampleRate: 30 });
      const [segment] = await uploads(1);
      expect(segment?.fields).toMatchObject({ session_id: id, creation_reason: 'init' });
      sdk.stop();
      clearStorage();
      session(30);
      await recorded({ sessionReplaySampleRate: 30 });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sdk.replayCount()).toBe(0);
    });

    it('sessionReplayOnErrorSampleRate: the minute before an error is sent at the error', async () => {
      session(50, 10);
      await recorded({ sessionReplaySampleRate: 0, sessionReplayOnErrorSampleRate: 20 });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sdk.replayCount()).toBe(0);
      sdk.api.addError(new Error('payment failed'));
      const held = await uploads(1);
      expect(held[0]?.fields).toMatchObject({
        creation_reason: 'buffer_checkout',
        has_full_snapshot: 'true',
      });
    });

    it('defaultPrivacyLevel: mask hides all text; a wrong value is said once and the default stays', async () => {
      session(0);
      await recorded({ defaultPrivacyLevel: 'mask' });
      expect((await uploads(1))[0]?.json).not.toContain('Static');
      sdk.stop();
      clearStorage();
      session(0);
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      await recorded({ defaultPrivacyLevel: 'private' as never });
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]?.[0])).toContain(
        'defaultPrivacyLevel must be mask-user-input, mask or allow, got "private"',
      );
      const json = (await uploads(1))[0]?.json;
      expect(json).toContain('Static');
    });

    it('shouldMaskNode: masks the elements it picks', async () => {
      session(0);
      await recorded({ shouldMaskNode: (node) => (node as Element).id === 'dead' });
      const json = (await uploads(1))[0]?.json;
      expect(json).toContain('Buy');
      expect(json).not.toContain('Static');
    });
  });
});
