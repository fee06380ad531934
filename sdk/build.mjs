// Builds the SDK:
//   dist/index.mjs (+ dist/chunks/*)  ESM package entry; the replay recorder and remote
//                                     configuration are lazy chunks
//   dist/rumkit.js                    IIFE for a <script> tag: window.RUMKIT
//   dist/rumkit-replay.mjs            the replay recorder the IIFE imports on demand
//   dist/rumkit-remote-config.mjs     remote configuration, which the IIFE imports when init asks
//   dist/loader.min.js                the async loader snippet (replace the script URL)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildShipped, SDK_BUNDLE } from './bundleOptions.mjs';

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
  // The files the script tag loads, as they are: esbuild then terser (bundleOptions.mjs).
  ship(src('global.ts'), 'iife', 'rumkit.js'),
  // The recorder's functions run as soon as it loads too (rrweb's first full snapshot): the
  // compile hint saves 3 ms of script time per visit of the replay bench's SPA.
  ship(src('replay/recorder.ts'), 'esm', 'rumkit-replay.mjs'),
  ship(src('boot/remoteConfiguration.ts'), 'esm', 'rumkit-remote-config.mjs'),
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

/** Builds a file we ship as it is, with its source map. */
async function ship(entry, format, name) {
  const outfile = path.join(dir, 'dist', name);
  const { code, map } = await buildShipped({ entry, format, outfile, sourcemap: true });
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  writeFileSync(`${outfile}.map`, map);
}
