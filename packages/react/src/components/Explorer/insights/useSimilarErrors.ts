import {
  type EventRecord,
  eqTerm,
  histogramOptions,
  printSearch,
  searchEventsOptions,
} from '@rumkit/core';
import { useQuery } from '@tanstack/react-query';
import { useRumKit } from '../../../provider/context.js';
import { numeric, text } from './format.js';

export interface SimilarErrorsOptions {
  error: EventRecord;
  from: number;
  to: number;
  appIds?: string[] | undefined;
}

export type SimilarErrorsState = 'idle' | 'loading' | 'empty' | 'error' | 'ready';

/** The search for errors with the same message as this one, or null without a message. */
export function sameMessageQuery(error: EventRecord): string | null {
  const message = text(error.error_message);
  return message === '' ? null : printSearch(eqTerm('error_message', message));
}

/** Counts per bucket of errors with this error's message, and when they were first and last seen. */
export function useSimilarErrors({ error, from, to, appIds }: SimilarErrorsOptions) {
  const { backend, queryClient } = useRumKit();
  const query = sameMessageQuery(error);
  const scope = {
    category: 'error' as const,
    from,
    to,
    query: query ?? '',
    ...(appIds && appIds.length > 0 ? { app_ids: appIds } : {}),
  };
  const histogram = useQuery(
    { ...histogramOptions(backend, { ...scope, buckets: 30 }), enabled: query !== null },
    queryClient,
  );
  const total = histogram.data?.buckets.reduce((sum, bucket) => sum + bucket.count, 0) ?? 0;
  // The buckets place the first and last error only to their width: ask for the exact times.
  const edge = (order: 'asc' | 'desc') => ({
    ...searchEventsOptions(backend, {
      ...scope,
      columns: ['error_id'],
      sort: { field: 'time', order },
      limit: 1,
    }),
    enabled: query !== null && total > 0,
  });
  const first = useQuery(edge('asc'), queryClient);
  const last = useQuery(edge('desc'), queryClient);

  let state: SimilarErrorsState;
  if (query === null) state = 'empty';
  else if (histogram.isPending) state = histogram.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (histogram.isError) state = 'error';
  else state = total === 0 ? 'empty' : 'ready';

  return {
    state,
    hasMessage: query !== null,
    buckets: histogram.data?.buckets ?? [],
    intervalMs: histogram.data?.interval_ms ?? 0,
    total,
    firstSeen: numeric(first.data?.rows[0]?.time),
    lastSeen: numeric(last.data?.rows[0]?.time),
    error: histogram.error,
    retry: () => void histogram.refetch(),
  };
}
