// `npm test`: every check CI relies on, in order, failing fast. Each step prints its time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const steps = [
  ['lint and format (biome)', bin('biome'), ['ci', '.']],
  ['typecheck (tsc -b)', bin('tsc'), ['-b']],
  ['typecheck the demo console', bin('tsc'), ['-p', 'examples/console']],
  ['import boundaries', 'npm', ['run', '--silent', 'check:boundaries']],
  [
    'schema doc is current',
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'scripts/gen-schema-doc.ts', '--check'],
  ],
  ['size budgets', process.execPath, ['scripts/size.mjs']],
  ['build the SDK', 'npm', ['run', '--silent', 'build', '-w', '@rumkit/browser']],
  ['build Storybook', 'npm', ['run', '--silent', 'build-storybook']],
  ['unit, component and end-to-end tests (vitest)', bin('vitest'), ['run']],
];

const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds}s (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
console.log(
  `\nall ${steps.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)}s`,
);
// The test count is the closing line, for CI to read.
const summary = path.join(root, 'node_modules', '.cache', 'rumkit', 'test-summary.txt');
if (existsSync(summary)) console.log(readFileSync(summary, 'utf8').trim());
