// The SDK in real Chromium on the test shop, reporting to a stand-in intake: what a visit
// sends, with compression, under a strict Content-Security-Policy, and through the async
// loader snippet. (sdk-server.test.ts sends the same visit to the real server.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Point } from '@rumkit/core/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems } from './support/browser.js';
import { eventually, flushSdk, latestViews, points, schemaProblems } from './support/sdk-page.js';
import { createSite, SDK_DIST, type Site, sdkBundle } from './support/sdk-site.js';
import { playVisit } from './support/sdk-visit.js';
import { listen, type Served } from './support/serve.js';

const browser = browserForFile();
const running: Served[] = [];
afterAll(async () => {
  for (const served of running) await served.close();
});

async function serve(site: Site): Promise<string> {
  const served = await listen(site.app);
  running.push(served);
  return served.origin;
}

/** The init call; `options` is JavaScript source for more options (RegExps allowed). */
const initScript = (options: string) =>
  `RUMKIT.init({ applicationId: 'shop_web', datakitOrigin: location.origin, env: 'e2e', version: '1.0.0', trackUserInteractions: true, ${options} });`;

function scriptSite(options = '', extra: Partial<Parameters<typeof createSite>[0]> = {}) {
  return createSite({
    head: '<script src="/assets/rumkit.js"></script><script src="/assets/init.js"></script>',
    assets: { 'rumkit.js': sdkBundle(), 'init.js': initScript(options) },
    intake: {},
    ...extra,
  });
}

const byType = (all: Point[], type: string) => all.filter((p) => p.measurement === type);

