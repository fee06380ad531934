/*
 * Explorer speed (issue 7), in headless Chromium against the real server on the 10M-event data
 * set of the query benchmark, through the demo console's real build:
 *
 *   1. a new query → its first page of rows on screen: from the moment the list's search
 *      request starts (in the page) to the first frame after its rows are rendered
 *      (target ≤ 150 ms); the server's own answer time for the same request is printed beside
 *      it, so the share of the browser (React, layout, paint) shows;
 *   2. scrolling 100,000 rows: the list is filled to 100k rows of resources, then scrolled from
 *      top to bottom with the mouse wheel; every frame's duration is recorded
 *      (requestAnimationFrame deltas and Long Animation Frames); target: no frame over 50 ms.
 *
 *   npm run bench -- explorer
 *   npx tsx --conditions=source bench/explorer.ts --runs=30 [--rows=100000] [--only=first-page|scroll]
 *
 * --trace (scrolling) records each pass in Chrome's trace and prints the main thread's GC, its
 * tasks over 40 ms with what took their time, the sampled allocation sites, and DOM changes
 * outside the rows; it slows the page, so its frame times are not the figures to record.
 */
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { buildConsole, consoleApp } from '../test/e2e/support/console.ts';
import { listen } from '../test/e2e/support/serve.ts';
import { DATA_ROOT, dataset } from './query/dataset.js';
import { median, percentile } from './support/median.js';
import { startRumkitServer } from './support/processes.js';
import { rendererMainEvents, type TraceEvent } from './support/trace.js';

const flags = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const SIZE = Number(flags.size ?? 10_000_000);
const RUNS = Number(flags.runs ?? 30);
const ROWS = Number(flags.rows ?? 100_000);
const DAY = 86_400_000;

/** In the page: when each list request starts and how long the server took to answer it. */
const INSTRUMENT = () => {
  const bench = {
    searches: [] as { query: string; start: number; answered?: number }[],
    /** API requests not yet answered. */
    inFlight: 0,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const original = window.fetch;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const promise = original.call(this, input as RequestInfo, init);
    if (url.includes('/api/')) {
      bench.inFlight++;
      const done = () => {
        bench.inFlight--;
      };
      promise.then((response) => response.clone().arrayBuffer().then(done, done), done);
    }
    if (url.includes('/api/v1/events/search')) {
      const body = JSON.parse(String(init?.body ?? '{}')) as { query?: string; cursor?: string };
      if (!body.cursor) {
        const entry: { query: string; start: number; answered?: number } = {
          query: body.query ?? '',
          start: performance.now(),
        };
        bench.searches.push(entry);
        promise.then(() => {
          entry.answered = performance.now();
        });
      }
    }
    return promise;
  } as typeof window.fetch;
};

async function main() {
  const cpu = os.cpus();
  console.log(
    `node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim()}), load ${os.loadavg()[0]?.toFixed(1)}, ${RUNS} queries`,
  );
  const { dir, manifest } = await dataset(SIZE);
  console.log(
    `data set: ${manifest.events.toLocaleString('en')} events (bench/.data/query-${SIZE})`,
  );

  const consoleDir = path.join(DATA_ROOT, 'console-dist');
  await buildConsole(consoleDir);

  const server = await startRumkitServer({
    dataDir: path.join(dir, 'data'),
    entry: 'bench/query/pinned-server.ts',
    env: { RUMKIT_ADMIN_KEY: manifest.adminKey, RUMKIT_BENCH_NOW: String(manifest.to + 60_000) },
  });
  const front = await listen(
    consoleApp(consoleDir, () => ({
      origin: server.origin,
      apiKey: manifest.secret,
      shopAppId: 'bench_app_01',
    })),
  );
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names through a `__name` helper that pages evaluated code lacks.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(INSTRUMENT);
    await page.addInitScript(() => localStorage.setItem('rumkit-console-locale', 'en'));
    const day = { from: manifest.to - DAY, to: manifest.to };
    if (flags.only !== 'scroll') await firstPage(page, front.origin, manifest.apps, day);
    if (flags.only !== 'first-page')
      await scrolling(page, front.origin, { from: manifest.to - 3 * DAY, to: manifest.to });
  } finally {
    await browser.close();
    await front.close();
    await server.stop();
  }
}

