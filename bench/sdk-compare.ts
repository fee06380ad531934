// SDK bench: the same 2,000-node single-page app with no SDK, with rumkit, Datadog RUM, Grafana
// Faro and Sentry, each bundled with esbuild and pointed at a local server (rumkit twice: its
// script tag as shipped, and from npm inside the site's bundle; see bench/sdk/variants.ts). Prints each
// bundle's gzip size, then, as medians of interleaved runs in headless Chromium, what each adds
// over no SDK: main-thread script time, long-task time and bytes sent.
//
//   npm run bench -- sdk-compare            (RUNS=15 by default; RUNS=25 for tighter medians)
import { gzipSync } from 'node:zlib';
import express from 'express';
import type { Browser } from 'playwright-core';
import { minify } from 'terser';
import { TERSER } from '../sdk/bundleOptions.mjs';
import { createSite } from '../test/e2e/support/sdk-site.ts';
import { listen } from '../test/e2e/support/serve.ts';
import { bundleVariant, INTAKE_PATHS, VARIANTS } from './sdk/variants.ts';
import { SHOP_HEAD, visitShop } from './sdk/visit.ts';
import { interleavedPages } from './support/interleave.js';
import { median } from './support/median.js';

const RUNS = Number(process.env.RUNS || 15);

interface Run {
  scriptMs: number;
  longTaskMs: number;
  bytesSent: number;
}

/** One server per variant (its own origin), all counting the bytes POSTed to an intake. */
async function startServers(bundles: (Buffer | undefined)[]) {
  let bytes = 0;
  const servers = await Promise.all(
    bundles.map((code) => {
      const app = express();
      app.use((req, _res, next) => {
        if (req.method === 'POST' && INTAKE_PATHS.test(req.path))
          bytes += Number(req.get('content-length') || 0);
        next();
      });
      app.post(INTAKE_PATHS, (_req, res) => void res.status(202).json({}));
      const site = createSite({
        head: `${SHOP_HEAD}${code ? '<script src="/assets/sdk.js"></script>' : ''}`,
        assets: code ? { 'sdk.js': code } : {},
      });
      app.use(site.app);
      return listen(app);
    }),
  );
  const takeBytes = () => {
    const taken = bytes;
    bytes = 0;
    return taken;
  };
  return { servers, takeBytes };
}

async function measure(browser: Browser, url: string, takeBytes: () => number): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number };
    w.__longTasks = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks += entry.duration;
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  takeBytes();
  await page.goto(url, { waitUntil: 'load' });
  await visitShop(page);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const longTaskMs = await page.evaluate(
    () => (window as unknown as { __longTasks: number }).__longTasks,
  );
  await context.close();
  return {
    scriptMs: (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000,
    longTaskMs,
    bytesSent: takeBytes(),
  };
}

const bundles = await Promise.all(VARIANTS.map(bundleVariant));
console.log(
  'bundle sizes (gzip -9, SDK plus its init call): as bundled (esbuild minify, es2020; rumkit as',
  'shipped: esbuild then terser), and each after terser too, as rumkit ships its script tag:',
);
for (const [i, variant] of VARIANTS.entries()) {
  const code = bundles[i];
  if (!code) continue;
  const terser = variant.file
    ? code
    : Buffer.from((await minify(code.toString(), TERSER)).code ?? '');
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
  const gzip = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;
  console.log(
    `  ${variant.name.padEnd(18)} ${kb(code.length)} min ${kb(gzip(code))} gzip, after terser ${kb(gzip(terser))} gzip`,
  );
}

const { servers, takeBytes } = await startServers(bundles);
const runs = await interleavedPages(servers, RUNS, (browser, url) =>
  measure(browser, url, takeBytes),
);

const medians = runs.map((list) => ({
  scriptMs: median(list.map((r) => r.scriptMs)),
  longTaskMs: median(list.map((r) => r.longTaskMs)),
  bytesSent: median(list.map((r) => r.bytesSent)),
}));
const base = medians[0] as (typeof medians)[number];
console.log(
  `\n\nmedians of ${RUNS} interleaved runs (the visit: load, 4 route changes and clicks, page hidden):`,
);
console.log(
  `  ${''.padEnd(18)} ${'script ms'.padStart(10)} ${'+ over none'.padStart(12)} ${'long tasks ms'.padStart(14)} ${'+ over none'.padStart(12)} ${'bytes sent'.padStart(11)}`,
);
VARIANTS.forEach((variant, i) => {
  const m = medians[i] as (typeof medians)[number];
  console.log(
    `  ${variant.name.padEnd(18)} ${m.scriptMs.toFixed(1).padStart(10)} ${(i ? `+${(m.scriptMs - base.scriptMs).toFixed(1)}` : '').padStart(12)} ${m.longTaskMs.toFixed(0).padStart(14)} ${(i ? `+${(m.longTaskMs - base.longTaskMs).toFixed(0)}` : '').padStart(12)} ${String(Math.round(m.bytesSent)).padStart(11)}`,
  );
});
const added = (name: string) =>
  (medians[VARIANTS.findIndex((variant) => variant.name === name)]?.scriptMs ?? 0) - base.scriptMs;
const datadog = added('Datadog RUM');
for (const name of ['rumkit', 'rumkit (npm)']) {
  const ours = added(name);
  console.log(
    `${name === 'rumkit' ? '\n' : ''}${name} adds ${ours.toFixed(1)} ms of script, Datadog ${datadog.toFixed(1)} ms: ${(ours / datadog).toFixed(2)}× (target ≤ 0.33×)`,
  );
}