describe('the SDK in Chromium', () => {
  it('reports a visit whole: views, resources, errors, actions and long tasks, linked and sane', async () => {
    const site = scriptSite(
      "allowedTracingUrls: [{ match: /\\/api\\//, traceType: 'w3c_traceparent' }]",
    );
    const origin = await serve(site);
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    const startedAt = Date.now();
    await playVisit(page, origin);
    await flushSdk(page);
    await page.close();

    const all = points(site.received);
    for (const point of all)
      expect(schemaProblems(point), `${point.measurement} ${JSON.stringify(point.tags)}`).toEqual(
        [],
      );
    expect(new Set(all.map((p) => p.tags.session_id)).size).toBe(1);
    for (const point of all) {
      expect(point.time).toBeGreaterThan(startedAt - 60_000);
      expect(point.time).toBeLessThan(Date.now());
    }

    const views = latestViews(all);
    const view = (p: string) => views.find((v) => v.tags.view_path === p) as Point;
    expect(views.map((v) => [v.tags.view_path, v.tags.view_loading_type])).toEqual([
      ['/', 'initial_load'],
      ['/products', 'route_change'],
      ['/products/42', 'route_change'],
    ]);
    const home = view('/');
    expect(home.fields).toMatchObject({ is_active: false });
    expect(Number(home.fields.loading_time)).toBeGreaterThan(0);
    expect(Number(home.fields.first_contentful_paint)).toBeGreaterThan(0);
    expect(Number(home.fields.largest_contentful_paint)).toBeGreaterThan(0);
    expect(home.fields.largest_contentful_paint_element_selector).toBeTruthy();
    expect(Number(home.fields.load_event)).toBeGreaterThan(0);
    const products = view('/products');
    expect(Number(products.fields.time_spent)).toBeGreaterThan(5e9);
    expect(Number(products.fields.view_error_count)).toBeGreaterThanOrEqual(2);
    expect(Number(products.fields.view_action_count)).toBeGreaterThanOrEqual(5);
    expect(Number(products.fields.view_long_task_count)).toBeGreaterThanOrEqual(1);
    expect(Number(products.fields.frustration_count)).toBeGreaterThanOrEqual(2);
    expect(products.tags.view_referrer).toBe(`${origin}/`);

    const viewIds = new Set(views.map((v) => v.tags.view_id));
    for (const point of all) expect(viewIds.has(point.tags.view_id as string)).toBe(true);

    const actions = byType(all, 'action');
    const action = (name: string) => actions.find((a) => a.fields.action_name === name) as Point;
    expect(action('Load items').tags.view_id).toBe(products.tags.view_id);
    expect(Number(action('Load items').fields.duration)).toBeGreaterThan(0);
    expect(JSON.parse(String(action('Explode').fields.action_frustration_types))).toContain(
      'error_click',
    );
    expect(JSON.parse(String(action('Buy now').fields.action_frustration_types))).toEqual([
      'rage_click',
      'dead_click',
    ]);
    expect(actions.filter((a) => a.fields.action_name === 'Buy now')).toHaveLength(1);

    const resources = byType(all, 'resource');
    const items = resources.find((r) =>
      String(r.fields.resource_url).includes('/api/items'),
    ) as Point;
    expect(items.tags).toMatchObject({
      resource_status: '200',
      resource_method: 'GET',
      view_id: products.tags.view_id,
    });
    expect(items.tags.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(items.fields.action_id).toBe(action('Load items').fields.action_id);
    expect(
      resources.find((r) => String(r.fields.resource_url).includes('/api/fail'))?.tags
        .resource_status,
    ).toBe('500');
    const document_ = resources.find((r) => r.fields.resource_type === 'document') as Point;
    expect(document_.tags.view_id).toBe(home.tags.view_id);

    const errors = byType(all, 'error');
    const network = errors.find((e) => e.tags.error_source === 'network') as Point;
    expect(network.fields.error_message).toBe(
      `Network request failed: GET ${origin}/api/fail (500)`,
    );
    expect(network.fields.action_id).toBe(action('Break the server').fields.action_id);
    const uncaught = errors.find((e) => e.tags.error_source === 'source') as Point;
    expect(uncaught.tags.error_type).toBe('TypeError');
    expect(uncaught.fields.error_message).toBe('the cart exploded');
    expect(uncaught.fields.error_stack).toMatch(
      new RegExp(`^TypeError: the cart exploded\\n  at .+ @ ${origin}/site/app\\.js:\\d+:\\d+`),
    );

    const longTasks = byType(all, 'long_task').filter(
      (t) => t.tags.view_id === products.tags.view_id,
    );
    expect(longTasks.some((t) => Number(t.fields.duration) >= 150e6)).toBe(true);
    expect(longTasks.some((t) => String(t.fields.scripts).includes('app.js'))).toBe(true);

    expect(
      problems.filter((p) => !p.includes('the cart exploded') && !p.includes('/api/fail')),
    ).toEqual([]);
  });

  it('with compressIntakeRequests, deflates what it sends while the page lives', async () => {
    const site = scriptSite('compressIntakeRequests: true');
    const origin = await serve(site);
    const page = await browser().newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(() => {
      for (let i = 0; i < 60; i++)
        (window as never as { RUMKIT: { addAction(n: string): void } }).RUMKIT.addAction(`a${i}`);
    });
    await eventually(() => site.received.length > 0);
    await flushSdk(page);
    await page.close();
    const compressed = site.received.filter((r) => r.query.encoding === 'deflate');
    expect(compressed.length).toBeGreaterThan(0);
    expect(compressed[0]?.bytes).toBeLessThan(Buffer.byteLength(compressed[0]?.body as string) / 3);
    const actions = byType(points(site.received), 'action').map((p) => p.fields.action_name);
    expect(actions).toHaveLength(60);
  });

  it('runs under a strict Content-Security-Policy: no inline script, no blob: worker, compression on', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'none'";
    const site = scriptSite('compressIntakeRequests: true', { csp });
    const origin = await serve(site);
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as never as { violations: string[] }).violations ??= [];
        (window as never as { violations: string[] }).violations.push(event.violatedDirective);
      });
    });
    await page.goto(`${origin}/`);
    await page.evaluate(() => {
      for (let i = 0; i < 60; i++)
        (window as never as { RUMKIT: { addAction(n: string): void } }).RUMKIT.addAction(`a${i}`);
    });
    await eventually(() => site.received.some((r) => r.query.encoding === 'deflate'));
    expect(
      await page.evaluate(() => (window as never as { violations?: string[] }).violations ?? []),
    ).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
    expect(byType(points(site.received), 'error')).toEqual([]);
  });

  it('queues calls made before the script arrives, through the async loader snippet', async () => {
    const snippet = readFileSync(path.join(SDK_DIST, 'loader.min.js'), 'utf8').replace(
      'https://YOUR.CDN/rumkit.js',
      '/assets/rumkit.js',
    );
    const site = createSite({
      head: `<script>${snippet}
        RUMKIT.onReady(function () { RUMKIT.init({ applicationId: 'shop_web', datakitOrigin: location.origin }); });
        RUMKIT.setGlobalContextProperty('entry', 'snippet');
        RUMKIT.addAction('before the script');</script>`,
      assets: { 'rumkit.js': sdkBundle() },
      delays: { 'rumkit.js': 800 },
      intake: {},
    });
    const origin = await serve(site);
    const page = await browser().newPage();
    // The load event would wait for the async script; DOMContentLoaded does not.
    await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    expect(
      await page.evaluate(() => typeof (window as never as { RUMKIT: { q?: unknown[] } }).RUMKIT.q),
    ).toBe('object');
    await page.waitForFunction(() => !(window as never as { RUMKIT: { q?: unknown[] } }).RUMKIT.q);
    await flushSdk(page);
    await page.close();
    const [action] = byType(points(site.received), 'action');
    expect(action?.fields).toMatchObject({ action_name: 'before the script', entry: 'snippet' });
  });
});
