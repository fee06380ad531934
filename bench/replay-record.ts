// Session replay recording bench, on two pages with (a) no SDK, (b) rumkit without replay,
// (c) rumkit recording, (d) Datadog RUM recording (sessionReplaySampleRate 100 and
// startSessionReplayRecording), and (e) Datadog RUM without replay, each bundled with esbuild
// and pointed at a local server:
// - `spa`: the SDK benches' 2,000-node test shop and its visit (load, four route changes and
//   clicks, page hidden), the page on which the issue measured Datadog's +163 ms;
// - `heavy`: a live dashboard (5,000 elements, a few hundred mutations every 100 ms, the mouse
//   moving and the page scrolling), measured over a window from 2 s after the load event.
// Prints, as medians of interleaved runs in headless Chromium, the main-thread time each adds
// over no SDK (script time, and all the main thread's tasks), the replay bytes sent, and the
// replay chunk's gzip size.
//
//   npm run bench -- replay-record          (both pages; RUNS=15 by default; WINDOW_MS=8000)
//   PAGE=spa npm run bench -- replay-record (one page: spa or heavy)
import { gzipSync, inflateSync } from 'node:zlib';
import express from 'express';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildShipped } from '../sdk/bundleOptions.mjs';
import { createSite } from '../test/e2e/support/sdk-site.ts';
import { listen } from '../test/e2e/support/serve.ts';
import { HEAVY_PAGE_SCRIPT, heavyPageHtml } from './replay/heavy-page.ts';
import { bundleVariant, type Variant } from './sdk/variants.ts';
import { SHOP_HEAD, visitShop } from './sdk/visit.ts';
import { interleavedPages } from './support/interleave.js';
import { median } from './support/median.js';

const RUNS = Number(process.env.RUNS || 15);
/** The measured stretch: from 2 s after the load event (every SDK is recording by then). */
const WINDOW_MS = Number(process.env.WINDOW_MS || 8000);
const CHUNK_TARGET = 30 * 1024;
type PageName = 'spa' | 'heavy';
const PAGES: PageName[] = process.env.PAGE ? [process.env.PAGE as PageName] : ['spa', 'heavy'];
if (PAGES.some((page) => page !== 'spa' && page !== 'heavy'))
  throw new Error(`PAGE must be spa or heavy, not ${process.env.PAGE}`);

const RUMKIT_INIT =
  "RUMKIT.init({ applicationId: 'bench', datakitOrigin: location.origin, trackUserInteractions: true });";
const datadog = (replay: boolean) => `import { datadogRum } from '@datadog/browser-rum';
  datadogRum.init({
    applicationId: '00000000-0000-0000-0000-000000000000', clientToken: 'pub00000000000000000000000000000000',
    site: 'datadoghq.com', proxy: location.origin + '/dd', service: 'bench',
    sessionSampleRate: 100, sessionReplaySampleRate: ${replay ? 100 : 0},
    trackUserInteractions: true, trackResources: true, trackLongTasks: true,
  });
  ${replay ? 'datadogRum.startSessionReplayRecording();' : ''}`;

const VARIANTS: (Variant & { replay: boolean })[] = [
  { name: 'no SDK', replay: false },
  {
    name: 'rumkit',
    file: 'sdk/src/global.ts',
    footer: RUMKIT_INIT,
    replay: false,
  },
  {
    name: 'rumkit recording',
    file: 'sdk/src/global.ts',
    footer: `${RUMKIT_INIT} RUMKIT.startSessionReplayRecording();`,
    replay: true,
  },
  // One file each, its recorder inlined: the bench serves no chunks (82 KB gzip, as the issue
  // measured Datadog).
  { name: 'Datadog recording', entry: datadog(true), replay: true, oneFile: true },
  { name: 'Datadog', entry: datadog(false), replay: false, oneFile: true },
];

interface Run {
  scriptMs: number;
  taskMs: number;
  replayBytes: number;
  paused: number;
}

/** The recorder chunk as the script tag loads it (dist/rumkit-replay.mjs). */
async function recorderChunk(): Promise<Buffer> {
  const { code } = await buildShipped({ entry: 'sdk/src/replay/recorder.ts', format: 'esm' });
  return Buffer.from(code);
}

