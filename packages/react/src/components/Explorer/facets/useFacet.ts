import {
  clearFacet,
  excludeFacetValue,
  type Filter,
  facetOptions,
  facetSelection,
  facetValueText,
  invertFacetValues,
  isFacetValueChecked,
  onlyFacetValue,
  printSearch,
  toggleFacetValue,
} from '@rumkit/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebouncedValue } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';
import { type ExplorerScope, scopeInput } from '../types.js';
import type { ParsedQuery } from './useFacetPanel.js';

/** Values shown before "show more" (spec §1.6: TOP 5). */
export const TOP = 5;
/** Past this many values, the facet offers a value search (spec §1.6). */
export const SEARCH_FROM = 10;
// One more than shown, to know whether there are more; the API allows at most 100.
const FIRST_LIMIT = SEARCH_FROM + 1;
const MORE_LIMIT = 100;
const SEARCH_DEBOUNCE_MS = 250;

export interface FacetOptions {
  scope: ExplorerScope;
  field: string;
  parsed: ParsedQuery;
  expanded: boolean;
  onCommit: (next: Filter | null) => void;
}

export interface FacetRow {
  value: string | number | boolean;
  /** Null for a value the search selects that is not among the top values. */
  count: number | null;
  checked: boolean;
}

/** A string/tag facet: its top values with counts, which are ticked, and the edits. */
export function useFacet({ scope, field, parsed, expanded, onCommit }: FacetOptions) {
  const { backend, queryClient } = useRumKit();
  const [showMore, setShowMore] = useState(false);
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const limit = showMore || settled !== '' ? MORE_LIMIT : FIRST_LIMIT;
  const filter = parsed.ok ? parsed.filter : null;

  // Counted without this key's own conditions, so the values it leaves out stay visible and
  // can be ticked back, as in Datadog.
  const query = useQuery(
    {
      ...facetOptions(backend, {
        ...scopeInput(scope),
        query: parsed.ok ? printSearch(clearFacet(filter, field)) : scope.query,
        field,
        limit,
        ...(settled !== '' ? { search: settled } : {}),
      }),
      enabled: expanded,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );

  const selection = facetSelection(filter, field);
  const answer = query.data?.values ?? [];
  const more = answer.length >= limit;
  const top = more ? answer.slice(0, limit - 1) : answer;
  const rows: FacetRow[] = top.map(({ value, count }) => ({
    value,
    count,
    checked: isFacetValueChecked(selection, value),
  }));
  // Values the search names but the top list lacks stay listed, so they can be unticked.
  if (settled === '') {
    const listed = new Set(top.map((row) => facetValueText(row.value)));
    for (const value of [...(selection.include ?? []), ...selection.exclude]) {
      if (listed.has(value)) continue;
      listed.add(value);
      rows.push({ value, count: null, checked: isFacetValueChecked(selection, value) });
    }
  }

  let state: ComponentState;
  if (query.isPending) state = expanded && query.fetchStatus !== 'paused' ? 'loading' : 'idle';
  else if (query.isError) state = 'error';
  else if (rows.length === 0) state = 'empty';
  else state = 'ready';

  // A value the search names: one it is restricted to, or one it excludes.
  const named = (value: string | number | boolean) =>
    isFacetValueChecked(selection, value) === (selection.include !== null);
  const visibleRows =
    showMore || settled !== '' ? rows : rows.filter((row, i) => i < TOP || named(row.value));
  const only = selection.include?.length === 1 ? selection.include[0] : undefined;
  const commit = (next: Filter | null) => {
    if (parsed.ok) onCommit(next);
  };

  return {
    state,
    error: query.error,
    retry: () => void query.refetch(),
    busy: query.isFetching && !query.isPending,
    rows,
    // Past the top five, the values the search names stay in sight: they are its filter.
    visibleRows,
    /** Distinct values in scope, and whether there are more than that. */
    total: top.length,
    more,
    canShowMore: showMore ? rows.length > TOP : visibleRows.length < rows.length,
    showMore,
    setShowMore,
    searchable: answer.length > SEARCH_FROM || search !== '',
    search,
    setSearch,
    searching: settled,
    editable: parsed.ok,
    selection,
    filtered: selection.include !== null || selection.exclude.length > 0,
    /** Whether "only" would change nothing: the value is already the only one ticked. */
    isOnly: (value: string | number | boolean) =>
      only !== undefined && only === facetValueText(value),
    toggle: (value: string | number | boolean) => commit(toggleFacetValue(filter, field, value)),
    only: (value: string | number | boolean) => commit(onlyFacetValue(filter, field, value)),
    exclude: (value: string | number | boolean) => commit(excludeFacetValue(filter, field, value)),
    invert: () => commit(invertFacetValues(filter, field)),
    clear: () => commit(clearFacet(filter, field)),
  };
}

export type FacetModel = ReturnType<typeof useFacet>;
