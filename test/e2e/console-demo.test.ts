// The demo console (examples/console), built with Vite, in Chromium against the real server.
// The console is a static site that reads its key from /demo/config.json and calls the API on
// its own origin; a small front serves the build and that file, and passes /api through to the
// real server unchanged (the test server in demo mode does not serve a console build yet).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems, screenshot } from './support/browser.js';
import { buildConsole, consoleApp } from './support/console.js';
import { rumServerForFile } from './support/rum-server.js';
import { serverForFile } from './support/serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = mkdtempSync(path.join(tmpdir(), 'rumkit-console-'));
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

beforeAll(() => buildConsole(outDir), 120_000);

const rum = rumServerForFile({ env: { RUMKIT_GEO: 'off' } });
const browser = browserForFile();
const front = serverForFile(() =>
  consoleApp(outDir, () => ({ origin: rum().origin, apiKey: rum().workspaceKey })),
);

async function openConsole(hash = '#/apps'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectPageProblems(page);
  await page.addInitScript(() => localStorage.setItem('rumkit-console-locale', 'en'));
  await page.goto(`${front().origin}/${hash}`);
  return { page, problems };
}

/** axe-core on the page as it is now; returns the violations, described. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('the demo console', () => {
  beforeAll(async () => {
    await rum().registerApp('shop_web', { name: 'Demo shop', type: 'web' });
    await rum().registerApp('kiosk_custom', {
      name: 'In-store kiosk',
      type: 'custom',
      dashboard_bindings: ['rum.web.overview'],
    });
  });

  it('creates an app through the wizard and finds it in the list', async () => {
    const { page, problems } = await openConsole();
    const list = page.locator('section.rk-applist[data-state="ready"]');
    await list.waitFor();
    expect(await list.locator('.rk-app-name').allTextContents()).toEqual(
      expect.arrayContaining(['Demo shop', 'In-store kiosk']),
    );
    await screenshot(page, 'console-1-app-list');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create app' }).first().click();
    await page.waitForURL(/#\/apps\/new$/);
    await page.getByRole('textbox', { name: 'Name' }).fill('Checkout for Android');
    await page.getByRole('radio', { name: /Android/ }).check();
    const appId = await page.getByRole('textbox', { name: 'app_id' }).inputValue();
    expect(appId).toMatch(/^appid_[0-9a-f]{32}$/);
    await page.getByText('This app_id is free.').waitFor();
    await screenshot(page, 'console-2-create-app');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create and continue' }).click();
    const init = page.locator('figure', { hasText: 'DemoApplication.kt' });
    await init.waitFor();
    expect(await init.locator('code').textContent()).toContain(`.setRumAppId("${appId}")`);
    expect(await init.locator('code').textContent()).toContain(
      `FTSDKConfig.builder("${rum().origin}")`,
    );
    await screenshot(page, 'console-3-integrate-android');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(/#\/apps$/);
    const row = page.locator('tr', { hasText: 'Checkout for Android' });
    await row.waitFor();
    expect(await row.locator('code').first().textContent()).toBe(appId);
    expect(await row.getByText('New', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'console-4-list-with-new-app');

    // The server has it, where the SDKs will send.
    const stored = (await (await rum().server.api('GET', '/api/v1/apps')).json()) as {
      apps: { app_id: string; name: string; type: string }[];
    };
    expect(stored.apps.find((a) => a.app_id === appId)).toMatchObject({
      name: 'Checkout for Android',
      type: 'android',
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('walks back through its screens with the browser, and shows web snippets on the server', async () => {
    const { page, problems } = await openConsole();
    await page.locator('section.rk-applist[data-state="ready"]').waitFor();
    const row = page.locator('tr', { hasText: 'Demo shop' });
    await row.getByRole('button', { name: 'Actions for Demo shop' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.waitForURL(/#\/apps\/[^/]+\/edit$/);
    await page.getByRole('button', { name: /Integrate the SDK/ }).click();
    await page.waitForURL(/\/integrate$/);
    await page.getByRole('tab', { name: 'CDN async' }).click();
    const code = await page.getByRole('tabpanel').locator('code').textContent();
    expect(code).toContain(`'${rum().origin}/sdk/rumkit.js', 'RUMKIT'`);
    expect(code).toContain("applicationId: 'shop_web'");
    await screenshot(page, 'console-5-integrate-web');
    expect(await axeViolations(page)).toEqual([]);
    await page.goBack();
    await page.waitForURL(/\/edit$/);
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await page.goBack();
    await page.waitForURL(/#\/apps$/);
    await page.locator('section.rk-applist[data-state="ready"]').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('edits an app_id with the warnings of spec §1.2', async () => {
    await rum().registerApp('legacy_ios', { name: 'Legacy iOS', type: 'ios' });
    const { page, problems } = await openConsole();
    const row = page.locator('tr', { hasText: 'Legacy iOS' });
    await row.getByRole('button', { name: 'Actions for Legacy iOS' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const input = page.getByRole('textbox', { name: 'app_id' });
    await expect.poll(() => input.inputValue()).toBe('legacy_ios');
    await input.fill('legacy_ios_2026');
    await page.getByText('What changing the app_id does').waitFor();
    await page.getByText('This app_id is free.').waitFor();
    await screenshot(page, 'console-6-edit-app-id-warning');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Confirm that you have read what changing the app_id does.').waitFor();
    await page.getByRole('checkbox', { name: /I understand/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/integrate$/);
    await page.getByText('FTRumConfig(appid: "legacy_ios_2026")').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('binds a dashboard to a Custom app, which its dashboard link then opens', async () => {
    const tv = await rum().registerApp('tv_custom', { name: 'Smart TV', type: 'custom' });
    const { page, problems } = await openConsole();
    const row = page.locator('tr', { hasText: 'Smart TV' });
    await row.waitFor();
    expect(
      await row
        .getByRole('button', { name: 'Analysis dashboard of Smart TV' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    await row.getByRole('button', { name: 'Actions for Smart TV' }).click();
    await page.getByRole('menuitem', { name: 'Bind dashboards' }).click();
    await page.waitForURL(new RegExp(`#/apps/${tv.id}/dashboards$`));
    const combobox = page.getByRole('combobox', { name: 'Bind a built-in view' });
    await combobox.fill('mob err');
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: 'Remove Mobile (Android/iOS) · Error analysis' })
      .waitFor();
    await combobox.fill('web');
    await page.keyboard.press('ArrowDown');
    await screenshot(page, 'console-7-dashboard-binder');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    // The list opened on the first match; ArrowDown moved to the second.
    await page.getByRole('button', { name: 'Remove Web · Performance analysis' }).waitFor();

    await page.goto(`${front().origin}/#/apps`);
    const link = page
      .locator('tr', { hasText: 'Smart TV' })
      .getByRole('link', { name: 'Analysis dashboard of Smart TV' });
    await link.click();
    await page.waitForURL(/#\/apps\/[^/]+\/dashboard\/rum\.mobile\.error\?app_id=tv_custom$/);
    await page.getByRole('heading', { name: 'Mobile (Android/iOS) · Error analysis' }).waitFor();
    await screenshot(page, 'console-8-dashboard-placeholder');
    // Dashboards are not drawn yet: the screen leads to the same app's events in the explorer.
    await page.getByRole('link', { name: 'Open this app in the explorer →' }).click();
    await page.waitForURL(/#\/apps\/[^/]+\/explorer\?app_id=tv_custom$/);
    await page.locator('[aria-current="page"]', { hasText: 'Explorer · tv_custom' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks Chinese when asked', async () => {
    const { page, problems } = await openConsole();
    await page.locator('section.rk-applist[data-state="ready"]').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 2, name: /应用列表/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'console-9-app-list-zh');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '新建应用' }).first().click();
    await page.getByRole('textbox', { name: '应用名称' }).waitFor();
    await screenshot(page, 'console-10-create-app-zh');
    expect(problems).toEqual([]);
    await page.close();
  });
});
