/*
 * HTTP load generator for the ingest benchmarks. It runs in a child process of its own, so
 * it never shares an event loop with the server under test: the parent calls
 * startLoadGenerator(), which forks this file, and sends it runs over IPC.
 *
 * Two modes, over keep-alive node:http connections:
 *   - closed loop: N connections, each sending its next body as soon as the previous one is
 *     answered. Its throughput is the server's maximum.
 *   - open loop: requests at a fixed rate, whatever the answers, with at most N connections
 *     (requests wait for a free one). Latency counts from when a request was due, not when it
 *     left, so a stalled server is not hidden (no coordinated omission).
 * Requests due in the warm-up are sent but not counted.
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createHistogram, type SerializedHistogram } from './histogram.js';

export interface LoadBody {
  body: string;
  /** Sent as X-Forwarded-For, so the server sees the session's address. */
  clientIp: string;
  points: number;
}

export interface LoadTarget {
  /** e.g. http://127.0.0.1:8080 */
  origin: string;
  /** Path and query, e.g. /v1/write/rum?precision=ms */
  path: string;
  headers?: Record<string, string>;
}

export interface LoadRun {
  mode: 'closed' | 'open';
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Requests per second (open loop only). */
  rate?: number;
  /** Abandon a request after this long. Default 30 s. */
  timeoutMs?: number;
}

export interface LoadResult {
  mode: 'closed' | 'open';
  connections: number;
  seconds: number;
  /** Requests counted (due after the warm-up). */
  requests: number;
  /** Points in requests answered 2xx. */
  events: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  /** Target rate (open loop). */
  rate?: number;
  status: { '2xx': number; '3xx': number; '4xx': number; '5xx': number; errors: number };
  codes: Record<string, number>;
  /** A few distinct transport errors and non-2xx answers. */
  samples: string[];
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };
  /** CPU the load generator used, in % of one core. */
  generatorCpuPercent: number;
  histogram: SerializedHistogram;
}

