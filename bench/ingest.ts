/*
 * Ingest speed: realistic /v1/write/rum batches of 50 events (the SDKs' batch size) from
 * many keep-alive connections, against the real rumkit server and against a bare node:http
 * server that only reads and decodes the body. Reports the maximum events/s of each, their
 * ratio, and the p50/p99 latency of acknowledgements at half the maximum rate.
 *
 * Targets (2-core machine): >= 100k events/s sustained, >= 0.5 of the bare server,
 * p99 <= 50 ms at half load.
 *
 *   npm run bench -- ingest.ts                      60 s per run, both servers
 *   npx tsx --conditions=source bench/ingest.ts --seconds=10 --only=bare
 *   npx tsx --conditions=source bench/ingest.ts --engines=clickhouse --only=rumkit
 *
 * Flags: --seconds=60 (max-rate run) --half-seconds=30 (half-load run) --warmup=5
 *        --connections=64 --bodies=1000 --only=bare,rumkit --profile (CPU profiles of the
 *        servers, summarised at the end) --geo=on|off --json=<file>
 *        --engines=duckdb,clickhouse (the rumkit server once on each store; ClickHouse is chDB
 *        in the server's data directory, installed by scripts/ensure.mjs)
 *        --onto=10000000 (each store starts as a copy of the query bench's data set of that
 *        size, both engines' copies, so ingest is measured into a store that already holds it)
 *
 * The load generator runs in its own process; each server runs in its own process. The
 * rumkit server runs as `npm start` runs it (server/src/main.ts under tsx), with a fresh data
 * directory and RUMKIT_INGEST_RATE=0 so the per-address rate limit does not cap the test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trafficRequests } from '@rumkit/server/demo';
import { filledStore } from './ingest/filled.js';
import type { Engine } from './query/dataset.js';
import {
  type LoadGenerator,
  type LoadResult,
  startLoadGenerator,
  writeBodies,
} from './support/load.js';
import {
  profileDirectory,
  type RunningServer,
  registerApps,
  startBareServer,
  startRumkitServer,
  summarizeProfiles,
} from './support/processes.js';

const flags = parseFlags(process.argv.slice(2));
const seconds = Number(flags.seconds ?? 60);
const halfSeconds = Number(flags['half-seconds'] ?? Math.min(30, seconds));
const warmup = Number(flags.warmup ?? 5);
const connections = Number(flags.connections ?? 64);
const bodyCount = Number(flags.bodies ?? 1000);
const only = new Set((flags.only ?? 'bare,rumkit').split(','));
const engines = (flags.engines ?? 'duckdb,clickhouse').split(',');
/** --onto=N: each store starts as a copy of the query bench's N-event data set. */
const onto = flags.onto ? Number(flags.onto) : undefined;
/** The rumkit server's name in the report, by store. */
const rumkitName = (engine: string) => (engine === 'duckdb' ? 'rumkit' : `rumkit ${engine}`);
const profile = flags.profile !== undefined;
const POINTS_PER_BODY = 50;
const PATH = '/v1/write/rum?precision=ms';

const APPS = [
  { app_id: 'bench_web', type: 'web' },
  { app_id: 'bench_android', type: 'android' },
  { app_id: 'bench_miniapp', type: 'miniapp' },
] as const;

interface TargetReport {
  name: string;
  /** 1-minute load average of the machine before and after the max-rate run. */
  load: [number, number];
  max: LoadResult;
  half?: LoadResult;
  cpuPercent?: number;
  alive: boolean;
}

