import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import { clearStorage, startSdk } from '../../test/sdk.js';
import { createDrops } from '../transport/drops.js';
import { makePublicApi, PRE_START_BUFFER } from './publicApi.js';

describe('the public API', () => {
  let sdk: ReturnType<typeof startSdk>;
  beforeEach(() => {
    useFakeClock();
    clearStorage();
    history.replaceState({}, '', '/');
  });
  afterEach(() => {
    sdk?.stop();
    vi.useRealTimers();
  });
  const measurement = (name: string) => sdk.points().filter((p) => p.measurement === name);

  it('keeps calls made before init, with the time they were made', async () => {
    sdk = startSdk({ remoteConfiguration: true });
    const calledAt = Date.now();
    sdk.api.addAction('early', { step: 1 });
    sdk.api.setGlobalContextProperty('tenant', 'acme');
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(sdk.started()).toBe(true));
    sdk.flush();
    const [action] = measurement('action');
    expect(action?.fields).toMatchObject({ action_name: 'early', step: 1, tenant: 'acme' });
    expect(action?.time).toBe(calledAt);
  });

  it('bounds that buffer and counts what it drops', () => {
    const drops = createDrops();
    const api = makePublicApi({ drops });
    for (let i = 0; i < PRE_START_BUFFER + 3; i++) api.addAction(`a${i}`);
    expect(drops.take()).toEqual({ pre_start_buffer_full: 3 });
  });

  it('never throws into the page, whatever it is given', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    sdk = startSdk();
    const api = sdk.api as unknown as Record<string, (...args: unknown[]) => unknown>;
    const bad = [undefined, null, 42, 'x', {}, [], () => {}, Symbol('s'), Object.create(null)];
    for (const name of Object.keys(api)) {
      if (typeof api[name] !== 'function' || name === 'onReady') continue;
      for (const value of bad) expect(() => api[name]?.(value, value, value)).not.toThrow();
    }
    expect(error).toHaveBeenCalled();
  });

  it('warns once when init is called again, and keeps the first options', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    sdk = startSdk({ env: 'first' });
    sdk.api.init({ applicationId: 'other', datakitOrigin: 'https://x.example', env: 'second' });
    sdk.flush();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(sdk.points()[0]?.tags.env).toBe('first');
    expect(sdk.api.getInitConfiguration()?.env).toBe('first');
  });

  it('sets the user and global context, also before init, and reads them back', () => {
    sdk = startSdk();
    sdk.api.setUser({ id: 'u1', name: 'Ann', email: 'ann@example.com', tier: 'gold' });
    sdk.api.setUserProperty('tier', 'platinum');
    sdk.api.setGlobalContext({ app_region: 'eu' });
    sdk.api.addRumGlobalContext('experiment', 'b');
    sdk.api.removeGlobalContextProperty('app_region');
    expect(sdk.api.getUser()).toEqual({
      id: 'u1',
      name: 'Ann',
      email: 'ann@example.com',
      tier: 'platinum',
    });
    expect(sdk.api.getGlobalContext()).toEqual({ experiment: 'b' });
    sdk.api.addAction('pay');
    sdk.api.clearUser();
    sdk.api.addAction('logged out');
    sdk.flush();
    const [pay, out] = measurement('action');
    expect(pay?.tags).toMatchObject({ userid: 'u1', user_name: 'Ann', is_signin: 'T' });
    expect(pay?.fields).toMatchObject({ tier: 'platinum', experiment: 'b' });
    expect(out?.tags.is_signin).toBe('F');
    expect(out?.tags.userid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds errors with their handling stack, timings and view context to the current view', async () => {
    sdk = startSdk();
    sdk.api.setViewContext({ page_kind: 'cart' });
    sdk.api.setViewContextProperty('items', 3);
    expect(sdk.api.getViewContext()).toEqual({ page_kind: 'cart', items: 3 });
    sdk.api.addError(new Error('payment failed'), { order: 12 });
    await vi.advanceTimersByTimeAsync(800);
    sdk.api.addTiming('hero_rendered');
    sdk.flush();
    const [error] = measurement('error');
    expect(error?.tags).toMatchObject({ error_source: 'custom', error_handling: 'handled' });
    expect(error?.fields).toMatchObject({
      error_message: 'payment failed',
      order: 12,
      page_kind: 'cart',
      items: 3,
    });
    expect(String(error?.fields.error_handling_stack)).toContain('publicApi.test.ts');
    expect(
      JSON.parse(String(measurement('view').pop()?.fields.custom_timings)).hero_rendered,
    ).toBeGreaterThanOrEqual(800_000_000);
  });

  it('startView() starts a named view; stopSession() ends the session', () => {
    sdk = startSdk();
    sdk.api.startView({ name: 'Checkout', service: 'checkout-web', version: '3' });
    const before = sdk.api.getInternalContext()?.session.id;
    sdk.api.stopSession();
    expect(sdk.api.getInternalContext()).toBeUndefined();
    window.dispatchEvent(new Event('pointerdown'));
    expect(sdk.api.getInternalContext()?.session.id).not.toBe(before);
    sdk.flush();
    const checkout = measurement('view').filter((p) => p.tags.view_name === 'Checkout');
    expect(checkout[0]?.tags).toMatchObject({ service: 'checkout-web', version: '3' });
    expect(checkout.pop()?.fields.session_is_active).toBe(false);
  });

  it('reads the session cookie after the load event, or at once for a request it must trace', async () => {
    sdk = startSdk({ allowedTracingUrls: ['https://api.example'] });
    expect(document.cookie).not.toContain('_gc_s=');
    await fetch('https://other.example/x');
    expect(document.cookie).not.toContain('_gc_s=');
    await fetch('https://api.example/x');
    expect(document.cookie).toContain('_gc_s=');
    expect(sdk.app[1]?.headers.get('x-datadog-trace-id')).toMatch(/^\d+$/);
  });

  it('reads it after the load event otherwise', () => {
    sdk = startSdk();
    expect(document.cookie).not.toContain('_gc_s=');
    vi.advanceTimersByTime(1);
    expect(document.cookie).toContain('_gc_s=');
  });

  it('getInternalContext gives the application, session, view and action of a time', () => {
    sdk = startSdk();
    vi.advanceTimersByTime(100);
    history.pushState({}, '', '/orders/7?tab=1');
    expect(sdk.api.getInternalContext()).toMatchObject({
      application: { id: 'test_app' },
      session: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      view: {
        url: 'http://localhost:3000/orders/7?tab=1',
        path: '/orders/7',
        pathGroup: '/orders/?',
        urlQuery: { tab: '1' },
        name: '/orders/7',
      },
    });
    expect(sdk.api.getInternalContext(0)?.view).toMatchObject({ path: '/' });
  });

  it('onReady runs its callback at once, and a callback’s error reaches the page outside the SDK', async () => {
    sdk = startSdk();
    const ran = vi.fn(() => {
      throw new Error('host bug');
    });
    expect(() => sdk.api.onReady(ran)).not.toThrow();
    expect(ran).toHaveBeenCalled();
    expect(() => vi.runOnlyPendingTimers()).toThrow('host bug');
  });

  it('loads the replay recorder only when recording is asked for, once', async () => {
    const load = vi.fn(async () => ({
      startRecording: vi.fn(() => ({ start: vi.fn(), stop: vi.fn() })),
    }));
    const api = makePublicApi({
      drops: createDrops(),
      loadReplay: load,
      startOptions: { startVitals: () => {} },
    });
    api.init({ applicationId: 'test_app', datakitOrigin: 'https://intake.example' });
    expect(load).not.toHaveBeenCalled();
    api.startSessionReplayRecording();
    api.startSessionReplayRecording();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    const recorder = await load.mock.results[0]?.value;
    await vi.waitFor(() =>
      expect(recorder.startRecording).toHaveBeenCalledWith(
        expect.objectContaining({ config: expect.objectContaining({ applicationId: 'test_app' }) }),
      ),
    );
    api.stopSessionReplayRecording();
  });
});
