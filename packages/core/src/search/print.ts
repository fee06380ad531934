import type { Filter, SearchValue, TermFilter } from './ast.js';
import { soleKey } from './fields.js';

/**
 * The canonical text of a filter: parseSearch(printSearch(f)) equals f but for
 * spans. An `or` whose every leaf is a term of one key prints as a value group
 * (`service:(a OR b)`), so facet selections read the way users write them.
 */
export function printSearch(filter: Filter | null): string {
  return filter ? print(filter, 0, null) : '';
}

// Binding strength: an operand weaker than its context needs parentheses.
const OR = 1;
const AND = 2;
const ATOM = 3;

/** `key` is set inside a value group, where terms print as their value alone. */
function print(filter: Filter, context: number, key: string | null): string {
  switch (filter.type) {
    case 'or': {
      const groupKey = key === null ? soleKey(filter) : null;
      if (groupKey !== null) {
        return `${groupKey}:(${filter.children.map((c) => print(c, ATOM, groupKey)).join(' OR ')})`;
      }
      // AND binds tighter, but `a OR (b c)` reads more plainly than `a OR b c`.
      const text = filter.children.map((c) => print(c, ATOM, key)).join(' OR ');
      return context > OR ? `(${text})` : text;
    }
    case 'and': {
      const text = filter.children.map((c) => print(c, ATOM, key)).join(' ');
      return context > AND ? `(${text})` : text;
    }
    case 'not': {
      const { child } = filter;
      const atomic =
        child.type === 'term' ||
        child.type === 'text' ||
        (child.type === 'or' && key === null && soleKey(child) !== null);
      return atomic ? `-${print(child, ATOM, key)}` : `NOT ${print(child, ATOM, key)}`;
    }
    case 'text':
      if (filter.phrase) return quote(filter.value);
      return filter.wildcard ? printGlob(filter.value, 'text') : escapeWord(filter.value);
    case 'term':
      return key === null
        ? `${filter.key}:${printValue(filter, 'value')}`
        : printValue(filter, 'group');
  }
}

/**
 * Where a word is written changes which characters are special:
 * `text` is free text, `value` follows `key:`, `group` sits in `key:( … )`.
 */
type Place = 'text' | 'value' | 'group';

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function printValue(term: TermFilter, place: Place): string {
  switch (term.op) {
    case 'exists':
      return '*';
    case 'range': {
      const [open, close] = term.inclusive ? ['[', ']'] : ['{', '}'];
      return `${open}${term.from.text} TO ${term.to.text}${close}`;
    }
    case 'wildcard':
      return printGlob(term.value.text, place);
    case 'eq':
      return printEq(term.value, place);
    default:
      return `${OPERATORS[term.op]}${term.value.text}`;
  }
}

// Characters that end or break a bare word anywhere.
const BREAKS = /[\s()"\\]/u;
const KEYWORDS = new Set(['AND', 'OR', 'NOT']);

/** Characters that mean something at the start of a word in each place. */
function specialFirst(c: string, place: Place): boolean {
  switch (place) {
    case 'text':
      return c === '-';
    case 'value':
      return '<>=![{'.includes(c);
    case 'group':
      return '<>=![{-'.includes(c);
  }
}

/** A literal value: bare when it can be, quoted otherwise (quotes keep `*` literal). */
function printEq(value: SearchValue, place: Place): string {
  const { text } = value;
  const bare =
    text !== '' &&
    !BREAKS.test(text) &&
    !/[*?]/.test(text) &&
    !specialFirst(text[0] ?? '', place) &&
    !(place === 'group' && KEYWORDS.has(text));
  return bare ? text : quote(text);
}

function quote(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** Free text that is not a phrase: escaped, since quoting would make it one. */
function escapeWord(text: string): string {
  let out = '';
  for (const c of text) {
    out += BREAKS.test(c) || c === '*' || c === '?' || c === ':' ? `\\${c}` : c;
  }
  if (KEYWORDS.has(text) || specialFirst(text[0] ?? '', 'text')) out = `\\${out}`;
  return out;
}

/** A glob keeps its `\*`, `\?`, `\\` and gets the characters special to the place escaped. */
function printGlob(glob: string, place: Place): string {
  let out = '';
  let first = true;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '\\' && i + 1 < glob.length) {
      const next = String.fromCodePoint(glob.codePointAt(i + 1) ?? 0);
      out += `\\${next}`;
      i += next.length;
    } else if (
      (BREAKS.test(c) && c !== '\\') ||
      (place === 'text' && c === ':') ||
      (first && specialFirst(c, place))
    ) {
      out += `\\${c}`;
    } else {
      out += c === '\\' ? '\\\\' : c;
    }
    first = false;
  }
  return out;
}
