import type { AddressInfo } from 'node:net';
import { createApp, SERVES } from './app.js';
import { loadConfig } from './config.js';
import { consoleLogger } from './logger.js';
import { openServices } from './services/open.js';

// The only file that listens.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, process.cwd());
} catch (err) {
  console.error(`rumkit server: ${(err as Error).message}`);
  process.exit(1);
}
const logger = consoleLogger();
const services = await openServices(config, logger, Date.now).catch((err: Error) => {
  console.error(`rumkit server could not open its data in ${config.dataDir}: ${err.message}`);
  process.exit(1);
});
const app = createApp({ config, logger, services });
const server = app.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const origin = `http://${config.host}:${port}`;
  console.log(`rumkit server listening on ${origin}`);
  for (const s of SERVES) console.log(`  ${s.path.padEnd(24)} ${s.what}`);
  console.log(`  data directory           ${config.dataDir}`);
  if (services.generatedAdminKey) {
    console.log(
      `\n  admin key (generated, kept in ${config.dataDir}/admin-key):\n  ${services.adminKey}\n`,
    );
  } else if (!config.adminKey) {
    console.log(`  admin key                in ${config.dataDir}/admin-key`);
  }
});
server.keepAliveTimeout = 65_000;
server.on('error', (err) => {
  console.error(`rumkit server could not listen on ${config.host}:${config.port}: ${err.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    services.close().finally(() => process.exit(0));
  });
}
