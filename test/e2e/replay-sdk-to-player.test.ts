// Session replay end to end: the SDK records a page with a sign-in form in real Chromium and
// uploads its segments to the real server (DuckDB and the blob store in a temp dir); the demo
// console's real build plays the session. The password typed into the form is in no stored byte,
// and the page's own scripts (a <script> and an onerror handler) never run in the player.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from './support/axe.js';
import { browserForFile, collectPageProblems, screenshot } from './support/browser.js';
import { buildConsole, consoleApp } from './support/console.js';
import { rumServerForFile } from './support/rum-server.js';
import { eventually, flushSdk } from './support/sdk-page.js';
import { sdkBundle } from './support/sdk-site.js';
import { listen, type Served, serverForFile } from './support/serve.js';

const APP = 'shop_replay';
const PASSWORD = 'hunter2-Secret-e2e-4711';
const HEADING = 'Sign in to the replay shop';
const outDir = mkdtempSync(path.join(tmpdir(), 'rumkit-replay-'));

beforeAll(() => buildConsole(outDir), 120_000);
const rum = rumServerForFile({ env: { RUMKIT_GEO: 'off' } });
const browser = browserForFile();
const front = serverForFile(() =>
  consoleApp(outDir, () => ({ origin: rum().origin, apiKey: rum().workspaceKey })),
);

/** Requests to /pwned: the page's scripts call it, so a call from the player means one ran there. */
const pwned: string[] = [];
let site: Served | undefined;
afterAll(async () => {
  await site?.close();
});

/** The recorded page: a sign-in form, a script and an inline handler that report to /pwned. */
function signInPage(origin: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Replay shop</title>
    <link rel="icon" href="data:," />
    <script src="/assets/rumkit.js"></script>
    <script>
      RUMKIT.init({ applicationId: '${APP}', datakitOrigin: '${rum().origin}', env: 'e2e', sessionReplaySampleRate: 100, trackUserInteractions: true });
      RUMKIT.startSessionReplayRecording();
    </script>
  </head>
  <body>
    <h1>${HEADING}</h1>
    <form id="sign-in" onsubmit="event.preventDefault(); document.getElementById('done').hidden = false;">
      <label>Name <input id="name" name="name" type="text" /></label>
      <label>Password <input id="password" name="password" type="password" /></label>
      <button type="submit">Sign in</button>
    </form>
    <p id="done" hidden>Welcome back</p>
    <img alt="" src="/missing.png" onerror="fetch('${origin}/pwned?from=onerror&at=' + encodeURIComponent(location.href))" />
    <script>fetch('${origin}/pwned?from=script&at=' + encodeURIComponent(location.href));</script>
  </body>
</html>`;
}

async function startSite(): Promise<Served> {
  const app = express();
  let origin = '';
  app.get('/', (_req, res) => {
    res.type('html').send(signInPage(origin));
  });
  app.get('/pwned', (req, res) => {
    pwned.push(String(req.query.at ?? ''));
    res.sendStatus(204);
  });
  app.get('/assets/:name', (req, res) => {
    if (!/^rumkit(-replay)?\.m?js$/.test(req.params.name)) return void res.sendStatus(404);
    res.type('text/javascript').send(sdkBundle(req.params.name));
  });
  const served = await listen(app);
  origin = served.origin;
  return served;
}

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** A file's bytes, and inflated too when it is a zlib stream (the replay blobs). */
function readable(file: string): Buffer[] {
  const bytes = readFileSync(file);
  try {
    return [bytes, inflateSync(bytes)];
  } catch {
    return [bytes];
  }
}

describe('session replay, from the SDK to the player', () => {
  let sessionId = '';

  beforeAll(async () => {
    await rum().registerApp(APP);
    site = await startSite();
    const page = await browser().newPage();
    await page.goto(`${site.origin}/`);
    await page.locator('#name').fill('Ann Example');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#done').waitFor();
    sessionId = await eventually(() =>
      page.evaluate(
        () =>
          (
            window as unknown as { RUMKIT: { getInternalContext(): { session: { id: string } } } }
          ).RUMKIT.getInternalContext()?.session.id,
      ),
    );
    // Past the 5 s segment limit, then a page hide: both close segments.
    await page.waitForTimeout(5500);
    await flushSdk(page);
    await page.close();
    await eventually(async () => {
      const res = await fetch(`${rum().origin}/api/v1/sessions/${sessionId}/replay`, {
        headers: { authorization: `Bearer ${rum().workspaceKey}` },
      });
      if (!res.ok) return false;
      const replay = (await res.json()) as { records: unknown[]; session: unknown };
      return replay.session !== null && replay.records.length > 2;
    }, 30_000);
  }, 90_000);

  it('keeps the password out of every stored byte, and keeps the page itself', () => {
    const files = filesUnder(rum().server.dataDir);
    const contents = files.flatMap(readable);
    const blobs = files.filter((file) => file.includes(`${path.sep}replay${path.sep}`));
    expect(blobs.length).toBeGreaterThan(0);
    // The recording is there: the page's heading is in the stored segments.
    expect(contents.some((bytes) => bytes.includes(HEADING))).toBe(true);
    for (const bytes of contents) expect(bytes.includes(PASSWORD)).toBe(false);
  });

  it('plays the session in the console, sandboxed, without running the page’s scripts', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } });
    const problems = collectPageProblems(page);
    // English, and whether the console ever shows its "Loading…" placeholder for the screen.
    await page.addInitScript(() => {
      localStorage.setItem('rumkit-console-locale', 'en');
      // Not in the player's frame: no script may run there, not even this observer's callback.
      if (window !== window.top) return;
      new MutationObserver(() => {
        if (document.querySelector('.console-loading'))
          (window as unknown as { sawLoading: boolean }).sawLoading = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const before = pwned.length;
    const requested: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      requested.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${front().origin}/#/replay/${sessionId}?app_id=${APP}`);

    const frame = page.locator('.rk-replay-stage iframe');
    await page.locator('.rk-replay[data-state="ready"]').waitFor({ timeout: 20_000 });
    await frame.waitFor({ state: 'attached' });
    // rrweb's sandbox: same origin for the player to reach in, no scripts.
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const replayed = page.frameLocator('.rk-replay-stage iframe');
    await expect
      .poll(() => replayed.locator('h1').textContent(), { timeout: 15_000 })
      .toBe(HEADING);
    await expect
      .poll(() => replayed.locator('input[type="password"]').getAttribute('value'))
      .not.toBe(PASSWORD);

    // The side list shows the page that was recorded.
    await expect.poll(() => page.locator('.rk-replay-list').textContent()).toContain('/');
    await page.waitForTimeout(1500);
    await screenshot(page, 'replay-console');
    expect(pwned.slice(before)).toEqual([]);
    // Opened at its address, the console asked for its config once (index.html preloads it, and
    // its fetch took that answer) and for the replay's first part once: its entry asked before
    // React loaded, and the HTTP backend took that answer.
    expect(requested.filter((url) => url === '/demo/config.json')).toHaveLength(1);
    // Its screen's code was fetched from the start, and the screen rendered without a loading
    // placeholder (which React would have kept on screen for 300 ms at least).
    expect(await page.evaluate(() => 'sawLoading' in window)).toBe(false);
    expect(
      requested.filter((url) => url.startsWith(`/api/v1/sessions/${sessionId}/replay?part=first`)),
    ).toHaveLength(1);
    expect(await page.evaluate(() => document.title)).not.toBe('Replay shop');
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
