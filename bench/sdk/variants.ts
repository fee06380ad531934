import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { buildShipped, COMPILE_HINT, SDK_BUNDLE } from '../../sdk/bundleOptions.mjs';
// The SDKs the bench compares, each bundled with its init call the way a site would ship it,
// all pointed at the bench's local server (same origin as the page).

export interface Variant {
  name: string;
  /** Entry source for esbuild (stdin), resolved from the repository root; none for no SDK. */
  entry?: string;
  /**
   * Or an entry file we ship as it is (a script tag's), built as sdk/build.mjs builds it:
   * esbuild then terser, V8's compile hint on the first line.
   */
  file?: string;
  /** A first line the bundle carries (phases.ts's `+hints` entries). */
  banner?: string;
  /** Code run after the bundle: the page's init call, for a script tag. */
  footer?: string;
  /**
   * An entry's dynamic imports are left out by default: a site's bundler splits them into
   * chunks of their own (as Vite and webpack do), and a visit without replay never loads them.
   * `oneFile` inlines them, as esbuild's one-file build does (the "one file" sizes):
   * for a variant that loads its recorder from a bench serving one file.
   */
  oneFile?: boolean;
}

export const VARIANTS: Variant[] = [
  { name: 'no SDK' },
  {
    // The script tag as sdk/build.mjs ships it (dist/rumkit.js: window.RUMKIT), then the
    // page's init call.
    name: 'rumkit',
    file: 'sdk/src/global.ts',
    footer:
      "RUMKIT.init({ applicationId: 'bench', datakitOrigin: location.origin, trackUserInteractions: true });",
  },
  {
    name: 'Datadog RUM',
    entry: `import { datadogRum } from '@datadog/browser-rum';
      datadogRum.init({
        applicationId: '00000000-0000-0000-0000-000000000000', clientToken: 'pub00000000000000000000000000000000',
        site: 'datadoghq.com', proxy: location.origin + '/dd', service: 'bench',
        sessionSampleRate: 100, sessionReplaySampleRate: 0,
        trackUserInteractions: true, trackResources: true, trackLongTasks: true,
      });`,
  },
  {
    name: 'Grafana Faro',
    entry: `import { getWebInstrumentations, initializeFaro } from '@grafana/faro-web-sdk';
      initializeFaro({ url: location.origin + '/faro', app: { name: 'bench', version: '1.0.0' }, instrumentations: getWebInstrumentations() });`,
  },
  {
    name: 'Sentry (tracing)',
    entry: `import * as Sentry from '@sentry/browser';
      Sentry.init({ dsn: 'https://public@o0.ingest.sentry.io/0', tunnel: '/sentry', integrations: [Sentry.browserTracingIntegration()], tracesSampleRate: 1 });`,
  },
  {
    // rumkit from npm in the site's own bundle: no compile hint unless the site adds one.
    name: 'rumkit (npm)',
    entry: `import { rumkit } from './sdk/src/index.ts';
      rumkit.init({ applicationId: 'bench', datakitOrigin: location.origin, trackUserInteractions: true });`,
  },
];

/** esbuild's input options for a variant (unminified, for the profiler): entry, first and last line. */
export function variantInput(variant: Variant) {
  return {
    ...(variant.file
      ? { entryPoints: [variant.file] }
      : {
          stdin: {
            contents: variant.entry ?? '',
            resolveDir: process.cwd(),
            loader: 'ts' as const,
          },
        }),
    // A shipped file carries the compile hint (buildShipped adds it after terser).
    banner: variant.file
      ? { js: COMPILE_HINT }
      : variant.banner
        ? { js: variant.banner }
        : undefined,
    footer: variant.footer ? { js: variant.footer } : undefined,
  };
}

/** A variant's page script, bundled as sdk-compare serves it; undefined for the page with no SDK. */
export async function bundleVariant(variant: Variant): Promise<Buffer | undefined> {
  if (!variant.entry && !variant.file) return undefined;
  if (variant.file) {
    const { code } = await buildShipped({
      entry: variant.file,
      format: 'iife',
      footer: variant.footer,
    });
    return Buffer.from(code);
  }
  const result = await build({
    ...variantInput(variant),
    // As sdk/build.mjs bundles it (the other SDKs too: their code is plain ES2020).
    ...SDK_BUNDLE,
    minify: true,
    format: 'iife',
    // An entry may import a copy of sdk/src kept outside the repository (an ablation): its
    // packages resolve from here.
    nodePaths: [resolve('node_modules')],
    plugins: [...(SDK_BUNDLE.plugins ?? []), ...(variant.oneFile ? [] : [leaveOutLazyChunks])],
    write: false,
    logLevel: 'error',
  });
  return Buffer.from(result.outputFiles[0]?.contents ?? []);
}

/** Leaves every dynamic import() as it is: a chunk of its own, which the visit never loads. */
const leaveOutLazyChunks: Plugin = {
  name: 'leave-out-lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Paths the SDKs send to: counted as bytes sent. */
export const INTAKE_PATHS = /^\/(v1\/write\/rum|dd|faro|sentry)/;
