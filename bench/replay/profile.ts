// Where recording's main-thread time goes on a page of the replay-record bench: rumkit's
// script tag recording, with V8's sampling profiler over the same stretch (the heavy page's 8 s
// window, or the SPA's whole visit with PAGE=spa), the bundle and the
// recorder chunk unminified so functions keep their names. Prints the time of the samples under
// the recorder chunk's frames by innermost chunk function (natives it calls included), and the
// total per script.
//
//   node --conditions=source --import tsx bench/replay/profile.ts     (RUNS=3 by default; PAGE=spa)
// SAVE=/tmp/x writes each profile to /tmp/x-<run>.cpuprofile (DevTools opens them).
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import express from 'express';
import { SDK_BUNDLE } from '../../sdk/bundleOptions.mjs';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { createSite } from '../../test/e2e/support/sdk-site.ts';
import { listen } from '../../test/e2e/support/serve.ts';
import { SHOP_HEAD, visitShop } from '../sdk/visit.ts';
import { addTo, forEachSample, type Profile, type ProfileNode } from '../support/cpu-profile.ts';
import { HEAVY_PAGE_SCRIPT, heavyPageHtml } from './heavy-page.ts';

const RUNS = Number(process.env.RUNS || 3);
const WINDOW_MS = Number(process.env.WINDOW_MS || 8000);
const SPA = process.env.PAGE === 'spa';

const bundle = async (entry: string, format: 'iife' | 'esm', footer?: string) =>
  Buffer.from(
    (
      await build({
        entryPoints: [entry],
        // As sdk/build.mjs bundles it, unminified: functions keep their names.
        ...SDK_BUNDLE,
        format,
        footer: footer ? { js: footer } : undefined,
        write: false,
        logLevel: 'error',
      })
    ).outputFiles[0]?.contents ?? [],
  );
const sdk = await bundle(
  'sdk/src/global.ts',
  'iife',
  "RUMKIT.init({ applicationId: 'bench', datakitOrigin: location.origin, trackUserInteractions: true }); RUMKIT.startSessionReplayRecording();",
);
const chunk = await bundle('sdk/src/replay/recorder.ts', 'esm');

const app = express();
app.post(/^\/v1\/write\/rum/, (_req, res) => void res.status(202).json({}));
if (SPA) {
  const assets = { 'sdk.js': sdk, 'rumkit-replay.mjs': chunk };
  app.use(createSite({ head: `${SHOP_HEAD}<script src="/assets/sdk.js"></script>`, assets }).app);
}
app.get('/assets/sdk.js', (_req, res) => void res.type('js').send(sdk));
app.get('/assets/rumkit-replay.mjs', (_req, res) => void res.type('text/javascript').send(chunk));
app.get('/assets/page.js', (_req, res) => void res.type('js').send(HEAVY_PAGE_SCRIPT));
app.get('/', (_req, res) => void res.type('html').send(heavyPageHtml(true)));
const server = await listen(app);

const byFunction = new Map<string, number>();
const bySelf = new Map<string, number>();
const byScript = new Map<string, number>();
const script = (node: ProfileNode) =>
  node.callFrame.url ? new URL(node.callFrame.url).pathname : '';

function addProfile(profile: Profile) {
  forEachSample(profile, (node, ms, stack) => {
    if (/^\((idle|program)\)$/.test(node.callFrame.functionName)) return;
    // Whose work the sample is: the script of the outermost frame that has one.
    const owner = [...stack].reverse().find((frame) => script(frame)) ?? node;
    addTo(byScript, script(owner) || node.callFrame.functionName, ms);
    const inner = stack.find((frame) => script(frame) === '/assets/rumkit-replay.mjs');
    if (inner) {
      addTo(
        byFunction,
        `${inner.callFrame.functionName || '(anonymous)'}:${inner.callFrame.lineNumber + 1}`,
        ms,
      );
      const url = script(node) ? `:${node.callFrame.lineNumber + 1}` : ' (native)';
      addTo(bySelf, `${node.callFrame.functionName || '(anonymous)'}${url}`, ms);
    }
  });
}

const browser = await launchBrowser();
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const startProfiler = async () => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    };
    if (SPA) {
      // The whole visit, from the navigation.
      await startProfiler();
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await visitShop(page);
    } else {
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await page.waitForTimeout(2000);
      await startProfiler();
      const steps = Math.floor(WINDOW_MS / 250);
      for (let i = 0; i < steps; i++) {
        await page.mouse.move(100 + ((i * 97) % 900), 100 + ((i * 53) % 600), { steps: 4 });
        if (i % 8 === 7) await page.mouse.wheel(0, i % 16 === 7 ? 400 : -400);
        await page.waitForTimeout(250);
      }
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    addProfile(profile);
    if (process.env.SAVE)
      writeFileSync(`${process.env.SAVE}-${run}.cpuprofile`, JSON.stringify(profile));
    await context.close();
    process.stdout.write(`\rrun ${run + 1}/${RUNS}`);
  }
} finally {
  await browser.close();
  await server.close();
}

const print = (title: string, map: Map<string, number>, top: number) => {
  console.log(`\n${title} (ms per run)`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(ms / RUNS).toFixed(1).padStart(7)}  ${key}`);
};
print('by script of the outermost frame', byScript, 12);
print('under the recorder chunk, by innermost chunk function', byFunction, 40);
print('under the recorder chunk, by the function sampled (self time)', bySelf, 25);
