// rrweb's recorder as a page script: @rrweb/record's UMD build, which sets window.rrwebRecord
// on a page without a module system. For recording real fixtures and bench sessions in Chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@rrweb/record'));

/** The script to add to a page (Playwright's addInitScript) before it loads. */
export const RRWEB_RECORD_SCRIPT = readFileSync(path.join(dist, 'record.umd.min.cjs'), 'utf8');

/** The version of @rrweb/record that script is. */
export const RRWEB_RECORD_VERSION = (
  JSON.parse(readFileSync(path.join(dist, '../package.json'), 'utf8')) as { version: string }
).version;