/** One server per variant (its own origin, so no session or storage is shared). */
async function startServers(bundles: (Buffer | undefined)[], chunk: Buffer, page: PageName) {
  let replayBytes = 0;
  let paused = 0;
  const servers = await Promise.all(
    bundles.map((code) => {
      const app = express();
      app.post(
        /^\/(v1\/write\/rum|dd)/,
        express.raw({ type: () => true, limit: '20mb' }),
        async (req, res) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const forward = String(req.query.ddforward || '');
          if (req.path === '/v1/write/rum/replay' || forward.includes('/replay'))
            replayBytes += body.length;
          // rumkit's segments: did the mutation budget pause the recording?
          if (req.path === '/v1/write/rum/replay') {
            try {
              const form = await new Response(new Uint8Array(body), {
                headers: { 'content-type': String(req.get('content-type')) },
              }).formData();
              const file = Buffer.from(await (form.get('segment') as File).arrayBuffer());
              const json = (file[0] === 0x78 ? inflateSync(file) : file).toString('utf8');
              if (json.includes('recording_paused')) paused++;
            } catch {
              // Counted as bytes only.
            }
          }
          res.status(202).json({});
        },
      );
      if (page === 'spa') {
        const script = code ? '<script src="/assets/sdk.js"></script>' : '';
        const assets = { 'sdk.js': code ?? '', 'rumkit-replay.mjs': chunk };
        app.use(createSite({ head: `${SHOP_HEAD}${script}`, assets }).app);
        return listen(app);
      }
      app.get('/assets/sdk.js', (_req, res) => void res.type('js').send(code ?? ''));
      app.get(
        '/assets/rumkit-replay.mjs',
        (_req, res) => void res.type('text/javascript').send(chunk),
      );
      app.get('/assets/page.js', (_req, res) => void res.type('js').send(HEAVY_PAGE_SCRIPT));
      app.get('/', (_req, res) => void res.type('html').send(heavyPageHtml(Boolean(code))));
      return listen(app);
    }),
  );
  const take = () => {
    const taken = { replayBytes, paused };
    replayBytes = 0;
    paused = 0;
    return taken;
  };
  return { servers, take };
}

async function metrics(cdp: { send(method: string): Promise<unknown> }) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

/** The SPA: the SDK benches' visit, measured whole (from the navigation, in a new page). */
async function visitSpa(page: Page) {
  await visitShop(page);
  return { script: 0, task: 0 };
}

/**
 * The heavy page: the mouse wanders and the page scrolls over the window, then it is hidden.
 * What was sent before the window (the first full snapshot) is not counted.
 */
async function visitHeavy(page: Page, cdp: CDPSession, take: () => unknown) {
  await page.waitForTimeout(2000);
  take();
  const before = await metrics(cdp);
  const steps = Math.floor(WINDOW_MS / 250);
  for (let i = 0; i < steps; i++) {
    await page.mouse.move(100 + ((i * 97) % 900), 100 + ((i * 53) % 600), { steps: 4 });
    if (i % 8 === 7) await page.mouse.wheel(0, i % 16 === 7 ? 400 : -400);
    await page.waitForTimeout(250);
  }
  // Page hidden: every SDK sends what it holds.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(700);
  return before;
}

async function measure(
  browser: Browser,
  url: string,
  take: () => { replayBytes: number; paused: number },
  pageName: PageName,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  take();
  await page.goto(url, { waitUntil: 'load' });
  // The SPA: the whole visit, as sdk-compare measures it; the heavy page: its window.
  const from = pageName === 'spa' ? await visitSpa(page) : await visitHeavy(page, cdp, take);
  const after = await metrics(cdp);
  const sent = take();
  await context.close();
  return {
    scriptMs: after.script - from.script,
    taskMs: after.task - from.task,
    replayBytes: sent.replayBytes,
    paused: sent.paused,
  };
}

