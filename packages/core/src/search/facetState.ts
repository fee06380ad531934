// What the explorer's facet panel reads from and writes into a search (spec §1.6 quick
// filters): which values of a key are checked, the range set on a numeric key, and the edits a
// checkbox, "only", "exclude", "invert" or a range slider make. Every edit returns the parse of
// the result's canonical text, as the pill helpers do.
import type { Filter, NumericValue, TermFilter } from './ast.js';
import { soleKey } from './fields.js';
import { parseSearch } from './parse.js';
import { conjuncts, eqTerm, join, negate, removeKey } from './pills.js';
import { printSearch } from './print.js';

/** How a search constrains the values of one key, as a facet's checkboxes show it. */
export interface FacetSelection {
  /** The values the key is restricted to (`key:a`, `key:(a OR b)`); null when it is not. */
  readonly include: readonly string[] | null;
  /** Values left out (`-key:a`, `-key:(a OR b)`). */
  readonly exclude: readonly string[];
  /** Other conditions on the key (wildcards, comparisons, ranges), as written canonically. */
  readonly other: readonly string[];
}

/** A facet value as search text: what `key:value` compares. */
export function facetValueText(value: string | number | boolean): string {
  return String(value);
}

type Classified =
  | { kind: 'include'; values: string[] }
  | { kind: 'exclude'; values: string[] }
  | { kind: 'range' }
  | { kind: 'other' };

/** The literal values of `key:a` or `key:(a OR b)`, or null for any other shape. */
function eqValues(filter: Filter): string[] | null {
  if (filter.type === 'term') return filter.op === 'eq' ? [filter.value.text] : null;
  if (filter.type !== 'or') return null;
  const values: string[] = [];
  for (const child of filter.children) {
    if (child.type !== 'term' || child.op !== 'eq') return null;
    values.push(child.value.text);
  }
  return values;
}

const RANGE_OPS = new Set(['range', 'gt', 'gte', 'lt', 'lte']);

function classify(conjunct: Filter): Classified {
  if (conjunct.type === 'not') {
    const values = eqValues(conjunct.child);
    return values ? { kind: 'exclude', values } : { kind: 'other' };
  }
  if (conjunct.type === 'term' && RANGE_OPS.has(conjunct.op)) return { kind: 'range' };
  const values = eqValues(conjunct);
  return values ? { kind: 'include', values } : { kind: 'other' };
}

/** Values match as text, or as numbers when both are (`200` and `200.0` on a status). */
function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.trim() === '' ? Number.NaN : Number(a);
  const y = b.trim() === '' ? Number.NaN : Number(b);
  return Number.isFinite(x) && x === y;
}

const has = (values: readonly string[], value: string) => values.some((v) => sameValue(v, value));
const without = (values: readonly string[], value: string) =>
  values.filter((v) => !sameValue(v, value));

/** Reads which values of `key` a search lets through (only top-level conjuncts count). */
export function facetSelection(filter: Filter | null, key: string): FacetSelection {
  let include: string[] | null = null;
  const exclude: string[] = [];
  const other: string[] = [];
  for (const conjunct of conjuncts(filter)) {
    if (soleKey(conjunct) !== key) continue;
    const c = classify(conjunct);
    if (c.kind === 'include') {
      // Two restrictions on one key both hold: only their common values pass.
      include = include === null ? c.values : include.filter((v) => has(c.values, v));
    } else if (c.kind === 'exclude') {
      for (const v of c.values) if (!has(exclude, v)) exclude.push(v);
    } else other.push(printSearch(conjunct));
  }
  return { include, exclude, other };
}

/** Whether a value's checkbox is ticked: no condition on the key ticks them all. */
export function isFacetValueChecked(
  selection: FacetSelection,
  value: string | number | boolean,
): boolean {
  const text = facetValueText(value);
  return (
    (selection.include === null || has(selection.include, text)) && !has(selection.exclude, text)
  );
}

/**
 * Rewrites the value conditions of `key` (includes and excludes) as `include` and `exclude`,
 * where the first of them stood; other conditions on the key (wildcards, ranges) and on other
 * keys stay as they are.
 */
function writeSelection(
  filter: Filter | null,
  key: string,
  include: readonly string[] | null,
  exclude: readonly string[],
): Filter | null {
  const items = conjuncts(filter);
  const replacement: Filter[] = [];
  if (include !== null && include.length > 0) {
    const terms = include.map((v) => eqTerm(key, v));
    const span = { start: 0, end: 0 };
    replacement.push(
      terms.length === 1 ? (terms[0] as TermFilter) : { type: 'or', children: terms, span },
    );
  }
  for (const v of exclude) replacement.push(negate(eqTerm(key, v)));
  const out: Filter[] = [];
  let placed = false;
  for (const item of items) {
    const kind = soleKey(item) === key ? classify(item).kind : null;
    if (kind === 'include' || kind === 'exclude') {
      if (!placed) out.push(...replacement);
      placed = true;
    } else out.push(item);
  }
  if (!placed) out.push(...replacement);
  return join(out);
}

/**
 * A click on a value's checkbox. Restricted to some values: the value joins or leaves them
 * (leaving the last one lifts the restriction). Otherwise the value is excluded, or an
 * exclusion of it is dropped.
 */
