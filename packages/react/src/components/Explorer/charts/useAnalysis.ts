import {
  type AnalysisInput,
  type AnalysisResult,
  analysisOptions,
  type ExplorerAnalysis,
  type ExplorerCategory,
} from '@rumkit/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';
import { type ExplorerScope, type FilterRequest, scopeInput } from '../types.js';
import {
  DEFAULT_GROUP,
  groupFieldsOf,
  isGroupField,
  isMeasureField,
  measureFieldsOf,
} from './fields.js';
import type { GroupValue } from './format.js';

export const MAX_GROUPS = 3;
/** Groups asked for per chart: a pie past 10 slices is unreadable, a top list reads 20. */
const LIMIT: Record<ExplorerAnalysis['chart'], number> = { pie: 10, toplist: 20, timeseries: 10 };

export interface AnalysisOptions {
  scope: ExplorerScope;
  analysis: ExplorerAnalysis;
  onAnalysisChange: (analysis: ExplorerAnalysis) => void;
  onFilter: (filters: FilterRequest[]) => void;
}

export interface AnalysisSeries {
  key: string;
  values: GroupValue[];
  value: number | null;
  points: { time: number; value: number | null }[];
}

/**
 * The analysis as the category can answer it: tags it does not have are dropped (a link made
 * in another category), at least one group stays, and a field is kept only where measured.
 */
export function effectiveAnalysis(
  category: ExplorerCategory,
  analysis: ExplorerAnalysis,
): ExplorerAnalysis {
  const groupBy = [...new Set(analysis.groupBy)]
    .filter((name) => isGroupField(category, name))
    .slice(0, MAX_GROUPS);
  if (groupBy.length === 0) groupBy.push(DEFAULT_GROUP[category]);
  const field =
    analysis.aggregate !== 'count' && analysis.field && isMeasureField(category, analysis.field)
      ? analysis.field
      : undefined;
  return {
    groupBy,
    aggregate: analysis.aggregate,
    ...(field ? { field } : {}),
    chart: analysis.chart,
  };
}

/** Query, controls and group filters of the AnalysisPanel; the component only draws. */
export function useAnalysis({ scope, analysis, onAnalysisChange, onFilter }: AnalysisOptions) {
  const { backend, queryClient } = useRumKit();
  const { category } = scope;
  const current = useMemo(() => effectiveAnalysis(category, analysis), [category, analysis]);
  const { groupBy, aggregate, field, chart } = current;
  const needsField = aggregate !== 'count' && !field;
  // The last field measured, so Count → Average brings it back instead of asking again.
  const lastField = useRef(field);
  if (field) lastField.current = field;

  const input: AnalysisInput = {
    ...scopeInput(scope),
    group_by: groupBy,
    aggregate,
    ...(field ? { field } : {}),
    mode: chart === 'timeseries' ? 'timeseries' : 'toplist',
    limit: LIMIT[chart],
    buckets: 60,
  };
  const query = useQuery(
    {
      ...analysisOptions(backend, input),
      enabled: !needsField,
      // The last answer stays (dimmed) while the next loads, unless it was of another shape.
      placeholderData: (previous) => (previous?.mode === input.mode ? previous : undefined),
    },
    queryClient,
  );
  // A pie of counts shows shares of everything in scope, so it needs the count past its slices.
  const wantsTotal = chart === 'pie' && aggregate === 'count';
  const totalInput: AnalysisInput = {
    ...scopeInput(scope),
    aggregate: 'count',
    mode: 'toplist',
    limit: 1,
  };
  const totalQuery = useQuery(
    { ...analysisOptions(backend, totalInput), enabled: wantsTotal },
    queryClient,
  );

  const data: AnalysisResult | undefined = query.data;
  const series = useMemo<AnalysisSeries[]>(
    () =>
      (data?.series ?? []).map((s) => {
        const values = groupBy.map((name) => s.group[name] ?? null);
        return { key: JSON.stringify(values), values, value: s.value, points: s.points ?? [] };
      }),
    [data, groupBy],
  );

  let state: ComponentState;
  if (needsField) state = 'idle';
  else if (query.isPending) state = query.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (query.isError) state = 'error';
  else if (series.length === 0 || series.every((s) => s.value === null)) state = 'empty';
  else state = 'ready';

  const change = (next: Partial<ExplorerAnalysis>) => {
    const merged = { ...current, ...next };
    if (merged.aggregate === 'count') delete merged.field;
    onAnalysisChange(merged);
  };

  const groupOptions = useMemo(() => groupFieldsOf(category), [category]);
  const measureOptions = useMemo(() => measureFieldsOf(category), [category]);

  return {
    state,
    error: query.error,
    retry: () => void query.refetch(),
    stale: query.isPlaceholderData,
    /** The bucket size of a time series, ms. */
    interval: data?.interval_ms ?? null,
    analysis: current,
    needsField,
    series,
    /** Everything in scope, for a pie of counts; null until known. */
    total: wantsTotal ? (totalQuery.data?.series[0]?.value ?? null) : null,
    groupOptions,
    measureOptions,
    setGroup(index: number, name: string) {
      const next = [...groupBy];
      next[index] = name;
      change({ groupBy: next });
    },
    addGroup() {
      if (groupBy.length >= MAX_GROUPS) return;
      const used = new Set(groupBy);
      const preferred = [DEFAULT_GROUP[category], 'browser', 'os', 'country', 'env', 'version'];
      const name =
        preferred.find((n) => !used.has(n) && isGroupField(category, n)) ??
        groupOptions.find((n) => !used.has(n));
      if (name) change({ groupBy: [...groupBy, name] });
    },
    removeGroup(index: number) {
      if (groupBy.length <= 1) return;
      change({ groupBy: groupBy.filter((_, i) => i !== index) });
    },
    setAggregate(next: ExplorerAnalysis['aggregate']) {
      const remembered = lastField.current;
      change({
        aggregate: next,
        ...(next !== 'count' && remembered && isMeasureField(category, remembered)
          ? { field: remembered }
          : {}),
      });
    },
    setField(name: string) {
      const next: Partial<ExplorerAnalysis> = name ? { field: name } : {};
      const merged = { ...current, ...next };
      if (!name) delete merged.field;
      onAnalysisChange(merged);
    },
    setChart(next: ExplorerAnalysis['chart']) {
      change({ chart: next });
    },
    /** Filters the explorer by a group's values (missing values cannot be filtered by). */
    filterBy(values: readonly GroupValue[]) {
      const filters: FilterRequest[] = [];
      groupBy.forEach((key, i) => {
        const value = values[i];
        if (value !== null && value !== undefined && value !== '') filters.push({ key, value });
      });
      if (filters.length > 0) onFilter(filters);
    },
  };
}

export type AnalysisModel = ReturnType<typeof useAnalysis>;
