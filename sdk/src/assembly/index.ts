import { type Device, networkType } from '../browser/device.js';
import type { LifeCycle } from '../lifeCycle.js';
import { displayOnce } from '../tools/display.js';
import { MINUTE } from '../tools/time.js';
import type { Drops } from '../transport/drops.js';
import type { Configuration, Context, RawEvent, RumEvent, ViewContext } from '../types.js';
import { SDK_NAME, SDK_VERSION } from '../version.js';
import type { ContextManager } from './contexts.js';
import type { SessionManager } from './session.js';

/** Guance's client-side limit: events of one type per minute (views are never limited). */
export const EVENTS_PER_MINUTE = 3000;

/** Events kept while the session store has not been read yet (see startRum), at most. */
export const PENDING_MAX = 500;

export interface AssemblyDeps {
  /** The session manager and anonymous user id, once the store has been read. */
  session: () => { session: SessionManager; anonymousId: string } | undefined;
  /** The view at a performance.now() time. */
  findView: (startTime: number) => ViewContext | undefined;
  /** The actions in progress at a performance.now() time, oldest first. */
  findActionIds: (startTime: number) => string[];
  globalContext: ContextManager;
  user: ContextManager;
  device: Device;
  /** Whether this tab records the session's replay (and sends it) now. */
  hasReplay: () => boolean;
}

/**
 * Raw events → events on the wire's terms: adds the app, session, user, device, view and
 * action context; keeps only sampled sessions; applies the rate limit and beforeSend.
 */
export function startAssembly(
  config: Configuration,
  lifeCycle: LifeCycle,
  drops: Drops,
  deps: AssemblyDeps,
) {
  const common = {
    sdkName: SDK_NAME,
    sdkVersion: SDK_VERSION,
    appId: config.applicationId,
    env: config.env,
    source: 'browser',
    sessionType: 'user',
    ...deps.device,
    screenSize: `${screen.width}*${screen.height}`,
    timeZone: timeZone(new Date().getTimezoneOffset()),
  };
  const counts: Record<string, number[]> = {};

  /** Events waiting for the session, with the user and global context of their moment. */
  let pending: [RawEvent, Context, Context][] | undefined = [];
  const assemble = (raw: RawEvent, user = deps.user.get(), global = deps.globalContext.get()) => {
    const opened = deps.session();
    if (!opened) {
      if (pending && pending.length < PENDING_MAX) pending.push([raw, user, global]);
      else drops.count('pre_start_buffer_full');
      return;
    }
    const { type, startTime, date } = raw;
    const manager = opened.session;
    const session = manager.find(startTime);
    const telemetry = type === 'telemetry';
    if (session && session.tracking === 2 && type === 'error') manager.markError(date);
    if (!session || !(session.tracking & 1)) return;
    const view = telemetry ? undefined : raw.view || deps.findView(startTime);
    if (!view && !telemetry) return;
    if (view && type !== 'view') {
      // A sliding minute per type: [window start, events in it].
      let window = counts[type] as number[];
      if (!window || date - window[0]! > MINUTE) counts[type] = window = [date, 0];
      if (++window[1]! > EVENTS_PER_MINUTE) return drops.count('rate_limited');
    }
    const { id: userId, name: userName, email: userEmail, ...userExtra } = user;
    const actionIds = /^(resource|error|long_task)$/.test(type)
      ? deps.findActionIds(startTime)
      : [];
    const event: RumEvent = {
      ...common,
      service: view?.service || config.service,
      version: view?.version || config.version,
      networkType: networkType(),
      sessionId: session.id,
      userid: userId || opened.anonymousId,
      userName,
      userEmail,
      isSignin: !!userId,
      // The fields of events in a view (telemetry has none of them).
      ...(view && {
        isLogin: !!userId,
        sessionHasReplay: deps.hasReplay() || undefined,
        sessionSampleRate: config.sessionSampleRate,
        sessionOnErrorSampleRate: config.sessionOnErrorSampleRate,
        ...view.fields,
      }),
      actionId: actionIds[actionIds.length - 1],
      actionIds: actionIds.length > 0 ? actionIds : undefined,
      ...(type === 'view' &&
        session.tracking === 3 && {
          sampledForErrorSession: true,
          sessionErrorTimestamp: session.errorDate,
        }),
      ...raw.data,
      type,
      date,
      context: {
        ...(!telemetry && {
          ...global,
          ...userExtra,
          ...(view as ViewContext).context,
        }),
        ...raw.context,
      },
    };
    if (config.beforeSend && !telemetry) {
      let keep: unknown;
      try {
        keep = config.beforeSend(event, raw.domain || {});
      } catch (error) {
        displayOnce('error', `beforeSend threw, the event is sent as it is: ${error}`);
      }
      if (keep === false) return;
      // The measurement and time are not beforeSend's to change: the intake would refuse them.
      Object.assign(event, { type, date, context: Object(event.context) });
    }
    lifeCycle.assembled.notify(event);
  };
  const stop = lifeCycle.raw.subscribe((raw) => assemble(raw));
  return {
    stop,
    /** Assembles the events that waited for the session, in order. */
    drain() {
      const waiting = pending || [];
      pending = undefined;
      for (const [raw, user, global] of waiting) assemble(raw, user, global);
    },
  };
}

/**
 * The device's UTC offset, `UTC+08:00`. (Intl's IANA name would say more, but building a
 * DateTimeFormat costs 40 ms of main thread on a page load.)
 */
export function timeZone(offsetMinutes: number): string {
  const minutes = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${offsetMinutes > 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