async function main() {
  const cpu = os.cpus();
  console.log(
    `node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim()}), ` +
      `${connections} connections, ${POINTS_PER_BODY} events per request, ` +
      `${seconds} s at max rate and ${halfSeconds} s at half rate, after ${warmup} s warm-up`,
  );

  const work = mkdtempSync(path.join(os.tmpdir(), 'rumkit-ingest-bench-'));
  const bodiesFile = path.join(work, 'bodies.json');
  const built = buildBodies(bodyCount);
  writeBodies(bodiesFile, built);
  const bytes = built.reduce((n, b) => n + Buffer.byteLength(b.body), 0);
  console.log(
    `bodies: ${built.length} distinct requests from the traffic generator (web, android, ` +
      `miniapp), ${(bytes / built.length / 1024).toFixed(1)} KiB and ` +
      `${POINTS_PER_BODY} events each, ${new Set(built.map((b) => b.clientIp)).size} client addresses`,
  );

  const load = await startLoadGenerator(bodiesFile);
  const reports: TargetReport[] = [];
  const profiles: [string, string][] = [];
  try {
    if (only.has('bare')) {
      const profileDir = profile ? profileDirectory() : undefined;
      if (profileDir) profiles.push(['bare node:http', profileDir]);
      const bare = await startBareServer(profileDir ? { profileDir } : {});
      reports.push(await measure(bare, load));
      await bare.stop();
    }
    for (const engine of only.has('rumkit') ? engines : []) {
      const name = rumkitName(engine);
      const profileDir = profile ? profileDirectory() : undefined;
      if (profileDir) profiles.push([name, profileDir]);
      const base = onto ? filledStore(onto, engine as Engine, work) : undefined;
      const rumkit = await startRumkitServer({
        env: {
          RUMKIT_INGEST_RATE: '0',
          RUMKIT_STORE: engine,
          ...(flags.geo ? { RUMKIT_GEO: flags.geo } : {}),
          ...base?.env,
        },
        ...(base?.options ?? {}),
        ...(profileDir ? { profileDir } : {}),
      });
      try {
        await registerApps(rumkit, APPS);
        reports.push(await measure({ ...rumkit, name }, load));
      } finally {
        await rumkit.stop();
      }
      if (!reports.at(-1)?.alive) console.log(rumkit.output().slice(-3000));
    }
  } finally {
    await load.close();
    rmSync(work, { recursive: true, force: true });
  }

  printReport(reports);
  for (const [name, dir] of profiles) {
    console.log(`\nCPU profile of the ${name} server, by self time (${dir}):`);
    for (const line of summarizeProfiles(dir)) console.log(line);
  }
  if (flags.json) writeFileSync(flags.json, JSON.stringify(reports, null, 2));
}

/** Max rate (closed loop), then half of it (open loop). */
async function measure(server: RunningServer, load: LoadGenerator): Promise<TargetReport> {
  const target = { origin: server.origin, path: PATH };
  process.stdout.write(`\n${server.name}: ${seconds} s at max rate... `);
  const cpuBefore = server.cpuSeconds();
  const loadBefore = os.loadavg()[0] as number;
  const max = await load.run(target, {
    mode: 'closed',
    connections,
    seconds,
    warmupSeconds: warmup,
  });
  const cpuAfter = server.cpuSeconds();
  console.log(`${fmt(max.eventsPerSecond)} events/s`);
  problems(max);
  const report: TargetReport = {
    name: server.name,
    load: [loadBefore, os.loadavg()[0] as number],
    max,
    alive: server.alive(),
  };
  if (cpuBefore !== undefined && cpuAfter !== undefined) {
    report.cpuPercent = Math.round(((cpuAfter - cpuBefore) / (seconds + warmup)) * 100);
  }
  const rate = Math.max(1, Math.round(max.requestsPerSecond / 2));
  if (max.status['2xx'] > 0 && halfSeconds > 0) {
    process.stdout.write(`${server.name}: ${halfSeconds} s at ${rate} requests/s... `);
    const half = await load.run(target, {
      mode: 'open',
      connections,
      seconds: halfSeconds,
      warmupSeconds: Math.min(warmup, 2),
      rate,
    });
    console.log(`p50 ${half.latencyMs.p50} ms, p99 ${half.latencyMs.p99} ms`);
    problems(half);
    report.half = half;
  }
  report.alive = server.alive();
  return report;
}

function problems(result: LoadResult) {
  const bad = result.requests - result.status['2xx'];
  if (bad > 0) {
    console.log(
      `  ${bad} of ${result.requests} requests were not answered 2xx: ${JSON.stringify(result.status)}`,
    );
    for (const sample of result.samples) console.log(`    ${sample}`);
  }
}

