/*
 * Query speed (issue 4): the questions the explorer and the dashboards ask, through the real
 * HTTP API of a real server, beside the same questions as hand-written SQL on the same
 * database file in this process (the floor). DuckDB lets one process at a time open a file,
 * so the two take turns: the server runs a round of questions, stops, and the SQL runs the
 * same round on the file, read-only (4 rounds).
 *
 *   npm run bench -- query                 1M and 10M events, DuckDB and ClickHouse (chDB)
 *   npx tsx --conditions=source bench/query.ts --sizes=1000000 --runs=30
 *   npx tsx --conditions=source bench/query.ts --sizes=10000000 --build-only
 *   npx tsx --conditions=source bench/query.ts --engines=duckdb
 *
 * The data sets are built once through the real ingest (bench/query/dataset.ts) and kept in
 * bench/.data/; the ClickHouse copy is the same requests into chDB beside it. Targets at 10M
 * events: explorer page and session timeline p95 <= 25 ms, dashboard questions p95 <= 100 ms,
 * each within 2x of the hand-written SQL (DuckDB's). ClickHouse's API is timed in the same
 * rounds, its query-condition cache off, and its answers checked against DuckDB's API.
 */
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CONNECTION_SETTINGS } from '@rumkit/server';
import {
  clickhouseDataset,
  dataset,
  ENGINE_ENV,
  type Engine,
  type Manifest,
} from './query/dataset.js';
import { agree, type Question, questions } from './query/questions.js';
import { percentile } from './support/median.js';
import { startRumkitServer } from './support/processes.js';

const flags = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const sizes = (flags.sizes ?? '1000000,10000000').split(',').map(Number);
const runs = Number(flags.runs ?? 20);
const engines = (flags.engines ?? 'duckdb,clickhouse').split(',') as Engine[];
/** Turns of API runs and floor runs (see main). */
const ROUNDS = 4;

interface Timing {
  api: number[];
  sql: number[];
  agree: string;
  /** ClickHouse's API, and whether its answers are DuckDB's API's. */
  clickhouse: number[];
  clickhouseAgree: string;
}

