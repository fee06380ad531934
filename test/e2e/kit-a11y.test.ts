// The component kit driven with the keyboard alone, in Chromium. (axe-core runs on every Kit
// story in storybook.test.ts.)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle } from './support/axe.js';
import { browserForFile, collectPageProblems, screenshot } from './support/browser.js';
import { serverForFile, staticApp } from './support/serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'storybook-static');

const browser = browserForFile();
const server = serverForFile(() => staticApp(staticDir));

async function openStory(id: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectPageProblems(page);
  await page.goto(`${server().origin}/iframe.html?id=${id}&viewMode=story`);
  await page.locator('#storybook-root > *').first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  return { page, problems };
}

/** Presses Tab until `name` has focus; fails after `limit` presses. */
async function tabTo(page: Page, name: string | RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (
        el?.getAttribute('aria-label') ||
        (el as HTMLInputElement | null)?.labels?.[0]?.textContent ||
        el?.textContent ||
        ''
      ).trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '');

describe('every component works from the keyboard alone', () => {
  it('ApplicationList: search, row menu and the delete confirmation', async () => {
    const { page, problems } = await openStory('kit-applicationlist--filled');
    await settle(page, false);
    await tabTo(page, 'Search apps');
    await page.keyboard.type('kiosk');
    await expect.poll(() => page.locator('.rk-applist tbody tr').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.rk-applist tbody tr').count()).toBe(5);

    await tabTo(page, 'Actions for Acme Shop for iPhone');
    await page.keyboard.press('Enter');
    expect(await focusedText(page)).toBe('Edit');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Delete');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Actions for Acme Shop for iPhone',
    );

    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe('Delete');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Delete Acme Shop for iPhone?' });
    await dialog.waitFor();
    expect(await focusedText(page)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Delete app');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Actions for Acme Shop for iPhone',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('CreateAppWizard: fill, choose a type with the arrows, create, and read the snippets', async () => {
    const { page, problems } = await openStory('kit-createappwizard--create');
    await settle(page, false);
    await tabTo(page, 'Name');
    await page.keyboard.type('Keyboard app');
    await tabTo(page, 'app_id');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('keyboard_app');
    await page.getByText('This app_id is free.').waitFor();
    await tabTo(page, /^Web/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: /Android/ }).isChecked()).toBe(true);
    await tabTo(page, 'Create and continue');
    await page.keyboard.press('Enter');
    await page.getByText('Initialise · DemoApplication.kt').waitFor();
    expect(await focusedText(page)).toBe('Integrate the SDK');
    await tabTo(page, 'Copy Install · build.gradle');
    await screenshot(page, 'kit-keyboard-wizard-integrate');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('CreateAppWizard: the web loading modes are tabs the arrows move through', async () => {
    const { page, problems } = await openStory('kit-createappwizard--integrate-web');
    await settle(page, false);
    await tabTo(page, 'npm');
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('CDN async');
    expect(await page.getByRole('tabpanel').textContent()).toContain('RUMKIT.onReady');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Copy CDN async snippet',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('DashboardBinder: search, pick with the arrows, then open or remove', async () => {
    const { page, problems } = await openStory('kit-dashboardbinder--nothing-bound');
    await settle(page, false);
    await tabTo(page, 'Bind a built-in view');
    await page.keyboard.type('mini err');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Remove Mini Program · Error analysis' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Remove Web · Performance analysis' }).waitFor();
    await tabTo(page, 'Open first: Web · Performance analysis');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('.rk-bound-title')?.textContent?.startsWith('Web · Performance'),
    );
    await tabTo(page, 'Remove Mini Program · Error analysis');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Remove Mini Program · Error analysis' }).waitFor({
      state: 'detached',
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});
