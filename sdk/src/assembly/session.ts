import type { Store } from '../browser/storage.js';
import { uuid } from '../tools/id.js';
import { monitor } from '../tools/monitor.js';
import { observable } from '../tools/observable.js';
import { MINUTE, relativeNow, SECOND } from '../tools/time.js';

/** Guance's session cookie (and localStorage key). */
export const SESSION_KEY = '_gc_s';
export const SESSION_IDLE = 15 * MINUTE;
export const SESSION_MAX = 240 * MINUTE;

/**
 * 0 not tracked; 1 tracked; 2 tracked from its first error on (sessionOnErrorSampleRate);
 * 3 such a session after its error.
 */
export type Tracking = 0 | 1 | 2 | 3;

export interface Session {
  id: string;
  tracking: Tracking;
  /** Epoch ms of the error that turned tracking 2 into 3. */
  errorDate?: number;
}

type Stored = Record<string, string>;

interface Entry {
  session: Session;
  start: number;
  end?: number;
}

export interface SamplingRates {
  sessionSampleRate: number;
  sessionOnErrorSampleRate: number;
}

/**
 * Sessions as Guance's web SDK keeps them: one `_gc_s` entry (`id=…&created=…&expire=…&rum=…`)
 * shared by the tabs, 15 minutes idle and 4 hours at most, sampled when created. The first
 * session covers the page from its time origin, so entries buffered before init belong to it;
 * later ones are kept (the last four) so late events find the session they happened in.
 */
export function startSessionManager(
  store: Store,
  rates: SamplingRates,
  random: () => number = Math.random,
  /** The store's value, read ahead without blocking: the first read. */
  known?: string,
) {
  let history: Entry[] = [];
  const renewed = observable<Session>();
  const expired = observable<void>();
  const current = () => history.filter((entry) => entry.end === undefined)[0];

  /** Reads and writes of the store so far: an asynchronous read older than one is stale. */
  let touched = 0;
  const parse = (text: string | undefined): Stored =>
    Object.fromEntries((text || '').split('&').map((pair) => pair.split('=')));
  const read = () => {
    touched++;
    return parse(store.read());
  };
  const write = (stored: Stored) => {
    touched++;
    store.write(
      Object.entries(stored)
        .map((pair) => pair.join('='))
        .join('&'),
      Math.min(+(stored.expire as string), +(stored.created as string) + SESSION_MAX) - Date.now(),
    );
  };
  const end = () => {
    const entry = current();
    if (!entry) return;
    entry.end = relativeNow();
    expired.notify();
  };

  /** What the store held at the last read (or last write), and when it was read. */
  let stored: Stored = {};
  let lastRead = -Infinity;
  /** Whether the session's expiry is due to be pushed back (at most once a second). */
  const due = (now: number) => now + SESSION_IDLE - (+(stored.expire as string) || 0) > SECOND;
  /** Whether what the store held at the last read is a live session. */
  const live = (now: number) =>
    /^[\w-]+$/.test(stored.id as string) &&
    +(stored.created as string) + SESSION_MAX > now &&
    +(stored.expire as string) > now;
  const sync = (extend: boolean, given?: Stored) => {
    const now = Date.now();
    // Reading the store is a synchronous call into the browser: once a second is enough to
    // follow the other tabs, unless the session's expiry is due to be pushed back (at most once
    // a second too): a write always follows a fresh read, so it keeps what other tabs wrote.
    if (!given && !(extend && due(now)) && now - lastRead < SECOND && current()) return;
    stored = given || read();
    lastRead = now;
    if (!live(now)) {
      if (!extend) return end();
      const draw =
        random() * 100 < rates.sessionSampleRate
          ? 1
          : random() * 100 < rates.sessionOnErrorSampleRate
            ? 2
            : 0;
      stored = { id: uuid(), created: String(now), rum: String(draw) };
    }
    if (extend && due(now)) {
      stored.expire = String(now + SESSION_IDLE);
      write(stored);
    }
    const session: Session = {
      id: stored.id as string,
      tracking: +(stored.rum as string) as Tracking,
      errorDate: stored.err ? +stored.err : undefined,
    };
    const entry = current();
    if (entry && entry.session.id === session.id) {
      Object.assign(entry.session, session);
      return;
    }
    end();
    history = [...history.slice(-3), { session, start: history.length ? relativeNow() : 0 }];
    if (history.length > 1) renewed.notify(session);
  };

  /**
   * `sync` after reading the store without blocking. An answer that a read or write overtook
   * is dropped, or, extending, read again synchronously (so is a failed read).
   */
  const syncSoon = (extend: boolean) => {
    const at = touched;
    const answer = (text?: string | null) => {
      if (text !== null && at === touched) sync(extend, parse(text));
      else if (extend) sync(true);
    };
    (store.readAsync as () => Promise<string | undefined>)().then(
      monitor(answer),
      monitor(() => answer(null)),
    );
  };

  sync(true, known === undefined ? undefined : parse(known));

  return {
    /** The session at a performance.now() time, or the current one; undefined if none was live. */
    find(startTime?: number): Session | undefined {
      const entry =
        startTime === undefined ? current() : history.filter((e) => e.start <= startTime).pop();
      // A session includes the moment it ended: the last update of its view is sent then.
      return entry && !((startTime as number) > (entry.end as number)) ? entry.session : undefined;
    },
    /**
     * User activity: extends the session, or starts a new one if it expired (at once, in the
     * activity's task). Where the store can, the fresh read before pushing the expiry back does
     * not block the page: a synchronous cookie read after a write waits for the browser's
     * cookie service (0.7–4 ms).
     */
    activity() {
      const now = Date.now();
      if (!store.readAsync || !current() || !live(now)) sync(true);
      else if (due(now) || now - lastRead >= SECOND) syncSoon(true);
    },
    /**
     * Re-reads the store to follow the other tabs (new session, expiry, error marking), without
     * blocking where the store can.
     */
    poll: () => (store.readAsync ? syncSoon(false) : sync(false)),
    /** Turns an error-sampled session (2) into a tracked one (3), in every tab. */
    markError(date: number) {
      const entry = current();
      if (entry?.session.tracking !== 2) return;
      stored = read();
      lastRead = Date.now();
      if (stored.id === entry.session.id) {
        stored = { ...stored, rum: '3', err: String(Math.round(date)) };
        write(stored);
      }
      Object.assign(entry.session, { tracking: 3, errorDate: date });
    },
    /** stopSession(): ends the session now; the next activity starts a new one. */
    expire() {
      store.write('', 0);
      touched++;
      lastRead = -Infinity;
      end();
    },
    renewed,
    expired,
  };
}

export type SessionManager = ReturnType<typeof startSessionManager>;
