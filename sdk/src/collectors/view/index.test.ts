import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Metric } from 'web-vitals';
import { makeConfig, type Recorded, recordLifeCycle, useFakeClock } from '../../../test/helpers.js';
import { checkRaw } from '../../../test/schema.js';
import { observeLocation } from '../../browser/history.js';
import type { InitOptions, RawEvent } from '../../types.js';
import { isNewView, KEEP_ALIVE, startViewCollection, UPDATE_THROTTLE } from './index.js';
import type { VitalHandler } from './vitals.js';

const NAVIGATION = {
  entryType: 'navigation',
  fetchStart: 2,
  responseEnd: 1250,
  domInteractive: 1400,
  domContentLoadedEventEnd: 1450,
  domComplete: 1900,
  loadEventStart: 1905,
  loadEventEnd: 1910,
};

describe('the view collector', () => {
  let recorded: Recorded;
  let views: ReturnType<typeof startViewCollection>;
  let location_: ReturnType<typeof observeLocation>;
  let vital: VitalHandler = () => {};

  const start = (options: Partial<InitOptions> = {}, initial?: { name?: string }) => {
    recorded = recordLifeCycle();
    location_ = observeLocation();
    views = startViewCollection(
      recorded.lifeCycle,
      makeConfig(options),
      {
        locationChanges: location_.changes,
        startVitals: (handle) => {
          vital = handle;
        },
      },
      initial,
    );
  };
  beforeEach(() => {
    useFakeClock();
    history.replaceState({}, '', '/');
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
      type === 'navigation' ? ([NAVIGATION] as never) : [],
    );
  });
  afterEach(() => {
    views.stop();
    location_.stop();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  /** Every view event, checked against the schema with the view's own context. */
  const sent = () =>
    recorded.of('view').map((raw: RawEvent) => checkRaw(raw, raw.view?.fields ?? {}));
  const latest = (path: string) =>
    sent()
      .filter((p) => p.tags.view_path === path)
      .pop();

  it('sends the initial view at once, dated from the navigation start', () => {
    start();
    const [point] = sent();
    expect(point?.tags).toMatchObject({
      view_loading_type: 'initial_load',
      view_path: '/',
      view_name: '/',
    });
    expect(point?.fields).toMatchObject({ is_active: true, view_error_count: 0 });
    expect(point?.time).toBe(Math.round(Date.now() - performance.now()));
  });

  it('adds the navigation timings and the loading time (load or later page activity)', async () => {
    start();
    await vi.advanceTimersByTimeAsync(UPDATE_THROTTLE + 200);
    expect(latest('/')?.fields).toMatchObject({
      first_paint_time: 1_248_000_000,
      dom_interactive: 1_400_000_000,
      dom_content_loaded: 1_450_000_000,
      dom_complete: 1_900_000_000,
      load_event: 1_910_000_000,
      dom_ready: 1_448_000_000,
      dom: 500_000_000,
      resource_load_time: 455_000_000,
      time_to_interactive: 1_398_000_000,
      loading_time: 1_910_000_000,
    });
    expect(latest('/')?.tags.view_apdex_level).toBe('1');
  });

  it('starts a route_change view on a History API navigation, ending the last one', async () => {
    start();
    await vi.advanceTimersByTimeAsync(5000);
    history.pushState({}, '', '/products/42?tab=2');
    const routeChange = latest('/products/42');
    expect(routeChange?.tags).toMatchObject({
      view_loading_type: 'route_change',
      view_path_group: '/products/?',
      view_referrer: 'http://localhost:3000/',
    });
    expect(routeChange?.fields.view_url_query).toBe('{"tab":"2"}');
    expect(latest('/')?.fields).toMatchObject({ is_active: false, time_spent: 5_000_000_000 });
  });

  it('measures a route change’s loading time until the page settles', async () => {
    start();
    history.pushState({}, '', '/products');
    await vi.advanceTimersByTimeAsync(40);
    document.body.append(document.createElement('ul'));
    await vi.advanceTimersByTimeAsync(UPDATE_THROTTLE + 200);
    expect(latest('/products')?.fields.loading_time).toBe(40_000_000);
  });

  it('keeps the view for query changes and anchors, but not for hash routes', () => {
    start();
    document.body.innerHTML = '<h2 id="reviews">Reviews</h2>';
    history.pushState({}, '', '/?sort=price');
    location.hash = '#reviews';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(new Set(sent().map((p) => p.tags.view_id)).size).toBe(1);
    location.hash = '#/cart';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(new Set(sent().map((p) => p.tags.view_id)).size).toBe(2);
    expect(isNewView('https://a.example/x', 'https://a.example/y')).toBe(true);
  });

  it('re-sends a view as its counters grow, at most every 3 s, and every 5 min anyway', async () => {
    start();
    const viewId = String(sent()[0]?.tags.view_id);
    for (const type of ['error', 'resource', 'resource', 'long_task', 'action'] as const) {
      recorded.lifeCycle.assembled.notify({
        type,
        date: 0,
        context: {},
        viewId,
        actionFrustrationTypes: type === 'action' ? ['dead_click'] : undefined,
      });
    }
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(UPDATE_THROTTLE);
    expect(sent()).toHaveLength(2);
    expect(sent()[1]?.fields).toMatchObject({
      view_error_count: 1,
      view_resource_count: 2,
      view_long_task_count: 1,
      view_action_count: 1,
      frustration_count: 1,
    });
    const before = sent().length;
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE);
    expect(sent().length).toBe(before + 1);
  });

  it('with trackViewsManually, follows startView() only', () => {
    start({ trackViewsManually: true }, { name: 'Home' });
    history.pushState({}, '', '/products');
    views.startView({ name: 'Checkout', service: 'shop-web', version: '2.0' });
    const names = sent().map((p) => p.tags.view_name);
    expect([...new Set(names)]).toEqual(['Home', 'Checkout']);
    expect(views.findView(performance.now())).toMatchObject({
      service: 'shop-web',
      version: '2.0',
    });
  });

  it('records addTiming and setViewName on the current view', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1500);
    views.addTiming('hero image', undefined);
    views.addTiming('api_ready', 320);
    views.setViewName('Home page');
    const point = sent().pop();
    expect(JSON.parse(String(point?.fields.custom_timings))).toEqual({
      hero_image: 1_500_000_000,
      api_ready: 320_000_000,
    });
    expect(point?.tags.view_name).toBe('Home page');
  });

  it('sends the view when the page is hidden, and ends it when the page goes away', () => {
    start();
    recorded.lifeCycle.pageExit.notify({ unload: false });
    expect(sent().pop()?.fields.is_active).toBe(true);
    recorded.lifeCycle.pageExit.notify({ unload: true });
    expect(sent().pop()?.fields.is_active).toBe(false);
  });

  it('ends the view with its session and starts one with the next session', () => {
    start();
    views.onSessionExpired();
    expect(sent().pop()?.fields).toMatchObject({ is_active: false, session_is_active: false });
    views.onSessionRenewed();
    expect(sent().pop()?.tags.view_loading_type).toBe('route_change');
  });

  it('puts web vitals on the view they belong to, selectors included', async () => {
    start();
    history.pushState({}, '', '/products');
    const [initial, products] = [...new Set(sent().map((p) => p.tags.view_id))];
    const metric = (name: string, value: number, extra: Partial<Metric> = {}) =>
      ({ name, value, entries: [], navigationType: 'navigate', ...extra }) as unknown as Metric;
    document.body.innerHTML = '<img id="hero">';
    vital(metric('LCP', 1200), () => ({ largestContentfulPaint: 1_200_000_000 }));
    vital(
      metric('LCP', 300, {
        navigationType: 'soft-navigation',
        navigationURL: 'http://localhost:3000/products',
        navigationStartTime: performance.now(),
      }),
      () => ({
        largestContentfulPaint: 300_000_000,
      }),
    );
    await vi.advanceTimersByTimeAsync(UPDATE_THROTTLE);
    const byId = (id: unknown) =>
      sent()
        .filter((p) => p.tags.view_id === id)
        .pop();
    expect(byId(initial)?.fields.largest_contentful_paint).toBe(1_200_000_000);
    expect(byId(products)?.fields.largest_contentful_paint).toBe(300_000_000);
  });
});

describe('view versions', () => {
  it('carry the same date, so the server can upsert them on view_id and date', () => {
    const recorded = recordLifeCycle();
    const location_ = observeLocation();
    const views = startViewCollection(recorded.lifeCycle, makeConfig(), {
      locationChanges: location_.changes,
      startVitals: () => {},
    });
    const dates = new Set<number>();
    const now = Date.now.bind(Date);
    for (let i = 0; i < 5; i++) {
      // The device clock moves (NTP, the user): performance.now() does not.
      vi.spyOn(Date, 'now').mockImplementation(() => now() + 7 * (i + 1));
      views.addTiming(`t${i}`, undefined);
      vi.restoreAllMocks();
    }
    for (const raw of recorded.of('view')) dates.add(raw.date);
    views.stop();
    location_.stop();
    expect(recorded.of('view').length).toBe(6);
    expect(dates.size).toBe(1);
  });
});
