import { SearchSyntaxError } from './errors.js';

/**
 * Tokens of a query. The lexer has modes because the same characters mean
 * different things by position: right after `key:` a value starts (colons are
 * allowed, `[` opens a range), inside `key:( … )` every word is a value of
 * that key, and elsewhere a word holding `:` is a filter.
 */
export type Token =
  | {
      kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'eof';
      start: number;
      end: number;
    }
  /** `key:` (or `@key:`); `end` is just past the colon. */
  | { kind: 'key'; key: string; start: number; end: number }
  /** A bare word as written, escapes still in it. */
  | { kind: 'word'; raw: string; start: number; end: number }
  /** `"…"`, with escapes removed. */
  | { kind: 'phrase'; text: string; start: number; end: number }
  | { kind: 'range'; from: Bound; to: Bound; inclusive: boolean; start: number; end: number };

export interface Bound {
  raw: string;
  start: number;
  end: number;
}

export type KeyToken = Extract<Token, { kind: 'key' }>;

const KEY = /^@?[\p{L}_][\p{L}\p{N}_.-]*$/u;
const KEYWORDS = { AND: 'and', OR: 'or', NOT: 'not' } as const;

/** Whether `key` can be written before a colon in a query. */
export function isKey(key: string): boolean {
  return KEY.test(key) && !key.startsWith('@');
}

export function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  // ASCII answered without a RegExp: this runs once per character.
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/u.test(c);
}

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  // One entry per open parenthesis: whether it holds values of a key.
  const groups: boolean[] = [];
  let afterKey: KeyToken | null = null;
  let i = 0;

  for (;;) {
    if (afterKey) {
      const c = text[i];
      if (c === undefined || isSpace(c) || c === ')') {
        const written = text.slice(afterKey.start, afterKey.end);
        throw new SearchSyntaxError(
          'missing_value',
          `expected a value after "${written}"`,
          afterKey.start,
          written.length,
        );
      }
      afterKey = null;
      if (c === '(') {
        groups.push(true);
        tokens.push({ kind: 'lparen', start: i, end: i + 1 });
        i++;
      } else if (c === '"') {
        i = readPhrase(text, i, tokens);
      } else if (c === '[' || c === '{') {
        i = readRange(text, i, tokens);
      } else {
        const end = scanWord(text, i, false);
        tokens.push({ kind: 'word', raw: text.slice(i, end), start: i, end });
        i = end;
      }
      continue;
    }

    while (isSpace(text[i])) i++;
    const c = text[i];
    if (c === undefined) {
      tokens.push({ kind: 'eof', start: i, end: i });
      return tokens;
    }
    const inValues = groups.at(-1) === true;
    if (c === '(') {
      groups.push(inValues);
      tokens.push({ kind: 'lparen', start: i, end: i + 1 });
      i++;
    } else if (c === ')') {
      groups.pop();
      tokens.push({ kind: 'rparen', start: i, end: i + 1 });
      i++;
    } else if (c === '"') {
      i = readPhrase(text, i, tokens);
    } else if (c === '-') {
      // `a - b` is more likely a typo or a literal dash than an exclusion.
      const next = text[i + 1];
      if (next === undefined || isSpace(next) || next === ')') {
        throw new SearchSyntaxError('missing_term', 'expected a term after "-"', i, 1);
      }
      tokens.push({ kind: 'minus', start: i, end: i + 1 });
      i++;
    } else if (inValues && (c === '[' || c === '{')) {
      i = readRange(text, i, tokens);
    } else {
      const end = scanWord(text, i, !inValues);
      if (text[end] === ':') {
        const key = readKey(text, i, end);
        afterKey = { kind: 'key', key, start: i, end: end + 1 };
        tokens.push(afterKey);
        i = end + 1;
        continue;
      }
      const raw = text.slice(i, end);
      const keyword = Object.hasOwn(KEYWORDS, raw) ? KEYWORDS[raw as keyof typeof KEYWORDS] : null;
      tokens.push(
        keyword ? { kind: keyword, start: i, end } : { kind: 'word', raw, start: i, end },
      );
      i = end;
    }
  }
}

/**
 * Returns where the bare word starting at `start` ends. With `stopAtColon`, an
 * unescaped `:` also ends it (the word is then a key).
 */
