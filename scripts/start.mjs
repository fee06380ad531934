// `npm start`: the reference server on the embedded store, in demo mode (see README): it
// builds the SDK and the demo console, then serves them with a seeded demo workspace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = (process.env.RUMKIT_DEMO ?? 'on') !== 'off';

function build(what, { command, args, options }) {
  const started = Date.now();
  const result = spawnSync(command, args, { ...options, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`rumkit: building ${what} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`rumkit: built ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (demo) {
  build('the SDK', { command: process.execPath, args: ['sdk/build.mjs'], options: { cwd: root } });
  if (existsSync(path.join(root, 'examples/console/vite.config.ts'))) {
    const { consoleBuildCommand } = await import('../examples/console/buildCommand.mjs');
    build('the demo console', consoleBuildCommand());
  }
}

const env = {
  ...process.env,
  RUMKIT_DEMO: demo ? 'on' : 'off',
  RUMKIT_CONSOLE_DIR: process.env.RUMKIT_CONSOLE_DIR ?? path.join(root, 'examples/console/dist'),
  RUMKIT_SHOP_DIR: process.env.RUMKIT_SHOP_DIR ?? path.join(root, 'examples/shop'),
  RUMKIT_SDK_DIR: process.env.RUMKIT_SDK_DIR ?? path.join(root, 'sdk/dist'),
};
const child = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', 'server/src/main.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
