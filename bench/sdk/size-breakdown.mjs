// Where the SDK bundle's bytes go, built as scripts/size.mjs builds it (esbuild, minified,
// es2020, gzip -9): per input module, its minified bytes (esbuild's metafile) and the gzip
// bytes the bundle loses without it (leave-one-out: the module's code is cut from an unminified
// build, the rest minified and gzipped; shared strings make this approximate).
//
//   node bench/sdk/size-breakdown.mjs [entry]      (default: the script tag, sdk/src/global.ts)
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const entry = process.argv[2] ?? 'sdk/src/global.ts';
const common = {
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  platform: 'browser',
  conditions: ['source'],
  write: false,
  logLevel: 'silent',
};
const gzip = (code) => gzipSync(code, { level: 9 }).length;

const minified = await build({ ...common, minify: true, metafile: true });
const bundle = minified.outputFiles[0].contents;
const inputs = Object.values(minified.metafile.outputs)[0].inputs;

// Unminified whitespace keeps esbuild's `// path` comment above each module's code.
const readable = await build({ ...common, minifySyntax: true, minifyIdentifiers: true });
const lines = readable.outputFiles[0].text.split('\n');
const starts = [];
lines.forEach((line, i) => {
  if (/^\/\/ \S+\.(ts|js|mjs)$/.test(line)) starts.push({ path: line.slice(3), start: i });
});
const squeeze = async (code) => gzip((await transform(code, { minifyWhitespace: true })).code);
const whole = await squeeze(lines.join('\n'));
const rows = [];
for (const [i, { path, start }] of starts.entries()) {
  const end = starts[i + 1]?.start ?? lines.length;
  const without = await squeeze([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
  rows.push({ path, min: inputs[path]?.bytesInOutput ?? 0, gzip: whole - without });
}
rows.sort((a, b) => b.gzip - a.gzip);
console.log(`${'module'.padEnd(48)} ${'min B'.padStart(7)} ${'gzip B'.padStart(7)}`);
for (const row of rows)
  console.log(
    `${row.path.padEnd(48)} ${String(row.min).padStart(7)} ${String(row.gzip).padStart(7)}`,
  );
console.log(
  `${'bundle'.padEnd(48)} ${String(bundle.length).padStart(7)} ${String(gzip(bundle)).padStart(7)}`,
);