const chunk = await recorderChunk();
const chunkGzip = gzipSync(chunk, { level: 9 }).length;
const bundles = await Promise.all(VARIANTS.map(bundleVariant));
console.log(
  `replay chunk (sdk/src/replay/recorder.ts as shipped: esbuild, terser, es2020): ${(chunk.length / 1024).toFixed(1)} KB min, ${(chunkGzip / 1024).toFixed(2)} KB gzip (target ${(CHUNK_TARGET / 1024).toFixed(0)} KB: ${chunkGzip <= CHUNK_TARGET ? 'met' : 'MISSED'})`,
);
VARIANTS.forEach((variant, i) => {
  const code = bundles[i];
  if (code)
    console.log(
      `  ${variant.name.padEnd(18)} bundle ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB gzip`,
    );
});

async function runPage(pageName: PageName) {
  const { servers, take } = await startServers(bundles, chunk, pageName);
  const runs = await interleavedPages(servers, RUNS, (browser, url) =>
    measure(browser, url, take, pageName),
  );

  const medians = runs.map((list) => ({
    scriptMs: median(list.map((r) => r.scriptMs)),
    taskMs: median(list.map((r) => r.taskMs)),
    replayBytes: median(list.map((r) => r.replayBytes)),
    paused: list.reduce((sum, r) => sum + r.paused, 0),
    silent: list.filter((r) => r.replayBytes === 0).length,
  }));
  const base = medians[0] as (typeof medians)[number];
  // The heavy page's replay bytes per minute of recording; the SPA's per visit.
  const per = pageName === 'spa' ? 1 : (WINDOW_MS + 700) / 60_000;
  console.log(
    pageName === 'spa'
      ? `\n\nthe 2,000-node SPA: medians of ${RUNS} interleaved visits (load, 4 route changes and clicks, page hidden):`
      : `\n\nthe heavy page: medians of ${RUNS} interleaved runs over ${(WINDOW_MS / 1000).toFixed(0)} s (from 2 s after load, until 0.7 s after it is hidden):`,
  );
  console.log(
    `  ${''.padEnd(18)} ${'script ms'.padStart(10)} ${'+ over none'.padStart(12)} ${'tasks ms'.padStart(10)} ${'+ over none'.padStart(12)} ${(pageName === 'spa' ? 'replay KB' : 'replay KB/min').padStart(14)}`,
  );
  VARIANTS.forEach((variant, i) => {
    const m = medians[i] as (typeof medians)[number];
    const plus = (value: number, of: number) => (i ? `+${(value - of).toFixed(1)}` : '');
    console.log(
      `  ${variant.name.padEnd(18)} ${m.scriptMs.toFixed(1).padStart(10)} ${plus(m.scriptMs, base.scriptMs).padStart(12)} ${m.taskMs.toFixed(1).padStart(10)} ${plus(m.taskMs, base.taskMs).padStart(12)} ${(variant.replay ? (m.replayBytes / 1024 / per).toFixed(1) : '').padStart(14)}`,
    );
  });
  const at = (name: string) =>
    medians[VARIANTS.findIndex((v) => v.name === name)] as (typeof medians)[number];
  for (const key of ['scriptMs', 'taskMs'] as const) {
    const ours = at('rumkit recording')[key] - base[key];
    const theirs = at('Datadog recording')[key] - base[key];
    const oursRecording = at('rumkit recording')[key] - at('rumkit')[key];
    const theirsRecording = at('Datadog recording')[key] - at('Datadog')[key];
    console.log(
      `\n${key === 'scriptMs' ? 'script' : 'all tasks'}: rumkit recording adds ${ours.toFixed(1)} ms over no SDK, Datadog recording ${theirs.toFixed(1)} ms: ${(ours / theirs).toFixed(2)}× (target ≤ 0.5×)` +
        `\n  the recording alone (over the same SDK without replay): rumkit ${oursRecording.toFixed(1)} ms, Datadog ${theirsRecording.toFixed(1)} ms: ${(oursRecording / theirsRecording).toFixed(2)}×`,
    );
  }
  console.log(
    `\nrumkit segments saying the mutation budget paused the recording: ${at('rumkit recording').paused} (in all ${RUNS} runs).` +
      `\nruns in which a recording variant sent no replay bytes: rumkit ${at('rumkit recording').silent}, Datadog ${at('Datadog recording').silent}.`,
  );
}

for (const pageName of PAGES) await runPage(pageName);
