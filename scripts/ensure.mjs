// Installs what a fresh clone is missing, using nothing but Node itself:
// npm dependencies (when node_modules is absent or older than package-lock.json),
// chDB for the ClickHouse store's tests (and for RUMKIT_STORE=clickhouse without a server),
// and with --browser, Debian's chromium for the browser tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wantsBrowser = process.argv.includes('--browser');

checkNode();
ensureDependencies();
// --browser is `npm test`, whose server tests run the ClickHouse store on chDB.
const wantsChdb =
  wantsBrowser ||
  (process.env.RUMKIT_STORE?.toLowerCase() === 'clickhouse' && !process.env.RUMKIT_CLICKHOUSE_URL);
if (wantsChdb) ensureChdb();
if (wantsBrowser) ensureChromium();

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`rumkit needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  }
}

function ensureDependencies() {
  const lockPath = path.join(root, 'package-lock.json');
  const stampPath = path.join(root, 'node_modules', '.rumkit-lock-hash');
  const lockHash = createHash('sha256').update(readFileSync(lockPath)).digest('hex');
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === lockHash) return;
  console.log('rumkit: installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stampPath, lockHash);
}

/**
 * chDB (in-process ClickHouse) lives in .chdb/, outside the root lockfile: the registry lacks
 * its libraries for other platforms, so `npm ci` of a lockfile naming them would fail there.
 * Pinned to the versions the store is tested with (docs/decisions/030-clickhouse-engine.md).
 */
function ensureChdb() {
  if (existsSync(path.join(root, '.chdb', 'node_modules', 'chdb'))) return;
  const supported =
    (process.platform === 'linux' || process.platform === 'darwin') &&
    (process.arch === 'x64' || process.arch === 'arm64');
  if (!supported) {
    console.warn(
      `rumkit: chDB has no build for ${process.platform}-${process.arch}; the ClickHouse store runs only against RUMKIT_CLICKHOUSE_URL here.`,
    );
    return;
  }
  console.log('rumkit: installing chDB for the ClickHouse store (npm install --prefix .chdb)…');
  mkdirSync(path.join(root, '.chdb'), { recursive: true });
  run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefix',
    '.chdb',
    'chdb@3.4.0',
    '@clickhouse/client@1.23.1',
  ]);
}

export function chromiumPath() {
  return process.env.RUMKIT_CHROMIUM || '/usr/bin/chromium';
}

function ensureChromium() {
  if (existsSync(chromiumPath())) return;
  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian && !process.env.RUMKIT_CHROMIUM) {
    console.log('rumkit: installing Debian chromium for the browser tests (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], env);
    if (existsSync(chromiumPath())) return;
  }
  fail(
    `the browser tests need Chromium at ${chromiumPath()}.\n` +
      '  On Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  Elsewhere: install Chromium or Chrome and set RUMKIT_CHROMIUM=/path/to/chrome',
  );
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0)
    fail(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function fail(message) {
  console.error(`rumkit: ${message}`);
  process.exit(1);
}
