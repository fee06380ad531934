// Builds the SDK: an ESM package entry and an IIFE for a <script> tag (window.RUMKIT).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dir = path.dirname(fileURLToPath(import.meta.url));
const common = {
  entryPoints: [path.join(dir, 'src/index.ts')],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2019',
  platform: 'browser',
  conditions: ['source'],
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, format: 'esm', outfile: path.join(dir, 'dist/index.mjs') }),
  build({
    ...common,
    format: 'iife',
    globalName: 'RUMKIT',
    outfile: path.join(dir, 'dist/rumkit.js'),
  }),
]);
