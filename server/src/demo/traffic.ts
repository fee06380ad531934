/*
 * Deterministic RUM traffic as Guance's SDKs send it to /v1/write/rum: the demo mode's week
 * of data and the benchmarks' bodies.
 *
 * Sessions arrive with a daily rhythm (a peak at 14:00 UTC, a trough at 02:00, quieter
 * weekends). A session is several views of a demo shop: on the web an initial load, then SPA
 * route changes; each view is sent 2 to 4 times while it lives, with growing time_spent and
 * counts, and carries its resources (with the Resource Timing breakdown, some 4xx and 5xx,
 * trace ids on API calls), JS and network errors, clicks (a few rage and dead clicks) and long
 * tasks. Two things are planted for the demo to show:
 *   - a slow page: the product page's LCP (apps: loading time) is several times the others';
 *   - an error burst: by default version 2.4.0, released at 60% of the time range, raises the
 *     JS error rate sixfold with a new TypeError until the 2.4.1 hotfix (see defaultReleases).
 * Each session's events go out in SDK batches: at most 50 points and about 16 KiB, flushed
 * 30 s after the first event or when the page exits (spec §1.11). A batch never holds two
 * versions of a view. The web SDK gets there by upserting the view within the batch, which
 * would drop the earlier version of a short view; here a new version flushes the batch
 * instead, so the server sees every version of every view and has to keep the latest.
 *
 * Durations are integer nanoseconds, timestamps milliseconds; the points have the shape and
 * tag/field placement of test/fixtures/datakit-rum-sample.lp.
 */
import { encodeLines, type Point } from '@rumkit/core/protocol';
import { pathGroup, statusGroup } from '@rumkit/core/rules';
import { type Page, PROFILES, type Profile, type TrafficPlatform, userIp } from './profiles.js';
import { createRandom, type Random } from './random.js';

export type { TrafficPlatform } from './profiles.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A version of an app in force from `since` (ms); the last one started wins. */
export interface Release {
  version: string;
  since: number;
  /** JS errors per view compared with normal; above 1 adds a new TypeError. Default 1. */
  errorFactor?: number;
}

export interface TrafficApp {
  /** The app_id tag. */
  appId: string;
  type: TrafficPlatform;
  /** Default `production`. */
  env?: string;
  /** Default defaultReleases(from, to): a release at 60% of the range with an error burst. */
  versions?: readonly Release[];
  /** Host of the web site. Default `shop.example.com`. */
  host?: string;
  /** Overrides the options' sessionsPerHour for this app. */
  sessionsPerHour?: number;
}

export interface TrafficOptions {
  apps: readonly TrafficApp[];
  /** Start of the range, ms since the epoch. */
  from: number;
  /** End of the range: no session starts and no batch is sent after it. */
  to: number;
  /** Sessions started per hour and app, on average over a day. */
  sessionsPerHour: number;
  seed: number;
  /** Most points in a batch. Default 50, as the SDKs. */
  maxBatchPoints?: number;
  /** Batches are flushed once their points reach about this many bytes. Default 16 KiB. */
  maxBatchBytes?: number;
  /** Median of the log-normal number of views per session, plus one. Default 2.5. */
  viewsPerSession?: number;
}

/** One request as an SDK sends it. */
export interface TrafficBatch {
  points: Point[];
  /** When the SDK sends it (ms). */
  sentAt: number;
  /** The address the request comes from, for X-Forwarded-For. */
  clientIp: string;
  appId: string;
  sessionId: string;
}

/** The releases an app gets when none are given: 2.3.0, then 2.4.0 with an error burst, then a fix. */
export function defaultReleases(from: number, to: number): Release[] {
  const release = from + Math.round((to - from) * 0.6);
  const hotfix = release + Math.min(12 * HOUR, Math.round((to - from) * 0.15));
  return [
    { version: '2.3.0', since: from },
    { version: '2.4.0', since: release, errorFactor: 6 },
    { version: '2.4.1', since: hotfix },
  ];
}

/** The batches of points the SDKs send, in the order they are sent. */
export function* generateTraffic(options: TrafficOptions): Generator<Point[]> {
  for (const batch of generateBatches(options)) yield batch.points;
}

/** The same batches as line-protocol bodies (`?precision=ms`). */
export function* trafficBodies(
  options: TrafficOptions,
  body?: { pointsPerBody?: number },
): Generator<string> {
  for (const request of trafficRequests(options, body)) yield request.body;
}

export interface TrafficRequest {
  body: string;
  points: number;
  clientIp: string;
}

/**
 * Line-protocol requests. With `pointsPerBody`, the points of consecutive batches are cut into
 * bodies of exactly that many (the last may be shorter), as a load test wants them.
 */
export function* trafficRequests(
  options: TrafficOptions,
  { pointsPerBody }: { pointsPerBody?: number } = {},
): Generator<TrafficRequest> {
  const encode = (points: Point[], clientIp: string): TrafficRequest => ({
    body: encodeLines(points, { precision: 'ms' }),
    points: points.length,
    clientIp,
  });
  if (pointsPerBody === undefined) {
    for (const batch of generateBatches(options)) yield encode(batch.points, batch.clientIp);
    return;
  }
  let pending: Point[] = [];
  let ip = '';
  for (const batch of generateBatches(options)) {
    if (pending.length === 0) ip = batch.clientIp;
    for (const point of batch.points) {
      pending.push(point);
      if (pending.length === pointsPerBody) {
        yield encode(pending, ip);
        pending = [];
        ip = batch.clientIp;
      }
    }
  }
  if (pending.length > 0) yield encode(pending, ip);
}

