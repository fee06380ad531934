import type { Filter, NumericValue, SearchValue, Span, TermFilter, TextFilter } from './ast.js';
import { SearchSyntaxError } from './errors.js';
import { type Bound, type KeyToken, lex, type Token } from './lexer.js';
import { readNumber, UNIT_SPELLINGS } from './units.js';

/** Parentheses and negations deeper than this are refused rather than overflowing the stack. */
export const MAX_DEPTH = 100;

const COMPARE_OPS = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const;

/**
 * Parses the explorer's search text into a filter, or null when there is
 * nothing but whitespace. Precedence is NOT > AND > OR; juxtaposition is AND.
 * Throws SearchSyntaxError, and nothing else, on any input.
 */
export function parseSearch(text: string): Filter | null {
  const tokens = lex(text);
  let at = 0;
  let depth = 0;

  const peek = (): Token => tokens[at] ?? eofOf(text);
  const take = (): Token => {
    const token = peek();
    if (token.kind !== 'eof') at++;
    return token;
  };
  const enter = (token: Token) => {
    depth++;
    if (depth > MAX_DEPTH) {
      throw new SearchSyntaxError(
        'too_deep',
        `nested more than ${MAX_DEPTH} levels deep`,
        token.start,
        token.end - token.start,
      );
    }
  };
  const leave = () => {
    depth--;
  };

  // `group` is the key whose value group `key:( … )` we are in, or null outside one.
  function parseOr(group: KeyToken | null): Filter {
    const operands = [parseAnd(group)];
    while (peek().kind === 'or') {
      const op = take();
      operands.push(parseAnd(group, op));
    }
    return combine('or', operands);
  }

  function parseAnd(group: KeyToken | null, after?: Token): Filter {
    const operands = [parseUnary(group, after)];
    for (;;) {
      const token = peek();
      if (token.kind === 'and') {
        take();
        operands.push(parseUnary(group, token));
      } else if (startsOperand(token)) {
        operands.push(parseUnary(group));
      } else {
        return combine('and', operands);
      }
    }
  }

  function parseUnary(group: KeyToken | null, after?: Token): Filter {
    const token = peek();
    if (token.kind !== 'not' && token.kind !== 'minus') return parsePrimary(group, after);
    take();
    enter(token);
    const child = parseUnary(group, token);
    leave();
    return { type: 'not', child, span: { start: token.start, end: child.span.end } };
  }

  function parsePrimary(group: KeyToken | null, after?: Token): Filter {
    const token = peek();
    switch (token.kind) {
      case 'lparen':
        return parseParenthesised(group, token.start);
      case 'word':
        take();
        return group ? valueTerm(group, token, token.start) : textOf(token);
      case 'phrase':
        take();
        if (group) return literalTerm(group, token.text, { start: token.start, end: token.end });
        if (token.text === '') {
          throw new SearchSyntaxError('empty_phrase', 'empty phrase', token.start, 2);
        }
        return {
          type: 'text',
          value: token.text,
          phrase: true,
          wildcard: false,
          span: spanOf(token),
        };
      case 'key':
        take();
        return parseKeyValue(token);
      case 'range':
        take();
        if (group) return rangeTerm(group, token, token.start);
        break;
    }
    throw missingOperand(token, after);
  }

  /** `( … )`; the result's span takes in the parentheses and anything from `from` on. */
  function parseParenthesised(group: KeyToken | null, from: number): Filter {
    const open = take();
    enter(open);
    const first = peek();
    if (first.kind === 'rparen') {
      throw new SearchSyntaxError(
        'empty_parentheses',
        'empty parentheses',
        open.start,
        first.end - open.start,
      );
    }
    if (first.kind === 'eof') throw unclosed(open);
    const inner = parseOr(group);
    const close = peek();
    if (close.kind !== 'rparen') throw unclosed(open);
    take();
    leave();
    return { ...inner, span: { start: from, end: close.end } };
  }

  function parseKeyValue(key: KeyToken): Filter {
    const token = peek();
    switch (token.kind) {
      case 'lparen':
        return parseParenthesised(key, key.start);
      case 'word':
        take();
        return valueTerm(key, token, key.start);
      case 'phrase':
        take();
        return literalTerm(key, token.text, { start: key.start, end: token.end });
      case 'range':
        take();
        return rangeTerm(key, token, key.start);
      default: {
        // The lexer refuses a key without a value; this keeps the promise anyway.
        const written = text.slice(key.start, key.end);
        throw new SearchSyntaxError(
          'missing_value',
          `expected a value after "${written}"`,
          key.start,
          written.length,
        );
      }
    }
  }

  const filter = peek().kind === 'eof' ? null : parseOr(null);
  const rest = peek();
  if (rest.kind !== 'eof') {
    // Anything parseOr leaves behind is a `)` without its `(`.
    throw new SearchSyntaxError(
      'unmatched_parenthesis',
      'unmatched closing parenthesis',
      rest.start,
      1,
    );
  }
  return filter;
}

