import {
  clearFacetRange,
  FACET_DURATION_UNITS,
  type FacetDurationUnit,
  type Filter,
  facetOptions,
  facetRange,
  fitDurationUnit,
  getField,
  isDurationField,
  printSearch,
  setFacetRange,
} from '@rumkit/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';
import { scopeInput } from '../types.js';
import { fromPosition, roundSignificant, type Scale, toPosition } from './rangeScale.js';
import type { FacetOptions } from './useFacet.js';

/** Bounds in the facet's base unit: ns for durations, the value itself otherwise. */
export interface Bounds {
  from: number | null;
  to: number | null;
}

/** A numeric facet: the extent of the values in scope, the range the search sets, the edits. */
export function useRangeFacet({ scope, field, parsed, expanded, onCommit }: FacetOptions) {
  const { backend, queryClient } = useRumKit();
  const filter = parsed.ok ? parsed.filter : null;
  const duration = isDurationField(field);
  // Catalogue numbers are in the field's unit; a few durations are kept in ms.
  const toBase = duration && getField(field)?.unit === 'ms' ? 1e6 : 1;

  // The extent is read without this key's range, so the slider can widen again.
  const query = useQuery(
    {
      ...facetOptions(backend, {
        ...scopeInput(scope),
        query: parsed.ok ? printSearch(clearFacetRange(filter, field)) : scope.query,
        field,
        limit: 1,
      }),
      enabled: expanded,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const data = query.data;
  const extent =
    data && data.min !== null && data.max !== null
      ? { min: data.min * toBase, max: data.max * toBase }
      : null;
  const range = parsed.ok ? facetRange(filter, field) : null;
  const committed: Bounds | null = range
    ? {
        from: range.from ? range.from.number * toBase : null,
        to: range.to ? range.to.number * toBase : null,
      }
    : null;

  let state: ComponentState;
  if (query.isPending) state = expanded && query.fetchStatus !== 'paused' ? 'loading' : 'idle';
  else if (query.isError) state = 'error';
  else if (!extent) state = 'empty';
  else state = 'ready';

  // Twelve digits take off the float noise of the unit conversion (0.1 * 3 is not 0.3).
  const clean = (n: number) => String(Number(n.toPrecision(12)));
  const bound = (value: number, unit: FacetDurationUnit) =>
    duration ? `${clean(value / FACET_DURATION_UNITS[unit])}${unit}` : clean(value);

  return {
    state,
    error: query.error,
    retry: () => void query.refetch(),
    busy: query.isFetching && !query.isPending,
    duration,
    extent,
    committed,
    /** What the search wrote for the range's first bound (its unit is the editor's default). */
    writtenUnit: range?.from?.unit ?? range?.to?.unit,
    total: data?.total ?? 0,
    editable: parsed.ok,
    /** Sets `field:[from TO to]` (a side may be open), with the unit written in the text. */
    apply: (bounds: Bounds, unit: FacetDurationUnit) => {
      if (!parsed.ok) return;
      onCommit(
        setFacetRange(
          filter,
          field,
          bounds.from === null ? null : bound(bounds.from, unit),
          bounds.to === null ? null : bound(bounds.to, unit),
        ),
      );
    },
    reset: () => {
      if (parsed.ok) onCommit(clearFacetRange(filter, field) as Filter | null);
    },
  };
}

export type RangeFacetModel = ReturnType<typeof useRangeFacet>;

const UNIT_OF_WRITTEN: Record<string, FacetDurationUnit> = {
  ns: 'ns',
  us: 'µs',
  ms: 'ms',
  s: 's',
  min: 'min',
  h: 'min',
};

/** An amount as the number inputs show it: three decimals in a unit, six digits otherwise. */
function amountText(base: number, unit: FacetDurationUnit, duration: boolean): string {
  if (!duration) return String(roundSignificant(base, 6));
  return String(Number((base / FACET_DURATION_UNITS[unit]).toFixed(3)));
}

/**
 * The range being edited: two number inputs in one unit and the slider handles over them.
 * It starts from the search's range (or the whole extent); the facet remounts it when either
 * changes, so it never shows a stale draft.
 */
export function useRangeDraft(
  facet: Pick<RangeFacetModel, 'duration' | 'committed' | 'writtenUnit' | 'apply'> & {
    extent: { min: number; max: number };
  },
) {
  const { duration, extent, committed } = facet;
  const start = {
    from: committed?.from ?? extent.min,
    to: committed?.to ?? extent.max,
  };
  const [unit, setUnitState] = useState<FacetDurationUnit>(
    () =>
      (facet.writtenUnit && UNIT_OF_WRITTEN[facet.writtenUnit]) ||
      fitDurationUnit(Math.max(Math.abs(start.to), Math.abs(start.from))),
  );
  const [texts, setTexts] = useState(() => ({
    from: amountText(start.from, unit, duration),
    to: amountText(start.to, unit, duration),
  }));
  const [dirty, setDirty] = useState(false);

  const factor = duration ? FACET_DURATION_UNITS[unit] : 1;
  const read = (text: string): number | null | 'nan' => {
    if (text.trim() === '') return null;
    const n = Number(text);
    return Number.isFinite(n) ? n * factor : 'nan';
  };
  const from = read(texts.from);
  const to = read(texts.to);
  const error =
    from === 'nan' || to === 'nan'
      ? ('nan' as const)
      : from !== null && to !== null && from > to
        ? ('order' as const)
        : null;

  const scale: Scale = { min: extent.min, max: extent.max, log: duration && extent.min >= 0 };
  const numeric = (v: number | null | 'nan', fallback: number) =>
    typeof v === 'number' ? v : fallback;
  const values = { from: numeric(from, extent.min), to: numeric(to, extent.max) };
  const positions = { from: toPosition(values.from, scale), to: toPosition(values.to, scale) };

  const apply = () => {
    if (error || !dirty || from === 'nan' || to === 'nan') return;
    setDirty(false);
    // A handle left at an end of the extent leaves that side open: the shown bound is rounded
    // (7.298 s for 7.2984 s) and would drop the extremes, and "at least 100 ms" is what was meant.
    const open = (side: 'from' | 'to') =>
      texts[side] === amountText(side === 'from' ? extent.min : extent.max, unit, duration);
    facet.apply({ from: open('from') ? null : from, to: open('to') ? null : to }, unit);
  };

  return {
    unit,
    texts,
    error,
    dirty,
    scale,
    /** The draft's bounds in the base unit, the extent where a side is empty or not a number. */
    values,
    positions,
    setText: (side: 'from' | 'to', text: string) => {
      setTexts((prev) => ({ ...prev, [side]: text }));
      setDirty(true);
    },
    setUnit: (next: FacetDurationUnit) => {
      const convert = (v: number | null | 'nan', text: string) =>
        typeof v === 'number' ? amountText(v, next, duration) : text;
      setTexts({ from: convert(from, texts.from), to: convert(to, texts.to) });
      setUnitState(next);
    },
    /** A handle moved: the other one is pushed along rather than crossed. */
    slide: (side: 'from' | 'to', position: number) => {
      const clamped =
        side === 'from' ? Math.min(position, positions.to) : Math.max(position, positions.from);
      const value = fromPosition(clamped, scale);
      setTexts((prev) => ({ ...prev, [side]: amountText(value, unit, duration) }));
      setDirty(true);
    },
    apply,
  };
}
