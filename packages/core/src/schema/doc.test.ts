import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories.js';
import { renderSchemaMarkdown } from './doc.js';

const page = renderSchemaMarkdown();

describe('the schema docs page', () => {
  it('has one table per category and lists the common tags once', () => {
    for (const category of CATEGORIES) expect(page).toContain(`## \`${category}\``);
    expect(page.match(/^\| `app_id` \|/gm)).toHaveLength(1);
    expect(page.match(/^\| `view_id` \|/gm)).toHaveLength(1);
  });

  it('shows kind, type, unit and origin for each name', () => {
    expect(page).toContain('| `duration` | field | integer | ns | sdk |');
    expect(page).toContain('| `resource_status` | tag | integer |  | sdk |');
    expect(page).toContain(
      '| `session_error_timestamp` | field | integer | ms since epoch | sdk |',
    );
    expect(page).toContain('| `provider_type` | field | string |  | datakit |');
    expect(page).toContain('| `session_view_count` | field | integer |  | server |');
  });

  it('keeps every field table six cells wide, escaped pipes and all', () => {
    const tables = page.split('\n\n').filter((block) => block.startsWith('| Name |'));
    expect(tables).toHaveLength(CATEGORIES.length + 2);
    for (const row of tables.flatMap((table) => table.trim().split('\n'))) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect(cells, row).toBe(6);
    }
  });

  it('matches the committed docs/schema.md', () => {
    const committed = readFileSync(new URL('../../../../docs/schema.md', import.meta.url), 'utf8');
    expect(committed, 'run npx tsx --conditions=source scripts/gen-schema-doc.ts').toBe(page);
  });
});
