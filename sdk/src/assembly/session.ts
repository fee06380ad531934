import type { Store } from '../browser/storage.js';
import { uuid } from '../tools/id.js';
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
) {
  let history: Entry[] = [];
  const renewed = observable<Session>();
  const expired = observable<void>();
  const current = () => history.filter((entry) => entry.end === undefined)[0];

  const read = (): Stored =>
    Object.fromEntries((store.read() || '').split('&').map((pair) => pair.split('=')));
  const write = (stored: Stored) =>
    store.write(
      Object.entries(stored)
        .map((pair) => pair.join('='))
        .join('&'),
      Math.min(+(stored.expire as string), +(stored.created as string) + SESSION_MAX) - Date.now(),
    );
  const end = () => {
    const entry = current();
    if (!entry) return;
    entry.end = relativeNow();
    expired.notify();
  };

  let lastSync = Number.NEGATIVE_INFINITY;
  const sync = (extend: boolean) => {
    const now = Date.now();
    // Reading the store is a synchronous call into the browser: once a second is enough, for
    // the clicks and scrolls of one user as for following the other tabs.
    if (now - lastSync < SECOND && current()) return;
    lastSync = now;
    let stored = read();
    if (
      !(
        /^[\w-]+$/.test(stored.id as string) &&
        +(stored.created as string) + SESSION_MAX > now &&
        +(stored.expire as string) > now
      )
    ) {
      if (!extend) return end();
      const draw =
        random() * 100 < rates.sessionSampleRate
          ? 1
          : random() * 100 < rates.sessionOnErrorSampleRate
            ? 2
            : 0;
      stored = { id: uuid(), created: String(now), rum: String(draw) };
    }
    if (extend && now + SESSION_IDLE - (+(stored.expire as string) || 0) > SECOND) {
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

  sync(true);

  return {
    /** The session at a performance.now() time, or the current one; undefined if none was live. */
    find(startTime?: number): Session | undefined {
      const entry =
        startTime === undefined ? current() : history.filter((e) => e.start <= startTime).pop();
      // A session includes the moment it ended: the last update of its view is sent then.
      return entry && !((startTime as number) > (entry.end as number)) ? entry.session : undefined;
    },
    /** User activity: extends the session, or starts a new one if it expired. */
    activity: () => sync(true),
    /** Re-reads the store to follow the other tabs (new session, expiry, error marking). */
    poll: () => sync(false),
    /** Turns an error-sampled session (2) into a tracked one (3), in every tab. */
    markError(date: number) {
      const entry = current();
      if (entry?.session.tracking !== 2) return;
      const stored = read();
      if (stored.id === entry.session.id)
        write({ ...stored, rum: '3', err: String(Math.round(date)) });
      Object.assign(entry.session, { tracking: 3, errorDate: date });
    },
    /** stopSession(): ends the session now; the next activity starts a new one. */
    expire() {
      store.write('', 0);
      lastSync = Number.NEGATIVE_INFINITY;
      end();
    },
    renewed,
    expired,
  };
}

export type SessionManager = ReturnType<typeof startSessionManager>;
