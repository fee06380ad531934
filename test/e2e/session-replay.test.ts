// The session replay player for real: rrweb-player in Chromium, on the stories' recordings of
// the built Storybook (build it first with "npm run build-storybook"). The component tests mock
// the player; this is where its iframe, its sandbox and its seeking are checked.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems, screenshot } from './support/browser.js';
import { serverForFile, staticApp } from './support/serve.js';

const staticDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../storybook-static',
);
if (!existsSync(path.join(staticDir, 'index.json')))
  throw new Error(`${staticDir} is missing: build Storybook first with "npm run build-storybook"`);

const browser = browserForFile();
const server = serverForFile(() => staticApp(staticDir));

async function openStory(id: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectPageProblems(page);
  await page.goto(`${server().origin}/iframe.html?id=kit-sessionreplay--${id}&viewMode=story`);
  await page.locator('.rk-replay[data-state="ready"]').waitFor();
  await page.locator('.rk-replay-stage iframe').waitFor({ state: 'attached' });
  return { page, problems };
}

const replayFrame = (page: Page) => page.frameLocator('.rk-replay-stage iframe');

describe('the session replay player in Chromium', () => {
  it('rebuilds the recorded page in an iframe sandboxed without scripts', async () => {
    const { page, problems } = await openStory('at-an-error');
    const iframe = page.locator('.rk-replay-stage iframe');
    // rrweb's createSandboxedIframe sets exactly this; UNSAFE_replayCanvas would add allow-scripts.
    expect(await iframe.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(await iframe.getAttribute('title')).toBe('The recorded page');
    // Paused at the declined payment: the checkout form, its error shown once it plays on.
    await replayFrame(page).getByRole('heading', { name: 'Checkout' }).waitFor();
    await page.getByRole('button', { name: 'Play' }).click();
    await replayFrame(page).getByText('Payment declined: card expired').waitFor();
    // The recorded page's own script (it notes views in window.__marks) never ran.
    const ran = await page.evaluate(() => {
      const frame = document.querySelector('.rk-replay-stage iframe') as HTMLIFrameElement;
      return (
        'rrwebRecord' in (frame.contentWindow ?? {}) || '__marks' in (frame.contentWindow ?? {})
      );
    });
    expect(ran).toBe(false);
    await screenshot(page, 'replay-at-an-error');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('seeks from the side list and marks the entry playing', async () => {
    const { page, problems } = await openStory('at-an-error');
    const list = page.getByRole('list', { name: 'Pages, actions and errors' });
    const cart = list.getByRole('button', { name: /View: \/cart/ });
    await cart.click();
    await replayFrame(page).getByRole('heading', { name: 'Your cart' }).waitFor();
    expect(await cart.getAttribute('aria-current')).toBe('true');
    expect(
      await page.getByRole('slider', { name: 'Position' }).getAttribute('aria-valuetext'),
    ).toMatch(/^0:00 of 0:0\d$/);
    // Keyboard: the entries are buttons in the tab order. The last page starts as the order is
    // placed; playing on from there shows it.
    const done = list.getByRole('button', { name: /View: \/done/ });
    await done.focus();
    await page.keyboard.press('Enter');
    expect(await done.getAttribute('aria-current')).toBe('true');
    await page.getByRole('button', { name: 'Play' }).click();
    await replayFrame(page).getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays, skipping the idle minutes of a long session', async () => {
    const { page, problems } = await openStory('long-session-skips-inactivity');
    expect(await page.locator('.rk-replay-track-idle').count()).toBe(2);
    expect(await page.getByRole('switch', { name: 'Skip inactivity' }).isChecked()).toBe(true);
    await page.getByRole('group', { name: 'Speed' }).getByRole('button', { name: '4×' }).click();
    // Five minutes of recording: with skipping it reaches the order in seconds, not minutes.
    await replayFrame(page)
      .getByRole('heading', { name: 'Thank you!' })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'replay-long-session');
    expect(problems).toEqual([]);
    await page.close();
  });
});
