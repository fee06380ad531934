import type { Metric } from 'web-vitals';
import { whenLoaded } from '../../browser/performance.js';
import { emit, type LifeCycle } from '../../lifeCycle.js';
import { displayOnce } from '../../tools/display.js';
import { uuid } from '../../tools/id.js';
import { runAll, setTimer } from '../../tools/monitor.js';
import type { Observable } from '../../tools/observable.js';
import { MINUTE, ns, relativeNow, SECOND, toDate } from '../../tools/time.js';
import { urlFields } from '../../tools/url.js';
import type { Configuration, Context, ViewContext } from '../../types.js';
import { waitPageActivityEnd } from '../pageActivity.js';
import type { VitalHandler } from './vitals.js';

/** A view's updates go out at most this often; the last one is never lost. */
export const UPDATE_THROTTLE = 3 * SECOND;
/** A view nobody touches is still re-sent this often, so time_spent stays current. */
export const KEEP_ALIVE = 5 * MINUTE;

export type LoadingType = 'initial_load' | 'route_change';

export interface ViewOptions {
  name?: string;
  service?: string;
  version?: string;
}

export interface View extends ViewContext {
  date: number;
  url: string;
  loadingType: LoadingType;
  end?: number;
  /** Counters and metrics, under their field names. */
  data: Context;
  timings: Context;
  timer?: ReturnType<typeof setTimeout>;
  activityEnd?: number;
  loadEventEnd?: number;
  stopLoading: () => void;
}

export interface ViewDeps {
  locationChanges: Observable<string>;
  /** Starts the web-vitals observers (injected so tests can feed metrics). */
  startVitals: (handle: VitalHandler) => void;
}

const COUNTERS: Context = {
  error: 'viewErrorCount',
  resource: 'viewResourceCount',
  long_task: 'viewLongTaskCount',
  action: 'viewActionCount',
};

/** Different views: another path, or another hash that is not an anchor on the page. */
export function isNewView(from: string, to: string): boolean {
  const a = new URL(from);
  const b = new URL(to);
  return (
    a.pathname !== b.pathname || (a.hash !== b.hash && !document.getElementById(b.hash.slice(1)))
  );
}

/**
 * Views: the initial load and every SPA route change (History API, hash), or only those
 * startView() names when trackViewsManually. A view is sent when it starts, re-sent as its
 * metrics grow (same view_id and date: the server keeps the latest, the one with the longest
 * time_spent), and sent once more when it ends, with is_active false.
 */
