import { type Filter, type Span, sameSearch, type TermFilter } from './ast.js';
import { SearchSyntaxError } from './errors.js';
import { soleKey } from './fields.js';
import { isKey } from './lexer.js';
import { parseSearch } from './parse.js';
import { printSearch } from './print.js';

/**
 * One top-level conjunct of the search, as the search bar shows it in pill
 * mode. A search that is not an AND at the top is a single pill.
 */
export interface Pill {
  /** The conjunct with its negation taken off. */
  readonly filter: Filter;
  /** An exclusion; fromPills puts the NOT back. */
  readonly negated: boolean;
  /** The conjunct's canonical text, `-` included. */
  readonly text: string;
  /** Where the conjunct sits in the text the filter was parsed from. */
  readonly span: Span;
}

export function toPills(filter: Filter | null): Pill[] {
  return conjuncts(filter).map((conjunct) => ({
    filter: conjunct.type === 'not' ? conjunct.child : conjunct,
    negated: conjunct.type === 'not',
    text: printSearch(conjunct),
    span: conjunct.span,
  }));
}

/**
 * Joins pills back into one filter. Like every helper here, it returns the
 * parse of the result's canonical text, so spans point into printSearch(result)
 * — the text the search bar shows after a pill edit.
 */
export function fromPills(pills: readonly Pick<Pill, 'filter' | 'negated'>[]): Filter | null {
  return join(pills.map((pill) => (pill.negated ? negate(pill.filter) : pill.filter)));
}

/**
 * Adds a conjunct (a facet click, an attribute's "filter" or "reverse filter").
 * Already there: nothing changes. Its opposite there (`-service:a` when adding
 * `service:a`): it is flipped in place rather than contradicted.
 */
export function addTerm(filter: Filter | null, term: Filter): Filter {
  const items = conjuncts(filter);
  const opposite = items.findIndex((item) => sameSearch(item, negate(term)));
  if (opposite >= 0) items[opposite] = term;
  else if (!items.some((item) => sameSearch(item, term))) items.push(term);
  return join(items) ?? term;
}

/** Drops the conjunct at `index`; an index out of range changes nothing. */
export function removeConjunct(filter: Filter | null, index: number): Filter | null {
  const items = conjuncts(filter);
  if (index >= 0 && index < items.length) items.splice(index, 1);
  return join(items);
}

/** Flips the conjunct at `index` between include and exclude. */
export function negateConjunct(filter: Filter | null, index: number): Filter | null {
  const items = conjuncts(filter);
  const item = items[index];
  if (item) items[index] = negate(item);
  return join(items);
}

/**
 * Drops every conjunct that only concerns `key` (`service:a`, `-service:b`,
 * `service:(a OR b)`); with addTerm, this is a facet's "only this".
 */
export function removeKey(filter: Filter | null, key: string): Filter | null {
  return join(conjuncts(filter).filter((item) => soleKey(item) !== key));
}

/** `NOT filter`, or the filter itself when it was a NOT. */
export function negate(filter: Filter): Filter {
  return filter.type === 'not' ? filter.child : { type: 'not', child: filter, span: filter.span };
}

/** `key:value`, for a facet value or an attribute of an event; `value` is literal. */
export function eqTerm(key: string, value: string | number | boolean): TermFilter {
  if (!isKey(key)) {
    throw new SearchSyntaxError(
      'invalid_key',
      `"${key}" cannot be written as a key`,
      0,
      key.length,
    );
  }
  const span = { start: 0, end: 0 };
  const draft: TermFilter = {
    type: 'term',
    key,
    keySpan: span,
    span,
    op: 'eq',
    value: { text: String(value) },
  };
  // Through text, so the number and unit are read exactly as parseSearch reads them.
  const term = parseSearch(printSearch(draft));
  if (term?.type !== 'term') {
    throw new SearchSyntaxError(
      'invalid_key',
      `"${key}" cannot be written as a key`,
      0,
      key.length,
    );
  }
  return term;
}

/** The top-level conjuncts of a search: the children of an AND, or the filter alone. */
export function conjuncts(filter: Filter | null): Filter[] {
  if (!filter) return [];
  return filter.type === 'and' ? [...filter.children] : [filter];
}

/** ANDs conjuncts back into one filter: the parse of its canonical text (null for none). */
export function join(items: readonly Filter[]): Filter | null {
  const [first] = items;
  if (!first) return null;
  const span = { start: 0, end: 0 };
  return parseSearch(
    printSearch(items.length === 1 ? first : { type: 'and', children: items, span }),
  );
}
