// The explorer end to end: the SDK on the test shop reports a visit to the real server (DuckDB
// in a temp dir), then the explorer in the demo console's real build finds that session with a
// search, opens it, and shows its views, the failed request and the error with its stack. Every
// step is in the URL, so the browser's back button walks back through it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from './support/axe.js';
import { browserForFile, collectPageProblems, screenshot } from './support/browser.js';
import { buildConsole, consoleApp } from './support/console.js';
import { rumServerForFile } from './support/rum-server.js';
import { eventually, flushSdk } from './support/sdk-page.js';
import { createSite, sdkBundle } from './support/sdk-site.js';
import { playVisit } from './support/sdk-visit.js';
import { listen, type Served, serverForFile } from './support/serve.js';

const APP = 'shop_explorer';
const USER = 'explorer-user-7';
const outDir = mkdtempSync(path.join(tmpdir(), 'rumkit-explorer-'));

beforeAll(() => buildConsole(outDir), 120_000);
const rum = rumServerForFile({ env: { RUMKIT_GEO: 'off' } });
const browser = browserForFile();
const front = serverForFile(() =>
  consoleApp(outDir, () => ({ origin: rum().origin, apiKey: rum().workspaceKey })),
);
let site: Served | undefined;
afterAll(async () => {
  await site?.close();
});

/** One visit of the test shop by USER, reported by the SDK to the real server. */
async function reportVisit() {
  await rum().registerApp(APP);
  const shop = createSite({
    head: '<script src="/assets/rumkit.js"></script><script src="/assets/init.js"></script>',
    assets: {
      'rumkit.js': sdkBundle(),
      'init.js': `RUMKIT.init({ applicationId: '${APP}', datakitOrigin: '${rum().origin}', env: 'e2e', trackUserInteractions: true, allowedTracingUrls: [/\\/api\\//] });
        RUMKIT.setUser({ id: '${USER}', name: 'Ann' });`,
    },
  });
  site = await listen(shop.app);
  const page = await browser().newPage();
  await playVisit(page, site.origin);
  await flushSdk(page);
  await page.close();
  await eventually(
    async () =>
      (await rum().events('view', { appId: APP })).some((v) => v.view_path === '/products/42') &&
      (await rum().events('error', { appId: APP })).length >= 2,
    20_000,
  );
}

const drawer = (page: Page) => page.locator('aside.rk-drawer');

describe('the explorer in the demo console', () => {
  beforeAll(reportVisit, 60_000);

  it('finds the visit by its user, opens it, and shows its views, failed request and error stack', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } });
    const problems = collectPageProblems(page);
    await page.addInitScript(() => localStorage.setItem('rumkit-console-locale', 'en'));
    await page.goto(`${front().origin}/#/explorer?range=1h`);
    await page.locator('.rk-explorer[data-state="ready"]').waitFor();

    // A search typed in the bar, committed with Enter, goes into the URL.
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(`userid:${USER}`);
    await search.press('Enter');
    await page.waitForURL(/query=userid%3Aexplorer-user-7/);
    await expect
      .poll(() => page.locator('.rk-events-row[aria-rowindex]:not([aria-rowindex="1"])').count())
      .toBe(1);
    const row = page.locator('.rk-events-row[aria-rowindex="2"]');
    await expect.poll(() => row.getAttribute('data-status')).toBe('warning');
    await screenshot(page, 'explorer-1-session-found');
    expect(await axe(page)).toEqual([]);

    // The session's timeline lists its three views.
    await row.click();
    await page.waitForURL(/detail=session%3A/);
    const timeline = drawer(page).locator('.rk-timeline');
    await timeline.waitFor();
    const views = await timeline.locator('.rk-timeline-view .rk-timeline-sub').allTextContents();
    expect(views.map((url) => new URL(url).pathname)).toEqual(['/', '/products', '/products/42']);
    await screenshot(page, 'explorer-2-session-timeline');

    // The /products view: its Fetch/XHR tab has the request that failed, with its status.
    await timeline.locator('.rk-timeline-view', { hasText: '/products' }).first().click();
    await page.waitForURL(/detail=view%3A/);
    await drawer(page).getByRole('tab', { name: 'Fetch/XHR' }).click();
    const failed = drawer(page).locator('tr', { hasText: '/api/fail' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('500');
    await screenshot(page, 'explorer-3-view-fetch');

    // Its errors tab opens the uncaught error, whose stack is shown frame by frame.
    await drawer(page)
      .getByRole('tab', { name: /Errors/ })
      .click();
    await drawer(page)
      .getByRole('button', { name: /the cart exploded/ })
      .click();
    await page.waitForURL(/detail=error%3A/);
    await drawer(page).getByRole('button', { name: 'Copy stack' }).waitFor();
    expect(await drawer(page).getByRole('heading', { level: 2 }).textContent()).toContain(
      'the cart exploded',
    );
    // The frames of the stack as the SDK sent it: the shop's script threw.
    const files = await drawer(page).locator('.rk-stack-frame .rk-stack-file').allTextContents();
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => file.endsWith('/site/app.js'))).toBe(true);
    await screenshot(page, 'explorer-4-error-stack');

    // The back button walks back through every step: the view's tabs, the view, the session.
    for (const step of [/detail=view%3A.*tab=errors/, /detail=view%3A.*tab=fetch/]) {
      await page.goBack();
      await page.waitForURL(step);
    }
    await page.goBack();
    await page.waitForURL((url) => /detail=view%3A/.test(url.hash) && !/tab=/.test(url.hash));
    await page.goBack();
    await page.waitForURL(/detail=session%3A/);
    await drawer(page).locator('.rk-timeline').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
