import { decodeLines, type Point } from '@rumkit/core/protocol';
import { checkPoint } from '@rumkit/core/schema';
import { describe, expect, it } from 'vitest';
import {
  defaultReleases,
  generateBatches,
  generateTraffic,
  type TrafficBatch,
  type TrafficOptions,
  trafficBodies,
  trafficRequests,
} from './traffic.js';

const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 10, 16); // a Monday, 00:00 UTC

function options(overrides: Partial<TrafficOptions> = {}): TrafficOptions {
  return {
    apps: [
      { appId: 'shop_web', type: 'web' },
      { appId: 'shop_android', type: 'android', env: 'prod' },
      { appId: 'shop_miniapp', type: 'miniapp' },
      { appId: 'shop_ios', type: 'ios' },
    ],
    from: FROM,
    to: FROM + 12 * HOUR,
    sessionsPerHour: 6,
    seed: 42,
    ...overrides,
  };
}

const batchesOf = (o: TrafficOptions): TrafficBatch[] => [...generateBatches(o)];
const pointsOf = (batches: TrafficBatch[]): Point[] => batches.flatMap((b) => b.points);

function p75(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)] as number;
}

describe('generateTraffic', () => {
  it('sends only points that fit the schema, as SDK batches of at most 50', () => {
    const batches = batchesOf(options());
    const points = pointsOf(batches);
    expect(points.length).toBeGreaterThan(5000);
    for (const point of points) expect(checkPoint(point)).toEqual([]);
    for (const batch of batches) {
      expect(batch.points.length).toBeGreaterThan(0);
      expect(batch.points.length).toBeLessThanOrEqual(50);
    }
    const kinds = new Set(points.map((p) => p.measurement));
    expect([...kinds].sort()).toEqual(['action', 'error', 'long_task', 'resource', 'view']);
  });

  it('looks like the real SDK payload: its tags, in its places, durations in ns', () => {
    const points = pointsOf(batchesOf(options({ apps: [{ appId: 'shop_web', type: 'web' }] })));
    // Views left before they finished loading have no loading_time, as in the SDK.
    const finished = points.filter(
      (p) =>
        p.measurement === 'view' &&
        p.tags.view_loading_type === 'initial_load' &&
        p.tags.is_active === 'false',
    );
    const loaded = finished.filter((p) => p.fields.loading_time !== undefined);
    expect(loaded.length / finished.length).toBeGreaterThan(0.8);
    const view = loaded[0];
    expect(Object.keys(view?.tags ?? {})).toEqual(
      expect.arrayContaining([
        'sdk_name',
        'sdk_version',
        'app_id',
        'env',
        'version',
        'service',
        'userid',
        'session_id',
        'session_type',
        'is_signin',
        'os',
        'os_version',
        'os_version_major',
        'browser',
        'browser_version',
        'browser_version_major',
        'screen_size',
        'network_type',
        'view_id',
        'view_url',
        'view_host',
        'view_path',
        'view_path_group',
        'view_url_query',
        'view_loading_type',
        'view_apdex_level',
        'is_active',
      ]),
    );
    expect(view?.tags.sdk_name).toBe('df_web_rum_sdk');
    expect(Object.keys(view?.fields ?? {})).toEqual(
      expect.arrayContaining([
        'view_error_count',
        'view_resource_count',
        'loading_time',
        'time_spent',
      ]),
    );
    const resource = points.find((p) => p.measurement === 'resource' && p.fields.resource_ttfb);
    expect(resource?.tags).toMatchObject({ resource_method: 'GET' });
    expect(Object.keys(resource?.fields ?? {})).toEqual(
      expect.arrayContaining([
        'duration',
        'resource_dns',
        'resource_tcp',
        'resource_ttfb',
        'resource_trans',
      ]),
    );
    for (const point of points) {
      expect(Number.isInteger(point.time)).toBe(true);
      for (const key of ['duration', 'time_spent', 'loading_time', 'largest_contentful_paint']) {
        const value = point.fields[key];
        if (value !== undefined) {
          expect(Number.isInteger(value)).toBe(true);
          // Nanoseconds: at least 100 µs steps, and no view or task lasts more than a day.
          expect(Number(value) % 100_000).toBe(0);
          expect(Number(value)).toBeLessThan(24 * HOUR * 1e6);
        }
      }
    }
  });

  it('links every event to a view of its own session', () => {
    const points = pointsOf(batchesOf(options()));
    const sessionOfView = new Map<string, string>();
    for (const p of points)
      if (p.measurement === 'view')
        sessionOfView.set(p.tags.view_id as string, p.tags.session_id as string);
    const children = points.filter((p) => p.measurement !== 'view');
    expect(children.length).toBeGreaterThan(0);
    for (const p of children) {
      expect(sessionOfView.get(p.tags.view_id as string)).toBe(p.tags.session_id);
    }
  });

  it('re-sends each view 2 to 4 times with the same start and growing numbers, the last inactive', () => {
    const views = new Map<string, Point[]>();
    for (const batch of generateBatches(options())) {
      const inBatch = batch.points
        .filter((p) => p.measurement === 'view')
        .map((p) => p.tags.view_id);
      expect(new Set(inBatch).size).toBe(inBatch.length); // one version of a view per batch
      for (const p of batch.points) {
        if (p.measurement === 'view')
          views.set(p.tags.view_id as string, [...(views.get(p.tags.view_id as string) ?? []), p]);
      }
    }
    let complete = 0;
    for (const versions of views.values()) {
      expect(versions.length).toBeLessThanOrEqual(4);
      expect(new Set(versions.map((v) => v.time)).size).toBe(1);
      for (let i = 1; i < versions.length; i++) {
        const [before, after] = [versions[i - 1] as Point, versions[i] as Point];
        expect(after.fields.time_spent).toBeGreaterThan(before.fields.time_spent as number);
        for (const count of ['view_resource_count', 'view_error_count', 'view_action_count']) {
          expect(after.fields[count]).toBeGreaterThanOrEqual(before.fields[count] as number);
        }
        expect(before.tags.is_active).toBe('true');
      }
      if (versions.at(-1)?.tags.is_active === 'false') {
        complete++;
        expect(versions.length).toBeGreaterThanOrEqual(2);
      }
    }
    // Only views still open when the range ends miss their last version.
    expect(complete / views.size).toBeGreaterThan(0.97);
  });

  it('gives the same traffic for the same seed and different traffic for another', () => {
    const a = [...trafficBodies(options({ to: FROM + 2 * HOUR }))];
    const b = [...trafficBodies(options({ to: FROM + 2 * HOUR }))];
    const c = [...trafficBodies(options({ to: FROM + 2 * HOUR, seed: 43 }))];
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('sends batches in time order, none after the end of the range', () => {
    const o = options();
    let last = -Infinity;
    for (const batch of generateBatches(o)) {
      expect(batch.sentAt).toBeGreaterThanOrEqual(last);
      expect(batch.sentAt).toBeLessThanOrEqual(o.to);
      for (const p of batch.points) expect(p.time).toBeLessThanOrEqual(batch.sentAt);
      last = batch.sentAt;
    }
  });

  it('follows a daily rhythm: afternoons are busier than nights', () => {
    const o = options({
      apps: [{ appId: 'shop_web', type: 'web' }],
      to: FROM + 24 * HOUR,
      sessionsPerHour: 40,
    });
    const starts = new Map<string, number>();
    for (const p of generateTraffic(o))
      for (const point of p)
        if (!starts.has(point.tags.session_id as string))
          starts.set(point.tags.session_id as string, point.time as number);
    const hourOf = (t: number) => new Date(t).getUTCHours();
    const sessions = [...starts.values()];
    const night = sessions.filter((t) => hourOf(t) >= 0 && hourOf(t) < 5).length;
    const afternoon = sessions.filter((t) => hourOf(t) >= 12 && hourOf(t) < 17).length;
    expect(afternoon).toBeGreaterThan(night * 3);
    // About sessionsPerHour on average over the day.
    expect(sessions.length / 24).toBeGreaterThan(30);
    expect(sessions.length / 24).toBeLessThan(50);
  });

  it('plants a slow page: the product page has a p75 LCP several times the others', () => {
    const o = options({
      apps: [{ appId: 'shop_web', type: 'web' }],
      to: FROM + 24 * HOUR,
      sessionsPerHour: 20,
    });
    const lcp = new Map<string, number>();
    const group = new Map<string, string>();
    for (const p of pointsOf(batchesOf(o))) {
      if (p.measurement === 'view' && p.fields.largest_contentful_paint !== undefined) {
        lcp.set(p.tags.view_id as string, p.fields.largest_contentful_paint as number);
        group.set(p.tags.view_id as string, p.tags.view_path_group as string);
      }
    }
    const slow = [...lcp].filter(([id]) => group.get(id) === '/products/?').map(([, v]) => v);
    const others = [...lcp].filter(([id]) => group.get(id) !== '/products/?').map(([, v]) => v);
    expect(slow.length).toBeGreaterThan(50);
    expect(p75(slow)).toBeGreaterThan(3 * p75(others));
    expect(p75(others)).toBeLessThan(2.5e9); // the rest of the site is "good" (< 2.5 s)
  });

  it('plants an error burst: the release raises the JS error rate until the hotfix', () => {
    const to = FROM + 48 * HOUR;
    const [, release, hotfix] = defaultReleases(FROM, to);
    expect(release?.version).toBe('2.4.0');
    const o = options({ apps: [{ appId: 'shop_web', type: 'web' }], to, sessionsPerHour: 20 });
    const views: Record<string, Set<string>> = {};
    const errors: Record<string, number> = {};
    for (const p of pointsOf(batchesOf(o))) {
      const version = p.tags.version as string;
      if (p.measurement === 'view') {
        views[version] = (views[version] ?? new Set()).add(p.tags.view_id as string);
      }
      if (p.measurement === 'error' && p.tags.error_source !== 'network')
        errors[version] = (errors[version] ?? 0) + 1;
    }
    const rate = (v: string) => (errors[v] ?? 0) / (views[v]?.size ?? 1);
    expect(Object.keys(views).sort()).toEqual(['2.3.0', '2.4.0', '2.4.1']);
    expect(rate('2.4.0')).toBeGreaterThan(3 * rate('2.3.0'));
    expect(rate('2.4.1')).toBeLessThan(2 * rate('2.3.0'));
    expect(hotfix?.since).toBeGreaterThan(release?.since as number);
  });

  it('includes failing requests, traced calls, network errors, rage clicks and long tasks', () => {
    const points = pointsOf(
      batchesOf(
        options({
          apps: [{ appId: 'shop_web', type: 'web' }],
          to: FROM + 24 * HOUR,
          sessionsPerHour: 10,
        }),
      ),
    );
    const resources = points.filter((p) => p.measurement === 'resource');
    const groups = new Set(resources.map((p) => p.tags.resource_status_group));
    expect(groups).toEqual(new Set(['2xx', '3xx', '4xx', '5xx', undefined]));
    expect(resources.some((p) => p.tags.trace_id && p.tags.span_id)).toBe(true);
    const network = points.filter(
      (p) => p.measurement === 'error' && p.tags.error_source === 'network',
    );
    expect(network.length).toBeGreaterThan(0);
    for (const e of network) expect(e.tags.resource_url).toMatch(/^https:\/\/api\./);
    const js = points.find((p) => p.measurement === 'error' && p.tags.error_source === 'source');
    expect(js?.fields.error_stack).toMatch(/\n\tat \S+ @ https:\/\/\S+\.js:\d+:\d+/);
    const actions = points.filter((p) => p.measurement === 'action');
    expect(actions.some((p) => p.fields.action_frustration_types === '["rage_click"]')).toBe(true);
    expect(actions.every((p) => typeof p.fields.action_name === 'string')).toBe(true);
    expect(
      points.some((p) => p.measurement === 'long_task' && (p.fields.duration as number) > 50e6),
    ).toBe(true);
    const routeChanges = points.filter(
      (p) => p.measurement === 'view' && p.tags.view_loading_type === 'route_change',
    );
    expect(routeChanges.length).toBeGreaterThan(0);
  });

  it('sends each platform with its own SDK name and device tags', () => {
    const points = pointsOf(batchesOf(options({ to: FROM + 3 * HOUR })));
    const sdk = (appId: string) =>
      new Set(points.filter((p) => p.tags.app_id === appId).map((p) => p.tags.sdk_name));
    expect(sdk('shop_web')).toEqual(new Set(['df_web_rum_sdk']));
    expect(sdk('shop_android')).toEqual(new Set(['df_android_rum_sdk']));
    expect(sdk('shop_ios')).toEqual(new Set(['df_ios_rum_sdk']));
    expect(sdk('shop_miniapp')).toEqual(new Set(['df_miniapp_rum_sdk']));
    const android = points.find(
      (p) => p.tags.app_id === 'shop_android' && p.measurement === 'view',
    );
    expect(android?.tags).toMatchObject({
      os: 'Android',
      env: 'prod',
      view_name: expect.any(String),
    });
    expect(android?.tags.model).toBeDefined();
    const mini = points.find((p) => p.tags.app_id === 'shop_miniapp' && p.measurement === 'view');
    expect(mini?.tags).toMatchObject({
      platform: 'wechat',
      view_path: expect.stringMatching(/^pages\//),
    });
  });

  it('encodes batches as line protocol that decodes back to the same points', () => {
    const o = options({ to: FROM + HOUR });
    const batches = batchesOf(o);
    const bodies = [...trafficBodies(o)];
    expect(bodies).toHaveLength(batches.length);
    expect(decodeLines(bodies[0] as string, { precision: 'ms' })).toEqual(
      (batches[0] as TrafficBatch).points,
    );
  });

  it('cuts the stream into bodies of exactly N points for load tests', () => {
    const o = options({ to: FROM + 2 * HOUR });
    const total = pointsOf(batchesOf(o)).length;
    const requests = [...trafficRequests(o, { pointsPerBody: 50 })];
    expect(requests.slice(0, -1).every((r) => r.points === 50)).toBe(true);
    expect(requests.reduce((n, r) => n + r.points, 0)).toBe(total);
    expect(decodeLines((requests[0] as { body: string }).body)).toHaveLength(50);
    expect(requests[0]?.clientIp).toMatch(/^[\d.]+$|:/);
  });
});
