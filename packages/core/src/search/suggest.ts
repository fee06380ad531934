import { fieldsOf, getField } from '../schema/catalogue.js';
import type { Category } from '../schema/categories.js';
import type { Span } from './ast.js';
import { isSearchSyntaxError } from './errors.js';
import { isSpace } from './lexer.js';
import { parseSearch } from './parse.js';
import { eqTerm } from './pills.js';
import { printSearch } from './print.js';

/**
 * What the search bar's user is typing at the cursor, so it can offer completions:
 *
 * - `key`: a bare word that may become a key (`serv|`, `-serv|`, `(serv|`); it may also end
 *   up as free text, so the bar offers keys and leaves Enter to search the text.
 * - `value`: a value of `key` (`service:we|`, `service:"we b|`, `service:(web OR an|`).
 * - `text`: free text that cannot be a key (`"time o|`, `/checkout|`, `12:3|`).
 * - `range`: inside `key:[a TO b]`, where only numbers go.
 *
 * `replace` is what accepting a completion replaces: for a key, the word (and its colon if
 * one follows); for a value, the whole term from its key on (just the value inside a value
 * group); `prefix` is what was typed from the start of that token to the cursor, with quotes
 * and escapes removed. `negated` says a `-` or `NOT` comes right before the term.
 */
export type SuggestContext =
  | { kind: 'key'; prefix: string; replace: Span; negated: boolean }
  | {
      kind: 'value';
      key: string;
      /** Decoded: quotes and escapes removed. */
      prefix: string;
      /** As written from the value's start to the cursor (`>10`, `"Mobile Sa`). */
      raw: string;
      replace: Span;
      /** Inside `key:( … )`: a completion is the value alone. */
      group: boolean;
      quoted: boolean;
      negated: boolean;
    }
  | { kind: 'text'; prefix: string; replace: Span; negated: boolean }
  | { kind: 'range'; key: string; raw: string; replace: Span; negated: boolean };

const KEYWORDS = new Set(['AND', 'OR', 'NOT']);
const KEY_PREFIX = /^@?[\p{L}_][\p{L}\p{N}_.-]*$/u;

/**
 * Reads `text` up to `cursor` with the lexer's rules, but forgivingly: the text is half
 * typed, so an unclosed quote, a missing value or a stray parenthesis never throws. The
 * token the cursor is in (or the empty one it is about to start) decides the context.
 */
export function suggestContext(text: string, cursor: number): SuggestContext {
  const at = Math.max(0, Math.min(cursor, text.length));
  // One entry per open parenthesis: the key whose values it holds, or null.
  const groups: (string | null)[] = [];
  let negated = false;
  let i = 0;

  for (;;) {
    while (i < at && isSpace(text[i])) i++;
    const group = groups.at(-1) ?? null;
    if (i >= at) {
      // Between tokens: the next one starts at the cursor.
      const end = wordEnd(text, at, group === null);
      const replace = { start: at, end: text[end] === ':' && group === null ? end + 1 : end };
      if (group !== null) {
        return valueContext(group, text, at, at, end, at, true, negated);
      }
      return { kind: 'key', prefix: '', replace, negated };
    }
    const c = text[i];
    if (c === '(') {
      groups.push(group);
      negated = false;
      i++;
    } else if (c === ')') {
      groups.pop();
      negated = false;
      i++;
    } else if (c === '-') {
      negated = true;
      i++;
    } else if (c === '"') {
      const { end, closed } = phraseEnd(text, i);
      if (at < end || !closed) {
        if (group !== null) return valueContext(group, text, i, i, end, at, true, negated);
        return {
          kind: 'text',
          prefix: unquote(text.slice(i, at)),
          replace: { start: i, end },
          negated,
        };
      }
      negated = false;
      i = end;
    } else if (group !== null && (c === '[' || c === '{')) {
      const end = rangeEnd(text, i);
      if (at <= end) return rangeContext(group, text, i, i, end, at, negated);
      negated = false;
      i = end;
    } else {
      const start = i;
      const end = wordEnd(text, i, group === null);
      const word = text.slice(start, end);
      if (group !== null) {
        if (at <= end) return valueContext(group, text, start, start, end, at, true, negated);
        negated = false;
        i = end;
        continue;
      }
      if (text[end] === ':' && at > end && !KEY_PREFIX.test(word)) {
        // `12:30` is no key: the colon is part of a word of free text.
        const whole = wordEnd(text, start, false);
        if (at <= whole) {
          return {
            kind: 'text',
            prefix: decodeWord(text.slice(start, at)),
            replace: { start, end: whole },
            negated,
          };
        }
        negated = false;
        i = whole;
        continue;
      }
      if (text[end] === ':' && at > end) {
        // `key:` before the cursor: the value starts right after the colon.
        const key = word.startsWith('@') ? word.slice(1) : word;
        const valueStart = end + 1;
        const v = text[valueStart];
        if (v === '(' && at > valueStart) {
          groups.push(key);
          negated = false;
          i = valueStart + 1;
          continue;
        }
        if (v === '"') {
          const { end: close, closed } = phraseEnd(text, valueStart);
          if (at < close || !closed) {
            return valueContext(key, text, start, valueStart, close, at, false, negated);
          }
          negated = false;
          i = close;
          continue;
        }
        if ((v === '[' || v === '{') && at > valueStart) {
          const close = rangeEnd(text, valueStart);
          if (at <= close) return rangeContext(key, text, start, valueStart, close, at, negated);
          negated = false;
          i = close;
          continue;
        }
        const close = v === undefined || isSpace(v) ? valueStart : wordEnd(text, valueStart, false);
        if (at <= close) {
          return valueContext(key, text, start, valueStart, close, at, false, negated);
        }
        negated = false;
        i = close;
        continue;
      }
      if (at <= end) {
        const typed = text.slice(start, at);
        const replace = { start, end: text[end] === ':' ? end + 1 : end };
        if (typed === '' || KEY_PREFIX.test(typed)) {
          return { kind: 'key', prefix: typed.replace(/^@/, ''), replace, negated };
        }
        return { kind: 'text', prefix: decodeWord(typed), replace, negated };
      }
      negated = word === 'NOT';
      i = end;
    }
  }
}

