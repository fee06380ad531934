// The SDK in Chromium reporting a visit of the test shop to the real rumkit server (DuckDB in
// a temp dir, cross-origin like a real deployment): what the server stores is linked
// (session_id, view_id, action_id) and sane, with and without compressIntakeRequests.
import { afterAll, describe, expect, it } from 'vitest';
import { browserForFile } from './support/browser.js';
import { rumServerForFile } from './support/rum-server.js';
import { eventually, flushSdk } from './support/sdk-page.js';
import { createSite, sdkBundle } from './support/sdk-site.js';
import { playVisit } from './support/sdk-visit.js';
import { listen, type Served } from './support/serve.js';

const browser = browserForFile();
const rum = rumServerForFile();
const sites: Served[] = [];
afterAll(async () => {
  for (const site of sites) await site.close();
});

type Row = Record<string, unknown>;

async function visit(appId: string, extraOptions = '') {
  await rum().registerApp(appId);
  const site = createSite({
    head: '<script src="/assets/rumkit.js"></script><script src="/assets/init.js"></script>',
    assets: {
      'rumkit.js': sdkBundle(),
      'init.js': `RUMKIT.init({ applicationId: '${appId}', datakitOrigin: '${rum().origin}', env: 'e2e', version: '1.0.0', trackUserInteractions: true, allowedTracingUrls: [/\\/api\\//], ${extraOptions} });
        RUMKIT.setUser({ id: 'user-7', name: 'Ann' });`,
    },
  });
  const served = await listen(site.app);
  sites.push(served);
  const page = await browser().newPage();
  await playVisit(page, served.origin);
  await flushSdk(page);
  await page.close();

  const events = (category: 'view' | 'resource' | 'error' | 'action' | 'long_task') =>
    rum().events(category, { appId }) as Promise<Row[]>;
  // Ingest is asynchronous: wait until the last view (the one left open) has arrived.
  await eventually(
    async () => (await events('view')).some((v) => v.view_path === '/products/42'),
    20_000,
  );
  const [views, resources, errors, actions, longTasks] = await Promise.all(
    (['view', 'resource', 'error', 'action', 'long_task'] as const).map(events),
  );
  return {
    origin: served.origin,
    views: views as Row[],
    resources: resources as Row[],
    errors: errors as Row[],
    actions: actions as Row[],
    longTasks: longTasks as Row[],
  };
}

function expectLinkedVisit(stored: Awaited<ReturnType<typeof visit>>) {
  const { views, resources, errors, actions, longTasks } = stored;
  const all = [...views, ...resources, ...errors, ...actions, ...longTasks];
  expect(new Set(all.map((row) => row.session_id)).size).toBe(1);
  expect(new Set(all.map((row) => row.userid))).toEqual(new Set(['user-7']));

  // The server keeps one record per view: the latest version.
  expect(views.map((v) => v.view_path).sort()).toEqual(['/', '/products', '/products/42']);
  const view = (path: string) => views.find((v) => v.view_path === path) as Row;
  expect(view('/').view_loading_type).toBe('initial_load');
  expect(Number(view('/').loading_time)).toBeGreaterThan(0);
  expect(Number(view('/').largest_contentful_paint)).toBeGreaterThan(0);
  expect(Number(view('/products').time_spent)).toBeGreaterThan(5e9);
  expect(Number(view('/products').view_error_count)).toBeGreaterThanOrEqual(2);
  const viewIds = new Set(views.map((v) => v.view_id));
  for (const row of all) expect(viewIds.has(row.view_id)).toBe(true);

  const products = view('/products').view_id;
  const action = (name: string) => actions.find((a) => a.action_name === name) as Row;
  expect(action('Load items')).toMatchObject({ action_type: 'click', view_id: products });
  expect(String(action('Buy now').action_frustration_types)).toContain('rage_click');

  const items = resources.find((r) => String(r.resource_url).includes('/api/items')) as Row;
  expect(items).toMatchObject({ view_id: products, action_id: action('Load items').action_id });
  expect(Number(items.resource_status)).toBe(200);
  expect(items.trace_id).toBeTruthy();
  expect(
    Number(resources.find((r) => String(r.resource_url).includes('/api/fail'))?.resource_status),
  ).toBe(500);

  const uncaught = errors.find((e) => e.error_source === 'source') as Row;
  expect(uncaught).toMatchObject({
    error_type: 'TypeError',
    error_message: 'the cart exploded',
    view_id: products,
  });
  const network = errors.find((e) => e.error_source === 'network') as Row;
  expect(network.action_id).toBe(action('Break the server').action_id);

  expect(longTasks.some((t) => t.view_id === products && Number(t.duration) >= 150e6)).toBe(true);
  for (const row of [...resources, ...longTasks, ...actions]) {
    if (row.duration !== undefined && row.duration !== null) {
      expect(Number(row.duration)).toBeGreaterThanOrEqual(0);
      expect(Number(row.duration)).toBeLessThan(60e9);
    }
  }
}

describe('the SDK reporting to the real server', () => {
  it('stores a visit with its sessions, views, resources, errors, actions and long tasks linked', async () => {
    expectLinkedVisit(await visit('shop_web'));
    const sessions = (await rum().sessions({ appId: 'shop_web' })) as Row[];
    expect(sessions).toHaveLength(1);
  });

  it('stores the same visit sent with compressIntakeRequests', async () => {
    expectLinkedVisit(await visit('shop_web_deflate', 'compressIntakeRequests: true'));
  });
});
