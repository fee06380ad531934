import { describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems, screenshot } from './support/browser.js';
import { rumServerForFile } from './support/rum-server.js';

const browser = browserForFile();
const server = rumServerForFile({ env: { RUMKIT_GEO: 'off' } });

describe('the server front page in Chromium', () => {
  it('tells a visitor what the server serves, without errors', async () => {
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server().origin}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('rumkit server');
    const items = await page.locator('#serves li').allTextContents();
    expect(items).toContain('GET /healthz liveness check (JSON)');
    const file = await screenshot(page, 'server-front-page');
    expect(file).toMatch(/server-front-page\.png$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
