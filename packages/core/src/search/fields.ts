import type { Filter, TermFilter } from './ast.js';

/** Every term, in the order they are written. */
export function searchTerms(filter: Filter | null): TermFilter[] {
  const terms: TermFilter[] = [];
  const visit = (node: Filter) => {
    switch (node.type) {
      case 'and':
      case 'or':
        node.children.forEach(visit);
        break;
      case 'not':
        visit(node.child);
        break;
      case 'term':
        terms.push(node);
        break;
    }
  };
  if (filter) visit(filter);
  return terms;
}

/** The keys a filter uses, each once, in the order they first appear. */
export function searchFields(filter: Filter | null): string[] {
  return [...new Set(searchTerms(filter).map((term) => term.key))];
}

/** The first term on `key`; its `keySpan` is where to point when the key is refused. */
export function findTerm(filter: Filter | null, key: string): TermFilter | undefined {
  return searchTerms(filter).find((term) => term.key === key);
}

/** The key every leaf of `filter` is a term of, or null when there are texts or several keys. */
export function soleKey(filter: Filter): string | null {
  const keys = new Set<string>();
  const visit = (node: Filter): boolean => {
    switch (node.type) {
      case 'and':
      case 'or':
        return node.children.every(visit);
      case 'not':
        return visit(node.child);
      case 'text':
        return false;
      case 'term':
        keys.add(node.key);
        return keys.size === 1;
    }
  };
  return visit(filter) ? ([...keys][0] ?? null) : null;
}
