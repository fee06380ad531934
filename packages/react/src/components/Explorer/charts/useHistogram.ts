import { type HistogramInput, type HistogramResult, histogramOptions } from '@rumkit/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';
import { type ExplorerScope, scopeInput } from '../types.js';
import { DEFAULT_STACK, groupFieldsOf, isGroupField } from './fields.js';

/** The histogram's bars: at most 60, so each stays wide enough to point at. */
export const HISTOGRAM_BUCKETS = 60;

export interface HistogramOptions {
  scope: ExplorerScope;
  groupBy?: string | null | undefined;
  defaultGroupBy?: string | null | undefined;
  onGroupByChange?: ((field: string | null) => void) | undefined;
  onTotal?: ((total: number) => void) | undefined;
}

export interface HistogramStack {
  name: string;
  total: number;
}

/** Query, stacking choice and derived totals of the Histogram; the component only draws. */
export function useHistogram({
  scope,
  groupBy,
  defaultGroupBy,
  onGroupByChange,
  onTotal,
}: HistogramOptions) {
  const { backend, queryClient } = useRumKit();
  const { category } = scope;
  // Uncontrolled, the choice belongs to the category it was made in: switching category
  // starts from that category's default instead of a tag it may not have.
  const [own, setOwn] = useState<{ category: string; field: string | null } | null>(null);
  const fallback = defaultGroupBy !== undefined ? defaultGroupBy : DEFAULT_STACK[category];
  const chosen =
    groupBy !== undefined ? groupBy : own?.category === category ? own.field : fallback;
  // A tag the category does not have would only earn a 400; draw the plain counts instead.
  const field = chosen && isGroupField(category, chosen) ? chosen : null;

  const setGroupBy = (next: string | null) => {
    if (groupBy === undefined) setOwn({ category, field: next });
    onGroupByChange?.(next);
  };

  const input = {
    ...scopeInput(scope),
    ...(field ? { group_by: field } : {}),
    buckets: HISTOGRAM_BUCKETS,
  };
  const query = useQuery(
    {
      ...histogramOptions(backend, input),
      // The old bars stay (dimmed) while a new range or search loads, so the chart does not
      // jump; another category's or stacking's bars would show the wrong stacks, so not those.
      placeholderData: (previous, previousQuery) => {
        const was = previousQuery?.queryKey.at(-1) as HistogramInput | undefined;
        return was?.category === input.category && was.group_by === input.group_by
          ? previous
          : undefined;
      },
    },
    queryClient,
  );
  const data: HistogramResult | undefined = query.data;

  const view = useMemo(() => {
    if (!data) return null;
    const total = data.buckets.reduce((sum, b) => sum + b.count, 0);
    const stacks: HistogramStack[] = data.groups.map((name) => ({
      name,
      total: data.buckets.reduce((sum, b) => sum + (b.by_group?.[name] ?? 0), 0),
    }));
    return { total, stacks, interval: data.interval_ms, buckets: data.buckets };
  }, [data]);

  const total = view?.total;
  useEffect(() => {
    if (total !== undefined && !query.isPlaceholderData) onTotal?.(total);
  }, [total, query.isPlaceholderData, onTotal]);

  let state: ComponentState;
  if (query.isPending) state = query.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (query.isError) state = 'error';
  else if (!view || view.total === 0) state = 'empty';
  else state = 'ready';

  return {
    state,
    error: query.error,
    retry: () => void query.refetch(),
    /** Showing the previous scope's bars while the new ones load. */
    stale: query.isPlaceholderData,
    groupBy: field,
    groupOptions: useMemo(() => groupFieldsOf(category), [category]),
    setGroupBy,
    view,
  };
}