function valueContext(
  key: string,
  text: string,
  from: number,
  valueStart: number,
  valueEnd: number,
  at: number,
  group: boolean,
  negated: boolean,
): SuggestContext {
  const raw = text.slice(valueStart, at);
  const quoted = raw.startsWith('"');
  const prefix = quoted ? unquote(raw) : decodeWord(raw);
  return {
    kind: 'value',
    key,
    prefix,
    raw,
    replace: { start: group ? valueStart : from, end: Math.max(valueEnd, at) },
    group,
    quoted,
    negated,
  };
}

function rangeContext(
  key: string,
  text: string,
  from: number,
  valueStart: number,
  valueEnd: number,
  at: number,
  negated: boolean,
): SuggestContext {
  return {
    kind: 'range',
    key,
    raw: text.slice(valueStart, at),
    replace: { start: from, end: Math.max(valueEnd, at) },
    negated,
  };
}

/** Where a bare word starting at `start` ends (the lexer's scanWord, never throwing). */
function wordEnd(text: string, start: number, stopAtColon: boolean): number {
  let i = start;
  for (;;) {
    const c = text[i];
    if (c === undefined || isSpace(c) || c === ')' || c === '"') return i;
    if (c === '(' && (i === start || KEYWORDS.has(text.slice(start, i)))) return i;
    if (c === ':' && stopAtColon) return i;
    i += c === '\\' && text[i + 1] !== undefined ? 2 : 1;
  }
}

/** Just past the closing quote of the phrase opened at `open`, or the end of an unclosed one. */
function phraseEnd(text: string, open: number): { end: number; closed: boolean } {
  let i = open + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return { end: i + 1, closed: true };
    i += c === '\\' ? 2 : 1;
  }
  return { end: text.length, closed: false };
}

/** Just past the `]` or `}` closing the range opened at `open`, or the end of the text. */
function rangeEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === ']' || text[i] === '}') return i + 1;
  }
  return text.length;
}

function decodeWord(raw: string): string {
  return raw.replace(/\\(.)/gsu, '$1').replace(/\\$/, '');
}

function unquote(raw: string): string {
  const body = raw.slice(1);
  return decodeWord(body.endsWith('"') && !body.endsWith('\\"') ? body.slice(0, -1) : body);
}

// ---- Ranking -------------------------------------------------------------------------------

/** How well `candidate` matches what was typed: 0 prefix, 1 a word inside starts with it, 2 contains it. */
function matchTier(candidate: string, typed: string): number | null {
  if (typed === '') return 0;
  const c = candidate.toLowerCase();
  const q = typed.toLowerCase();
  if (c.startsWith(q)) return 0;
  const index = c.indexOf(q);
  if (index < 0) return null;
  return /[_.\-\s/]/.test(c[index - 1] ?? '') ? 1 : 2;
}

/** Items matching `typed`: prefix matches first, then word starts, then substrings; stable within a tier. */
export function rankMatches<T>(items: readonly T[], typed: string, name: (item: T) => string): T[] {
  const tiers: T[][] = [[], [], []];
  for (const item of items) {
    const tier = matchTier(name(item), typed);
    if (tier !== null) tiers[tier]?.push(item);
  }
  return tiers.flat();
}

export interface KeySuggestion {
  key: string;
  /** The catalogue's description; absent for custom keys. */
  description?: string;
  /** A custom context key seen in the data, not a catalogue field. */
  custom: boolean;
}

