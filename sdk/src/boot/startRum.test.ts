// When the session opens, and what reading the cookies costs the page: where the browser has
// requestIdleCallback and the Cookie Store API (Chromium), and where it has neither (happy-dom,
// like Safari before 18.4: see options.test.ts and publicApi.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import { clearStorage, startSdk } from '../../test/sdk.js';

/** The cookie jar as the page sees it, read without going through the SDK's spied getter. */
function jar() {
  let proto = Object.getPrototypeOf(document);
  while (!Object.getOwnPropertyDescriptor(proto, 'cookie')) proto = Object.getPrototypeOf(proto);
  return Object.getOwnPropertyDescriptor(proto, 'cookie') as PropertyDescriptor;
}
const cookie = (name: string) =>
  String(jar().get?.call(document))
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);

describe('the session, where the browser reads cookies asynchronously and has idle callbacks', () => {
  let sdk: ReturnType<typeof startSdk>;
  /** Synchronous document.cookie reads by the SDK. */
  let reads: number;
  /** Cookie Store reads waiting for their answer. */
  let answers: (() => void)[];
  beforeEach(() => {
    useFakeClock();
    clearStorage();
    history.replaceState({}, '', '/');
    reads = 0;
    answers = [];
    vi.spyOn(document, 'cookie', 'get').mockImplementation(() => {
      reads++;
      return jar().get?.call(document);
    });
    vi.stubGlobal('cookieStore', {
      get: (name: string) =>
        new Promise((resolve) => {
          answers.push(() => {
            const value = cookie(name);
            resolve(value === undefined ? null : { name, value });
          });
        }),
    });
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 50));
  });
  afterEach(() => {
    sdk?.stop();
    vi.useRealTimers();
  });
  const answer = async () => {
    for (const resolve of answers.splice(0)) resolve();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('opens in an idle moment after the load event, writing the cookies and reading them back without blocking', async () => {
    sdk = startSdk();
    await answer(); // the session cookie, read ahead at init: none yet
    vi.advanceTimersByTime(1);
    expect(cookie('_gc_s')).toBeUndefined();
    vi.advanceTimersByTime(50);
    expect(cookie('_gc_s')).toMatch(/^id=[\w-]+&created=\d+&rum=1&expire=\d+$/);
    await answer();
    expect(cookie('_gc_usr_id')).toMatch(/^[\w-]+$/);
    sdk.flush();
    const id = cookie('_gc_s')?.match(/^id=([\w-]+)/)?.[1];
    const views = sdk.points().filter((p) => p.measurement === 'view');
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) expect(view.tags).toMatchObject({ session_id: id });
    expect(views[0]?.tags.userid).toBe(cookie('_gc_usr_id'));
    expect(reads).toBe(0);
  });

  it('keeps the anonymous user id a cookie already holds', async () => {
    jar().set?.call(document, '_gc_usr_id=returning-user;path=/');
    sdk = startSdk();
    await answer();
    vi.advanceTimersByTime(51);
    await answer();
    sdk.flush();
    expect(sdk.points()[0]?.tags.userid).toBe('returning-user');
    expect(reads).toBe(0);
  });

  it('something that needs the session before the answer opens it at once', async () => {
    sdk = startSdk();
    await answer();
    vi.advanceTimersByTime(51);
    sdk.flush(); // the page is hidden before the cookies were read back
    const id = cookie('_gc_s')?.match(/^id=([\w-]+)/)?.[1];
    expect(sdk.points().filter((p) => p.measurement === 'view')[0]?.tags.session_id).toBe(id);
    // The late answer changes nothing.
    await answer();
    expect(cookie('_gc_s')?.match(/^id=([\w-]+)/)?.[1]).toBe(id);
  });

  it('cookies that do not stick: the SDK says so and stops, once the answer says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {});
    sdk = startSdk();
    await answer();
    vi.advanceTimersByTime(51);
    expect(error).not.toHaveBeenCalled();
    await answer();
    expect(String(error.mock.calls[0]?.[0])).toContain('cookies are unavailable');
    expect(sdk.api.getInternalContext()).toBeUndefined();
  });
});