/** Batches with the request context (sending time, client IP), ordered by sending time. */
export function* generateBatches(options: TrafficOptions): Generator<TrafficBatch> {
  const { from, to } = options;
  const limits = {
    points: options.maxBatchPoints ?? 50,
    bytes: options.maxBatchBytes ?? 16 * 1024,
  };
  const apps = options.apps.map((app, index) => appContext(app, index, options));
  const queue = new BatchQueue();
  for (let window = 0, start = from; start < to; window++, start += HOUR) {
    const end = Math.min(start + HOUR, to);
    for (const app of apps) {
      const r = createRandom(mix(app.seed, window));
      const expected = app.sessionsPerHour * rhythm((start + end) / 2) * ((end - start) / HOUR);
      const count = r.poisson(expected);
      const starts = Array.from({ length: count }, () => start + r.next() * (end - start)).sort(
        (a, b) => a - b,
      );
      starts.forEach((at, k) => {
        const session = simulateSession(
          app,
          Math.floor(at),
          createRandom(mix(app.seed, window, k)),
        );
        for (const batch of toBatches(session, app, limits, to)) queue.push(batch);
      });
    }
    // Sessions of later windows start after `end`, so everything sent before it is final.
    while (queue.size > 0 && queue.peek().sentAt < end) yield queue.pop();
  }
  while (queue.size > 0) yield queue.pop();
}

/** Relative traffic at a time: 1.7 at 14:00 UTC, 0.3 at 02:00, a fifth less at weekends. */
function rhythm(time: number): number {
  const date = new Date(time);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const day = date.getUTCDay();
  return (
    (1 + 0.7 * Math.cos((2 * Math.PI * (hour - 14)) / 24)) * (day === 0 || day === 6 ? 0.8 : 1)
  );
}

interface AppContext {
  app: TrafficApp;
  profile: Profile;
  platform: TrafficPlatform;
  env: string;
  host: string;
  releases: readonly Release[];
  sessionsPerHour: number;
  viewsPerSession: number;
  users: number;
  seed: number;
}

function appContext(app: TrafficApp, index: number, options: TrafficOptions): AppContext {
  const sessionsPerHour = app.sessionsPerHour ?? options.sessionsPerHour;
  const releases = [...(app.versions ?? defaultReleases(options.from, options.to))].sort(
    (a, b) => a.since - b.since,
  );
  return {
    app,
    profile: PROFILES[app.type],
    platform: app.type,
    env: app.env ?? 'production',
    host: app.host ?? 'shop.example.com',
    releases,
    sessionsPerHour,
    viewsPerSession: options.viewsPerSession ?? 2.5,
    // Enough users that most sessions are new ones, few enough that some come back.
    users: Math.max(50, Math.round(sessionsPerHour * 24 * 2)),
    seed: mix(options.seed, index, hashString(app.appId)),
  };
}

function releaseAt(app: AppContext, time: number): Release {
  let current = app.releases[0] ?? { version: '1.0.0', since: -Infinity };
  for (const release of app.releases) if (release.since <= time) current = release;
  return current;
}

// ---------------------------------------------------------------------------------------
// Sessions

/** An event as the SDK hands it to its batch: the point, and when it is ready to send. */
interface Emitted {
  at: number;
  point: Point;
  /** A batch holds one version of a view. */
  viewId?: string;
}

interface Session {
  id: string;
  clientIp: string;
  events: Emitted[];
}

interface SessionState {
  app: AppContext;
  r: Random;
  release: Release;
  common: Record<string, string>;
  events: Emitted[];
  /** Static asset hash of the release (web). */
  build: string;
}

function simulateSession(app: AppContext, start: number, r: Random): Session {
  const { profile, platform } = app;
  // Users are drawn with a skew, so some come back; each keeps their device and address.
  const userIndex = Math.floor(app.users * r.next() ** 2);
  const u = createRandom(mix(app.seed, 0x5e55, userIndex));
  const signedIn = u.chance(0.4);
  const userid = signedIn ? `u${100_000 + userIndex}` : u.uuid();
  const device = profile.device(u);
  const clientIp = userIp(platform, u);
  const release = releaseAt(app, start);
  const sessionId = r.uuid();

  const common: Record<string, string> = {
    sdk_name: profile.sdkName,
    sdk_version: profile.sdkVersion,
    app_id: app.app.appId,
    env: app.env,
    version: release.version,
    service: profile.service,
    userid,
    session_id: sessionId,
    session_type: 'user',
    is_signin: signedIn ? 'T' : 'F',
    ...device,
  };
  const state: SessionState = {
    app,
    r,
    release,
    common,
    events: [],
    build: hex(hashString(`${app.app.appId}@${release.version}`)),
  };

  const views = Math.min(15, 1 + Math.floor(r.logNormal(app.viewsPerSession, 0.8)));
  let page = r.weighted(profile.pages.map((p) => [p, p.landing] as const));
  let referrer: string | undefined = r.weighted([
    [undefined, 45],
    ['https://www.google.com/', 35],
    ['https://www.bing.com/', 8],
    ['https://www.baidu.com/', 12],
  ]);
  let time = start;
  for (let index = 0; index < views; index++) {
    const view = simulateView(state, page, index, time, referrer);
    time = view.end + r.between(50, 1500);
    referrer = view.url;
    const current = page;
    page = r.weighted(profile.pages.map((p) => [p, p === current ? 0 : p.next] as const));
  }
  state.events.sort((a, b) => a.at - b.at);
  return { id: sessionId, clientIp, events: state.events };
}

