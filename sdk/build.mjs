// Builds the SDK:
//   dist/index.mjs (+ dist/chunks/*)  ESM package entry; the replay recorder and remote
//                                     configuration are lazy chunks
//   dist/rumkit.js                    IIFE for a <script> tag: window.RUMKIT
//   dist/rumkit-replay.mjs            the replay recorder the IIFE imports on demand
//   dist/rumkit-remote-config.mjs     remote configuration, which the IIFE imports when init asks
//   dist/loader.min.js                the async loader snippet (replace the script URL)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { COMPILE_HINT, SDK_BUNDLE } from './bundleOptions.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const src = (file) => path.join(dir, 'src', file);
const common = { ...SDK_BUNDLE, minify: true, sourcemap: true, logLevel: 'warning' };
// Chunks of earlier builds (their names hash their contents) would ship beside the new ones.
rmSync(path.join(dir, 'dist/chunks'), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: [src('index.ts')],
    format: 'esm',
    splitting: true,
    outdir: path.join(dir, 'dist'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...common,
    entryPoints: [src('global.ts')],
    format: 'iife',
    banner: { js: COMPILE_HINT },
    outfile: path.join(dir, 'dist/rumkit.js'),
  }),
  build({
    ...common,
    entryPoints: [src('replay/recorder.ts')],
    format: 'esm',
    // Its functions run as soon as it loads too (rrweb's first full snapshot): 3 ms less script
    // time per visit of the replay bench's SPA (bench/RESULTS.md).
    banner: { js: COMPILE_HINT },
    outfile: path.join(dir, 'dist/rumkit-replay.mjs'),
  }),
  build({
    ...common,
    entryPoints: [src('boot/remoteConfiguration.ts')],
    format: 'esm',
    outfile: path.join(dir, 'dist/rumkit-remote-config.mjs'),
  }),
  build({
    ...common,
    sourcemap: false,
    stdin: {
      contents:
        "import { loader, LOADER_METHODS } from './src/boot/loader.ts'; loader(window, document, 'https://YOUR.CDN/rumkit.js', 'RUMKIT', LOADER_METHODS);",
      resolveDir: dir,
      loader: 'ts',
    },
    format: 'iife',
    outfile: path.join(dir, 'dist/loader.min.js'),
  }),
]);