export function toggleFacetValue(
  filter: Filter | null,
  key: string,
  value: string | number | boolean,
): Filter | null {
  const text = facetValueText(value);
  const { include, exclude } = facetSelection(filter, key);
  if (include !== null) {
    const next = has(include, text) ? without(include, text) : [...include, text];
    return writeSelection(filter, key, next.length > 0 ? next : null, exclude);
  }
  const next = has(exclude, text) ? without(exclude, text) : [...exclude, text];
  return writeSelection(filter, key, null, next);
}

/** "Only this": every other condition on the key goes; `key:value` is added. */
export function onlyFacetValue(
  filter: Filter | null,
  key: string,
  value: string | number | boolean,
): Filter | null {
  return writeSelection(clearFacet(filter, key), key, [facetValueText(value)], []);
}

/**
 * "Exclude": the value stops passing. Among restricted values it is taken out, and when it
 * was the only one the restriction turns into `-key:value`; otherwise `-key:value` is added.
 */
export function excludeFacetValue(
  filter: Filter | null,
  key: string,
  value: string | number | boolean,
): Filter | null {
  const text = facetValueText(value);
  const { include, exclude } = facetSelection(filter, key);
  if (include !== null) {
    const rest = without(include, text);
    if (rest.length > 0) return writeSelection(filter, key, rest, exclude);
    return writeSelection(filter, key, null, has(exclude, text) ? exclude : [...exclude, text]);
  }
  return has(exclude, text) ? filter : writeSelection(filter, key, null, [...exclude, text]);
}

/** Reverse selection: `key:(a OR b)` becomes `-key:a -key:b`, and the other way round. */
export function invertFacetValues(filter: Filter | null, key: string): Filter | null {
  const { include, exclude } = facetSelection(filter, key);
  if (include !== null) return writeSelection(filter, key, null, include);
  if (exclude.length > 0) return writeSelection(filter, key, exclude, []);
  return filter;
}

/** Drops every top-level condition that concerns only `key` (the pills' removeKey). */
export function clearFacet(filter: Filter | null, key: string): Filter | null {
  return removeKey(filter, key);
}

/** The bounds a search sets on a numeric key; a side is null when open. */
export interface FacetRange {
  readonly from: NumericValue | null;
  readonly to: NumericValue | null;
}

/**
 * The range set on `key` by top-level `key:[a TO b]`, `key:{a TO b}` or comparisons
 * (`key:>=a key:<b`); null when there is none. The last bound written on a side wins.
 */
export function facetRange(filter: Filter | null, key: string): FacetRange | null {
  let from: NumericValue | null = null;
  let to: NumericValue | null = null;
  let found = false;
  for (const item of conjuncts(filter)) {
    if (item.type !== 'term' || item.key !== key) continue;
    if (item.op === 'range') {
      from = item.from;
      to = item.to;
    } else if (item.op === 'gt' || item.op === 'gte') from = item.value;
    else if (item.op === 'lt' || item.op === 'lte') to = item.value;
    else continue;
    found = true;
  }
  return found ? { from, to } : null;
}

/**
 * Sets one range on `key`, replacing every range or comparison on it: `key:[a TO b]`, or
 * `key:>=a` / `key:<=b` when a side is open. Bounds are number texts as the parser reads
 * them (readNumber), units included: `100ms`, `2.5s`.
 */
export function setFacetRange(
  filter: Filter | null,
  key: string,
  from: string | null,
  to: string | null,
): Filter | null {
  const text =
    from !== null && to !== null
      ? `${key}:[${from} TO ${to}]`
      : from !== null
        ? `${key}:>=${from}`
        : to !== null
          ? `${key}:<=${to}`
          : null;
  const items = conjuncts(filter);
  const term = text === null ? null : parseSearch(text);
  const out: Filter[] = [];
  let placed = false;
  for (const item of items) {
    if (item.type === 'term' && item.key === key && RANGE_OPS.has(item.op)) {
      if (!placed && term) out.push(term);
      placed = true;
    } else out.push(item);
  }
  if (!placed && term) out.push(term);
  return join(out);
}

/** Removes the range and comparisons set on `key`. */
export function clearFacetRange(filter: Filter | null, key: string): Filter | null {
  return setFacetRange(filter, key, null, null);
}

/** The duration units a range facet offers (spec §1.6), with their size in ns. */
export const FACET_DURATION_UNITS = { ns: 1, µs: 1e3, ms: 1e6, s: 1e9, min: 60e9 } as const;
export type FacetDurationUnit = keyof typeof FACET_DURATION_UNITS;

/** The largest unit in which `ns` is at least 1 (`ns` for 0 and below 1 µs). */
export function fitDurationUnit(ns: number): FacetDurationUnit {
  const abs = Math.abs(ns);
  if (abs >= 60e9) return 'min';
  if (abs >= 1e9) return 's';
  if (abs >= 1e6) return 'ms';
  if (abs >= 1e3) return 'µs';
  return 'ns';
}

/**
 * A duration in ns as a range bound in `unit`, at most three decimals: `2.5s`, `120ms`.
 * ns are whole: the store holds no fractions of them.
 */
export function durationBound(ns: number, unit: FacetDurationUnit): string {
  const amount = ns / FACET_DURATION_UNITS[unit];
  const rounded = unit === 'ns' ? Math.round(amount) : Number(amount.toFixed(3));
  return `${rounded}${unit}`;
}
