import type { BuildOptions } from 'esbuild';

/** V8's explicit compile hint (bundleOptions.mjs). */
export declare const COMPILE_HINT: string;
/** How every build of the SDK bundles it (bundleOptions.mjs). */
export declare const SDK_BUNDLE: BuildOptions;
/** terser's options for a file we ship as it is (bundleOptions.mjs). */
export declare const TERSER: import('terser').MinifyOptions;
/** A file we ship as it is, esbuild then terser, compile hint first (bundleOptions.mjs). */
export declare function buildShipped(input: {
  entry: string;
  format: 'iife' | 'esm';
  outfile?: string;
  footer?: string;
  sourcemap?: boolean;
  options?: BuildOptions;
}): Promise<{ code: string; map?: string }>;
