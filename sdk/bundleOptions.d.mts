import type { BuildOptions } from 'esbuild';

/** V8's explicit compile hint (bundleOptions.mjs). */
export declare const COMPILE_HINT: string;
/** How every build of the SDK bundles it (bundleOptions.mjs). */
export declare const SDK_BUNDLE: BuildOptions;
