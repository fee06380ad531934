import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieStore, localStorageStore, works } from './storage.js';

describe('stores', () => {
  afterEach(() => vi.restoreAllMocks());

  const written = () => {
    const cookies: string[] = [];
    let proto = Object.getPrototypeOf(document);
    while (!Object.getOwnPropertyDescriptor(proto, 'cookie')) proto = Object.getPrototypeOf(proto);
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'cookie') as PropertyDescriptor;
    vi.spyOn(document, 'cookie', 'set').mockImplementation((value: string) => {
      cookies.push(value);
      descriptor.set?.call(document, value);
    });
    return cookies;
  };

  it('writes a first-party SameSite=Strict cookie by default', () => {
    const cookies = written();
    cookieStore('_gc_s', {}).write('id=1', 60_000);
    expect(cookies[0]).toMatch(/^_gc_s=id=1;expires=.+ GMT;path=\/;samesite=strict$/);
  });

  it('adds Secure, Partitioned and Domain when asked', () => {
    const cookies = written();
    cookieStore('_gc_s', { secure: true }).write('v', 1000);
    cookieStore('_gc_s', { partitioned: true }).write('v', 1000);
    cookieStore('_gc_s', { domain: 'example.com' }).write('v', 1000);
    expect(cookies[0]).toContain(';samesite=strict;secure');
    expect(cookies[1]).toContain(';samesite=none;partitioned;secure');
    expect(cookies[2]).toContain(';domain=example.com');
  });

  it('reads its own cookie among others', () => {
    // biome-ignore lint/suspicious/noDocumentCookie: a cookie of the host page, next to ours
    document.cookie = 'other=1;path=/';
    cookieStore('_gc_s', {}).write('id=abc&rum=1', 60_000);
    expect(cookieStore('_gc_s', {}).read()).toBe('id=abc&rum=1');
    cookieStore('_gc_s', {}).write('', 0);
    expect(cookieStore('_gc_s', {}).read()).toBeUndefined();
  });

  it('falls back to localStorage, and knows when a store does not work', () => {
    const store = localStorageStore('_gc_s');
    expect(works(store)).toBe(true);
    store.write('x', 1);
    expect(localStorage.getItem('_gc_s')).toBe('x');
    expect(works({ read: () => undefined, write: () => {} })).toBe(false);
    expect(
      works({
        read: () => undefined,
        write: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBe(false);
  });
});
