import { createContext } from '../assembly/contexts.js';
import { startAssembly } from '../assembly/index.js';
import { SESSION_KEY, type SessionManager, startSessionManager } from '../assembly/session.js';
import { parseUserAgent } from '../browser/device.js';
import { on } from '../browser/events.js';
import { observeLocation } from '../browser/history.js';
import { observePageExit } from '../browser/pageExit.js';
import { whenLoaded } from '../browser/performance.js';
import { instrumentRequests } from '../browser/requests.js';
import {
  type CookieOptions,
  cookieStore,
  localStorageStore,
  type Store,
  topCookieDomain,
} from '../browser/storage.js';
import { startActionCollection } from '../collectors/action/index.js';
import { computeError } from '../collectors/error/computeError.js';
import { emitError, startErrorCollection } from '../collectors/error/index.js';
import { startLongTaskCollection } from '../collectors/longTask/index.js';
import { startResourceCollection } from '../collectors/resource/index.js';
import { createTracer } from '../collectors/resource/tracing.js';
import { startTelemetryCollection } from '../collectors/telemetry/index.js';
import { startViewCollection, type ViewOptions } from '../collectors/view/index.js';
import { startVitals, type VitalHandler } from '../collectors/view/vitals.js';
import { createLifeCycle } from '../lifeCycle.js';
import type { ReplayHost } from '../replay/types.js';
import { display } from '../tools/display.js';
import { uuid } from '../tools/id.js';
import { asContext } from '../tools/json.js';
import { monitor, runAll, setTimer, whenIdle } from '../tools/monitor.js';
import { relativeNow, SECOND, toDate } from '../tools/time.js';
import type { Drops } from '../transport/drops.js';
import { startTransport } from '../transport/index.js';
import type { Configuration, Context } from '../types.js';
import { replayMode } from './replay.js';

/** The anonymous user id, kept 60 days, as Guance's SDK names it. */
export const USER_KEY = '_gc_usr_id';

export const createContexts = () => ({
  globalContext: createContext('global'),
  user: createContext('user'),
});
export type Contexts = ReturnType<typeof createContexts>;

export interface StartOptions {
  /** The first view's name, service and version (startView with trackViewsManually). */
  initialView?: ViewOptions;
  /** Tests feed metrics here instead of web-vitals. */
  startVitals?: (handle: VitalHandler) => void;
  random?: () => number;
}

/** The session cookie's attributes, from the cookie options. */
export function cookieOptions(config: Configuration): CookieOptions {
  return {
    secure: config.useSecureSessionCookie,
    partitioned: config.usePartitionedCrossSiteSessionCookie,
    domain: config.trackSessionAcrossSubdomains ? topCookieDomain() : undefined,
  };
}

/** `'name'` or `{ name, service, version }`, as startView takes it. */
export const viewOptions = (view: unknown): ViewOptions =>
  typeof view === 'string' ? { name: view } : asContext(view) || {};

const named = (method: string, name: unknown) =>
  (typeof name === 'string' && name !== '') ||
  display('error', `${method}: the name must be a non-empty string, got ${String(name)}`);

export type Rum = NonNullable<ReturnType<typeof startRum>>;

interface Opened {
  session: SessionManager;
  anonymousId: string;
}

/**
 * Wires the collectors, assembly and transport together (only boot code does). The methods it
 * returns take, first, the performance.now() time the public API was called at.
 */
