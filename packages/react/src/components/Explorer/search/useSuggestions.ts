import {
  durationForms,
  type Filter,
  facetOptions,
  isDurationField,
  isSearchableKey,
  printSearch,
  removeKey,
  type SuggestContext,
  suggestKeys,
  suggestKnownValues,
} from '@rumkit/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDebouncedValue } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';
import { type ExplorerScope, scopeInput } from '../types.js';

export type SuggestionOption =
  | { id: string; kind: 'key'; key: string; hint?: string | undefined; custom: boolean }
  | { id: string; kind: 'value'; key: string; value: string | number | boolean; count?: number }
  | { id: string; kind: 'form'; key: string; form: string }
  | { id: string; kind: 'history'; query: string };

export interface SuggestionGroup {
  id: 'keys' | 'values' | 'forms' | 'history';
  /** For values: the key they belong to. */
  key?: string;
  options: SuggestionOption[];
}

export interface Suggestions {
  groups: SuggestionGroup[];
  /** Every option in display order, for the arrow keys. */
  options: SuggestionOption[];
  /** Of the value fetch: `idle` when nothing is fetched. */
  state: ComponentState;
  error: unknown;
  /** The key whose values are fetched or offered. */
  valueKey: string | null;
}

const KEY_LIMIT = 30;
const VALUE_LIMIT = 10;
const DEBOUNCE_MS = 150;

/**
 * What the listbox offers for the context at the cursor: key names, values of a key (from
 * the facet answer in the scope without the key's own conditions, plus the catalogue's known
 * values), duration forms, or recent searches.
 */
export function useSuggestions({
  scope,
  committed,
  context,
  extraKeys,
  history,
  open,
}: {
  scope: ExplorerScope;
  committed: Filter | null;
  context: SuggestContext;
  extraKeys: readonly string[];
  /** Recent searches to offer instead of completions, or null. */
  history: readonly string[] | null;
  open: boolean;
}): Suggestions {
  const { backend, queryClient } = useRumKit();
  const valueKey =
    context.kind === 'value' && isSearchableKey(context.key, scope.category, extraKeys)
      ? context.key
      : null;
  const durations = valueKey !== null && isDurationField(valueKey);
  const wanted =
    open && history === null && valueKey !== null && !durations && context.kind === 'value'
      ? {
          ...scopeInput(scope),
          query: printSearch(removeKey(committed, valueKey)),
          field: valueKey,
          limit: VALUE_LIMIT,
          ...(context.prefix ? { search: context.prefix.slice(0, 200) } : {}),
        }
      : null;
  // Typing fast asks once, for what was typed when the typing paused.
  const input = useDebouncedValue(wanted, DEBOUNCE_MS);
  const settled = input !== null && JSON.stringify(input) === JSON.stringify(wanted);
  const query = useQuery(
    {
      ...facetOptions(backend, input ?? { ...scopeInput(scope), field: '' }),
      enabled: settled,
    },
    queryClient,
  );

  return useMemo(() => {
    const groups: SuggestionGroup[] = [];
    let state: ComponentState = 'idle';
    if (history !== null) {
      groups.push({
        id: 'history',
        options: history.map((entry, i) => ({ id: `h${i}`, kind: 'history', query: entry })),
      });
    } else if (context.kind === 'key') {
      const keys = suggestKeys(context.prefix, scope.category, extraKeys, KEY_LIMIT);
      groups.push({
        id: 'keys',
        options: keys.map((k) => ({
          id: `k-${k.key}`,
          kind: 'key',
          key: k.key,
          hint: k.description,
          custom: k.custom,
        })),
      });
    } else if (context.kind === 'value' && valueKey !== null && durations) {
      const forms = context.quoted ? [] : durationForms(context.raw);
      groups.push({
        id: 'forms',
        key: valueKey,
        options: forms.map((form) => ({ id: `f-${form}`, kind: 'form', key: valueKey, form })),
      });
    } else if (context.kind === 'value' && valueKey !== null) {
      const fetched = settled && query.data ? query.data.values : [];
      const seen = new Set(fetched.map((v) => String(v.value)));
      const known = suggestKnownValues(valueKey, context.prefix).filter((v) => !seen.has(v));
      const options: SuggestionOption[] = [
        ...fetched.map((v) => ({
          id: `v-${String(v.value)}`,
          kind: 'value' as const,
          key: valueKey,
          value: v.value,
          count: v.count,
        })),
        ...known.map((value) => ({
          id: `v-${value}`,
          kind: 'value' as const,
          key: valueKey,
          value,
        })),
      ];
      groups.push({ id: 'values', key: valueKey, options });
      if (!settled || query.isPending) state = 'loading';
      else if (query.isError) state = 'error';
      else state = options.length === 0 ? 'empty' : 'ready';
    }
    const visible = groups.filter((g) => g.options.length > 0);
    return {
      groups: visible,
      options: visible.flatMap((g) => g.options),
      state,
      error: query.error,
      valueKey,
    };
  }, [
    history,
    context,
    scope.category,
    extraKeys,
    valueKey,
    durations,
    settled,
    query.data,
    query.isPending,
    query.isError,
    query.error,
  ]);
}