interface ViewResult {
  end: number;
  /** What the next view names as its referrer: the URL on the web, the screen in apps. */
  url: string;
}

interface ChildEvent {
  /** Offset from the view start, ms. */
  start: number;
  kind: 'resource' | 'error' | 'long_task' | 'action';
  frustrated?: boolean;
}

function simulateView(
  state: SessionState,
  page: Page,
  index: number,
  t0: number,
  referrer: string | undefined,
): ViewResult {
  const { r, app } = state;
  const { platform } = app;
  const web = platform === 'web';
  const viewId = r.uuid();
  // The ids of the view's resources, errors and long tasks come from a stream of their own, so
  // adding them left every other value of the traffic as it was.
  const ids = createRandom(
    mix(Number.parseInt(viewId.slice(0, 8), 16), Number.parseInt(viewId.slice(24), 16)),
  );
  const initial = web ? index === 0 || r.chance(0.08) : index === 0;
  const slow = page.slow === true;
  const route = page.route.replace(/\{id\}/g, () => String(r.between(1000, 99_999)));
  const query: Record<string, string> =
    page.route === '/search'
      ? { q: r.pick(['running shoes', 'rain jacket', 'backpack', 'wool socks']) }
      : index === 0 && r.chance(0.3)
        ? { utm_source: r.pick(['google', 'newsletter', 'wechat']) }
        : {};

  let viewTags: Record<string, string>;
  let url = route;
  if (web) {
    const search = new URLSearchParams(query).toString();
    url = `https://${app.host}${route}${search ? `?${search}` : ''}`;
    viewTags = {
      view_id: viewId,
      ...(referrer ? { view_referrer: referrer } : {}),
      view_url: url,
      view_host: app.host,
      view_path: route,
      view_path_group: pathGroup(route),
      view_url_query: JSON.stringify(query),
    };
  } else {
    viewTags = {
      view_id: viewId,
      view_name: route,
      ...(platform === 'miniapp' ? { view_path: route, view_path_group: pathGroup(route) } : {}),
      ...(referrer && index > 0 ? { view_referrer: referrer } : {}),
    };
  }
  const context = { ...state.common, ...viewTags };

  // How long the user stays, and when the page is loaded.
  const duration = clamp(r.logNormal(18 * SECOND, 1), 1500, 10 * MINUTE);
  const timings = web ? webTimings(r, initial, slow) : appTimings(r, platform, initial, slow);
  const loaded = Math.min(timings.loadingTime, duration);

  const children: ChildEvent[] = [];
  const emit = (kind: ChildEvent['kind'], start: number, point: Point, length = 0) => {
    children.push({ kind, start });
    state.events.push({ at: t0 + start + length, point });
  };
  const at = (offset: number) => Math.round(t0 + offset);

  // Resources, and the network errors of failed API calls.
  const resource = (spec: ResourceSpec, start: number, actionId?: string) => {
    const made = buildResource(state, spec, slow);
    if (actionId) made.fields.action_id = actionId;
    const point: Point = {
      measurement: 'resource',
      tags: { ...context, ...made.tags, resource_id: ids.uuid() },
      fields: clean(made.fields),
      time: at(start),
    };
    emit('resource', start, point, made.durationMs);
    if (made.failed) {
      const error = networkError(spec, made.status, made.tags);
      emit('error', start + made.durationMs, {
        measurement: 'error',
        tags: { ...context, ...error.tags, error_id: ids.uuid() },
        fields: actionId ? { ...error.fields, action_id: actionId } : error.fields,
        time: at(start + made.durationMs),
      });
    }
    return made;
  };
  if (web && initial) {
    for (const [spec, start] of initialLoadResources(state, page, url, timings)) {
      if (start < duration) resource(spec, start);
    }
  } else {
    if (platform !== 'web' && index === 0) resource(api(state, 'GET /api/v1/app/config'), 5);
    if (web && r.chance(0.25)) resource(staticAsset(state, 'js', `${chunkName(route)}`), 2);
    for (const call of page.apis) resource(api(state, call), r.between(5, 60));
    if (web && (page.route === '/' || page.route.includes('{id}'))) {
      const images = r.between(1, 5);
      for (let i = 0; i < images; i++) resource(image(state), r.between(30, 400));
    }
  }

  // JS errors: a few per hundred views, and the release's new bug during a burst.
  const factor = state.release.errorFactor ?? 1;
  const jsErrors = r.poisson(0.03);
  const burstErrors = factor > 1 ? r.poisson(0.03 * (factor - 1) * (slow ? 2 : 1)) : 0;
  for (let i = 0; i < jsErrors + burstErrors; i++) {
    const start = r.next() * duration;
    const error = jsError(state, i >= jsErrors);
    emit('error', start, {
      measurement: 'error',
      tags: { ...context, ...error.tags, error_id: ids.uuid() },
      fields: error.fields,
      time: at(start),
    });
  }

  // Long tasks while loading (web), or freezes (apps).
  const longTasks = web
    ? r.poisson(initial ? (slow ? 2.5 : 0.9) : 0.3)
    : r.poisson(slow ? 0.4 : 0.1);
  for (let i = 0; i < longTasks; i++) {
    const start = Math.min(duration, r.next() * (loaded + 500));
    const length = web ? Math.max(51, r.logNormal(95, 0.55)) : Math.max(250, r.logNormal(420, 0.4));
    const fields: Point['fields'] = { duration: ns(length) };
    if (!web) {
      fields.long_task_message = `Freeze: main thread blocked for ${Math.round(length)} ms`;
      fields.long_task_stack = freezeStack(platform);
    }
    emit(
      'long_task',
      start,
      {
        measurement: 'long_task',
        tags: { ...context, long_task_id: ids.uuid() },
        fields,
        time: at(start),
      },
      length,
    );
  }

  // Clicks, some of them calling an API; a few rage and dead clicks.
  const clicks = Math.min(10, r.poisson(duration / (15 * SECOND)));
  let firstInput: number | undefined;
  for (let i = 0; i < clicks; i++) {
    const start = loaded + r.next() * Math.max(0, duration - loaded);
    firstInput = Math.min(firstInput ?? Infinity, start);
    const actionId = r.uuid();
    const calls = page.clickApi && r.chance(0.7) ? 1 : 0;
    let length = r.logNormal(70, 0.8);
    let failed = false;
    for (let c = 0; c < calls; c++) {
      const made = resource(api(state, page.clickApi as string), start + 5, actionId);
      length = Math.max(length, 5 + made.durationMs + r.logNormal(30, 0.5));
      failed ||= made.failed;
    }
    const frustration: string[] = [];
    if (r.chance(slow ? 0.05 : 0.012)) frustration.push('rage_click');
    if (calls === 0 && r.chance(0.02)) frustration.push('dead_click');
    if (failed) frustration.push('error_click');
    const fields: Point['fields'] = {
      action_id: actionId,
      action_name: r.pick(page.clicks),
      duration: ns(length),
      action_error_count: failed ? 1 : 0,
      action_resource_count: calls,
      action_long_task_count: 0,
    };
    if (frustration.length > 0) fields.action_frustration_types = JSON.stringify(frustration);
    children.push({ kind: 'action', start, frustrated: frustration.length > 0 });
    state.events.push({
      at: t0 + start + length,
      point: {
        measurement: 'action',
        tags: { ...context, action_type: 'click' },
        fields,
        time: at(start),
      },
    });
  }
  if (!web && index === 0) {
    // The app launch, as the mobile and mini-program SDKs report it.
    const type = platform === 'miniapp' ? 'launch' : r.chance(0.7) ? 'launch_cold' : 'launch_hot';
    const length = r.logNormal(type === 'launch_hot' ? 350 : 1200, 0.4);
    children.push({ kind: 'action', start: 0 });
    state.events.push({
      at: t0 + length,
      point: {
        measurement: 'action',
        tags: { ...context, action_type: type },
        fields: {
          action_id: r.uuid(),
          action_name: `app ${type.replace('_', ' ')}`,
          duration: ns(length),
        },
        time: at(0),
      },
    });
  }

  // The view itself, sent 2 to 4 times: after loading, every 30 s or so, and when it ends.
  const sends = clamp(2 + Math.floor(duration / (30 * SECOND)), 2, 4);
  const first = Math.min(loaded + r.logNormal(300, 0.5), duration * 0.6);
  for (let k = 0; k < sends; k++) {
    const offset = k === sends - 1 ? duration : first + ((duration - first) * k) / (sends - 1);
    const count = (kind: ChildEvent['kind']) =>
      children.filter((c) => c.kind === kind && c.start <= offset).length;
    const last = k === sends - 1;
    const fields: Point['fields'] = {
      view_error_count: count('error'),
      view_resource_count: count('resource'),
      view_long_task_count: count('long_task'),
      view_action_count: count('action'),
      frustration_count: children.filter((c) => c.frustrated && c.start <= offset).length,
      ...timings.fields(offset, firstInput),
      time_spent: ns(offset),
    };
    const tags: Record<string, string> = { ...context, ...timings.tags, is_active: String(!last) };
    state.events.push({
      at: t0 + offset,
      point: { measurement: 'view', tags, fields, time: at(0) },
      viewId,
    });
  }
  return { end: t0 + duration, url: web ? url : route };
}

