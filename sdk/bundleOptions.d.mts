import type { BuildOptions } from 'esbuild';

/** How every build of the SDK bundles it (bundleOptions.mjs). */
export declare const SDK_BUNDLE: BuildOptions;