export interface LoadGenerator {
  run(target: LoadTarget, run: LoadRun): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Writes bodies where a load generator can read them. */
export function writeBodies(file: string, bodies: readonly LoadBody[]): void {
  writeFileSync(file, JSON.stringify(bodies));
}

/** Forks a load generator that sends the bodies in `bodiesFile`, in turn. */
export async function startLoadGenerator(bodiesFile: string): Promise<LoadGenerator> {
  const child = fork(fileURLToPath(import.meta.url), ['--load-child', bodiesFile], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.once('message', (m: { type: string }) => (m.type === 'ready' ? resolve() : reject(m)));
    exited.then((code) => reject(new Error(`load generator exited with ${code} before starting`)));
  });
  let queue = Promise.resolve();
  return {
    run(target, run) {
      // One run at a time: the child has one set of connections.
      const result = queue.then(
        () =>
          new Promise<LoadResult>((resolve, reject) => {
            const onMessage = (m: { type: string; result?: LoadResult; message?: string }) => {
              child.off('message', onMessage);
              if (m.type === 'result') resolve(m.result as LoadResult);
              else reject(new Error(m.message ?? 'load generator failed'));
            };
            child.on('message', onMessage);
            child.send({ type: 'run', target, run });
          }),
      );
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    async close() {
      if (child.exitCode === null) child.send({ type: 'exit' });
      await exited;
    },
  };
}

// --------------------------------------------------------------------------------------
// The child

interface Prepared {
  buffer: Buffer;
  clientIp: string;
  points: number;
}

async function runLoad(bodies: Prepared[], target: LoadTarget, spec: LoadRun): Promise<LoadResult> {
  const url = new URL(target.path, target.origin);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: spec.connections,
    maxFreeSockets: spec.connections,
  });
  const histogram = createHistogram();
  const status = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, errors: 0 };
  const codes: Record<string, number> = {};
  const samples = new Set<string>();
  let requests = 0;
  let events = 0;
  const timeoutMs = spec.timeoutMs ?? 30_000;

  const start = performance.now();
  const measureFrom = start + spec.warmupSeconds * 1000;
  const end = measureFrom + spec.seconds * 1000;
  const cpuBefore = process.cpuUsage();
  let cpuAtMeasure = cpuBefore;
  let cpuMarked = false;
  let sent = 0;

  const send = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = bodies[index % bodies.length] as Prepared;
      let finished = false;
      const done = (code: number | undefined, problem?: string) => {
        if (finished) return;
        finished = true;
        if (due >= measureFrom && due < end) {
          requests++;
          histogram.record(Math.round((performance.now() - due) * 1000));
          if (code === undefined) status.errors++;
          else {
            codes[code] = (codes[code] ?? 0) + 1;
            const group = `${Math.floor(code / 100)}xx` as keyof typeof status;
            if (group in status) status[group]++;
            if (code >= 200 && code < 300) events += body.points;
          }
          if (problem && samples.size < 8) samples.add(problem);
        }
        resolve();
      };
      const req = http.request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'text/plain;charset=UTF-8',
            'content-length': body.buffer.length,
            'x-forwarded-for': body.clientIp,
            ...target.headers,
          },
        },
        (res) => {
          const code = res.statusCode ?? 0;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => {
            if (code >= 300) chunks.push(chunk);
          });
          res.on('end', () =>
            done(
              code,
              code >= 300 ? `${code} ${Buffer.concat(chunks).toString().slice(0, 200)}` : undefined,
            ),
          );
          res.on('error', (err) => done(undefined, err.message));
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      req.on('error', (err) => done(undefined, err.message));
      req.end(body.buffer);
    });

  const markCpu = () => {
    if (!cpuMarked && performance.now() >= measureFrom) {
      cpuAtMeasure = process.cpuUsage();
      cpuMarked = true;
    }
  };

  if (spec.mode === 'closed') {
    const worker = async () => {
      while (performance.now() < end) {
        markCpu();
        await send(sent++, performance.now());
      }
    };
    await Promise.all(Array.from({ length: spec.connections }, worker));
  } else {
    const rate = spec.rate ?? 1;
    const interval = 1000 / rate;
    const pending = new Set<Promise<void>>();
    await new Promise<void>((resolve) => {
      const tick = () => {
        markCpu();
        const now = performance.now();
        for (
          let due = start + sent * interval;
          due <= now && due < end;
          due = start + sent * interval
        ) {
          const request = send(sent++, due);
          pending.add(request);
          request.then(() => pending.delete(request));
        }
        if (start + sent * interval >= end) resolve();
        else setTimeout(tick, 1);
      };
      tick();
    });
    await Promise.all(pending);
  }
  const cpu = process.cpuUsage(cpuAtMeasure);
  agent.destroy();
  const seconds = spec.seconds;
  const ms = (micros: number) => Math.round(micros / 10) / 100;
  return {
    mode: spec.mode,
    connections: spec.connections,
    seconds,
    requests,
    events,
    eventsPerSecond: events / seconds,
    requestsPerSecond: requests / seconds,
    ...(spec.rate !== undefined ? { rate: spec.rate } : {}),
    status,
    codes,
    samples: [...samples],
    latencyMs: {
      p50: ms(histogram.percentile(50)),
      p90: ms(histogram.percentile(90)),
      p99: ms(histogram.percentile(99)),
      p999: ms(histogram.percentile(99.9)),
      max: ms(histogram.max()),
      mean: ms(histogram.mean()),
    },
    generatorCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (end - measureFrom)) * 100),
    histogram: histogram.toJSON(),
  };
}

if (process.argv.includes('--load-child') && process.send) {
  const file = process.argv[process.argv.indexOf('--load-child') + 1] as string;
  const bodies: Prepared[] = (JSON.parse(readFileSync(file, 'utf8')) as LoadBody[]).map((b) => ({
    buffer: Buffer.from(b.body),
    clientIp: b.clientIp,
    points: b.points,
  }));
  process.on('message', (message: { type: string; target: LoadTarget; run: LoadRun }) => {
    if (message.type === 'exit') {
      process.disconnect();
      return;
    }
    runLoad(bodies, message.target, message.run).then(
      (result) => process.send?.({ type: 'result', result }),
      (err: Error) => process.send?.({ type: 'error', message: err.stack ?? err.message }),
    );
  });
  process.send({ type: 'ready' });
}