// ---------------------------------------------------------------------------------------
// View timings

interface Timings {
  loadingTime: number;
  /** Moments (ms from view start) the browser reached while loading. */
  firstByte: number;
  domInteractive: number;
  tags: Record<string, string>;
  /** The timing fields known `offset` ms into the view. */
  fields(offset: number, firstInput: number | undefined): Point['fields'];
}

function webTimings(r: Random, initial: boolean, slow: boolean): Timings {
  const cls = round4(r.chance(0.7) ? r.logNormal(0.008, 1) : r.logNormal(slow ? 0.22 : 0.11, 0.6));
  if (!initial) {
    const loadingTime = r.logNormal(450, 0.55) + (slow ? r.logNormal(2600, 0.4) : 0);
    const inp = r.logNormal(110, 0.7);
    return {
      loadingTime,
      firstByte: 0,
      domInteractive: 0,
      tags: { view_loading_type: 'route_change' },
      fields: (offset, firstInput) => ({
        ...(offset >= loadingTime ? { loading_time: ns(loadingTime) } : {}),
        cumulative_layout_shift: offset >= loadingTime ? cls : 0,
        ...(firstInput !== undefined && firstInput <= offset
          ? { interaction_to_next_paint: ns(inp) }
          : {}),
      }),
    };
  }
  const firstByte = r.logNormal(210, 0.5);
  const firstPaint = firstByte + r.logNormal(60, 0.5);
  const fcp = firstByte + r.logNormal(480, 0.4);
  const domInteractive = firstByte + r.logNormal(560, 0.45);
  const dcl = domInteractive + r.logNormal(40, 0.8);
  const domComplete = dcl + r.logNormal(620, 0.5);
  const loadEvent = domComplete + r.logNormal(15, 0.6);
  // The slow page waits for a large hero image: its LCP lands seconds after the rest.
  const lcp = fcp + r.logNormal(380, 0.6) + (slow ? r.logNormal(3800, 0.35) : 0);
  const loadingTime = Math.max(loadEvent, lcp) + r.logNormal(150, 0.5);
  const fid = r.logNormal(6, 1);
  const inp = r.logNormal(120, 0.7);
  return {
    loadingTime,
    firstByte,
    domInteractive,
    tags: {
      view_loading_type: 'initial_load',
      view_apdex_level: String(Math.min(9, Math.floor(firstPaint / 1000))),
    },
    fields: (offset, firstInput) => ({
      ...(offset >= loadingTime ? { loading_time: ns(loadingTime) } : {}),
      ...(offset >= fcp ? { first_contentful_paint: ns(fcp) } : {}),
      ...(offset >= lcp ? { largest_contentful_paint: ns(lcp) } : {}),
      cumulative_layout_shift: offset >= loadingTime ? cls : 0,
      ...(firstInput !== undefined && firstInput <= offset
        ? { first_input_delay: ns(fid), interaction_to_next_paint: ns(inp) }
        : {}),
      first_byte: ns(firstByte),
      dom_interactive: ns(domInteractive),
      dom_content_loaded: ns(dcl),
      dom_complete: ns(domComplete),
      load_event: ns(loadEvent),
      first_paint_time: ns(firstPaint),
      resource_load_time: ns(loadEvent - dcl),
      time_to_interactive: ns(domInteractive),
      dom: ns(domComplete - domInteractive),
      dom_ready: ns(dcl),
    }),
  };
}

