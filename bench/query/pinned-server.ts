/*
 * The rumkit server as server/src/main.ts runs it, with one difference: its clock starts at
 * RUMKIT_BENCH_NOW (ms) instead of the wall clock. The query benchmark reuses a data set built
 * days ago; with the real clock the retention job would trim the oldest day of it at start.
 */
import type { AddressInfo } from 'node:net';
import { createApp, loadConfig, openServices } from '@rumkit/server';

const pinned = Number(process.env.RUMKIT_BENCH_NOW);
if (!Number.isFinite(pinned)) throw new Error('RUMKIT_BENCH_NOW must be a time in ms');
const started = Date.now();
const clock = () => pinned + (Date.now() - started);

const config = loadConfig(process.env, process.cwd());
const logger = { info: () => {}, error: console.error };
const services = await openServices(config, logger, clock);
const server = createApp({ config, logger, services, clock }).listen(
  config.port,
  config.host,
  () => {
    const { port } = server.address() as AddressInfo;
    console.log(`rumkit server listening on http://${config.host}:${port}`);
  },
);
// As server/src/main.ts: idle keep-alive connections outlive the clients' own timeouts, so a
// busy client never sends on a connection the server is closing (ECONNRESET).
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  services.close().finally(() => process.exit(0));
});
