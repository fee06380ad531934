// Writes docs/schema.md from the field catalogue; with --check, fails when the file is stale.
// Run: npx tsx --conditions=source scripts/gen-schema-doc.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemaMarkdown } from '@rumkit/core/schema';

const target = fileURLToPath(new URL('../docs/schema.md', import.meta.url));
const expected = renderSchemaMarkdown();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is as stale as an old one.
  }
  if (current !== expected) {
    console.error(
      'docs/schema.md is stale: run `npx tsx --conditions=source scripts/gen-schema-doc.ts`',
    );
    process.exit(1);
  }
  console.log('docs/schema.md is up to date');
} else {
  writeFileSync(target, expected);
  console.log('wrote docs/schema.md');
}
