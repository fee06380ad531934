import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import type { Store } from '../browser/storage.js';
import { SESSION_IDLE, SESSION_MAX, startSessionManager } from './session.js';

/** A store two "tabs" can share, like a cookie. */
function memoryStore(): Store & { value?: string } {
  const store: Store & { value?: string } = {
    read: () => store.value,
    write(value, maxAge) {
      store.value = maxAge > 0 ? value : undefined;
    },
  };
  return store;
}

/** The same store read asynchronously too, as the Cookie Store API does; counts synchronous reads. */
function asyncStore() {
  const store = memoryStore() as ReturnType<typeof memoryStore> & { syncReads: number };
  const read = store.read;
  store.syncReads = 0;
  store.read = () => {
    store.syncReads++;
    return read();
  };
  store.readAsync = async () => read();
  return store;
}

const expireOf = (store: { value?: string }) =>
  Number(new URLSearchParams(store.value).get('expire'));

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const rates = { sessionSampleRate: 100, sessionOnErrorSampleRate: 0 };

/**
 * Two tabs on one store: the first draws a session left out at 30% (0.5) but kept for its
 * errors at 20% (0.1); the second, opened after it, finds that session.
 */
function twoTabs(store: Store) {
  const draws = [0.5, 0.1];
  const tab1 = startSessionManager(
    store,
    { sessionSampleRate: 30, sessionOnErrorSampleRate: 20 },
    () => draws.shift() as number,
  );
  return [tab1, startSessionManager(store, rates)] as const;
}

describe('sessions', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it('starts a tracked session in Guance’s _gc_s format', () => {
    const store = memoryStore();
    const manager = startSessionManager(store, rates);
    const session = manager.find();
    expect(session?.tracking).toBe(1);
    expect(store.value).toMatch(new RegExp(`^id=${session?.id}&created=\\d+&rum=1&expire=\\d+$`));
  });

  it('samples per session: a draw above the rate leaves it untracked', () => {
    const manager = startSessionManager(
      memoryStore(),
      { sessionSampleRate: 30, sessionOnErrorSampleRate: 0 },
      () => 0.5,
    );
    expect(manager.find()?.tracking).toBe(0);
  });

  it('keeps an unsampled session for its errors at sessionOnErrorSampleRate, in every tab', () => {
    const store = memoryStore();
    const [tab1, tab2] = twoTabs(store);
    expect(tab1.find()?.tracking).toBe(2);
    tab1.markError(Date.now());
    expect(tab1.find()).toMatchObject({ tracking: 3, errorDate: Date.now() });
    // The other tab reads the store at most once a second.
    const marked = Date.now();
    tab2.poll();
    expect(tab2.find()?.tracking).toBe(2);
    vi.advanceTimersByTime(1000);
    tab2.poll();
    expect(tab2.find()).toMatchObject({ tracking: 3, errorDate: marked });
  });

  it('expires after 15 minutes without activity; the next activity starts a new one', () => {
    const manager = startSessionManager(memoryStore(), rates);
    const expired = vi.fn();
    const renewed = vi.fn();
    manager.expired.subscribe(expired);
    manager.renewed.subscribe(renewed);
    const first = manager.find()?.id;
    vi.advanceTimersByTime(SESSION_IDLE - 1000);
    manager.activity();
    vi.advanceTimersByTime(SESSION_IDLE - 1000);
    manager.poll();
    expect(manager.find()?.id).toBe(first);
    vi.advanceTimersByTime(2000);
    manager.poll();
    expect(expired).toHaveBeenCalledTimes(1);
    expect(manager.find()).toBeUndefined();
    manager.activity();
    expect(renewed).toHaveBeenCalledTimes(1);
    expect(manager.find()?.id).not.toBe(first);
  });

  it('stays alive while the user is active, though the other tabs are polled every second', () => {
    const store = memoryStore();
    const manager = startSessionManager(store, rates);
    const first = manager.find()?.id;
    for (let t = 0; t < SESSION_IDLE + 5 * 60_000; t += 1000) {
      vi.advanceTimersByTime(500);
      manager.activity();
      vi.advanceTimersByTime(500);
      manager.poll();
    }
    expect(manager.find()?.id).toBe(first);
  });

  it('lasts 4 hours at most, however active', () => {
    const manager = startSessionManager(memoryStore(), rates);
    const first = manager.find()?.id;
    for (let t = 0; t < SESSION_MAX; t += 5 * 60_000) {
      vi.advanceTimersByTime(5 * 60_000);
      manager.activity();
    }
    expect(manager.find()?.id).not.toBe(first);
  });

  it('follows a session another tab started', () => {
    const store = memoryStore();
    const tab1 = startSessionManager(store, rates);
    const renewed = vi.fn();
    tab1.renewed.subscribe(renewed);
    tab1.expire();
    const tab2 = startSessionManager(store, rates);
    tab1.poll();
    expect(tab1.find()?.id).toBe(tab2.find()?.id);
    expect(renewed).toHaveBeenCalledTimes(1);
  });

  it('finds the session an event happened in, the first one covering the page from its start', () => {
    vi.advanceTimersByTime(5000);
    const manager = startSessionManager(memoryStore(), rates);
    const first = manager.find()?.id;
    expect(manager.find(0)?.id).toBe(first);
    manager.expire();
    const ended = performance.now();
    vi.advanceTimersByTime(10);
    manager.activity();
    expect(manager.find(ended - 1)?.id).toBe(first);
    expect(manager.find()?.id).not.toBe(first);
  });

  it('where the store reads asynchronously, activity pushes the expiry back after that read, never a synchronous one', async () => {
    const store = asyncStore();
    const manager = startSessionManager(store, rates);
    const reads = store.syncReads;
    const first = expireOf(store);
    vi.advanceTimersByTime(5000);
    manager.activity();
    expect(expireOf(store)).toBe(first);
    await settle();
    expect(expireOf(store)).toBe(Date.now() + SESSION_IDLE);
    expect(store.syncReads).toBe(reads);
  });

  it('that read keeps what another tab wrote meanwhile', async () => {
    const store = asyncStore();
    const [tab1, tab2] = twoTabs(store);
    tab1.markError(Date.now());
    vi.advanceTimersByTime(5000);
    tab2.activity();
    await settle();
    expect(store.value).toMatch(/&rum=3&/);
    expect(expireOf(store)).toBe(Date.now() + SESSION_IDLE);
    expect(tab2.find()?.tracking).toBe(3);
  });

  it('a session that ended starts anew in the activity itself, not after a read', () => {
    const store = asyncStore();
    const manager = startSessionManager(store, rates);
    const first = manager.find()?.id;
    vi.advanceTimersByTime(SESSION_IDLE + 1000);
    manager.activity();
    expect(manager.find()?.id).not.toBe(first);
    expect(manager.find(performance.now())?.id).toBe(manager.find()?.id);
  });

  it('polls without blocking: a session gone from the store ends', async () => {
    const store = asyncStore();
    const manager = startSessionManager(store, rates);
    const reads = store.syncReads;
    store.value = undefined;
    manager.poll();
    expect(manager.find()).toBeDefined();
    await settle();
    expect(manager.find()).toBeUndefined();
    expect(store.syncReads).toBe(reads);
  });

  it('stopSession ends it at once and clears the store', () => {
    const store = memoryStore();
    const manager = startSessionManager(store, rates);
    manager.expire();
    expect(manager.find()).toBeUndefined();
    expect(store.value).toBeUndefined();
  });
});
