// The ingest bench's --onto: a server store that starts as a copy of a query bench data set
// (bench/.data/query-N), so ingest is measured into a store that already holds N events.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_ROOT, ENGINE_ENV, type Engine, type Manifest } from '../query/dataset.js';

/** What each engine keeps in the data directory besides the registry. */
const STORE_FILES: Record<Engine, string> = { duckdb: 'events.duckdb', clickhouse: 'clickhouse' };

export function filledStore(
  events: number,
  engine: Engine,
  work: string,
): {
  env: Record<string, string>;
  options: { dataDir: string; adminKey: string; entry: string };
} {
  const source = path.join(DATA_ROOT, `query-${events}`);
  const manifestFile = path.join(source, 'manifest.json');
  const store = path.join(source, 'data', STORE_FILES[engine]);
  if (!existsSync(manifestFile) || !existsSync(store)) {
    throw new Error(
      `--onto=${events}: ${store} is missing; build it first with ` +
        `npx tsx --conditions=source bench/query.ts --sizes=${events} --engines=duckdb,clickhouse --build-only`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const dataDir = path.join(work, `onto-${engine}`);
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  cpSync(path.join(source, 'data', 'registry.json'), path.join(dataDir, 'registry.json'));
  cpSync(store, path.join(dataDir, STORE_FILES[engine]), { recursive: true });
  console.log(
    `  ${engine}: copied the ${manifest.events.toLocaleString('en')}-event store in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return {
    // The set's clock (see bench/query/pinned-server.ts): the retention job leaves its days.
    env: { ...ENGINE_ENV[engine], RUMKIT_BENCH_NOW: String(manifest.to + 60_000) },
    options: { dataDir, adminKey: manifest.adminKey, entry: 'bench/query/pinned-server.ts' },
  };
}
