/*
 * The query benchmark's data: 14 days of 20 apps' traffic from the seeded demo generator,
 * sent through the real HTTP ingest of a real server, kept on disk so later runs reuse it.
 *
 * Shape (issue 4): 20 apps with a skewed share of traffic (app k gets 1/(k+1) of the first's),
 * about 10 events per session, tens of thousands of URLs, hundreds of error messages. A
 * data set lives in bench/.data/query-<events>/ with a manifest; a manifest whose recipe
 * differs from this file's is rebuilt.
 *
 * The ClickHouse copy (clickhouseDataset) is the same requests sent again, in the same order,
 * to a server on RUMKIT_STORE=clickhouse (chDB in data/clickhouse) sharing the DuckDB set's
 * data directory, hence its registry: the same workspace, key and apps.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeLines, type Point } from '@rumkit/core/protocol';
import { generateBatches, type TrafficApp, type TrafficPlatform } from '@rumkit/server/demo';
import { ROOT, registerApps, startRumkitServer } from '../support/processes.js';

const DAY = 86_400_000;
const RECIPE = 1;
const SEED = 20_261_126;
const VIEWS_PER_SESSION = 0.3;
const POINTS_PER_REQUEST = 1000;
const IN_FLIGHT = 6;

export interface Manifest {
  recipe: number;
  events: number;
  from: number;
  to: number;
  apps: string[];
  secret: string;
  adminKey: string;
  built: { at: string; seconds: number; eventsPerSecond: number };
}

export const DATA_ROOT = path.join(ROOT, 'bench', '.data');

export type Engine = 'duckdb' | 'clickhouse';

/**
 * How the bench runs a server on each engine's copy of a data set. ClickHouse's TTL is off:
 * it goes by the wall clock, and the data set's days stay where they were built (the server's
 * clock is pinned to them, so the retention job keeps them, as it does on DuckDB).
 */
export const ENGINE_ENV: Record<Engine, Record<string, string>> = {
  duckdb: {},
  clickhouse: {
    RUMKIT_STORE: 'clickhouse',
    RUMKIT_CLICKHOUSE_TTL: 'off',
    // Repeated questions must not be answered from the granules a previous run found.
    RUMKIT_CLICKHOUSE_SETTINGS: JSON.stringify({ use_query_condition_cache: 0 }),
  },
};

/**
 * The data set of about `events` events: reused when built before, else built now. A build
 * that was stopped resumes where its acknowledged requests end (progress.json).
 */
export async function dataset(events: number): Promise<{ dir: string; manifest: Manifest }> {
  const dir = path.join(DATA_ROOT, `query-${events}`);
  const file = path.join(dir, 'manifest.json');
  const done = readJson<Manifest>(file);
  if (done?.recipe === RECIPE) return { dir, manifest: done };
  let progress = readJson<Progress>(path.join(dir, 'progress.json'));
  if (progress?.recipe !== RECIPE) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    progress = undefined;
  } else {
    console.log(`  resuming the build: ${progress.sent.toLocaleString('en')} events were stored`);
  }
  const manifest = await build(dir, events, progress);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  rmSync(path.join(dir, 'progress.json'), { force: true });
  return { dir, manifest };
}

/**
 * The ClickHouse copy of a DuckDB data set: the same events into chDB (data/clickhouse),
 * reused when built before; its manifest says how long the build took.
 */
export async function clickhouseDataset(
  size: number,
  duck: { dir: string; manifest: Manifest },
): Promise<Manifest> {
  const file = path.join(duck.dir, 'manifest-clickhouse.json');
  const done = readJson<Manifest>(file);
  if (done?.recipe === RECIPE && done.to === duck.manifest.to) return done;
  const progressFile = path.join(duck.dir, 'progress-clickhouse.json');
  let progress = readJson<Progress>(progressFile);
  if (progress?.recipe !== RECIPE || progress.to !== duck.manifest.to) {
    rmSync(path.join(duck.dir, 'data', 'clickhouse'), { recursive: true, force: true });
    const { recipe, from, to, secret, adminKey } = duck.manifest;
    progress = {
      recipe,
      from,
      to,
      secret,
      adminKey,
      watermark: 0,
      above: [],
      sent: 0,
      seconds: 0,
    };
  } else {
    console.log(`  resuming the build: ${progress.sent.toLocaleString('en')} events were stored`);
  }
  const manifest = await build(duck.dir, size, progress, 'clickhouse');
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  rmSync(progressFile, { force: true });
  return manifest;
}