export function startRum(
  config: Configuration,
  contexts: Contexts,
  drops: Drops,
  options: StartOptions = {},
) {
  // The session is read lazily (see openSession below): these are set then.
  // The page's first synchronous document.cookie read waits for the browser's cookie service
  // (3–13 ms on the bench's page): where the Cookie Store API is, the session cookie is read now
  // without blocking, and the session opens from that answer.
  let known: string | undefined;
  try {
    cookieStore(SESSION_KEY, {})
      .readAsync?.()
      .then(
        (value) => {
          known = value || '';
        },
        () => {},
      );
  } catch {
    // The synchronous read after the load event stands.
  }
  let failed = false;
  let opened: Opened | undefined;
  /** The session written to its cookie and not read back yet (openSessionSoon). */
  let written: SessionManager | undefined;
  let cookie: CookieOptions | undefined;
  const cookies = (name: string) => {
    cookie ||= cookieOptions(config);
    return cookieStore(name, cookie);
  };
  /**
   * Writing the session and reading it back is the storage test (no separate test cookie);
   * `read` is what reading back gave, the session then the user id.
   */
  const open = (
    store: (name: string) => Store,
    manager = startSessionManager(
      store(SESSION_KEY),
      config,
      options.random,
      store === cookies ? known : undefined,
    ),
    read = [store(SESSION_KEY).read(), store(USER_KEY).read()],
  ): Opened | undefined => {
    if (!read[0]) return undefined;
    let anonymousId = read[1] as string;
    if (!/^[\w-]+$/.test(anonymousId || '')) {
      anonymousId = uuid();
      store(USER_KEY).write(anonymousId, 86_400 * 60 * SECOND);
    }
    return { session: manager, anonymousId };
  };
  const fallback = () => (config.allowFallbackToLocalStorage ? open(localStorageStore) : undefined);
  const lifeCycle = createLifeCycle();
  const telemetry = startTelemetryCollection(lifeCycle, drops);
  const nativeFetch = window.fetch;
  const net = {
    fetch: ((input, init) => nativeFetch.call(window, input, init)) as typeof fetch,
    sendBeacon: (url: string, body: BodyInit) =>
      !!navigator.sendBeacon && navigator.sendBeacon(url, body),
  };
  const transport = startTransport(config, lifeCycle, drops, {
    ...net,
    beforeFlush: telemetry.reportDrops,
  });
  const actions = startActionCollection(lifeCycle, config);
  const isIntake = (url: string) => url.startsWith(`${config.origin}/v1/`);
  const tracked = (startTime?: number) => {
    const opened = openSession();
    return opened && (opened.session.find(startTime) || { tracking: 0 }).tracking & 1;
  };
  const tracer = createTracer(config, tracked);
  const location = observeLocation();
  const exit = observePageExit();
  // Assigned once the views start, after assembly subscribed (the first view is sent at once).
  let views: ReturnType<typeof startViewCollection>;
  /** Set by the replay recorder while it sends this session's segments. */
  let hasReplay = false;
  const assembly = startAssembly(config, lifeCycle, drops, {
    // Assembly waits for the session rather than reading the store during page load.
    session: () => opened,
    findView: (startTime) => views?.findView(startTime),
    findActionIds: actions.findActionIds,
    ...contexts,
    device: parseUserAgent(navigator.userAgent),
    hasReplay: () => hasReplay,
  });
  const stops = [
    assembly.stop,
    location.stop,
    exit.stop,
    instrumentRequests({
      isIgnored: isIntake,
      onStart(request, setHeader) {
        tracer(request, setHeader);
        lifeCycle.requestStarted.notify(request);
      },
      onEnd: lifeCycle.requestEnded.notify,
    }),
    startResourceCollection(lifeCycle, isIntake),
    startErrorCollection(lifeCycle),
    startLongTaskCollection(lifeCycle),
  ];
  views = startViewCollection(
    lifeCycle,
    config,
    { locationChanges: location.changes, startVitals: options.startVitals || startVitals },
    options.initialView,
  );
  stops.push(
    views.stop,
    actions.stop,
    transport.stop,
    telemetry.stop,
    exit.exits.subscribe((event) => {
      openSession();
      lifeCycle.pageExit.notify(event);
      transport.flush(true);
    }),
  );

  // The session store is read after the load event (or when something needs the session
  // sooner): the first synchronous cookie read costs ~30 ms while the page is loading, and
  // ~1 ms after. Events wait in the assembly until then.
  function openSession(): Opened | undefined {
    if (opened || failed) return opened;
    const manager = written;
    written = undefined;
    return settle(open(cookies, manager) || fallback());
  }
  /**
   * The session opens after the load event, in an idle moment (1 s after it at most): right
   * after the load event the browser is busy. Where the Cookie Store API is, the storage test
   * reads the cookies back through it: a synchronous read after a write waits for the
   * browser's cookie service (0.7–12 ms on the bench's page). Whatever needs the session before
   * the answer opens it at once (openSession).
   */
  function openSessionSoon() {
    if (opened || failed || written) return;
    const store = cookies(SESSION_KEY);
    if (!store.readAsync || known === undefined) return void openSession();
    const manager = startSessionManager(store, config, options.random, known);
    written = manager;
    Promise.all([store.readAsync(), cookies(USER_KEY).readAsync?.()]).then(
      monitor((read: (string | undefined)[]) => {
        if (written !== manager) return;
        written = undefined;
        settle(open(cookies, manager, read) || fallback());
      }),
      monitor(() => written === manager && openSession()),
    );
  }
  function settle(result: Opened | undefined): Opened | undefined {
    if (!result) {
      failed = true;
      display(
        'error',
        `cookies are unavailable${config.allowFallbackToLocalStorage ? ' and so is localStorage' : ' (see allowFallbackToLocalStorage)'}: the SDK stops`,
      );
      setTimer(() => runAll(stops), 0);
      return undefined;
    }
    opened = result;
    const manager = result.session;
    const poll = setInterval(monitor(manager.poll), SECOND);
    stops.push(
      () => clearInterval(poll),
      manager.renewed.subscribe(views.onSessionRenewed),
      manager.expired.subscribe(views.onSessionExpired),
      on(window, 'pointerdown touchstart keydown scroll', manager.activity, { capture: true }),
      on(
        document,
        'visibilitychange',
        () => document.visibilityState === 'visible' && manager.activity(),
      ),
    );
    assembly.drain();
    return opened;
  }
  whenLoaded(() => whenIdle(openSessionSoon, SECOND));
  // A page whose load never ends still gets its session.
  const lateOpen = setTimer(openSession, 10 * SECOND);
  stops.push(() => {
    clearTimeout(lateOpen);
    written = undefined;
  });

  const view = () => views.current() || { context: {} as Context };

  return {
    startView: (time: number, options: unknown) => views.startView(viewOptions(options), time),
    setViewName: (_: number, name: string) => named('setViewName', name) && views.setViewName(name),
    setViewContext: (_: number, context: unknown) => {
      view().context = asContext(context) || {};
    },
    setViewContextProperty: (_: number, key: string, value: unknown) => {
      view().context = { ...view().context, [key]: value };
    },
    getViewContext: (): Context => ({ ...view().context }),
    addAction: (time: number, name: string, context?: unknown) =>
      named('addAction', name) && actions.addAction(name, asContext(context), time),
    addError: (time: number, error: unknown, context?: unknown, handlingStack?: string) =>
      emitError(lifeCycle, {
        fields: computeError(error, 'Provided'),
        source: 'custom',
        handled: true,
        startTime: time,
        context: asContext(context),
        original: error,
        handlingStack,
      }),
    /** `at`: ms since the view started, or epoch ms; default the time of the call. */
    addTiming: (time: number, name: string, at?: number) =>
      named('addTiming', name) && views.addTiming(name, at === undefined ? toDate(time) : at),
    stopSession: () => openSession()?.session.expire(),
    /** The context at a performance.now() time; without one, the current context. */
    getInternalContext(startTime?: number) {
      const time = startTime === undefined ? relativeNow() : startTime;
      const current = openSession()?.session.find(startTime);
      const found = views.findView(time);
      if (!current || !tracked(startTime) || !found) return;
      const ids = actions.findActionIds(time);
      // viewUrl → url, viewPathGroup → pathGroup, ...
      const view: Context = {};
      for (const [key, value] of Object.entries(found.fields))
        view[key.charAt(4).toLowerCase() + key.slice(5)] = value;
      return {
        application: { id: config.applicationId },
        session: { id: current.id },
        view,
        userAction: ids.length > 0 ? { id: ids[ids.length - 1], ids } : undefined,
      };
    },
    /** What the replay recorder gets from the core (replay/types.ts). */
    replay: {
      config,
      lifeCycle,
      drops,
      monitor,
      ...net,
      recording(on) {
        hasReplay = on;
      },
      context() {
        const session = opened?.session.find();
        const view = views.current();
        return session && session.tracking & 1 && view
          ? { sessionId: session.id, viewId: view.id, mode: replayMode(config, session.id) }
          : undefined;
      },
    } satisfies ReplayHost,
    /** Undoes everything (tests; a host page has no reason to). */
    stop: () => runAll(stops),
  };
}