function eofOf(text: string): Token {
  return { kind: 'eof', start: text.length, end: text.length };
}

function spanOf(token: { start: number; end: number }): Span {
  return { start: token.start, end: token.end };
}

function startsOperand(token: Token): boolean {
  switch (token.kind) {
    case 'word':
    case 'phrase':
    case 'key':
    case 'lparen':
    case 'minus':
    case 'not':
    case 'range':
      return true;
    default:
      return false;
  }
}

/** Builds `and`/`or`, flattening nested ones of the same type. */
function combine(type: 'and' | 'or', operands: Filter[]): Filter {
  const [first] = operands;
  if (operands.length === 1 && first) return first;
  const children = operands.flatMap((operand) =>
    operand.type === type ? operand.children : [operand],
  );
  const last = operands[operands.length - 1] ?? first;
  return { type, children, span: { start: first?.span.start ?? 0, end: last?.span.end ?? 0 } };
}

const NAMES: Partial<Record<Token['kind'], string>> = {
  and: 'AND',
  or: 'OR',
  not: 'NOT',
  minus: '-',
};

function missingOperand(token: Token, after: Token | undefined): SearchSyntaxError {
  if (after) {
    return new SearchSyntaxError(
      'missing_term',
      `expected a term after "${NAMES[after.kind] ?? after.kind}"`,
      after.start,
      after.end - after.start,
    );
  }
  if (token.kind === 'rparen') {
    return new SearchSyntaxError(
      'unmatched_parenthesis',
      'unmatched closing parenthesis',
      token.start,
      1,
    );
  }
  const name = NAMES[token.kind];
  return new SearchSyntaxError(
    'missing_term',
    name ? `expected a term before "${name}"` : 'expected a term',
    token.start,
    token.end - token.start,
  );
}

function unclosed(open: Token): SearchSyntaxError {
  return new SearchSyntaxError(
    'unclosed_parenthesis',
    `unclosed parenthesis opened at ${open.start}`,
    open.start,
    1,
  );
}

interface Decoded {
  /** Escapes removed. */
  text: string;
  /** Wildcards kept, literal `*`, `?` and `\` escaped. */
  glob: string;
  wildcard: boolean;
}

/** Removes escapes from a bare word and finds its wildcards. */
function decodeWord(raw: string, start: number): Decoded {
  let text = '';
  let glob = '';
  let wildcard = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (c === '\\') {
      // The lexer guarantees a character after every backslash.
      const next = String.fromCodePoint(raw.codePointAt(i + 1) ?? 0x5c);
      text += next;
      glob += next === '*' || next === '?' || next === '\\' ? `\\${next}` : next;
      i += next.length;
    } else if (c === '*' || c === '?') {
      // A leading * would force a full scan of every value.
      if (c === '*' && i === 0) {
        throw new SearchSyntaxError(
          'leading_wildcard',
          'leading wildcard is not allowed',
          start,
          1,
        );
      }
      wildcard = true;
      text += c;
      glob += c;
    } else {
      text += c;
      glob += c;
    }
  }
  return { text, glob, wildcard };
}

