// ScriptDuration per phase of the sdk-compare visit for several SDK entries, interleaved, as
// medians: for finding which part of the SDK costs main-thread time (ablation).
//
//   node --conditions=source --import tsx bench/sdk/phases.ts [name=entry-file.ts ...]
// Also the renderer main thread's CPU time (ThreadTime) and V8's compile time, robust to other
// processes taking the CPU where ScriptDuration (wall time) is not.
// TRACE=1 also records a Chrome trace per visit and adds the main thread's script CPU time.
// With no arguments it compares no SDK with rumkit as the bench ships it. Each entry file is
// bundled like the bench does (esbuild, minified IIFE, es2020). To compare versions of the SDK,
// copy sdk/src (only that folder: sdk/package.json says it has no side effects) somewhere, edit
// the copy, and give an entry that imports its global.ts and calls RUMKIT.init as the bench's
// page does. The last lines give, for each entry, the median of its per-round differences in
// total to the first SDK entry: the rounds are interleaved, so this pairs runs made at the same
// moment, steadier than a difference of medians on this shared machine.
import { readFileSync } from 'node:fs';
import express from 'express';
import type { Browser, CDPSession } from 'playwright-core';
import { COMPILE_HINT } from '../../sdk/bundleOptions.mjs';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { createSite } from '../../test/e2e/support/sdk-site.ts';
import { listen } from '../../test/e2e/support/serve.ts';
import { median } from '../support/median.js';
import { rendererMainEvents, type TraceEvent } from '../support/trace.js';
import { bundleVariant, VARIANTS, type Variant } from './variants.ts';
import { SHOP_HEAD, SHOP_STEPS } from './visit.ts';

const RUNS = Number(process.env.RUNS || 11);
const TRACE = !!process.env.TRACE;
const LABELS = [
  'load',
  'settle',
  ...SHOP_STEPS,
  'hidden',
  'total',
  'main thread CPU',
  'V8 compile',
  ...(TRACE ? ['cpu (trace)'] : []),
];

const entries: Variant[] = [{ name: 'no SDK' }];
// A name ending in `+hints` gets V8's explicit compile hint (`//# allFunctionsCalledOnLoad`).
const args = process.argv.slice(2);
if (args.length === 0) entries.push(VARIANTS.find((v) => v.name === 'rumkit') as Variant);
for (const arg of args) {
  const [name, file] = arg.split('=') as [string, string];
  entries.push({
    name,
    entry: readFileSync(file, 'utf8'),
    banner: name.endsWith('+hints') ? COMPILE_HINT : undefined,
  });
}

const bundles = await Promise.all(entries.map(bundleVariant));

const servers = await Promise.all(
  bundles.map((code) => {
    const app = express();
    app.post(/^\/(v1\/write\/rum|dd)/, (_req, res) => void res.status(202).json({}));
    const site = createSite({
      head: `${SHOP_HEAD}${code ? '<script src="/assets/sdk.js"></script>' : ''}`,
      assets: code ? { 'sdk.js': code } : {},
    });
    app.use(site.app);
    return listen(app);
  }),
);

const metric = async (cdp: CDPSession, name = 'ScriptDuration') => {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
};
const scriptMs = (cdp: CDPSession) => metric(cdp);

const SCRIPT_EVENTS =
  /^(EvaluateScript|FunctionCall|RunMicrotasks|v8\.compile|v8\.evaluateModule|v8\.run)$/;

/**
 * CPU time (thread time, not wall time) of the renderer main thread in script: the outermost
 * script events of the trace. Far less sensitive than ScriptDuration to other processes
 * taking the CPU, which stretch wall time but not thread time.
 */
function scriptCpuMs(trace: { traceEvents: TraceEvent[] }): number {
  const events = rendererMainEvents(trace.traceEvents)
    .filter((e) => SCRIPT_EVENTS.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.ts < end) continue; // nested in the last outermost event
    end = e.ts + (e.dur ?? 0);
    total += e.tdur ?? e.dur ?? 0;
  }
  return total / 1000;
}

async function visit(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (TRACE)
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'],
    });
  const marks: number[] = [];
  await page.goto(url, { waitUntil: 'load' });
  marks.push(await scriptMs(cdp));
  await page.waitForTimeout(300);
  marks.push(await scriptMs(cdp));
  for (const id of SHOP_STEPS) {
    await page.click(id);
    await page.waitForTimeout(300);
    marks.push(await scriptMs(cdp));
  }
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  });
  await page.waitForTimeout(500);
  marks.push(await scriptMs(cdp));
  const cpu = TRACE ? scriptCpuMs(JSON.parse(String(await browser.stopTracing()))) : 0;
  // CPU time, not wall time: other processes taking the CPU do not stretch it.
  const threadMs = await metric(cdp, 'ThreadTime');
  const compileMs = await metric(cdp, 'V8CompileDuration');
  await context.close();
  return [
    ...marks.map((ms, i) => ms - (marks[i - 1] ?? 0)),
    marks[marks.length - 1] as number,
    threadMs,
    compileMs,
    ...(TRACE ? [cpu] : []),
  ];
}

const browser = await launchBrowser();
const runs: number[][][] = entries.map(() => []);
try {
  for (const server of servers) await visit(browser, `${server.origin}/`);
  for (let round = 0; round < RUNS; round++) {
    for (let k = 0; k < entries.length; k++) {
      const i = (round + k) % entries.length;
      runs[i]?.push(await visit(browser, `${servers[i]?.origin}/`));
    }
    process.stderr.write(`\rround ${round + 1}/${RUNS}`);
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}

console.log(`\nScriptDuration medians of ${RUNS} interleaved runs, ms:`);
console.log(`  ${''.padEnd(16)}${entries.map((e) => e.name.slice(0, 12).padStart(13)).join('')}`);
LABELS.forEach((label, p) => {
  console.log(
    `  ${label.padEnd(16)}${runs
      .map((list) =>
        median(list.map((r) => r[p] as number))
          .toFixed(1)
          .padStart(13),
      )
      .join('')}`,
  );
});

if (entries.length > 2) {
  const total = LABELS.indexOf('total');
  const first = runs[1] as number[][];
  console.log(`\ntotal, median of per-round differences to ${entries[1]?.name}, ms:`);
  entries.slice(2).forEach((entry, i) => {
    const diffs = (runs[i + 2] as number[][]).map(
      (r, k) => (r[total] as number) - ((first[k] as number[])[total] as number),
    );
    console.log(`  ${entry.name.padEnd(16)}${median(diffs).toFixed(1).padStart(13)}`);
  });
}