function scanWord(text: string, start: number, stopAtColon: boolean): number {
  let i = start;
  for (;;) {
    const c = text[i];
    if (c === undefined || isSpace(c) || c === ')') return i;
    if (c === ':' && stopAtColon) return i;
    // `NOT(a)`, `a OR(b)`: a keyword may touch the parenthesis it governs.
    if (c === '(' && Object.hasOwn(KEYWORDS, text.slice(start, i))) return i;
    if (c === '(' || c === '"') {
      const what = c === '(' ? '"("' : 'quote';
      throw new SearchSyntaxError(
        'unexpected_character',
        `unexpected ${what} inside a word; escape it as \\${c} or quote the whole text`,
        i,
        1,
      );
    }
    if (c === '\\') {
      const next = text.codePointAt(i + 1);
      if (next === undefined) {
        throw new SearchSyntaxError(
          'dangling_escape',
          'a backslash at the end escapes nothing',
          i,
          1,
        );
      }
      i += 1 + String.fromCodePoint(next).length;
    } else {
      i++;
    }
  }
}

function readKey(text: string, start: number, colon: number): string {
  const written = text.slice(start, colon);
  if (written === '') {
    throw new SearchSyntaxError('invalid_key', 'expected a key before ":"', colon, 1);
  }
  if (!KEY.test(written)) {
    throw new SearchSyntaxError(
      'invalid_key',
      `"${written}" is not a valid key; to search for the text, quote it or escape the ":"`,
      start,
      written.length,
    );
  }
  return written.startsWith('@') ? written.slice(1) : written;
}

function readPhrase(text: string, open: number, tokens: Token[]): number {
  let value = '';
  let i = open + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) {
      throw new SearchSyntaxError('unclosed_quote', `unclosed quote opened at ${open}`, open, 1);
    }
    if (c === '"') break;
    if (c === '\\') {
      const next = text.codePointAt(i + 1);
      if (next === undefined) {
        throw new SearchSyntaxError('unclosed_quote', `unclosed quote opened at ${open}`, open, 1);
      }
      const char = String.fromCodePoint(next);
      value += char;
      i += 1 + char.length;
    } else {
      value += c;
      i++;
    }
  }
  const end = i + 1;
  expectBoundary(text, end, 'closing quote');
  tokens.push({ kind: 'phrase', text: value, start: open, end });
  return end;
}

/** `[a TO b]` or `{a TO b}`; the bounds are checked as numbers by the parser. */
function readRange(text: string, open: number, tokens: Token[]): number {
  const opener = text[open];
  const closer = opener === '[' ? ']' : '}';
  const isClose = (c: string | undefined) => c === ']' || c === '}';
  let i = open + 1;

  const skipSpaces = () => {
    while (isSpace(text[i])) i++;
    if (text[i] === undefined) {
      throw new SearchSyntaxError('unclosed_range', `unclosed range opened at ${open}`, open, 1);
    }
  };
  const readBound = (after: string): Bound => {
    skipSpaces();
    if (isClose(text[i])) {
      throw new SearchSyntaxError('bad_range', `expected a number after "${after}"`, i, 1);
    }
    const start = i;
    while (text[i] !== undefined && !isSpace(text[i]) && !isClose(text[i])) i++;
    return { raw: text.slice(start, i), start, end: i };
  };

  const from = readBound(opener ?? '[');
  skipSpaces();
  const toStart = i;
  while (text[i] !== undefined && !isSpace(text[i]) && !isClose(text[i])) i++;
  if (text.slice(toStart, i) !== 'TO') {
    throw new SearchSyntaxError(
      'bad_range',
      'expected "TO" after the start of the range',
      toStart,
      Math.max(1, i - toStart),
    );
  }
  const to = readBound('TO');
  skipSpaces();
  if (text[i] !== closer) {
    throw new SearchSyntaxError(
      'bad_range',
      `expected "${closer}" to close the range opened at ${open}`,
      i,
      1,
    );
  }
  const end = i + 1;
  expectBoundary(text, end, 'range');
  tokens.push({ kind: 'range', from, to, inclusive: opener === '[', start: open, end });
  return end;
}

// A quote or bracket glued to the next word is almost always a typo.
function expectBoundary(text: string, at: number, what: string): void {
  const c = text[at];
  if (c !== undefined && !isSpace(c) && c !== ')') {
    throw new SearchSyntaxError(
      'unexpected_character',
      `expected a space after the ${what}`,
      at,
      1,
    );
  }
}
