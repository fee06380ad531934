// A ClickHouse HTTP interface over chDB on this machine, to try several rumkit servers on one
// ClickHouse without installing one (docs/scale-out.md). Not for production: one engine,
// statements one at a time, no users.
//
//   node --conditions=source --import tsx scripts/chdb-front.ts [data dir] [port]
//   RUMKIT_STORE=clickhouse RUMKIT_CLICKHOUSE_URL=http://127.0.0.1:8123 npm start
import path from 'node:path';
import { startChdbFront } from '@rumkit/server/testing';

const dataDir = path.resolve(process.argv[2] ?? 'data/chdb-front');
const port = Number(process.argv[3] ?? 8123);
const front = await startChdbFront({ dataDir, port });
console.log(`ClickHouse HTTP interface (chDB in ${dataDir}) on ${front.url}`);
const stop = () => {
  front.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
