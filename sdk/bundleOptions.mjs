// How every build of the SDK bundles it: sdk/build.mjs, the size budgets (scripts/size.mjs)
// and the benches, so that what is measured is what ships. Minifying, the format and the output
// are each build's own.
import path from 'node:path';
import { build } from 'esbuild';
import { minify } from 'terser';
import { rrwebPatch } from './rrwebPatch.mjs';

/**
 * V8's explicit compile hint, the first line of every file we ship as it is (buildShipped):
 * compile every function while the script streams in, off the main thread, instead of lazily on
 * the main thread at each function's first call (nearly all of them run at once).
 * docs/decisions/010, "Size and cost".
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export const SDK_BUNDLE = {
  bundle: true,
  // ES2020: @rumkit/core/protocol writes BigInt literals (int64 bounds), so es2019 engines
  // cannot run it anyway.
  target: 'es2020',
  // Public class fields (web-vitals has them) as written: every engine with BigInt has them
  // (Chrome 72, Firefox 69, Safari 14), and esbuild's rewrite of them costs 118 B gzip.
  supported: { 'class-field': true },
  platform: 'browser',
  conditions: ['source'],
  // rrweb's prototype check, fixed (no hidden iframe per page): rrwebPatch.mjs.
  plugins: [rrwebPatch],
};

/**
 * How terser minifies a file we ship as it is (buildShipped), and the benches' "after terser"
 * sizes of the other SDKs.
 */
export const TERSER = { ecma: 2020, toplevel: true, compress: { passes: 2 } };

/**
 * A file we ship as it is (the script tag build and the chunks it loads): bundled and minified
 * by esbuild, then minified again by terser, with V8's compile hint on the first line. Terser
 * names variables the same way in every function (`e`, `t`, `n`…), which gzip finds again:
 * dist/rumkit.js is 0.9 KB gzip smaller than esbuild's minifying alone (docs/decisions/010).
 * Not for the npm entry: a site's bundler minifies that again, and esbuild's renaming undoes it.
 *
 * @param {{ entry: string, format: 'iife' | 'esm', outfile?: string, footer?: string, sourcemap?: boolean, options?: object }} input
 * @returns {Promise<{ code: string, map?: string }>}
 */
export async function buildShipped({ entry, format, outfile, footer, sourcemap, options }) {
  const name = outfile ? path.basename(outfile) : 'out.js';
  const result = await build({
    ...SDK_BUNDLE,
    entryPoints: [entry],
    format,
    minify: true,
    footer: footer ? { js: footer } : undefined,
    sourcemap: sourcemap ? 'external' : false,
    // esbuild needs an output path to name the map's sources relative to it.
    outfile: outfile || path.resolve(name),
    write: false,
    logLevel: 'error',
    ...options,
  });
  const file = (ext) => result.outputFiles.find((out) => out.path.endsWith(ext))?.text;
  const code = file('.js') ?? file('.mjs');
  const minified = await minify(code, {
    ...TERSER,
    module: format === 'esm',
    format: { preamble: COMPILE_HINT },
    sourceMap: sourcemap && { content: file('.map'), url: `${name}.map` },
  });
  return { code: minified.code, map: sourcemap ? String(minified.map) : undefined };
}
