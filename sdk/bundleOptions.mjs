// How every build of the SDK bundles it: sdk/build.mjs, the size budgets (scripts/size.mjs)
// and the benches, so that what is measured is what ships. Minifying, the format and the output
// are each build's own.
import { rrwebPatch } from './rrwebPatch.mjs';

/**
 * V8's explicit compile hint, the first line of the script tag build and of the replay chunk:
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
