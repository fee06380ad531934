import {
  clusterMessageSearch,
  type ErrorClusters,
  type ExplorerDetail,
  eqTerm,
  errorClustersOptions,
  getField,
  ID_FIELD,
  printSearch,
} from '@rumkit/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useRumKit } from '../../../provider/context.js';
import type { ExplorerScope, FilterRequest } from '../types.js';
import { text } from './format.js';

export type Cluster = ErrorClusters['clusters'][number];
export type ClusterSortKey = 'pattern' | 'count' | 'first_seen' | 'last_seen';
export type ClustersState = 'idle' | 'loading' | 'empty' | 'error' | 'ready';

/** Fields errors are worth grouping by, in the order the selects offer them. */
export const CLUSTER_FIELD_CHOICES = [
  'error_type',
  'error_source',
  'error_handling',
  'view_path_group',
  'view_url',
  'version',
  'env',
  'app_id',
  'service',
  'browser',
  'os',
  'device',
  'country',
  'resource_status_group',
  'resource_url_path_group',
].filter((name) => getField(name)?.categories.some((c) => c === 'error'));

export interface ErrorClustersOptions {
  scope: ExplorerScope;
  onOpen: (detail: ExplorerDetail) => void;
  onFilter: (filter: FilterRequest) => void;
  onSearch?: ((term: string) => void) | undefined;
}

/** What "Show these errors" does for a cluster: filters to add, or one search term. */
export type ClusterTarget =
  | { kind: 'filters'; filters: FilterRequest[]; text: string }
  | { kind: 'search'; text: string };

const filtersTarget = (filters: FilterRequest[]): ClusterTarget => ({
  kind: 'filters',
  filters,
  text: filters.map((f) => printSearch(eqTerm(f.key, f.value))).join(' '),
});

/**
 * How to list a cluster's errors. Grouped by fields: each field's value (a missing one cannot
 * be a filter, so it is left out). By pattern: the message itself when nothing was masked;
 * else a wildcard search on error_message when the host takes search terms and the syntax can
 * say it; else the sample's error_type, the closest filter there is.
 */
export function clusterTarget(cluster: Cluster, canSearch: boolean): ClusterTarget | null {
  if (cluster.group) {
    const filters = Object.entries(cluster.group).flatMap(([key, value]) =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? [{ key, value }]
        : [],
    );
    return filters.length > 0 ? filtersTarget(filters) : null;
  }
  const message = text(cluster.sample.error_message);
  if (message !== '' && message === cluster.pattern)
    return filtersTarget([{ key: 'error_message', value: message }]);
  const search = canSearch ? clusterMessageSearch(cluster.pattern) : null;
  if (search !== null) return { kind: 'search', text: search };
  const type = text(cluster.sample.error_type);
  return type === '' ? null : filtersTarget([{ key: 'error_type', value: type }]);
}

/** Grouping, sorting and expansion of the error clusters; ErrorClusters renders them. */
export function useErrorClusters({ scope, onOpen, onFilter, onSearch }: ErrorClustersOptions) {
  const { backend, queryClient } = useRumKit();
  const [mode, setMode] = useState<'pattern' | 'fields'>('pattern');
  const [fieldSlots, setFieldSlots] = useState<string[]>(['error_type', '', '']);
  const [sort, setSort] = useState<{ key: ClusterSortKey; order: 'asc' | 'desc' }>({
    key: 'count',
    order: 'desc',
  });
  const [expanded, setExpanded] = useState<string | null>(null);

  const fields = mode === 'fields' ? [...new Set(fieldSlots.filter(Boolean))] : [];
  const query = useQuery(
    {
      ...errorClustersOptions(backend, {
        from: scope.from,
        to: scope.to,
        query: scope.query,
        ...(scope.appIds && scope.appIds.length > 0 ? { app_ids: scope.appIds } : {}),
        ...(fields.length > 0 ? { fields } : {}),
        limit: 50,
      }),
      // Regrouping keeps the old table until the new one arrives, rather than a blank.
      placeholderData: keepPreviousData,
    },
    queryClient,
  );

  const clusters = useMemo(() => {
    const list = [...(query.data?.clusters ?? [])];
    const sign = sort.order === 'asc' ? 1 : -1;
    return list.sort((a, b) =>
      sort.key === 'pattern'
        ? sign * a.pattern.localeCompare(b.pattern)
        : sign * (a[sort.key] - b[sort.key]) || b.count - a.count,
    );
  }, [query.data, sort]);

  let state: ClustersState;
  if (query.isPending) state = query.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (query.isError) state = 'error';
  else state = clusters.length === 0 ? 'empty' : 'ready';

  return {
    state,
    clusters,
    sampled: query.data?.sampled ?? 0,
    fieldsShown: query.data?.clusters[0]?.group ? Object.keys(query.data.clusters[0].group) : [],
    updating: query.isFetching && !query.isPending,
    error: query.error,
    retry: () => void query.refetch(),
    mode,
    setMode: (next: 'pattern' | 'fields') => {
      setMode(next);
      setExpanded(null);
    },
    fieldSlots,
    setField: (slot: number, field: string) => {
      setFieldSlots((slots) => slots.map((f, i) => (i === slot ? field : f)));
      setExpanded(null);
    },
    sort,
    sortBy: (key: ClusterSortKey) =>
      setSort((current) =>
        current.key === key
          ? { key, order: current.order === 'asc' ? 'desc' : 'asc' }
          : { key, order: key === 'pattern' ? 'asc' : 'desc' },
      ),
    expanded,
    toggle: (pattern: string) => setExpanded((current) => (current === pattern ? null : pattern)),
    target: (cluster: Cluster) => clusterTarget(cluster, onSearch !== undefined),
    errorId: (cluster: Cluster) => text(cluster.sample[ID_FIELD.error]) || null,
    open: (cluster: Cluster) => {
      const id = text(cluster.sample[ID_FIELD.error]);
      if (id) onOpen({ category: 'error', id });
    },
    show: (cluster: Cluster) => {
      const target = clusterTarget(cluster, onSearch !== undefined);
      if (target?.kind === 'search') onSearch?.(target.text);
      else if (target) for (const filter of target.filters) onFilter(filter);
    },
  };
}
