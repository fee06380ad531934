import { type Category, getField, parseValue } from '../schema/index.js';
import type { Filter, Span } from './ast.js';
import { SearchSyntaxError } from './errors.js';
import { searchTerms } from './fields.js';

/**
 * Checks a parsed filter against what `category` records carry: every key must
 * be a catalogue field of that category or a custom key seen in the data;
 * comparisons and ranges need a number field; a value for a number or boolean
 * field must read as one; a range must not be empty. Returns the first problem
 * in reading order, or null. Custom keys have no known type, so only their
 * ranges are checked.
 */
export function validateSearch(
  filter: Filter | null,
  category: Category,
  customKeys: ReadonlySet<string>,
): SearchSyntaxError | null {
  for (const term of searchTerms(filter)) {
    const def = getField(term.key);
    const known = def !== undefined && (def.categories as readonly Category[]).includes(category);
    if (!known && !customKeys.has(term.key)) {
      const message = def
        ? `"${term.key}" is not a field of ${category} events`
        : `unknown field "${term.key}"`;
      return error('unknown_field', message, term.keySpan);
    }
    if (term.op === 'range' && term.from.number > term.to.number) {
      return error(
        'empty_range',
        `empty range: ${term.from.text} is above ${term.to.text}`,
        term.span,
      );
    }
    if (!known || !def) continue;
    const numeric = def.type === 'integer' || def.type === 'float';
    switch (term.op) {
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
      case 'range':
        if (!numeric) {
          return error(
            'not_numeric',
            `"${term.key}" holds ${def.type} values, which cannot be compared as numbers`,
            term.span,
          );
        }
        break;
      case 'eq':
        if (numeric && term.value.number === undefined) {
          return error(
            'invalid_value',
            `"${term.key}" takes a number, not "${term.value.text}"`,
            term.span,
          );
        }
        if (def.type === 'boolean' && parseValue('boolean', term.value.text) === undefined) {
          return error(
            'invalid_value',
            `"${term.key}" takes true or false, not "${term.value.text}"`,
            term.span,
          );
        }
        break;
    }
  }
  return null;
}

function error(code: SearchSyntaxError['code'], message: string, span: Span): SearchSyntaxError {
  return new SearchSyntaxError(code, message, span.start, span.end - span.start);
}
