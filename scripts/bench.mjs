// `npm run bench`: runs every benchmark in bench/ (or the ones named) one after another.
// Heavy volumes live here, never in `npm test`. Record results in bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches ${wanted.join(' ')}`);
  process.exit(1);
}
let failed = 0;
for (const file of benches) {
  console.log(`\n▶ bench/${file}`);
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join('bench', file)],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