function printReport(reports: TargetReport[]) {
  console.log(
    '\n' +
      [
        'server'.padEnd(16),
        'events/s'.padStart(10),
        'req/s'.padStart(8),
        'p50'.padStart(8),
        'p99'.padStart(8),
        'CPU'.padStart(6),
        '| half: req/s'.padStart(14),
        'p50'.padStart(8),
        'p99'.padStart(8),
        'non-2xx'.padStart(9),
      ].join(' '),
  );
  for (const r of reports) {
    const nonOk =
      r.max.requests - r.max.status['2xx'] + (r.half ? r.half.requests - r.half.status['2xx'] : 0);
    console.log(
      [
        r.name.padEnd(16),
        fmt(r.max.eventsPerSecond).padStart(10),
        fmt(r.max.requestsPerSecond).padStart(8),
        `${r.max.latencyMs.p50}ms`.padStart(8),
        `${r.max.latencyMs.p99}ms`.padStart(8),
        (r.cpuPercent !== undefined ? `${r.cpuPercent}%` : '?').padStart(6),
        `| ${r.half ? fmt(r.half.requestsPerSecond) : '-'}`.padStart(14),
        (r.half ? `${r.half.latencyMs.p50}ms` : '-').padStart(8),
        (r.half ? `${r.half.latencyMs.p99}ms` : '-').padStart(8),
        String(nonOk).padStart(9),
      ].join(' '),
    );
  }
  console.log(
    `load generator CPU: ${reports.map((r) => `${r.name} ${r.max.generatorCpuPercent}%`).join(', ')} of one core`,
  );
  // Other work on the machine takes cores from the server: a load average above ~3 during a
  // run (server + load generator make about 2) means the figures are low.
  console.log(
    `machine load average (1 min) before/after the max-rate run: ${reports
      .map((r) => `${r.name} ${r.load.map((l) => l.toFixed(1)).join('/')}`)
      .join(', ')}`,
  );
  const bare = reports.find((r) => r.name.startsWith('bare'));
  for (const rumkit of reports.filter((r) => r.name.startsWith('rumkit'))) {
    console.log(`${rumkit.name}:`);
    checkTargets(rumkit, bare);
  }
}

function checkTargets(rumkit: TargetReport, bare: TargetReport | undefined) {
  const eps = rumkit.max.eventsPerSecond;
  const checks: [string, boolean][] = [
    [`>= 100k events/s sustained (${fmt(eps)})`, eps >= 100_000],
  ];
  if (bare) {
    const ratio = eps / bare.max.eventsPerSecond;
    console.log(`${rumkit.name} / bare: ${ratio.toFixed(2)}`);
    checks.push([`>= 0.5 of the bare server (${ratio.toFixed(2)})`, ratio >= 0.5]);
  }
  if (rumkit.half) {
    checks.push([
      `p99 <= 50 ms at half load (${rumkit.half.latencyMs.p99} ms)`,
      rumkit.half.latencyMs.p99 <= 50,
    ]);
  }
  checks.push([
    `server up and every request answered 2xx`,
    rumkit.alive && rumkit.max.status['2xx'] === rumkit.max.requests,
  ]);
  for (const [what, ok] of checks) console.log(`  ${ok ? 'met    ' : 'NOT met'}  ${what}`);
}

function buildBodies(count: number) {
  // Enough sessions over the last day to fill `count` bodies of 50 events.
  const to = Date.now();
  const requests = trafficRequests(
    {
      apps: APPS.map((a) => ({ appId: a.app_id, type: a.type })),
      from: to - 24 * 3_600_000,
      to,
      sessionsPerHour: Math.max(1, Math.ceil((count * POINTS_PER_BODY) / 2000)),
      seed: 20_261_125,
    },
    { pointsPerBody: POINTS_PER_BODY },
  );
  const bodies = [];
  for (const request of requests) {
    if (request.points !== POINTS_PER_BODY) break;
    bodies.push(request);
    if (bodies.length === count) break;
  }
  return bodies;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function parseFlags(args: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const arg of args) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (match) out[match[1] as string] = match[2] ?? '';
  }
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
