/*
 * Query speed (issue 4): the questions the explorer and the dashboards ask, through the real
 * HTTP API of a real server, beside the same questions as hand-written SQL on the same
 * database file in this process (the floor). DuckDB lets one process at a time open a file,
 * so the two take turns: the server runs a round of questions, stops, and the SQL runs the
 * same round on the file, read-only (4 rounds).
 *
 *   npm run bench -- query                 1M and 10M events
 *   npx tsx --conditions=source bench/query.ts --sizes=1000000 --runs=30
 *   npx tsx --conditions=source bench/query.ts --sizes=10000000 --build-only
 *
 * The data sets are built once through the real ingest (bench/query/dataset.ts) and kept in
 * bench/.data/. Targets at 10M events: explorer page and session timeline p95 <= 25 ms,
 * dashboard questions p95 <= 100 ms, each within 2x of the hand-written SQL.
 */
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CONNECTION_SETTINGS } from '@rumkit/server';
import { dataset } from './query/dataset.js';
import { type Question, questions } from './query/questions.js';
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
/** Turns of API runs and floor runs (see main). */
const ROUNDS = 4;

interface Timing {
  api: number[];
  sql: number[];
  agree: string;
}

async function main() {
  const cpu = os.cpus();
  console.log(
    `node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim()}), ${runs} runs per question in ${ROUNDS} rounds, each round's runs once unrecorded first, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  for (const size of sizes) {
    console.log(`\n${size.toLocaleString('en')} events: preparing the data set`);
    const { dir, manifest } = await dataset(size);
    console.log(
      `  ${manifest.events.toLocaleString('en')} events of 20 apps over 14 days, built ${manifest.built.at} ` +
        `in ${manifest.built.seconds} s (${manifest.built.eventsPerSecond.toLocaleString('en')} events/s through HTTP ingest)`,
    );
    if (flags['build-only'] !== undefined) continue;
    const dataDir = path.join(dir, 'data');
    // The API and the floor take turns, ROUNDS times, so a slow spell of this shared VM falls
    // on both sides rather than on one. DuckDB lets one process at a time open the file: the
    // server stops before the floor opens it read-only.
    const target = { origin: '' };
    let asked: Question[] | undefined;
    const timings = new Map<Question, Timing>();
    const apiAnswers = new Map<Question, unknown>();
    const perRound = Math.ceil(runs / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      // Each process starts with a cold buffer pool, unlike a server that has run for a while:
      // every round first asks its own questions once, unrecorded, then again, recorded.
      const own = Array.from({ length: perRound }, (_, i) => round * perRound + i);
      const indices = [...own, ...own];
      const server = await startRumkitServer({
        dataDir,
        entry: 'bench/query/pinned-server.ts',
        env: {
          RUMKIT_ADMIN_KEY: manifest.adminKey,
          RUMKIT_BENCH_NOW: String(manifest.to + 60_000),
        },
      });
      target.origin = server.origin;
      try {
        if (!asked) {
          asked = await questions(manifest, target, ROUNDS * perRound);
          for (const q of asked) timings.set(q, { api: [], sql: [], agree: '' });
        }
        for (const [i, run] of indices.entries()) {
          for (const q of asked) {
            const started = performance.now();
            const answer = await q.api(run);
            const ms = performance.now() - started;
            if (i >= perRound) timings.get(q)?.api.push(ms);
            if (i === 0 && run === 0) apiAnswers.set(q, answer);
          }
        }
      } finally {
        await server.stop();
      }

      const instance = await DuckDBInstance.create(path.join(dataDir, 'events.duckdb'), {
        access_mode: 'READ_ONLY',
      });
      const connection = await instance.connect();
      // The server's own settings: the floor is the same engine, asked by hand.
      for (const setting of CONNECTION_SETTINGS) await connection.run(setting);
      try {
        for (const [i, run] of indices.entries()) {
          for (const q of asked) {
            const started = performance.now();
            const answer = await q.sql(connection, run);
            const ms = performance.now() - started;
            const timing = timings.get(q) as Timing;
            if (i >= perRound) timing.sql.push(ms);
            if (i === 0 && run === 0) timing.agree = q.agree(apiAnswers.get(q), answer);
          }
        }
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    }
    report(size, timings);
  }
}

function report(size: number, timings: Map<Question, Timing>) {
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  console.log(
    `\n${size.toLocaleString('en')} events   ${'API p50'.padStart(9)} ${'API p95'.padStart(9)} ${'SQL p50'.padStart(9)} ${'SQL p95'.padStart(9)}  p95 ratio  target        answers`,
  );
  for (const [q, t] of timings) {
    const api95 = percentile(t.api, 0.95);
    const sql95 = percentile(t.sql, 0.95);
    const ratio = api95 / sql95;
    const met = api95 <= q.targetMs && ratio <= 2;
    console.log(
      `${q.name.padEnd(28)} ${ms(percentile(t.api, 0.5))} ${ms(api95)} ${ms(percentile(t.sql, 0.5))} ${ms(sql95)}  ${`${ratio.toFixed(2)}x`.padStart(8)}  ${`<=${q.targetMs} ms ${met ? 'met' : 'MISSED'}`.padEnd(13)} ${t.agree}`,
    );
  }
}

await main();
