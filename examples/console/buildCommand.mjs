// How the demo console is built, for `npm start` (scripts/start.mjs) and the browser tests
// (test/e2e/support/console.ts): Vite's CLI in production mode. Inside vitest NODE_ENV is
// `test`, and Vite would build React's development build, which runs every effect twice under
// StrictMode and is not what ships.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The command that builds the console, into `outDir` (default examples/console/dist).
 *
 * @param {string} [outDir]
 */
export function consoleBuildCommand(outDir) {
  return {
    command: process.execPath,
    args: [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'examples/console/vite.config.ts'),
      '--logLevel',
      'warn',
      ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : []),
    ],
    options: { cwd: root, env: { ...process.env, NODE_ENV: 'production' } },
  };
}
