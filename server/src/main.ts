import type { AddressInfo } from 'node:net';
import { createApp, SERVES } from './app.js';
import { loadConfig } from './config.js';
import { ensureDemoWorkspace, startDemoTraffic } from './demo-mode/demo.js';
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
const demoState = config.demo
  ? await ensureDemoWorkspace(services.registry, config.dataDir, Date.now())
  : undefined;
const app = createApp({
  config,
  logger,
  services,
  ...(demoState
    ? {
        demo: {
          state: demoState,
          consoleDir: config.consoleDir,
          shopDir: config.shopDir,
          sdkDir: config.sdkDir,
        },
      }
    : {}),
});
let stopDemo = () => {};
const server = app.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const origin = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
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
  if (demoState) {
    const host = config.host === '127.0.0.1' ? 'localhost' : config.host;
    console.log(`\n  demo console             http://${host}:${port}/`);
    console.log(`  demo shop (instrumented) http://${host}:${port}/shop/`);
    console.log(`  server status            http://${host}:${port}/status`);
    console.log(
      '  demo: sending a week of traffic for three apps, newest first, then live traffic',
    );
    stopDemo = startDemoTraffic({
      origin,
      dataDir: config.dataDir,
      state: demoState,
      clock: Date.now,
      logger,
    }).stop;
  }
});
server.keepAliveTimeout = 65_000;
server.on('error', (err) => {
  console.error(`rumkit server could not listen on ${config.host}:${config.port}: ${err.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopDemo();
    server.close();
    server.closeAllConnections();
    services.close().finally(() => process.exit(0));
  });
}
