// Where recording's main-thread time goes on the heavy page of the replay-record bench: rumkit's
// script tag recording, with V8's sampling profiler over the same 8 s window, the bundle and the
// recorder chunk unminified so functions keep their names. Prints the time of the samples under
// the recorder chunk's frames by innermost chunk function (natives it calls included), and the
// total per script.
//
//   node --conditions=source --import tsx bench/replay/profile.ts     (RUNS=3 by default)
// SAVE=/tmp/x writes each profile to /tmp/x-<run>.cpuprofile (DevTools opens them).
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import express from 'express';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { listen } from '../../test/e2e/support/serve.ts';
import { addTo, forEachSample, type Profile, type ProfileNode } from '../support/cpu-profile.ts';
import { HEAVY_PAGE_SCRIPT, heavyPageHtml } from './heavy-page.ts';

const RUNS = Number(process.env.RUNS || 3);
const WINDOW_MS = Number(process.env.WINDOW_MS || 8000);

const bundle = async (entry: string, format: 'iife' | 'esm', footer?: string) =>
  Buffer.from(
    (
      await build({
        entryPoints: [entry],
        bundle: true,
        format,
        target: 'es2020',
        platform: 'browser',
        conditions: ['source'],
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
app.get('/assets/sdk.js', (_req, res) => void res.type('js').send(sdk));
app.get('/assets/rumkit-replay.mjs', (_req, res) => void res.type('text/javascript').send(chunk));
app.get('/assets/page.js', (_req, res) => void res.type('js').send(HEAVY_PAGE_SCRIPT));
app.get('/', (_req, res) => void res.type('html').send(heavyPageHtml(true)));
const server = await listen(app);

const byFunction = new Map<string, number>();
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
    if (inner)
      addTo(
        byFunction,
        `${inner.callFrame.functionName || '(anonymous)'}:${inner.callFrame.lineNumber + 1}`,
        ms,
      );
  });
}

const browser = await launchBrowser();
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForTimeout(2000);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const steps = Math.floor(WINDOW_MS / 250);
    for (let i = 0; i < steps; i++) {
      await page.mouse.move(100 + ((i * 97) % 900), 100 + ((i * 53) % 600), { steps: 4 });
      if (i % 8 === 7) await page.mouse.wheel(0, i % 16 === 7 ? 400 : -400);
      await page.waitForTimeout(250);
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
