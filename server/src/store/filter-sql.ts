// The parts of compiling a search filter to SQL that do not depend on the engine: the walk of
// the filter tree, which fields free text searches, and how a field's value compares. Each
// engine's Sql supplies the dialect (how NOT treats NULL, ILIKE, casts, bound parameters).
import { type Category, getField, textFieldsOf } from '@rumkit/core/schema';
import { type Filter, type TermFilter, wildcardToLike } from '@rumkit/core/search';
import { fieldNamesOf } from './columns.js';
import { escapeLike } from './results.js';

export type ValueKind = 'string' | 'number' | 'boolean';

export interface FilterDialect {
  /** The negation of a condition, true where the condition is NULL (a missing field). */
  not(condition: string): string;
  /** Free text: a case-insensitive match of the LIKE pattern in any of the fields. */
  text(pattern: string, fields: readonly string[]): string;
  term(term: TermFilter): string;
}

export function filterSql(filter: Filter, dialect: FilterDialect, category: Category): string {
  const walk = (f: Filter): string => {
    switch (f.type) {
      case 'and':
        return `(${f.children.map(walk).join(' AND ')})`;
      case 'or':
        return `(${f.children.map(walk).join(' OR ')})`;
      case 'not':
        // A record without the field matches `-key:value`: NULL counts as "not equal".
        return dialect.not(walk(f.child));
      case 'text': {
        // Free text: a substring (or glob) of any of the category's text fields.
        const fields = textFieldsOf(category).filter((name) => fieldNamesOf(category).has(name));
        if (fields.length === 0) return 'false';
        const glob = f.wildcard && !f.phrase;
        return dialect.text(
          glob ? `%${wildcardToLike(f.value)}%` : `%${escapeLike(f.value)}%`,
          fields,
        );
      }
      case 'term':
        return dialect.term(f);
    }
  };
  return walk(filter);
}

/** How a catalogue field's values compare: as numbers, booleans or text. */
export function fieldKind(name: string): ValueKind {
  const type = getField(name)?.type;
  if (type === 'integer' || type === 'float') return 'number';
  return type === 'boolean' ? 'boolean' : 'string';
}
