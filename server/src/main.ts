import { createApp, SERVES } from './app.js';
import { loadConfig } from './config.js';
import { consoleLogger } from './logger.js';

// The only file that listens.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, process.cwd());
} catch (err) {
  console.error(`rumkit server: ${(err as Error).message}`);
  process.exit(1);
}
const logger = consoleLogger();
const app = createApp({ config, logger });
const server = app.listen(config.port, config.host, () => {
  const origin = `http://${config.host}:${config.port}`;
  console.log(`rumkit server listening on ${origin}`);
  for (const s of SERVES) console.log(`  ${s.path.padEnd(16)} ${s.what}`);
  console.log(`  data directory   ${config.dataDir}`);
});
server.on('error', (err) => {
  console.error(`rumkit server could not listen on ${config.host}:${config.port}: ${err.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