function textOf(word: Extract<Token, { kind: 'word' }>): TextFilter {
  const { text, glob, wildcard } = decodeWord(word.raw, word.start);
  return {
    type: 'text',
    value: wildcard ? glob : text,
    phrase: false,
    wildcard,
    span: spanOf(word),
  };
}

function keySpan(key: KeyToken): Span {
  return { start: key.start, end: key.end - 1 };
}

/** A value of `key` (after `key:` or inside `key:( … )`) written as a bare word. */
function valueTerm(
  key: KeyToken,
  word: Extract<Token, { kind: 'word' }>,
  from: number,
): TermFilter {
  const span = { start: from, end: word.end };
  const base = { type: 'term', key: key.key, keySpan: keySpan(key), span } as const;
  const operator = /^[<>=!]+/.exec(word.raw)?.[0];
  if (operator) {
    const op = COMPARE_OPS[operator as keyof typeof COMPARE_OPS];
    if (!op) {
      const hint = operator.startsWith('!') ? ' (write -key:value to exclude)' : '';
      throw new SearchSyntaxError(
        'unknown_operator',
        `unknown operator "${operator}"${hint}`,
        word.start,
        operator.length,
      );
    }
    const rest = word.raw.slice(operator.length);
    if (rest === '') {
      throw new SearchSyntaxError(
        'expected_number',
        `expected a number after "${operator}"`,
        word.start,
        operator.length,
      );
    }
    const value = numberOf(key.key, rest, word.start + operator.length, `"${operator}"`);
    return { ...base, op, value };
  }
  if (word.raw === '*') return { ...base, op: 'exists' };
  const { text, glob, wildcard } = decodeWord(word.raw, word.start);
  if (wildcard) return { ...base, op: 'wildcard', value: { text: glob } };
  return { ...base, op: 'eq', value: literalValue(key.key, text) };
}

function literalTerm(key: KeyToken, text: string, span: Span): TermFilter {
  return {
    type: 'term',
    key: key.key,
    keySpan: keySpan(key),
    span,
    op: 'eq',
    value: literalValue(key.key, text),
  };
}

function rangeTerm(
  key: KeyToken,
  range: Extract<Token, { kind: 'range' }>,
  from: number,
): TermFilter {
  return {
    type: 'term',
    key: key.key,
    keySpan: keySpan(key),
    span: { start: from, end: range.end },
    op: 'range',
    from: boundOf(key.key, range.from, range.inclusive ? '"["' : '"{"'),
    to: boundOf(key.key, range.to, '"TO"'),
    inclusive: range.inclusive,
  };
}

function boundOf(key: string, bound: Bound, after: string): NumericValue {
  return numberOf(key, bound.raw, bound.start, after);
}

/** An equality value: numeric when it reads as one, text otherwise. */
function literalValue(key: string, text: string): SearchValue {
  const reading = readNumber(key, text);
  return reading.ok ? reading.value : { text };
}

function numberOf(key: string, raw: string, start: number, after: string): NumericValue {
  const reading = readNumber(key, raw);
  if (reading.ok) return reading.value;
  switch (reading.reason) {
    case 'unknown_unit':
      throw new SearchSyntaxError(
        'unknown_unit',
        `unknown unit "${reading.unit}"; use one of ${UNIT_SPELLINGS.join(', ')}`,
        start,
        raw.length,
      );
    case 'unit_not_allowed':
      throw new SearchSyntaxError(
        'unit_not_allowed',
        `"${key}" is not a duration, so it takes no unit "${reading.unit}"`,
        start,
        raw.length,
      );
    default:
      throw new SearchSyntaxError(
        'expected_number',
        `expected a number after ${after}, got "${raw}"`,
        start,
        raw.length,
      );
  }
}
