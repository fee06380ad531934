/*
 * Ingest robustness: thousands of broken /v1/write/rum requests (mutations of real batches:
 * truncations, flipped bytes, bad escapes, huge fields, wrong precisions, bad compression,
 * random bytes, bad JSON, bad addresses) sent to the real server, with good batches mixed
 * in. Passes when the server stays up, never answers 5xx, and answers every good batch 200.
 *
 *   npm run bench -- ingest-fuzz
 *   npx tsx --conditions=source bench/ingest-fuzz.ts --count=20000 --seed=7
 *
 * Flags: --count=6000 (broken requests) --good-every=5 (a good batch after every N broken
 * ones) --concurrency=16 --seed=1 --only=<kinds> or --skip=<kinds> (comma-separated names
 * from the table the run prints)
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createRandom, generateBatches, type Random, trafficRequests } from '@rumkit/server/demo';
import { type RumkitServer, registerApps, startRumkitServer } from './support/processes.js';

const flags = Object.fromEntries(
  process.argv
    .slice(2)
    .map((arg) => /^--([^=]+)=(.*)$/.exec(arg))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]),
) as Record<string, string | undefined>;
const COUNT = Number(flags.count ?? 6000);
const GOOD_EVERY = Number(flags['good-every'] ?? 5);
const CONCURRENCY = Number(flags.concurrency ?? 16);
const SEED = Number(flags.seed ?? 1);

const APPS = [
  { app_id: 'fuzz_web', type: 'web' },
  { app_id: 'fuzz_android', type: 'android' },
  { app_id: 'fuzz_miniapp', type: 'miniapp' },
] as const;

interface Case {
  kind: string;
  body: Uint8Array | string;
  query?: string;
  headers?: Record<string, string>;
  good?: boolean;
  points?: number;
}

const r = createRandom(SEED);
const to = Date.now();
const traffic = {
  apps: APPS.map((a) => ({ appId: a.app_id, type: a.type })),
  from: to - 6 * 3_600_000,
  to,
  sessionsPerHour: 30,
  seed: SEED,
};
const good = [...trafficRequests(traffic)];
const goodPoints = [...generateBatches(traffic)].map((b) => b.points);

// Built once: a gzip bomb (200 MB of 'a' in 200 KB) and a body over the 5 MiB limit.
const BOMB = gzipSync(Buffer.alloc(200 * 1024 * 1024, 'a'));
const OVERSIZE = 'view,app_id=fuzz_web a=1\n'.repeat(300_000);

/**
 * The mutators: each takes a good body and breaks it one way. The expensive ones (bodies
 * the server must read in full, or may accept and store) are drawn less often, so the
 * server's queue does not grow for minutes behind them.
 */
