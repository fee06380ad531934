// Where rumkit's main-thread time goes on the sdk-compare visit: the same page and steps,
// with V8's sampling profiler (CDP Profiler) on, the bundle unminified so functions keep their
// names. Prints ScriptDuration per phase (with and without the SDK) and the time under the SDK's
// frames: by entry point, and by function, per run. Each sample counts the time to the next one,
// which the machine's load stretches; the count of samples (at the 0.1 ms interval) is printed
// too, closer to CPU time.
//
//   node --conditions=source --import tsx bench/sdk/profile.ts      (RUNS=5 by default)
// SAVE=/tmp/x writes each profile to /tmp/x-<run>.cpuprofile (DevTools opens them); the
// bundle profiled is written to /tmp/rumkit-profiled.js.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import express from 'express';
import type { Browser, CDPSession } from 'playwright-core';
import { SDK_BUNDLE } from '../../sdk/bundleOptions.mjs';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { createSite } from '../../test/e2e/support/sdk-site.ts';
import { listen } from '../../test/e2e/support/serve.ts';
import { addTo, forEachSample, type Profile, type ProfileNode } from '../support/cpu-profile.ts';
import { VARIANTS, type Variant, variantInput } from './variants.ts';
import { SHOP_HEAD, SHOP_STEPS } from './visit.ts';

const RUNS = Number(process.env.RUNS || 5);

// VARIANT="Datadog RUM" profiles another SDK of the bench the same way.
const profiled = VARIANTS.find(
  (variant) => variant.name === (process.env.VARIANT || 'rumkit'),
) as Variant;
const code = (
  await build({
    ...variantInput(profiled),
    // As sdk/build.mjs bundles it, unminified: functions keep their names.
    ...SDK_BUNDLE,
    format: 'iife',
    // The script tag's compile hint, unless HINTS=0.
    ...(process.env.HINTS === '0' && { banner: undefined }),
    write: false,
    logLevel: 'error',
  })
).outputFiles[0]?.contents as Uint8Array;

writeFileSync('/tmp/rumkit-profiled.js', code);

async function serve(sdk: boolean) {
  const app = express();
  app.post(/^\/v1\/write\/rum/, (_req, res) => void res.status(202).json({}));
  const site = createSite({
    head: `${SHOP_HEAD}${sdk ? '<script src="/assets/sdk.js"></script>' : ''}`,
    assets: sdk ? { 'sdk.js': Buffer.from(code) } : {},
  });
  app.use(site.app);
  return listen(app);
}

const scriptMs = async (cdp: CDPSession) => {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
};

async function visit(browser: Browser, url: string, profile: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const phases: number[] = [];
  await page.goto(url, { waitUntil: 'load' });
  phases.push(await scriptMs(cdp));
  // LOAD_ONLY=1: the profile covers page load alone.
  const loadProfile =
    profile && process.env.LOAD_ONLY
      ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile
      : undefined;
  await page.waitForTimeout(300);
  phases.push(await scriptMs(cdp));
  for (const id of SHOP_STEPS) {
    await page.click(id);
    await page.waitForTimeout(300);
    phases.push(await scriptMs(cdp));
  }
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  });
  await page.waitForTimeout(500);
  phases.push(await scriptMs(cdp));
  const result =
    loadProfile ??
    (profile ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile : undefined);
  await context.close();
  return { phases: phases.map((ms, i) => ms - (phases[i - 1] ?? 0)), profile: result };
}

/** Innermost SDK frame of each sample, with the native calls under it (self plus natives). */
const self = new Map<string, number>();
let samplesUnderSdk = 0;
/** Outermost SDK frame of each sample: the SDK's entry points (listeners, observers, init). */
const entry = new Map<string, number>();
/** Natives (and the collector) running under an SDK frame. */
const natives = new Map<string, number>();
const byUrl = new Map<string, number>();
/** The same for the page without the SDK. */
const baseline = new Map<string, number>();
function addBaseline(profile: Profile) {
  forEachSample(profile, (node, ms) => {
    const { functionName, url } = node.callFrame;
    addTo(baseline, url ? new URL(url).pathname : functionName, ms);
  });
}
const text = new TextDecoder().decode(code).split('\n');
/** monitor()'s wrapper is the line after `function monitor(`. */
const monitorLine = text.findIndex((line) => line.includes('function monitor(')) + 1;
const isGeneric = (node: ProfileNode) =>
  /^(replacement|notify|setTimer)$/.test(node.callFrame.functionName) ||
  node.callFrame.lineNumber === monitorLine;