/** How far a build got: every request below `watermark`, and those in `above`, are stored. */
interface Progress {
  recipe: number;
  from: number;
  to: number;
  secret: string;
  adminKey: string;
  watermark: number;
  above: number[];
  sent: number;
  seconds: number;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

function saveProgress(dir: string, progress: Progress, engine: Engine) {
  const file = path.join(dir, engine === 'duckdb' ? 'progress.json' : `progress-${engine}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(progress));
  renameSync(`${file}.tmp`, file);
}

function appsOf(): (TrafficApp & { weight: number })[] {
  const types: TrafficPlatform[] = ['web', 'web', 'android', 'web', 'ios', 'web', 'miniapp'];
  return Array.from({ length: 20 }, (_, k) => ({
    appId: `bench_app_${String(k + 1).padStart(2, '0')}`,
    type: types[k % types.length] as TrafficPlatform,
    host: `shop${k + 1}.example.com`,
    weight: 1 / (k + 1),
  }));
}

/** Sessions per hour for the first app so that the whole range holds about `events` points. */
function calibrate(apps: ReturnType<typeof appsOf>, events: number, to: number): number {
  const probe = { from: to - DAY, to, seed: SEED, viewsPerSession: VIEWS_PER_SESSION };
  const rate = 20;
  let points = 0;
  for (const batch of generateBatches({
    ...probe,
    sessionsPerHour: rate,
    apps: apps.map((a) => ({ ...a, sessionsPerHour: rate * a.weight })),
  }))
    points += batch.points.length;
  return (rate * events) / (points * 14);
}

async function build(
  dir: string,
  events: number,
  resumed?: Progress,
  engine: Engine = 'duckdb',
): Promise<Manifest> {
  const to = resumed?.to ?? Math.floor(Date.now() / 60_000) * 60_000;
  const from = to - 14 * DAY;
  const apps = appsOf();
  const first = calibrate(apps, events, to);
  const server = await startRumkitServer({
    dataDir: path.join(dir, 'data'),
    env: {
      RUMKIT_INGEST_RATE: '0',
      RUMKIT_GEO: 'on',
      ...ENGINE_ENV[engine],
      // A copy is built days after the original maybe: keep the retention job off its days.
      ...(engine === 'duckdb' ? {} : { RUMKIT_BENCH_NOW: String(to + 60_000) }),
    },
    ...(engine === 'duckdb' ? {} : { entry: 'bench/query/pinned-server.ts' }),
    ...(resumed ? { adminKey: resumed.adminKey } : {}),
  });
  const secret =
    resumed?.secret ??
    (
      await registerApps(
        server,
        apps.map((a) => ({ app_id: a.appId, type: a.type })),
      )
    ).secret;
  const progress: Progress = resumed ?? {
    recipe: RECIPE,
    from,
    to,
    secret,
    adminKey: server.adminKey,
    watermark: 0,
    above: [],
    sent: 0,
    seconds: 0,
  };
  const acked = new Set(progress.above);
  const started = performance.now();
  const elapsed = () => progress.seconds + (performance.now() - started) / 1000;
  let lastReport = started;
  let stopping = false;
  try {
    const batches = generateBatches({
      apps: apps.map((a) => ({ ...a, sessionsPerHour: first * a.weight })),
      from,
      to,
      sessionsPerHour: first,
      seed: SEED,
      viewsPerSession: VIEWS_PER_SESSION,
    });
    const more = requests(batches);
    // Ctrl-C (or SIGTERM) stops sending; the requests in flight finish and are recorded.
    stopping = false;
    const stop = () => {
      stopping = true;
      console.log('  stopping: the build resumes from here next time');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const next = () => (stopping ? undefined : more());
    let index = -1;
    const lane = async () => {
      for (let request = next(); request; request = next()) {
        index++;
        const mine = index;
        if (mine < progress.watermark || acked.has(mine)) continue;
        await send(server.origin, request.body(), request.ip);
        progress.sent += request.points;
        acked.add(mine);
        while (acked.delete(progress.watermark)) progress.watermark++;
        saveProgress(dir, { ...progress, above: [...acked], seconds: elapsed() }, engine);
        const now = performance.now();
        if (now - lastReport > 10_000) {
          lastReport = now;
          const rate = Math.round(progress.sent / elapsed());
          console.log(
            `  ${progress.sent.toLocaleString('en')} events stored, ${rate.toLocaleString('en')}/s`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  } catch (error) {
    console.error(`  the build stopped; the server's last words:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    saveProgress(dir, { ...progress, above: [...acked], seconds: elapsed() }, engine);
    await server.stop();
  }
  if (stopping) process.exit(130);
  const seconds = elapsed();
  return {
    recipe: RECIPE,
    events: progress.sent,
    from,
    to,
    apps: apps.map((a) => a.appId),
    secret,
    adminKey: progress.adminKey,
    built: {
      at: new Date().toISOString(),
      seconds: Math.round(seconds),
      eventsPerSecond: Math.round(progress.sent / seconds),
    },
  };
}

interface Request {
  body: () => string;
  points: number;
  ip: string;
}

/** Cuts the SDK batches into bodies of POINTS_PER_REQUEST points (one client address each). */
function requests(
  batches: Iterable<{ points: Point[]; clientIp: string }>,
): () => Request | undefined {
  const iterator = batches[Symbol.iterator]();
  return () => {
    const points: Point[] = [];
    let ip = '';
    while (points.length < POINTS_PER_REQUEST) {
      const step = iterator.next();
      if (step.done) break;
      ip ||= step.value.clientIp;
      points.push(...step.value.points);
    }
    if (points.length === 0) return undefined;
    return { body: () => encodeLines(points, { precision: 'ms' }), points: points.length, ip };
  };
}

async function send(origin: string, body: string, ip: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${origin}/v1/write/rum?precision=ms`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': ip },
      body,
    });
    const text = await res.text();
    if (res.ok) return;
    if (res.status < 500 || attempt === 3) {
      throw new Error(`ingest answered ${res.status}: ${text.slice(0, 500)}`);
    }
  }
}