const HEAVY = new Set([
  'huge string field',
  'many fields',
  'many points',
  'over the size limit',
  'gzip bomb',
]);
const MUTATIONS: Record<string, (body: string, r: Random) => Omit<Case, 'kind'>> = {
  truncated: (body) => ({ body: body.slice(0, r.int(body.length)) }),
  'flipped bytes': (body) => {
    const bytes = Buffer.from(body);
    for (let i = r.between(1, 20); i > 0; i--) bytes[r.int(bytes.length)] = r.int(256);
    return { body: bytes };
  },
  'bad escapes': (body) => {
    let out = body;
    for (let i = r.between(1, 6); i > 0; i--) {
      const at = r.int(out.length);
      out =
        out.slice(0, at) + r.pick(['\\', '"', '\\"', ',', '=', ' ', '\\\n', '\t']) + out.slice(at);
    }
    return { body: out };
  },
  'unterminated string': (body) => ({ body: `${body.replace(/="[^"]*$/m, '="never closed')}\n` }),
  'huge string field': (body) => ({
    body: body
      .replace(/ error_message="/, ` error_message="${'x'.repeat(r.between(1, 4) * 1_000_000)}`)
      .replace(/ duration=/, ` note="${'y'.repeat(300_000)}",duration=`),
  }),
  'huge tag': (body) => ({
    body: body.replace(/,env=/, `,env=${'z'.repeat(r.between(10, 500) * 1000)},x=`),
  }),
  'many fields': (body) => {
    const fields = Array.from({ length: r.between(1000, 20_000) }, (_, i) => `f${i}=${i}`).join(
      ',',
    );
    return { body: body.replace(/ duration=/, ` ${fields},duration=`) };
  },
  'many points': (body) => {
    const line = body.split('\n')[0] as string;
    return { body: Array.from({ length: r.between(1000, 60_000) }, () => line).join('\n') };
  },
  'over the size limit': () => ({ body: OVERSIZE }),
  'wrong precision': (body) => ({
    body,
    query: `?precision=${r.pick(['n', 'u', 's', 'm', 'h', 'xx', '', 'MS', '%00', 'ms&precision=s'])}`,
  }),
  'bad timestamps': (body) => ({
    body: body.replace(
      / (\d{13})$/gm,
      () =>
        ` ${r.pick(['-1', '0', '1e30', '99999999999999999999', '1.5', 'abc', '9223372036854775807'])}`,
    ),
  }),
  'gzip declared, not gzip': (body) => ({ body, headers: { 'content-encoding': 'gzip' } }),
  'truncated gzip': (body) => {
    const zipped = gzipSync(body);
    return {
      body: zipped.subarray(0, r.int(zipped.length)),
      headers: { 'content-encoding': 'gzip' },
    };
  },
  'gzip bomb': () => ({ body: BOMB, headers: { 'content-encoding': 'gzip' } }),
  'deflate in the query, gzip sent': (body) => ({
    body: gzipSync(body),
    query: '?precision=ms&encoding=deflate',
  }),
  'brotli garbage': (body) => ({
    body: Buffer.from(body).reverse(),
    headers: { 'content-encoding': 'br' },
  }),
  'zstd garbage': (body) => ({ body: Buffer.from(body), query: '?precision=ms&encoding=zstd' }),
  'unknown encoding': (body) => ({
    body,
    headers: { 'content-encoding': r.pick(['compress', 'lz4', 'gzip, br', '*']) },
  }),
  'random bytes': () => ({
    body: Buffer.from(Array.from({ length: r.int(20_000) }, () => r.int(256))),
  }),
  empty: () => ({ body: '' }),
  'bad JSON': (body) => ({
    body: r.pick([
      '{',
      '[',
      '[{"measurement":"view"}]',
      '[1,2,3]',
      'null',
      `[${'['.repeat(100_000)}`,
      body,
    ]),
    headers: { 'content-type': 'application/json' },
  }),
  'unknown apps and measurements': (body) => ({
    body: body
      .replace(/app_id=fuzz_\w+/g, () =>
        r.pick(['app_id=nope', 'app_id=', 'app_id=fuzz_web\\ x', 'x=y']),
      )
      .replace(/^view,/gm, () => r.pick(['session,', 'logging,', 'view,', '#view,'])),
  }),
  'bad client address': (body) => ({
    body,
    headers: {
      'x-forwarded-for': r.pick([
        'garbage',
        '999.1.1.1',
        '[::1',
        ', , ,',
        'x'.repeat(5000),
        '::ffff:10.0.0.1:80',
        '1.2.3.4:99999',
      ]),
    },
  }),
};

const only = flags.only?.split(',');
const skip = flags.skip?.split(',') ?? [];
const KINDS = Object.keys(MUTATIONS)
  .filter((kind) => (only ? only.includes(kind) : !skip.includes(kind)))
  .map((kind) => [kind, HEAVY.has(kind) ? 1 : 10] as const);

function brokenCase(): Case {
  const kind = r.weighted(KINDS);
  const source = r.pick(good).body;
  return { kind, ...(MUTATIONS[kind] as (b: string, r: Random) => Omit<Case, 'kind'>)(source, r) };
}

function goodCase(index: number): Case {
  const request = good[index % good.length] as (typeof good)[number];
  const encoding: 'identity' | 'gzip' | 'deflate' | 'br' = r.pick([
    'identity',
    'identity',
    'gzip',
    'deflate',
    'br',
  ] as const);
  const raw = Buffer.from(request.body);
  const body = {
    identity: raw,
    gzip: gzipSync(raw),
    deflate: deflateSync(raw),
    br: brotliCompressSync(raw),
  }[encoding];
  return {
    kind: 'good batch',
    good: true,
    body,
    points: request.points,
    headers: {
      'x-forwarded-for': request.clientIp,
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    },
  };
}

interface Tally {
  codes: Map<string, Map<string, number>>;
  failures: string[];
  goodSent: number;
  goodPoints: number;
  goodOk: number;
}

async function send(server: RumkitServer, c: Case, tally: Tally) {
  let outcome: string;
  try {
    const res = await fetch(`${server.origin}/v1/write/rum${c.query ?? '?precision=ms'}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...c.headers },
      // Node's fetch takes a Buffer; the DOM typings only know BodyInit.
      body: c.body as unknown as BodyInit,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    outcome = String(res.status);
    if (res.status >= 500) tally.failures.push(`${c.kind}: ${res.status} ${text.slice(0, 300)}`);
    if (c.good) {
      if (res.status === 200 && text === '{}') tally.goodOk++;
      else tally.failures.push(`good batch answered ${res.status} ${text.slice(0, 300)}`);
    }
  } catch (err) {
    // The server may close the connection on a body it refuses before reading it all.
    outcome = `closed (${(err as Error).cause ? String((err as { cause: Error }).cause.message) : (err as Error).message})`;
    if (c.good) tally.failures.push(`good batch: ${outcome}`);
  }
  const byKind = tally.codes.get(c.kind) ?? new Map<string, number>();
  byKind.set(outcome, (byKind.get(outcome) ?? 0) + 1);
  tally.codes.set(c.kind, byKind);
}

async function main() {
  console.log(
    `${COUNT} broken requests of ${KINDS.length} kinds, a good batch after every ${GOOD_EVERY}, ` +
      `${CONCURRENCY} at a time; ${good.length} good batches (${goodPoints.flat().length} points) to draw from`,
  );
  const server = await startRumkitServer({ env: { RUMKIT_INGEST_RATE: '0' } });
  const tally: Tally = { codes: new Map(), failures: [], goodSent: 0, goodPoints: 0, goodOk: 0 };
  const started = performance.now();
  try {
    await registerApps(server, APPS);
    const cases: Case[] = [];
    for (let i = 0; i < COUNT; i++) {
      cases.push(brokenCase());
      if ((i + 1) % GOOD_EVERY === 0) cases.push(goodCase(cases.length));
    }
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++] as Case;
        if (c.good) {
          tally.goodSent++;
          tally.goodPoints += c.points ?? 0;
        }
        await send(server, c, tally);
        if (next % 1000 === 0) process.stdout.write(`  ${next} of ${cases.length} sent\n`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const health = await fetch(`${server.origin}/healthz`).then(
      (res) => res.status,
      (err: Error) => err.message,
    );
    const alive = server.alive() && health === 200;

    console.log(
      `\nsent ${cases.length} requests in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log('answers by kind of request:');
    for (const [kind, byCode] of [...tally.codes].sort()) {
      const list = [...byCode]
        .sort()
        .map(([code, n]) => `${code} ×${n}`)
        .join(', ');
      console.log(`  ${kind.padEnd(32)} ${list}`);
    }
    console.log(
      `good batches: ${tally.goodOk} of ${tally.goodSent} answered 200 {} (${tally.goodPoints} points)`,
    );
    // TODO(stored count): check that every point of the good batches was stored, e.g. count the
    // bench apps' rows through the query API (GET /api/v1/...) once it exists: distinct view_id
    // for views (re-sends are upserted), rows for the other categories. Not possible yet: the
    // DuckDB file cannot be opened while the server holds it, and there is no count route.
    console.log(`server after the run: ${alive ? 'up' : 'DOWN'} (healthz ${health})`);
    if (tally.failures.length > 0) {
      console.log(`\n${tally.failures.length} failures:`);
      for (const failure of tally.failures.slice(0, 20)) console.log(`  ${failure}`);
    }
    const passed = alive && tally.failures.length === 0;
    console.log(passed ? '\nPASS: up, no 5xx, every good batch accepted' : '\nFAIL');
    if (!alive) console.log(server.output().slice(-3000));
    process.exitCode = passed ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
