import { createApp, loadConfig } from '@rumkit/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchBrowser, screenshot } from './support/browser.js';
import { listen, type Served } from './support/serve.js';

let browser: Browser;
let server: Served;

beforeAll(async () => {
  browser = await launchBrowser();
  const logger = { info: () => {}, error: () => {} };
  server = await listen(createApp({ config: loadConfig({}, process.cwd()), logger }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the server front page in Chromium', () => {
  it('tells a visitor what the server serves, without errors', async () => {
    const page = await browser.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server.origin}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('rumkit server');
    const items = await page.locator('#serves li').allTextContents();
    expect(items).toContain('GET /healthz liveness check (JSON)');
    const file = await screenshot(page, 'server-front-page');
    expect(file).toMatch(/server-front-page\.png$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