/**
 * Key names for what was typed (a leading `@` ignored): the category's catalogue fields in
 * catalogue order, then the custom keys; prefix matches of either before substring matches.
 */
export function suggestKeys(
  prefix: string,
  category: Category,
  extraKeys: readonly string[] = [],
  limit = 50,
): KeySuggestion[] {
  const typed = prefix.replace(/^@/, '');
  const catalogue: KeySuggestion[] = fieldsOf(category).map((def) => ({
    key: def.name,
    description: def.description,
    custom: false,
  }));
  const known = new Set(catalogue.map((s) => s.key));
  const custom: KeySuggestion[] = [...new Set(extraKeys)]
    .filter((key) => !known.has(key))
    .map((key) => ({ key, custom: true }));
  return rankMatches([...catalogue, ...custom], typed, (s) => s.key)
    .filter((s) => s.key !== typed)
    .slice(0, limit);
}

/** Whether `key` names something `category` records carry: a catalogue field of it or a custom key. */
export function isSearchableKey(
  key: string,
  category: Category,
  extraKeys: readonly string[] = [],
): boolean {
  const def = getField(key);
  if (def) return (def.categories as readonly Category[]).includes(category);
  return extraKeys.includes(key);
}

/** A field's known values (catalogue) that match what was typed, best first. */
export function suggestKnownValues(key: string, prefix: string): string[] {
  return rankMatches(getField(key)?.values ?? [], prefix, (v) => v);
}

const DURATION_DEFAULTS = ['>100ms', '>1s', '>3s', '<100ms', '[100ms TO 1s]'];
const DURATION_UNITS = ['ms', 's', 'us', 'min'];

/**
 * Forms a duration value can take, from what was typed: `''` gives common thresholds,
 * `>2` gives `>2ms`, `>2s`…, `>=1.5s` keeps itself. Every form parses for a duration field.
 */
export function durationForms(raw: string): string[] {
  const match = /^([<>]=?)?(\d+(?:\.\d*)?)?(\p{L}*)$/u.exec(raw);
  if (!match) return [];
  const [, op = '', number = '', unit = ''] = match;
  if (number === '') {
    if (unit !== '') return [];
    return op === '' ? DURATION_DEFAULTS : DURATION_DEFAULTS.filter((f) => f.startsWith(op));
  }
  const comparison = op === '' ? '>' : op;
  const n = number.replace(/\.$/, '');
  return DURATION_UNITS.filter((u) => u.startsWith(unit)).map((u) => `${comparison}${n}${u}`);
}

// ---- Completions ---------------------------------------------------------------------------

export interface Completion {
  /** The whole text after the edit. */
  text: string;
  /** Where the cursor goes. */
  cursor: number;
}

function splice(text: string, span: Span, insert: string, pad: boolean): Completion {
  const after = text.slice(span.end);
  // A space after a completed term, so the next one can be typed straight away.
  const gap = pad && !/^[\s)]/.test(after) ? ' ' : '';
  const head = text.slice(0, span.start) + insert + gap;
  return { text: head + after, cursor: head.length };
}

/** Puts `key:` in place of the word being typed; the cursor stands after the colon. */
export function completeKey(text: string, context: { replace: Span }, key: string): Completion {
  return splice(text, context.replace, `${key}:`, false);
}

/**
 * The text of `key:value` for a literal value, quoted and escaped as the printer does so that
 * it parses back to equality with `value`; inside a value group, the value alone, quoted when
 * a bare word would not read back the same (`AND`, `-x`, spaces).
 */
export function valueText(key: string, value: string | number | boolean, group: boolean): string {
  const term = printSearch(eqTerm(key, value));
  if (!group) return term;
  const bare = term.slice(key.length + 1);
  try {
    const back = parseSearch(`${key}:(${bare})`);
    if (back?.type === 'term' && back.op === 'eq' && back.value.text === String(value)) return bare;
  } catch (error) {
    if (!isSearchSyntaxError(error)) throw error;
  }
  return `"${String(value).replace(/["\\]/g, '\\$&')}"`;
}

/** Puts a literal value (a facet or catalogue value) in place of the term being typed. */
export function completeValue(
  text: string,
  context: Extract<SuggestContext, { kind: 'value' }>,
  value: string | number | boolean,
): Completion {
  return splice(text, context.replace, valueText(context.key, value, context.group), true);
}

/** Puts a value written in the syntax (`>100ms`, `[1s TO 3s]`) in place of the term being typed. */
export function completeForm(
  text: string,
  context: Extract<SuggestContext, { kind: 'value' }>,
  form: string,
): Completion {
  const insert = context.group ? form : `${context.key}:${form}`;
  return splice(text, context.replace, insert, true);
}