const explorerUrl = (origin: string, params: Record<string, string>) =>
  `${origin}/#/explorer?${new URLSearchParams(params).toString()}`;

/** Waits until the list is settled on rows of `query` and returns the frame it showed in. */
async function rowsOnScreen(
  page: Page,
  query: string,
): Promise<{ start: number; answered: number; shown: number }> {
  return page.evaluate(
    (wanted) =>
      new Promise<{ start: number; answered: number; shown: number }>((resolve, reject) => {
        const bench = (
          window as unknown as {
            __bench: { searches: { query: string; start: number; answered?: number }[] };
          }
        ).__bench;
        const deadline = performance.now() + 30_000;
        const tick = () => {
          const search = [...bench.searches].reverse().find((s) => s.query === wanted);
          const root = document.querySelector('.rk-explorer');
          const settled =
            search?.answered !== undefined &&
            root?.getAttribute('aria-busy') !== 'true' &&
            document.querySelector(
              '.rk-explorer [aria-rowindex="2"], .rk-explorer [data-state="empty"]',
            );
          if (settled && search?.answered !== undefined) {
            // This frame is about to paint: the next one starts once it is on screen.
            const answered = search.answered;
            requestAnimationFrame(() =>
              resolve({ start: search.start, answered, shown: performance.now() }),
            );
            return;
          }
          if (performance.now() > deadline) return reject(new Error(`no rows for "${wanted}"`));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    query,
  );
}

async function firstPage(
  page: Page,
  origin: string,
  apps: string[],
  range: { from: number; to: number },
) {
  const base = { category: 'view', range: `${range.from}~${range.to}` };
  await page.goto(explorerUrl(origin, base));
  await rowsOnScreen(page, '');
  // Every question is new (the page's cache would answer a repeated one at once): each app
  // alone, then each app with each browser, up to 100 different searches.
  const browsers = ['', 'Chrome', 'Safari', 'Firefox', 'Edge'];
  const queries = Array.from(
    { length: Math.min(RUNS + 3, apps.length * browsers.length) },
    (_, i) => {
      const app = apps[i % apps.length];
      const browser = browsers[Math.floor(i / apps.length)];
      return browser ? `app_id:${app} browser:${browser}` : `app_id:${app}`;
    },
  );
  const shown: number[] = [];
  const server: number[] = [];
  for (const [i, query] of queries.entries()) {
    // One new question at a time: the facets and the histogram of the last one have answered
    // (a person reads the page before asking again).
    await page.waitForFunction(
      () => (window as unknown as { __bench: { inFlight: number } }).__bench.inFlight === 0,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    await page.waitForTimeout(100);
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      new URL(explorerUrl(origin, { ...base, query })).hash,
    );
    const t = await rowsOnScreen(page, query);
    // The first three warm the page (code paths, fonts, the server's caches).
    if (i < 3) continue;
    shown.push(t.shown - t.start);
    server.push(t.answered - t.start);
  }
  const line = (label: string, values: number[]) =>
    `${label}: p50 ${median(values).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  console.log(
    `\nnew query → first page of views on screen (${shown.length} queries, one day of 10M events)`,
  );
  console.log(`  ${line('request start → rows painted', shown)}`);
  console.log(`  ${line('request start → answer received', server)}`);
  const p95 = percentile(shown, 0.95);
  console.log(
    `  target ≤ 150 ms: ${p95 <= 150 ? 'met' : 'MISSED'} (p95 ${p95.toFixed(1)} ms, ${(p95 / 150).toFixed(2)}× the target)`,
  );
}

/** With --trace: what the renderer's main thread spent its longest moments on (GC included). */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-v8.gc'];

function longestMainThreadWork(buffer: Buffer): string {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const own = rendererMainEvents(events);
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const kinds = ['MajorGC', 'MinorGC'].map((name) => {
    const list = own.filter((e) => e.name === name);
    const total = list.reduce((sum, e) => sum + ms(e), 0);
    const longest = Math.max(0, ...list.map(ms));
    return `${name} ${list.length}× (${total.toFixed(0)} ms, longest ${longest.toFixed(1)} ms)`;
  });
  // Inside each task over 40 ms: what took its time, one level down and below.
  const tasks = own.filter((e) => /RunTask$/.test(e.name) && ms(e) > 40);
  const inside = tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const parts = own
      .filter((e) => e !== task && e.ts >= task.ts && e.ts < end && ms(e) > 3)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 6)
      .map((e) => {
        const layout = e.args?.beginData;
        const objects = layout?.totalObjects
          ? ` (${layout.dirtyObjects} of ${layout.totalObjects} objects dirty${layout.partialLayout ? ', partial' : ''})`
          : '';
        return `${e.name} ${ms(e).toFixed(0)}${objects}`;
      });
    return `\n            task ${ms(task).toFixed(0)} ms: ${parts.join(', ')}`;
  });
  return `main-thread GC: ${kinds.join(', ')}${inside.join('')}`;
}

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** The sampled allocations of a pass, by function, largest first. */
function topAllocators(head: AllocationNode): string {
  const bySite = new Map<string, number>();
  const walk = (node: AllocationNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(head);
  return [...bySite]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([site, bytes]) => `${site} ${(bytes / 2 ** 20).toFixed(1)} MiB`)
    .join(', ');
}

async function scrolling(page: Page, origin: string, range: { from: number; to: number }) {
  await page.goto(
    explorerUrl(origin, { category: 'resource', range: `${range.from}~${range.to}` }),
  );
  await rowsOnScreen(page, '');
  const scroller = '.rk-explorer .rk-events-scroll';
  // Fill the list: each scroll to the end loads the next page.
  const started = Date.now();
  for (;;) {
    const rows = await page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      el.scrollTop = el.scrollHeight;
      // The header is row 1: the last rendered row's index less one is the rows loaded.
      const indices = [...el.querySelectorAll('[aria-rowindex]')].map((row) =>
        Number(row.getAttribute('aria-rowindex')),
      );
      return Math.max(0, ...indices) - 1;
    }, scroller);
    if (rows >= ROWS) break;
    if (Date.now() - started > 300_000) throw new Error(`only ${rows} rows after 5 minutes`);
    await page.waitForTimeout(50);
  }
  const filled = ((Date.now() - started) / 1000).toFixed(1);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  console.log(
    `\nscrolling ${ROWS.toLocaleString('en')} rows of resources (filled in ${filled} s; JS heap after a full GC ${heap.toFixed(0)} MiB)`,
  );
  // Three ways people scroll a long list, each frame's duration recorded:
  //   fling    a fast trackpad fling, 400 px (12 rows) a frame, for 600 frames from the top;
  //   jumps    the scroll bar dragged: 120 jumps to places spread over all the rows, a frame each;
  //   to end   a fling through the last 10,000 rows, where the next pages load on the way.
  const passes = [
    { name: 'fling', start: 0, steps: Array.from({ length: 600 }, () => 400) },
    { name: 'jumps', start: 0, steps: [] as number[], jumps: 120 },
    { name: 'to end', start: -10_000 * 32, steps: Array.from({ length: 800 }, () => 400) },
  ];
  let failed = false;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  for (const pass of passes) {
    requests.length = 0;
    if (flags.trace !== undefined) {
      await page.context().browser()?.startTracing(page, { categories: TRACE_CATEGORIES });
      // Everything allocated in the pass, collected or not.
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    const frames = await page.evaluate(
      async ({ sel, pass }) => {
        const el = document.querySelector(sel) as HTMLElement;
        const height = el.scrollHeight - el.clientHeight;
        el.scrollTop = pass.start < 0 ? height + pass.start : pass.start;
        await new Promise((r) => setTimeout(r, 500));
        // DOM changes outside the rows, which may make the browser restyle much of the page.
        const outside = new Map<string, number>();
        const watcher = new MutationObserver((records) => {
          for (const r of records) {
            const target = r.target as Element;
            if (target.closest?.('.rk-events-row')) continue;
            const what = `${target.nodeName}.${String(target.className || '').split(' ')[0]} ${r.type}${r.attributeName ? `:${r.attributeName}` : ''}`;
            outside.set(what, (outside.get(what) ?? 0) + 1);
          }
        });
        watcher.observe(el.closest('.rk-explorer') ?? el, {
          attributes: true,
          childList: true,
          subtree: true,
        });
        const long: number[] = [];
        let worst = '';
        let worstDuration = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            long.push(entry.duration);
            if (entry.duration <= worstDuration) continue;
            worstDuration = entry.duration;
            // Where the longest frame went: scripts, then style and layout, then paint.
            const frame = entry as PerformanceEntry & {
              renderStart: number;
              styleAndLayoutStart: number;
              scripts: { duration: number; invoker: string; sourceFunctionName: string }[];
            };
            const end = frame.startTime + frame.duration;
            const scripts = frame.scripts
              .map((x) => `${x.invoker || x.sourceFunctionName} ${x.duration.toFixed(0)} ms`)
              .join(', ');
            worst = `${frame.duration.toFixed(0)} ms: scripts [${scripts}], render ${(frame.styleAndLayoutStart - frame.renderStart).toFixed(0)} ms, style and layout ${(end - frame.styleAndLayoutStart).toFixed(0)} ms`;
          }
        });
        observer.observe({ type: 'long-animation-frame', buffered: false });
        // Jumps go to spread positions in a fixed shuffled order, so runs compare.
        const targets = Array.from({ length: pass.jumps ?? 0 }, (_, i) => ((i * 7919) % 120) / 120);
        const moves: (() => void)[] = pass.jumps
          ? targets.map((at) => () => {
              el.scrollTop = at * (el.scrollHeight - el.clientHeight);
            })
          : pass.steps.map((dy) => () => {
              el.scrollTop += dy;
            });
        const deltas: number[] = [];
        await new Promise<void>((resolve) => {
          let last = performance.now();
          let i = 0;
          const step = () => {
            const now = performance.now();
            if (i > 0) deltas.push(now - last);
            last = now;
            const move = moves[i++];
            if (!move) return resolve();
            move();
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        });
        await new Promise((r) => setTimeout(r, 200));
        observer.disconnect();
        watcher.disconnect();
        const changes = [...outside].sort((a, b) => b[1] - a[1]).slice(0, 6);
        return { deltas, long, worst, changes };
      },
      { sel: scroller, pass },
    );
    if (flags.trace !== undefined) {
      const trace = await page.context().browser()?.stopTracing();
      if (trace) console.log(`          ${longestMainThreadWork(trace)}`);
      const { profile } = await cdp.send('HeapProfiler.stopSampling');
      console.log(`          allocated most: ${topAllocators(profile.head)}`);
    }
    // Which frames, counted from the pass's first: the first ones follow the jump to its start.
    const overAt = frames.deltas.flatMap((d, i) => (d > 50 ? [i] : []));
    const over = overAt.length;
    failed ||= over > 0;
    if (frames.worst) console.log(`          longest frame ${frames.worst}`);
    if (flags.trace !== undefined) {
      console.log(`          requests during the pass: ${requests.join(', ') || 'none'}`);
      console.log(
        `          DOM changes outside rows: ${frames.changes.map(([w, n]) => `${w} ×${n}`).join(', ') || 'none'}`,
      );
    }
    console.log(
      `  ${pass.name.padEnd(7)} ${String(frames.deltas.length).padStart(4)} frames: p50 ${median(frames.deltas).toFixed(1)} ms, p95 ${percentile(frames.deltas, 0.95).toFixed(1)} ms, max ${Math.max(...frames.deltas).toFixed(1)} ms, over 50 ms: ${over}${over ? ` (frame ${overAt.join(', ')})` : ''}; long animation frames ${frames.long.length}${frames.long.length ? ` (longest ${Math.max(...frames.long).toFixed(1)} ms)` : ''}`,
    );
  }
  console.log(`  target no frame over 50 ms: ${failed ? 'MISSED' : 'met'}`);
}

await main();