function addProfile(profile: Profile) {
  const isSdk = (node: ProfileNode) => node.callFrame.url.includes('sdk.js');
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
  forEachSample(profile, (node, ms, stack) => {
    const { functionName, url } = node.callFrame;
    const where = isSdk(node) ? 'sdk.js' : url ? new URL(url).pathname : '';
    addTo(byUrl, where || functionName, ms);
    let inner: ProfileNode | undefined;
    let outer: ProfileNode | undefined;
    for (const n of stack) {
      if (isSdk(n)) {
        inner ??= n;
        // The SDK's generic wrappers (monitor, instrument, observable) say nothing: the entry
        // point is the first frame under them.
        if (!isGeneric(n) || !outer) outer = n;
      }
    }
    if (inner && outer) {
      samplesUnderSdk++;
      addTo(self, name(inner), ms);
      addTo(entry, name(outer), ms);
      if (!isSdk(node)) addTo(natives, functionName || url, ms);
    }
  });
}

const [none, ours] = await Promise.all([serve(false), serve(true)]);
const browser = await launchBrowser();
const labels = ['load', 'settle', ...SHOP_STEPS, 'hidden'];
const totals = { none: labels.map(() => 0), ours: labels.map(() => 0) };
try {
  await visit(browser, `${none.origin}/`, false);
  await visit(browser, `${ours.origin}/`, false);
  for (let run = 0; run < RUNS; run++) {
    const a = await visit(browser, `${none.origin}/`, process.env.PROFILE !== '0');
    if (a.profile) addBaseline(a.profile);
    const b = await visit(browser, `${ours.origin}/`, process.env.PROFILE !== '0');
    a.phases.forEach((ms, i) => {
      totals.none[i] = (totals.none[i] ?? 0) + ms / RUNS;
    });
    b.phases.forEach((ms, i) => {
      totals.ours[i] = (totals.ours[i] ?? 0) + ms / RUNS;
    });
    if (b.profile) {
      addProfile(b.profile);
      if (process.env.SAVE)
        writeFileSync(`${process.env.SAVE}-${run}.cpuprofile`, JSON.stringify(b.profile));
    }
  }
} finally {
  await browser.close();
  await none.close();
  await ours.close();
}

console.log(
  'ScriptDuration per phase, mean ms (no SDK / rumkit; rumkit profiled unless PROFILE=0):',
);
labels.forEach((label, i) => {
  console.log(
    `  ${label.padEnd(18)} ${(totals.none[i] ?? 0).toFixed(1).padStart(7)} ${(totals.ours[i] ?? 0).toFixed(1).padStart(7)}`,
  );
});
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([key, ms]) => `  ${(ms / RUNS).toFixed(2).padStart(7)} ms  ${key}`)
    .join('\n');
console.log(`\nsamples by script (ms per run), rumkit:\n${top(byUrl, 15)}`);
console.log(`\nsamples by script (ms per run), no SDK:\n${top(baseline, 15)}`);
const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0) / RUNS;
console.log(
  `\nunder SDK frames: ${sum(self).toFixed(1)} ms per run; ${((samplesUnderSdk * 0.1) / RUNS).toFixed(1)} ms counting samples`,
);
console.log(`\nSDK entry points, inclusive (ms per run):\n${top(entry, 30)}`);
console.log(`\nSDK functions, self plus the natives they call (ms per run):\n${top(self, 40)}`);
console.log(`\nnatives called by the SDK (ms per run):\n${top(natives, 25)}`);
