// From an error cluster to a search for its errors (spec §1.6, "clicking a cluster lists its
// errors"): the masked parts of the pattern (errorPattern) become wildcards on error_message.
import { parseSearch } from '../search/parse.js';
import { printSearch } from '../search/print.js';

// The masks errorPattern writes; quotes around `<str>` are kept by the pattern and stay literal.
const MASK = /<(?:url|id|str|n)>/g;

/**
 * The `error_message:…` search that finds the errors of a pattern, or null when it cannot be
 * written: a pattern that starts with a masked part would need a leading `*`, which the syntax
 * does not allow (spec §1.6), and a pattern that is nothing but masks would find everything.
 */
export function clusterMessageSearch(pattern: string): string | null {
  const parts = pattern.split(MASK);
  const literal = parts.join('');
  if (pattern.trim() === '' || (parts[0] ?? '') === '' || literal.trim() === '') return null;
  // Literal `*`, `?` and `\` of the message are escaped so they match only themselves.
  const glob = parts.map((part) => part.replace(/[\\*?]/g, '\\$&')).join('*');
  const exact = parts.length === 1;
  const span = { start: 0, end: 0 };
  const text = printSearch({
    type: 'term',
    key: 'error_message',
    keySpan: span,
    span,
    op: exact ? 'eq' : 'wildcard',
    value: { text: exact ? literal : glob.replace(/\*{2,}/g, '*') },
  });
  try {
    const parsed = parseSearch(text);
    return parsed?.type === 'term' && parsed.key === 'error_message' ? text : null;
  } catch {
    return null;
  }
}