export function startViewCollection(
  lifeCycle: LifeCycle,
  config: Configuration,
  deps: ViewDeps,
  initial?: ViewOptions,
) {
  /** The last views, current one last: events find their view here by time. */
  let history: View[] = [];
  let current: View | undefined;

  const send = (view: View) => {
    clearTimeout(view.timer);
    view.timer = undefined;
    emit(
      lifeCycle,
      'view',
      view.startTime,
      {
        viewLoadingType: view.loadingType,
        timeSpent: ns((view.end === undefined ? relativeNow() : view.end) - view.startTime),
        isActive: view.end === undefined,
        customTimings: Object.keys(view.timings).length > 0 ? view.timings : undefined,
        ...view.data,
      },
      // The same date on every version: with view_id it is the key the server upserts on.
      { view, date: view.date },
    );
  };
  const update = (view: View, data?: Context) => {
    Object.assign(view.data, data);
    if (!view.timer) view.timer = setTimer(() => send(view), UPDATE_THROTTLE);
  };
  const computeLoadingTime = (view: View) => {
    if (view.activityEnd === undefined) return;
    if (view.loadingType === 'route_change')
      update(view, { loadingTime: ns(view.activityEnd - view.startTime) });
    else if (view.loadEventEnd !== undefined)
      update(view, { loadingTime: ns(Math.max(view.loadEventEnd, view.activityEnd)) });
  };

  const endView = (data?: Context) => {
    const view = current;
    if (!view) return;
    current = undefined;
    view.end = relativeNow();
    view.stopLoading();
    Object.assign(view.data, data);
    send(view);
    lifeCycle.viewEnded.notify(view);
  };

  const startView = (loadingType: LoadingType, startTime: number, options: ViewOptions = {}) => {
    endView();
    const previous = history[history.length - 1];
    const fields = urlFields(location.href, 'viewUrl', 'view');
    const view: View = {
      id: uuid(),
      startTime,
      date: toDate(startTime),
      url: location.href,
      loadingType,
      service: options.service,
      version: options.version,
      context: {},
      fields: {
        viewId: '',
        ...fields,
        viewReferrer: previous ? previous.url : document.referrer || undefined,
        viewName: options.name || fields.viewPath,
      },
      data: {
        viewErrorCount: 0,
        viewResourceCount: 0,
        viewLongTaskCount: 0,
        viewActionCount: 0,
        frustrationCount: 0,
      },
      timings: {},
      stopLoading: () => {},
    };
    view.fields.viewId = view.id;
    history = [...history.slice(-9), view];
    current = view;
    view.stopLoading = waitPageActivityEnd(lifeCycle, config.excludedActivityUrls, (end) => {
      view.activityEnd = end === undefined ? view.startTime : end;
      computeLoadingTime(view);
    });
    send(view);
    return view;
  };

  const first = startView('initial_load', 0, initial);

  const onVital: VitalHandler = (metric: Metric, fields) => {
    let view: View | undefined = first;
    if (metric.navigationType === 'soft-navigation') {
      // The view of that route change: same URL, started closest to the soft navigation.
      const distance = (v: View) => Math.abs(v.startTime - (metric.navigationStartTime || 0));
      view = history
        .filter((v) => v.url === metric.navigationURL)
        .sort((a, b) => distance(a) - distance(b))[0];
    }
    if (view && history.includes(view)) update(view, fields(view.startTime));
  };

  const stops: (() => void)[] = [
    lifeCycle.assembled.subscribe((event) => {
      const counter = COUNTERS[event.type] as string;
      const view = counter && history.find((candidate) => candidate.id === event.viewId);
      if (!view) return;
      (view.data[counter] as number)++;
      (view.data.frustrationCount as number) += (
        (event.actionFrustrationTypes as string[]) || []
      ).length;
      update(view);
    }),
    deps.locationChanges.subscribe((href) => {
      if (!config.trackViewsManually && current && isNewView(current.url, href))
        startView('route_change', relativeNow());
    }),
    lifeCycle.pageExit.subscribe(({ unload }) => {
      // Loading that has not finished when the page is hidden is no loading time.
      if (current) current.stopLoading();
      if (unload) endView();
      else if (current) send(current);
    }),
  ];
  const keepAlive = setInterval(() => current && send(current), KEEP_ALIVE);

  whenLoaded(() => {
    const n = performance.getEntriesByType('navigation')[0] as
      | PerformanceNavigationTiming
      | undefined;
    if (!n) return;
    first.loadEventEnd = n.loadEventEnd;
    const fetchStart = n.fetchStart;
    update(first, {
      viewApdexLevel: Math.min(Math.floor((n.responseEnd - fetchStart) / SECOND), 9),
      firstPaintTime: ns(n.responseEnd - fetchStart),
      domInteractive: ns(n.domInteractive),
      domContentLoaded: ns(n.domContentLoadedEventEnd),
      domComplete: ns(n.domComplete),
      loadEvent: ns(n.loadEventEnd),
      domReady: ns(n.domContentLoadedEventEnd - fetchStart),
      dom: ns(n.domComplete - n.domInteractive),
      resourceLoadTime: ns(Math.max(n.loadEventStart - n.domContentLoadedEventEnd, 0)),
      timeToInteractive: ns(n.domInteractive - fetchStart),
    });
    computeLoadingTime(first);
  });
  deps.startVitals(onVital);

  return {
    /** The view at a performance.now() time: the last one started by then. */
    findView: (startTime: number): ViewContext | undefined =>
      history.filter((view) => view.startTime <= startTime).pop() || history[0],
    current: () => current,
    startView: (options: ViewOptions, startTime = relativeNow()) =>
      startView('route_change', startTime, options),
    setViewName(name: string) {
      if (!current) return;
      current.fields.viewName = name;
      send(current);
    },
    /** `time` in ms since the view started, or epoch ms; default now. */
    addTiming(name: string, time?: number) {
      const view = current;
      if (!view) return;
      const since =
        time === undefined ? relativeNow() - view.startTime : time > 1e12 ? time - view.date : time;
      if (!(since >= 0)) return displayOnce('error', `addTiming: ${time} is not a time`);
      const key = name.replace(/[^\w.@$-]/g, '_');
      if (!(key in view.timings) && Object.keys(view.timings).length >= 100)
        return displayOnce('warn', 'addTiming: a view keeps 100 timings');
      view.timings[key] = ns(since);
      send(view);
    },
    /** The session expired: its view ends with it. */
    onSessionExpired: () => endView({ sessionIsActive: false }),
    /** A new session starts with a new view. */
    onSessionRenewed: () => {
      if (!current) startView('route_change', relativeNow());
    },
    stop() {
      clearInterval(keepAlive);
      for (const view of history) {
        clearTimeout(view.timer);
        view.stopLoading();
      }
      runAll(stops);
    },
  };
}
