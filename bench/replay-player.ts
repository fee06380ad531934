/*
 * Opening a 30-minute session replay (issue 8): from the moment the replay is asked for to its
 * first frame in the player (target ≤ 1 s), in headless Chromium, through the demo console's
 * real build, against the real server (DuckDB and the local blob store).
 *
 * The session is the test shop recorded for real with @rrweb/record, extended to 30 minutes of
 * incremental records on the snapshot's own nodes, a new view (with its full snapshot) every
 * 3 minutes and idle stretches (bench/replay/session.ts); it is uploaded segment by segment
 * through /v1/write/rum/replay, with a view event per view through /v1/write/rum.
 *
 *   cold  the console is opened at the replay's URL (page load, the console's code, the API
 *         call, rrweb's rebuild);
 *   warm  the console's explorer is open (settled, the player's code preloaded while idle) and
 *         navigates to the replay, as its "play replay" does.
 * The first frame is the first animation frame at which the replay's iframe holds the
 * recorded page's body. The server's answer time for the same request is printed beside it.
 *
 *   npm run bench -- replay-player
 *   npx tsx --conditions=source bench/replay-player.ts [--runs=15] [--minutes=30]
 */

import { mkdtempSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { postReplay } from '../server/src/testing/replay.ts';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { buildConsole, consoleApp } from '../test/e2e/support/console.ts';
import { createSite } from '../test/e2e/support/sdk-site.ts';
import { listen } from '../test/e2e/support/serve.ts';
import { longSession, recordPage, type SessionSegment } from './replay/session.ts';
import { median, percentile } from './support/median.js';
import { registerApps, startRumkitServer } from './support/processes.js';
import { rendererMainEvents, type TraceEvent } from './support/trace.js';

const flags = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const RUNS = Number(flags.runs ?? 15);
const MINUTES = Number(flags.minutes ?? 30);
const TARGET_MS = 1000;
const APP = 'bench_replay';
const SESSION = 'bench-replay-session';

/** In the page: resolves with ms since `since` at the first frame showing the recorded body. */
const FIRST_FRAME = `(since) => new Promise((resolve) => {
  const check = () => {
    const frame = document.querySelector('.rk-replay-stage iframe');
    const body = frame && frame.contentDocument && frame.contentDocument.body;
    if (body && body.childElementCount > 0) resolve(performance.now() - since);
    else requestAnimationFrame(check);
  };
  check();
})`;

async function upload(origin: string, segments: readonly SessionSegment[]) {
  let next = 0;
  const worker = async () => {
    while (next < segments.length) {
      const segment = segments[next++] as SessionSegment;
      const res = await postReplay(origin, segment);
      if (!res.ok) throw new Error(`replay upload answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/** One view event per view of the session (its first segment's start), so the session exists. */
async function postViews(origin: string, segments: readonly SessionSegment[]) {
  const views = new Map<string, number>();
  for (const { fields } of segments)
    if (!views.has(fields.view_id as string))
      views.set(fields.view_id as string, Number(fields.start));
  const lines = [...views].map(
    ([viewId, start], i) =>
      `view,app_id=${APP},session_id=${SESSION},view_id=${viewId},view_url=http://shop.test/page/${i},view_path=/page/${i} time_spent=180000000000,view_error_count=0,is_active=false ${start}`,
  );
  const res = await fetch(`${origin}/v1/write/rum?precision=ms`, {
    method: 'POST',
    body: lines.join('\n'),
  });
  if (!res.ok) throw new Error(`view events answered ${res.status}: ${await res.text()}`);
}

/** The explorer, settled (its lists answered, the player's code preloaded while idle). */
async function openExplorer(page: Page, origin: string) {
  await page.goto(`${origin}/#/explorer?category=session&range=1h`);
  await page.locator('.rk-explorer[data-state]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

async function firstFrame(page: Page, warm: boolean, url: string): Promise<number> {
  if (!warm) {
    await page.goto(url);
    return page.evaluate(`(${FIRST_FRAME})(0)`) as Promise<number>;
  }
  const hash = new URL(url).hash;
  return page.evaluate(
    `(() => { const since = performance.now(); location.hash = ${JSON.stringify(hash)}; return (${FIRST_FRAME})(since); })()`,
  ) as Promise<number>;
}

/**
 * --trace-cold[=ms]: a cold opening in Chrome's trace; prints the renderer main thread's tasks
 * over 10 ms (or the ms given; ms from the navigation's start) with what took their time inside.
 */
async function traceCold(browser: import('playwright-core').Browser, url: string, over: number) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto('about:blank');
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing'],
  });
  const total = await firstFrame(page, false, url);
  const buffer = await browser.stopTracing();
  await page.close();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const own = rendererMainEvents(events);
  const start = events.find((e) => e.name === 'navigationStart')?.ts ?? own[0]?.ts ?? 0;
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const called = ({ args }: TraceEvent) =>
    args?.data?.functionName || args?.data?.url
      ? `(${args.data.functionName || '?'} ${args.data.url?.split('/').pop()}:${args.data.lineNumber})`
      : '';
  console.log(
    `\ncold opening under the trace: first frame at ${total.toFixed(0)} ms; tasks over ${over} ms:`,
  );
  // The requests too, each at its start, first byte and end (the trace sees those still open).
  const requests = new Map<string, string>();
  const { origin } = new URL(url);
  for (const e of events) {
    const data = e.args?.data;
    if (!data?.requestId) continue;
    if (e.name === 'ResourceSendRequest' && data.url?.startsWith(origin))
      requests.set(data.requestId, new URL(data.url).pathname);
    if (
      !requests.has(data.requestId) ||
      !/^Resource(SendRequest|ReceiveResponse|Finish)$/.test(e.name)
    )
      continue;
    const what = e.name.replace('Resource', '').replace('ReceiveResponse', 'first byte');
    console.log(
      `  ${((e.ts - start) / 1000).toFixed(0).padStart(5)} ms  ${what.padEnd(11)} ${requests.get(data.requestId)}`,
    );
  }
  for (const task of own.filter((e) => /RunTask$/.test(e.name) && ms(e) > over)) {
    const end = task.ts + (task.dur ?? 0);
    const parts = own
      .filter(
        (e) =>
          e !== task &&
          e.ts >= task.ts &&
          e.ts < end &&
          ms(e) > Math.min(2, over) &&
          !/RunTask$/.test(e.name),
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map((e) => `${e.name}${called(e)} ${ms(e).toFixed(0)}`);
    console.log(
      `  ${((task.ts - start) / 1000).toFixed(0).padStart(5)} ms  ${ms(task).toFixed(0).padStart(4)} ms  ${parts.join(', ')}`,
    );
  }
}

/** --timeline: when each request of the last cold opening started and ended (ms from navigation). */
async function printTimeline(page: Page) {
  const entries = (await page.evaluate(
    `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [e.name, e.startTime, e.responseStart, e.responseEnd])`,
  )) as [string, number, number, number][];
  console.log('\nthe last cold opening (ms from navigation: start, first byte, end):');
  for (const [name, start, first, end] of entries)
    console.log(
      `  ${start.toFixed(0).padStart(5)} ${first.toFixed(0).padStart(5)} ${end.toFixed(0).padStart(5)}  ${new URL(name).pathname}`,
    );
}

/**
 * --profile: one warm opening under the CPU profiler (--profile-cold: a cold one); prints the replay request's timing and
 * the functions with the most self time, by script.
 */
async function profileOpening(
  browser: import('playwright-core').Browser,
  origin: string,
  url: string,
  warm: boolean,
) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (warm) await openExplorer(page, origin);
  else await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const finished = page.waitForEvent('requestfinished', (r) => r.url().includes('/replay'));
  const total = await firstFrame(page, warm, url);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: {
      nodes: {
        id: number;
        callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
      }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  const timing = (await finished).timing();
  console.log(
    `\nprofile of a ${warm ? 'warm' : 'cold'} opening: first frame at ${total.toFixed(0)} ms; replay request: headers at ${timing.responseStart.toFixed(0)} ms, body done at ${timing.responseEnd.toFixed(0)} ms after it started`,
  );
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries())
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url: script, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${script.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  await page.close();
}

async function main() {
  console.log(
    `load ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} · ${os.cpus().length} cores`,
  );
  const server = await startRumkitServer({ env: { RUMKIT_GEO: 'off', RUMKIT_INGEST_RATE: '0' } });
  const outDir = mkdtempSync(path.join(tmpdir(), 'rumkit-replay-bench-'));
  const browser = await launchBrowser();
  try {
    const { secret } = await registerApps(server, [{ app_id: APP, type: 'web' }]);
    const shop = await listen(createSite({ head: '' }).app);
    const recording = await recordPage(browser, `${shop.origin}/`, async (page) => {
      await page.waitForTimeout(300);
      await page.mouse.move(200, 200);
      await page.waitForTimeout(300);
    });
    await shop.close();
    const start = Date.now() - (MINUTES + 5) * 60_000;
    const segments = longSession(recording, {
      minutes: MINUTES,
      start,
      appId: APP,
      sessionId: SESSION,
      viewId: 'bench-view',
    });
    const records = segments.reduce((n, s) => n + s.records.length, 0);
    const json = segments.reduce((n, s) => n + JSON.stringify(s.records).length, 0);
    console.log(
      `session: ${MINUTES} min, ${segments.length} segments, ${records} records, ${(json / 1e6).toFixed(1)} MB of JSON`,
    );
    await upload(server.origin, segments);
    await postViews(server.origin, segments);

    const api = `${server.origin}/api/v1/sessions/${SESSION}`;
    const serverTimes = { gzip: [] as number[], identity: [] as number[], detail: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      for (const kind of ['gzip', 'identity', 'detail'] as const) {
        const t0 = performance.now();
        const res = await fetch(kind === 'detail' ? api : `${api}/replay`, {
          headers: {
            authorization: `Bearer ${secret}`,
            'accept-encoding': kind === 'gzip' ? 'gzip' : 'identity',
          },
        });
        const body = (await res.json()) as { records?: unknown[] };
        serverTimes[kind].push(performance.now() - t0);
        if (kind !== 'detail' && body.records?.length !== records)
          throw new Error(`the server gave ${body.records?.length} records of ${records}`);
      }
    }

    await buildConsole(outDir);
    const front = await listen(
      consoleApp(outDir, () => ({ origin: server.origin, apiKey: secret })),
    );
    const url = `${front.origin}/#/replay/${SESSION}?app_id=${APP}`;
    const times = { cold: [] as number[], warm: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      // Interleaved: one cold and one warm opening per run.
      for (const warm of [false, true]) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.addInitScript(() => localStorage.setItem('rumkit-console-locale', 'en'));
        if (warm) await openExplorer(page, front.origin);
        times[warm ? 'warm' : 'cold'].push(await firstFrame(page, warm, url));
        if (!warm && 'timeline' in flags && i === RUNS - 1) await printTimeline(page);
        await page.close();
      }
    }
    if ('profile' in flags) await profileOpening(browser, front.origin, url, true);
    if ('profile-cold' in flags) await profileOpening(browser, front.origin, url, false);
    if ('trace-cold' in flags) await traceCold(browser, url, Number(flags['trace-cold'] || 10));
    await front.close();

    const line = (name: string, values: number[]) =>
      `${name.padEnd(38)} p50 ${median(values).toFixed(0).padStart(5)} ms   p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms   max ${Math.max(
        ...values,
      )
        .toFixed(0)
        .padStart(5)} ms   p95/target ${(percentile(values, 95) / TARGET_MS).toFixed(2)}×`;
    console.log(`\n${RUNS} runs each, target ≤ ${TARGET_MS} ms to the first frame`);
    console.log(line('server: replay, gzip, whole body', serverTimes.gzip));
    console.log(line('server: replay, uncompressed', serverTimes.identity));
    console.log(line('server: the session detail alone', serverTimes.detail));
    console.log(line('cold: console opened at the replay', times.cold));
    console.log(line('warm: console navigates to the replay', times.warm));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