async function main() {
  const cpu = os.cpus();
  console.log(
    `node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim()}), ${runs} runs per question in ${ROUNDS} rounds, each round's runs once unrecorded first, engines ${engines.join(', ')}, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  for (const size of sizes) {
    console.log(`\n${size.toLocaleString('en')} events: preparing the data set`);
    const duck = await dataset(size);
    const { dir, manifest } = duck;
    console.log(
      `  ${manifest.events.toLocaleString('en')} events of 20 apps over 14 days, built ${manifest.built.at} ` +
        `in ${manifest.built.seconds} s (${manifest.built.eventsPerSecond.toLocaleString('en')} events/s through HTTP ingest)`,
    );
    if (engines.includes('clickhouse')) {
      console.log('  the ClickHouse (chDB) copy: the same requests into data/clickhouse');
      const copy = await clickhouseDataset(size, duck);
      console.log(
        `  ${copy.events.toLocaleString('en')} events into ClickHouse, built ${copy.built.at} ` +
          `in ${copy.built.seconds} s (${copy.built.eventsPerSecond.toLocaleString('en')} events/s through HTTP ingest)`,
      );
    }
    if (flags['build-only'] !== undefined) continue;
    report(size, await measure(path.join(dir, 'data'), manifest));
  }
}

/**
 * The API and the floor take turns, ROUNDS times, so a slow spell of this shared VM falls on
 * every side rather than on one. DuckDB lets one process at a time open the file: the server
 * stops before the floor opens it read-only. ClickHouse's server runs after, on its copy.
 */
async function measure(dataDir: string, manifest: Manifest): Promise<Map<Question, Timing>> {
  const target = { origin: '' };
  let asked: Question[] | undefined;
  const timings = new Map<Question, Timing>();
  const apiAnswers = new Map<Question, unknown>();
  const perRound = Math.ceil(runs / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    // Each process starts with a cold cache, unlike a server that has run for a while: every
    // round first asks its own questions once, unrecorded, then again, recorded.
    const own = Array.from({ length: perRound }, (_, i) => round * perRound + i);
    const indices = [...own, ...own];
    for (const engine of engines) {
      const server = await startRumkitServer({
        dataDir,
        entry: 'bench/query/pinned-server.ts',
        env: {
          ...ENGINE_ENV[engine],
          RUMKIT_ADMIN_KEY: manifest.adminKey,
          RUMKIT_BENCH_NOW: String(manifest.to + 60_000),
        },
      });
      target.origin = server.origin;
      try {
        if (!asked) {
          asked = await questions(manifest, target, ROUNDS * perRound);
          for (const q of asked)
            timings.set(q, { api: [], sql: [], agree: '', clickhouse: [], clickhouseAgree: '' });
        }
        for (const [i, run] of indices.entries()) {
          for (const q of asked) {
            const started = performance.now();
            const answer = await q.api(run);
            const ms = performance.now() - started;
            const timing = timings.get(q) as Timing;
            if (i >= perRound) (engine === 'duckdb' ? timing.api : timing.clickhouse).push(ms);
            if (i !== 0 || run !== 0) continue;
            if (engine === 'duckdb') apiAnswers.set(q, q.fromApi(answer));
            else if (apiAnswers.has(q))
              timing.clickhouseAgree = agree(q, apiAnswers.get(q), q.fromApi(answer));
            else apiAnswers.set(q, q.fromApi(answer));
          }
        }
      } finally {
        await server.stop();
      }
      if (engine === 'duckdb')
        await floor(dataDir, asked as Question[], indices, timings, apiAnswers);
    }
  }
  return timings;
}

/** The hand-written SQL on the DuckDB file, read-only, with the server's own settings. */
async function floor(
  dataDir: string,
  asked: readonly Question[],
  indices: readonly number[],
  timings: Map<Question, Timing>,
  apiAnswers: Map<Question, unknown>,
) {
  const perRound = indices.length / 2;
  const instance = await DuckDBInstance.create(path.join(dataDir, 'events.duckdb'), {
    access_mode: 'READ_ONLY',
  });
  const connection = await instance.connect();
  for (const setting of CONNECTION_SETTINGS) await connection.run(setting);
  try {
    for (const [i, run] of indices.entries()) {
      for (const q of asked) {
        const started = performance.now();
        const answer = await q.sql(connection, run);
        const ms = performance.now() - started;
        const timing = timings.get(q) as Timing;
        if (i >= perRound) timing.sql.push(ms);
        if (i === 0 && run === 0) timing.agree = agree(q, apiAnswers.get(q), q.fromSql(answer));
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function report(size: number, timings: Map<Question, Timing>) {
  const ms = (n: number) => (Number.isNaN(n) ? '—'.padStart(9) : `${n.toFixed(1)} ms`.padStart(9));
  const p = (values: number[], q: number) => (values.length ? percentile(values, q) : Number.NaN);
  console.log(
    `\n${size.toLocaleString('en')} events   ${'API p50'.padStart(9)} ${'API p95'.padStart(9)} ${'SQL p50'.padStart(9)} ${'SQL p95'.padStart(9)}  p95 ratio  target        answers`,
  );
  for (const [q, t] of timings) {
    if (t.api.length === 0) continue;
    const api95 = p(t.api, 0.95);
    const sql95 = p(t.sql, 0.95);
    const ratio = api95 / sql95;
    const met = api95 <= q.targetMs && ratio <= 2;
    console.log(
      `${q.name.padEnd(28)} ${ms(p(t.api, 0.5))} ${ms(api95)} ${ms(p(t.sql, 0.5))} ${ms(sql95)}  ${`${ratio.toFixed(2)}x`.padStart(8)}  ${`<=${q.targetMs} ms ${met ? 'met' : 'MISSED'}`.padEnd(13)} ${t.agree}`,
    );
  }
  if (![...timings.values()].some((t) => t.clickhouse.length > 0)) return;
  console.log(
    `\nClickHouse (chDB)            ${'API p50'.padStart(9)} ${'API p95'.padStart(9)} ${'DuckDB p95'.padStart(10)}  ClickHouse/DuckDB p95  target        answers vs DuckDB's API`,
  );
  for (const [q, t] of timings) {
    const ch95 = p(t.clickhouse, 0.95);
    const duck95 = p(t.api, 0.95);
    console.log(
      `${q.name.padEnd(28)} ${ms(p(t.clickhouse, 0.5))} ${ms(ch95)} ${ms(duck95).padStart(10)}  ${`${(ch95 / duck95).toFixed(2)}x`.padStart(21)}  ${`<=${q.targetMs} ms ${ch95 <= q.targetMs ? 'met' : 'MISSED'}`.padEnd(13)} ${t.clickhouseAgree || '(no DuckDB answer)'}`,
    );
  }
}

await main();
