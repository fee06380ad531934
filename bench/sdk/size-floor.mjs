// How close the script tag can come to issue 5's 15 KB gzip target without giving up a
// feature the issue asks for (docs/decisions/010, "Size, fifth pass"). It builds dist/rumkit.js
// as sdk/build.mjs does (buildShipped: esbuild, terser, gzip -9), then again with what is not a
// feature taken out: web-vitals 5.3 in place of 6 (6 adds Chromium's soft navigations, per-route
// vitals that the issue does not ask for), and no console messages at all (the issue asks for
// them: an upper bound on what shorter ones could save).
//
//   node bench/sdk/size-floor.mjs
import { gzipSync } from 'node:zlib';
import { buildShipped, SDK_BUNDLE } from '../../sdk/bundleOptions.mjs';

const TARGET = 15 * 1024;
const entry = new URL('../../sdk/src/global.ts', import.meta.url).pathname;

/** Every display() and displayOnce() call made a no-op, which terser then drops. */
const quiet = {
  name: 'quiet',
  setup(build) {
    build.onLoad({ filter: /[\\/]sdk[\\/]src[\\/]tools[\\/]display\.ts$/ }, () => ({
      loader: 'ts',
      contents:
        "export const PREFIX = '[rumkit]';\nexport function display(..._: unknown[]) {}\nexport function displayOnce(..._: unknown[]) {}\n",
    }));
  },
};
const webVitals5 = { alias: { 'web-vitals': 'web-vitals-5' } };

const variants = [
  ['as shipped (web-vitals 6.2.3)', {}],
  ['web-vitals 5.3.0', webVitals5],
  ['no console messages', { plugins: [...SDK_BUNDLE.plugins, quiet] }],
  ['both', { ...webVitals5, plugins: [...SDK_BUNDLE.plugins, quiet] }],
];

console.log(
  `${'script tag'.padEnd(32)} ${'gzip B'.padStart(7)} ${'KB'.padStart(6)} ${'over 15 KB'.padStart(11)}`,
);
let shipped;
for (const [name, options] of variants) {
  const { code } = await buildShipped({ entry, format: 'iife', options });
  const bytes = gzipSync(code, { level: 9 }).length;
  shipped ??= bytes;
  const saved = bytes === shipped ? '' : `  (${bytes - shipped} B)`;
  console.log(
    `${name.padEnd(32)} ${String(bytes).padStart(7)} ${(bytes / 1024).toFixed(2).padStart(6)} ${String(bytes - TARGET).padStart(9)} B${saved}`,
  );
}