function appTimings(
  r: Random,
  platform: TrafficPlatform,
  initial: boolean,
  slow: boolean,
): Timings {
  const base =
    r.logNormal(platform === 'miniapp' ? 420 : 320, 0.5) + (initial ? r.logNormal(700, 0.4) : 0);
  const loadingTime = base + (slow ? r.logNormal(1900, 0.35) : 0);
  const shared = { loadingTime, firstByte: 0, domInteractive: 0, tags: {} };
  if (platform === 'miniapp') {
    const onLoadToOnShow = r.logNormal(25, 0.5);
    const setDataCount = r.between(2, 14);
    return {
      ...shared,
      fields: (offset) => ({
        ...(offset >= loadingTime
          ? {
              loading_time: ns(loadingTime),
              onload_to_onshow: ns(onLoadToOnShow),
              onshow_to_onready: ns(loadingTime - onLoadToOnShow),
              onready: ns(loadingTime),
            }
          : {}),
        setdata_duration: ns(setDataCount * r.logNormal(6, 0.5)),
        view_setdata_count: setDataCount,
      }),
    };
  }
  const fps = Math.min(60, r.logNormal(slow ? 48 : 57, 0.05));
  const memory = r.logNormal(180e6, 0.3);
  return {
    ...shared,
    fields: (offset) => ({
      ...(offset >= loadingTime ? { loading_time: ns(loadingTime) } : {}),
      fps_avg: round4(fps),
      fps_mini: round4(fps * r.logNormal(0.6, 0.2)),
      cpu_tick_count: Math.round((offset / 1000) * 42),
      cpu_tick_count_per_second: 42,
      memory_avg: Math.round(memory),
      memory_max: Math.round(memory * 1.3),
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Resources

interface ResourceSpec {
  host: string;
  path: string;
  query?: Record<string, string>;
  type: string;
  method: string;
  /** Same-origin or with Timing-Allow-Origin: the phase timings are known. */
  timed: boolean;
  /** Calls to the app's API carry trace ids (allowedTracingUrls). */
  traced: boolean;
  ttfb: number;
  size: number;
}

function api(state: SessionState, call: string): ResourceSpec {
  const [method, path] = call.split(' ') as [string, string];
  const web = state.app.platform === 'web';
  return {
    host: `api.${state.app.host}`,
    path: path.replace(/\{id\}/g, () => String(state.r.between(1000, 99_999))),
    type: web
      ? state.r.chance(0.6)
        ? 'fetch'
        : 'xhr'
      : state.app.platform === 'miniapp'
        ? 'xhr'
        : 'network',
    method,
    timed: true,
    traced: true,
    ttfb: method === 'GET' ? 90 : 160,
    size: Math.round(state.r.logNormal(3000, 1)),
  };
}

function staticAsset(state: SessionState, kind: 'js' | 'css' | 'font', name: string): ResourceSpec {
  const ext = kind === 'font' ? 'woff2' : kind;
  const path =
    kind === 'font'
      ? `/assets/fonts/${name}.woff2`
      : `/assets/${ext}/${name}.${state.build}.${ext}`;
  return {
    host: `static.${state.app.host}`,
    path,
    type: kind,
    method: 'GET',
    timed: true,
    traced: false,
    ttfb: 35,
    size: Math.round(state.r.logNormal(kind === 'js' ? 180_000 : 40_000, 0.5)),
  };
}

function image(state: SessionState): ResourceSpec {
  const id = state.r.between(1000, 99_999);
  return {
    host: 'img.shop-cdn.example.net',
    path: `/products/${id}/${state.r.pick(['480', '960'])}.webp`,
    type: 'image',
    method: 'GET',
    timed: state.r.chance(0.8),
    traced: false,
    ttfb: 45,
    size: Math.round(state.r.logNormal(60_000, 0.6)),
  };
}

function chunkName(route: string): string {
  const name = route.split('/').filter((s) => s && !/\d/.test(s))[0];
  return name ?? 'home';
}

function initialLoadResources(
  state: SessionState,
  page: Page,
  url: string,
  timings: Timings,
): [ResourceSpec, number][] {
  const { r } = state;
  const parsed = new URL(url);
  const document: ResourceSpec = {
    host: parsed.host,
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    type: 'document',
    method: 'GET',
    timed: true,
    traced: false,
    ttfb: timings.firstByte * 0.7,
    size: Math.round(r.logNormal(35_000, 0.3)),
  };
  const gtag: ResourceSpec = {
    host: 'www.googletagmanager.com',
    path: '/gtag/js',
    query: { id: 'G-8Z2K4QX7PL' },
    type: 'js',
    method: 'GET',
    timed: false,
    traced: false,
    ttfb: 60,
    size: 0,
  };
  const after = (moment: number) => moment + r.logNormal(15, 0.6);
  const list: [ResourceSpec, number][] = [
    [document, 0],
    [staticAsset(state, 'js', 'vendor'), after(timings.firstByte)],
    [staticAsset(state, 'js', 'main'), after(timings.firstByte)],
    [staticAsset(state, 'css', 'main'), after(timings.firstByte)],
    [gtag, after(timings.firstByte)],
  ];
  if (r.chance(0.6))
    list.push([staticAsset(state, 'font', 'inter-var'), after(timings.firstByte + 80)]);
  if (r.chance(0.5))
    list.push([staticAsset(state, 'js', chunkName(page.route)), after(timings.domInteractive)]);
  for (const call of page.apis) list.push([api(state, call), after(timings.domInteractive)]);
  const images = page.slow ? r.between(3, 6) : r.between(0, 4);
  for (let i = 0; i < images; i++) list.push([image(state), after(timings.domInteractive + 50)]);
  return list;
}

const API_STATUS: readonly (readonly [number, number])[] = [
  [200, 930],
  [304, 15],
  [400, 8],
  [401, 6],
  [404, 12],
  [429, 2],
  [500, 12],
  [502, 4],
  [503, 3],
  [0, 3],
];

function buildResource(state: SessionState, spec: ResourceSpec, slowPage: boolean) {
  const { r } = state;
  const isApi = spec.traced;
  let status = 200;
  if (isApi) {
    status = r.weighted(API_STATUS);
    if (status === 200 && spec.method === 'POST') status = 201;
    if (status === 304 && spec.method !== 'GET') status = 200;
  } else if (spec.type === 'image' && r.chance(0.005)) status = 404;
  const cached = !isApi && spec.type !== 'document' && r.chance(0.25);
  const reused = cached || r.chance(0.7);
  const dns = reused ? 0 : r.logNormal(18, 0.8);
  const tcp = reused ? 0 : r.logNormal(32, 0.6);
  const ssl = reused ? 0 : tcp * 0.6;
  const slow = slowPage && isApi && spec.method === 'GET' ? 4 : 1;
  const ttfb = cached
    ? 0
    : status === 0
      ? r.logNormal(3000, 1)
      : r.logNormal(spec.ttfb * slow, 0.6);
  const trans = cached || status === 0 ? 0 : r.logNormal(4, 0.8) + spec.size / 4000;
  const durationMs = dns + tcp + ttfb + trans + (cached ? 0 : r.logNormal(1.5, 0.6));
  const query = spec.query ?? {};
  const search = new URLSearchParams(query).toString();
  const tags: Record<string, string> = {
    resource_url: `https://${spec.host}${spec.path}${search ? `?${search}` : ''}`,
    resource_url_host: spec.host,
    resource_url_path: spec.path,
    resource_url_path_group: pathGroup(spec.path),
    resource_url_query: JSON.stringify(query),
    resource_type: spec.type,
  };
  const group = statusGroup(status);
  if (spec.timed) tags.resource_status = String(status);
  if (spec.timed && group) tags.resource_status_group = group;
  tags.resource_method = spec.method;
  if (spec.traced && r.chance(0.9)) {
    const web = state.app.platform === 'web';
    // ddtrace ids are decimal on the web; the apps here use W3C trace context.
    tags.trace_id = web ? decimalId(r) : r.hex(32);
    tags.span_id = web ? decimalId(r) : r.hex(16);
  }
  const fields: Record<string, number | string | undefined> = { duration: ns(durationMs) };
  if (spec.timed && !cached) {
    Object.assign(fields, {
      resource_size: spec.size,
      resource_dns: ns(dns),
      resource_tcp: ns(tcp),
      resource_ssl: ns(ssl),
      resource_ttfb: ns(ttfb),
      resource_trans: ns(trans),
      resource_first_byte: ns(dns + tcp + ttfb),
    });
  }
  return { tags, fields, durationMs, status, failed: isApi && (status === 0 || status >= 500) };
}

// ---------------------------------------------------------------------------------------
// Errors

const JS_ERRORS: readonly (readonly [[string, string, string], number])[] = [
  [
    ['TypeError', "Cannot read properties of null (reading 'addEventListener')", 'initCarousel'],
    30,
  ],
  [['TypeError', 'e.map is not a function', 'renderList'], 20],
  [['ReferenceError', 'gtag is not defined', 'trackEvent'], 12],
  [['ChunkLoadError', 'Loading chunk 417 failed.', 'requireEnsure'], 10],
  [['Error', 'ResizeObserver loop completed with undelivered notifications.', '<anonymous>'], 15],
  [['SyntaxError', `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`, 'parse'], 8],
];

/** The bug that release 2.4.0 ships. */
const BURST_ERROR: [string, string, string] = [
  'TypeError',
  "Cannot read properties of undefined (reading 'price')",
  'ProductPrice',
];

function jsError(
  state: SessionState,
  burst: boolean,
): { tags: Record<string, string>; fields: Point['fields'] } {
  const { r, app } = state;
  const [type, message, fn] = burst ? BURST_ERROR : r.weighted(JS_ERRORS);
  if (app.platform === 'android' || app.platform === 'ios') {
    const android = app.platform === 'android';
    const crash = burst || r.chance(0.4);
    return {
      tags: {
        error_source: crash ? 'logger' : 'source',
        error_type: crash ? (android ? 'java_crash' : 'ios_crash') : 'anr_error',
        error_situation: r.chance(0.2) ? 'startup' : 'run',
      },
      fields: {
        error_message: android
          ? `java.lang.NullPointerException: ${burst ? 'Attempt to invoke virtual method Price.getAmount() on a null object reference' : 'Attempt to read from field on a null object reference'}`
          : `EXC_BAD_ACCESS (SIGSEGV) in ${fn}`,
        error_stack: android
          ? `java.lang.NullPointerException\n\tat com.example.shop.ui.${fn}.bind(${fn}.kt:${r.between(20, 200)})\n\tat androidx.recyclerview.widget.RecyclerView$Adapter.onBindViewHolder(RecyclerView.java:7254)\n\tat android.os.Handler.dispatchMessage(Handler.java:106)`
          : `Thread 0 Crashed:\n0   Shop  0x0000000102a4c3f4 ${fn}.render() + 148\n1   UIKitCore  0x00000001a1b2c3d4 -[UIView layoutSubviews] + 280`,
        memory_use: round4(r.logNormal(62, 0.15)),
        cpu_use: round4(r.logNormal(18, 0.5)),
      },
    };
  }
  const source = burst
    ? 'source'
    : r.weighted([
        ['source', 80],
        ['console', 12],
        ['custom', 8],
      ] as const);
  const where =
    app.platform === 'miniapp'
      ? `\n    at ${fn} (pages/product/detail.js:${r.between(10, 120)}:${r.between(5, 40)})\n    at Object.onLoad (app-service.js:1:${r.between(1000, 90_000)})`
      : `\n\tat ${fn} @ https://static.${app.host}/assets/js/main.${state.build}.js:1:${r.between(1000, 250_000)}\n\tat <anonymous> @ https://static.${app.host}/assets/js/vendor.${state.build}.js:2:${r.between(1000, 90_000)}`;
  return {
    tags: {
      error_source: source,
      error_type: type,
      error_handling: source === 'source' ? 'unhandled' : 'handled',
    },
    fields: { error_message: message, error_stack: `${type}: ${message}${where}` },
  };
}

function networkError(spec: ResourceSpec, status: number, resourceTags: Record<string, string>) {
  const kind = spec.type === 'fetch' ? 'Fetch' : 'XHR';
  const tags: Record<string, string> = {
    error_source: 'network',
    error_type: 'network_error',
    error_handling: 'unhandled',
    resource_url: resourceTags.resource_url as string,
    resource_url_host: spec.host,
    resource_url_path: spec.path,
    resource_url_path_group: pathGroup(spec.path),
    resource_status: String(status),
    resource_method: spec.method,
  };
  const group = statusGroup(status);
  if (group) tags.resource_status_group = group;
  if (resourceTags.trace_id) tags.trace_id = resourceTags.trace_id;
  if (resourceTags.span_id) tags.span_id = resourceTags.span_id;
  return {
    tags,
    fields: {
      error_message: `${kind} error ${spec.method} ${tags.resource_url}`,
      error_stack: status === 0 ? 'Failed to load' : `{"error_code":"internal","status":${status}}`,
    },
  };
}

function freezeStack(platform: TrafficPlatform): string {
  return platform === 'android'
    ? 'java.lang.Thread.sleep(Native Method)\n\tat com.example.shop.data.ImageCache.decode(ImageCache.kt:88)'
    : '0   libsystem_kernel.dylib  mach_msg_trap + 8\n1   Shop  ImageCache.decode() + 212';
}

// ---------------------------------------------------------------------------------------
// Batching

function toBatches(
  session: Session,
  app: AppContext,
  limits: { points: number; bytes: number },
  to: number,
): TrafficBatch[] {
  const batches: TrafficBatch[] = [];
  let points: Point[] = [];
  let bytes = 0;
  let opened = 0;
  let views = new Set<string>();
  const flush = (at: number) => {
    if (points.length > 0) {
      batches.push({
        points,
        // Point times are whole ms, event times are not: a batch leaves after its last point.
        sentAt: Math.max(at, ...points.map((point) => point.time ?? at)),
        clientIp: session.clientIp,
        appId: app.app.appId,
        sessionId: session.id,
      });
    }
    points = [];
    bytes = 0;
    views = new Set();
  };
  let last = 0;
  for (const event of session.events) {
    if (Math.max(event.at, event.point.time ?? event.at) > to) break; // not sent yet when the range ends
    if (points.length > 0 && event.at >= opened + 30 * SECOND) flush(opened + 30 * SECOND);
    if (event.viewId !== undefined && views.has(event.viewId)) flush(event.at);
    if (points.length === 0) opened = event.at;
    if (event.viewId !== undefined) views.add(event.viewId);
    points.push(event.point);
    bytes += approximateSize(event.point);
    last = event.at;
    if (points.length >= limits.points || bytes >= limits.bytes) flush(event.at);
  }
  flush(Math.min(to, last + 100)); // the page exits: the SDK sends what is left
  return batches;
}

function approximateSize(point: Point): number {
  let size = point.measurement.length + 15;
  for (const key in point.tags) size += key.length + (point.tags[key] as string).length + 2;
  for (const key in point.fields) {
    const value = point.fields[key];
    size += key.length + (typeof value === 'string' ? value.length + 3 : 12);
  }
  return size;
}

/** A min-heap of batches by sending time, ties in insertion order. */
class BatchQueue {
  private items: { batch: TrafficBatch; order: number }[] = [];
  private counter = 0;
  get size(): number {
    return this.items.length;
  }
  peek(): TrafficBatch {
    return (this.items[0] as { batch: TrafficBatch }).batch;
  }
  push(batch: TrafficBatch): void {
    const items = this.items;
    items.push({ batch, order: this.counter++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): TrafficBatch {
    const items = this.items;
    const top = items[0] as { batch: TrafficBatch };
    const end = items.pop() as { batch: TrafficBatch; order: number };
    if (items.length > 0) {
      items[0] = end;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(left, smallest)) smallest = left;
        if (right < items.length && this.less(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top.batch;
  }
  private less(a: number, b: number): boolean {
    const x = this.items[a] as { batch: TrafficBatch; order: number };
    const y = this.items[b] as { batch: TrafficBatch; order: number };
    return (
      x.batch.sentAt < y.batch.sentAt || (x.batch.sentAt === y.batch.sentAt && x.order < y.order)
    );
  }
  private swap(a: number, b: number): void {
    const items = this.items;
    [items[a], items[b]] = [items[b] as (typeof items)[number], items[a] as (typeof items)[number]];
  }
}

// ---------------------------------------------------------------------------------------
// Small helpers

/** Milliseconds → integer nanoseconds, at the 0.1 ms resolution browsers give. */
function ns(ms: number): number {
  return Math.max(0, Math.round(ms * 10)) * 100_000;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function clean(fields: Record<string, number | string | undefined>): Point['fields'] {
  const out: Point['fields'] = {};
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function decimalId(r: Random): string {
  // Up to 2^63 - 1, as ddtrace ids are.
  return (
    String(1 + r.int(9)) + String(r.int(1e9)).padStart(9, '0') + String(r.int(1e8)).padStart(8, '0')
  );
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes numbers into one seed. */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
