import type {
  AnalysisInput,
  AnalysisResult,
  DetailLookback,
  ErrorClusters,
  ErrorClustersInput,
  EventDetail,
  ExplorerCategory,
  FacetInput,
  FacetResult,
  HistogramInput,
  HistogramResult,
  ReplayPart,
  SearchEventsInput,
  SearchEventsResult,
  SessionDetail,
  SessionReplay,
  ViewDetail,
} from '../api/index.js';
import type { RumBackend } from '../backend/types.js';

/**
 * How long an explorer answer stays fresh. Its range is absolute (from, to), so an answer only
 * changes as late events arrive; a "last 15 minutes" view moves its range, and so its key.
 */
const EXPLORER_STALE_MS = 30_000;

type Signal = { signal: AbortSignal };

/**
 * Query keys for events: explorer answers, details and error clusters, hierarchical so that
 * invalidating `eventKeys.all` refreshes everything read from events (after new data or a
 * retention change) and `eventKeys.searches()` only the lists. The input is part of the key
 * as given; query-core hashes it with sorted keys, so property order does not matter.
 */
export const eventKeys = {
  all: ['rumkit', 'events'] as const,
  searches: () => [...eventKeys.all, 'search'] as const,
  search: (input: SearchEventsInput) => [...eventKeys.searches(), input] as const,
  /** The explorer's list as pages (an infinite query); its cursor is the page parameter. */
  searchPages: (input: Omit<SearchEventsInput, 'cursor'>) =>
    [...eventKeys.searches(), 'pages', input] as const,
  facets: () => [...eventKeys.all, 'facet'] as const,
  facet: (input: FacetInput) => [...eventKeys.facets(), input] as const,
  histograms: () => [...eventKeys.all, 'histogram'] as const,
  histogram: (input: HistogramInput) => [...eventKeys.histograms(), input] as const,
  analyses: () => [...eventKeys.all, 'analysis'] as const,
  analysis: (input: AnalysisInput) => [...eventKeys.analyses(), input] as const,
  details: () => [...eventKeys.all, 'detail'] as const,
  session: (sessionId: string, window: DetailLookback = {}) =>
    [...eventKeys.details(), 'session', sessionId, window] as const,
  replay: (sessionId: string, window: DetailLookback & ReplayPart = {}) =>
    [...eventKeys.details(), 'replay', sessionId, window] as const,
  view: (viewId: string, window: DetailLookback = {}) =>
    [...eventKeys.details(), 'view', viewId, window] as const,
  // 'record' keeps a view's or a session's record apart from its waterfall or timeline.
  event: (category: ExplorerCategory, id: string, window: DetailLookback = {}) =>
    [...eventKeys.details(), 'record', category, id, window] as const,
  errorClusters: (input: ErrorClustersInput) =>
    [...eventKeys.all, 'error-clusters', input] as const,
};

/** One page of records under a search (the explorer's list, or a preview of it). */
export function searchEventsOptions(backend: RumBackend, input: SearchEventsInput) {
  return {
    queryKey: eventKeys.search(input),
    queryFn: ({ signal }: Signal): Promise<SearchEventsResult> =>
      backend.searchEvents(input, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/**
 * The explorer's list as an infinite query: each page asks for the next with the cursor of the
 * one before, until the backend answers `next_cursor: null`. With `nextLimit`, pages after the
 * first ask for that many rows: a small first page shows soonest, larger ones scroll further
 * per request.
 */
export function searchEventPagesOptions(
  backend: RumBackend,
  input: Omit<SearchEventsInput, 'cursor'>,
  { nextLimit }: { nextLimit?: number } = {},
) {
  return {
    queryKey: nextLimit
      ? [...eventKeys.searchPages(input), { nextLimit }]
      : eventKeys.searchPages(input),
    queryFn: ({
      pageParam,
      signal,
    }: Signal & { pageParam: string | undefined }): Promise<SearchEventsResult> =>
      backend.searchEvents(
        pageParam === undefined
          ? input
          : { ...input, cursor: pageParam, ...(nextLimit ? { limit: nextLimit } : {}) },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: SearchEventsResult): string | undefined =>
      last.next_cursor ?? undefined,
    staleTime: EXPLORER_STALE_MS,
  };
}

/** The top values of a field under a search (a facet of the explorer's side panel). */
export function facetOptions(backend: RumBackend, input: FacetInput) {
  return {
    queryKey: eventKeys.facet(input),
    queryFn: ({ signal }: Signal): Promise<FacetResult> => backend.facet(input, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/** Counts over time above the explorer's list, optionally stacked. */
export function histogramOptions(backend: RumBackend, input: HistogramInput) {
  return {
    queryKey: eventKeys.histogram(input),
    queryFn: ({ signal }: Signal): Promise<HistogramResult> => backend.histogram(input, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/** A grouped measure, as a top list or a time series (the explorer's analysis mode, charts). */
export function analysisOptions(backend: RumBackend, input: AnalysisInput) {
  return {
    queryKey: eventKeys.analysis(input),
    queryFn: ({ signal }: Signal): Promise<AnalysisResult> => backend.analysis(input, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/** A session with its timeline. */
export function sessionDetailOptions(
  backend: RumBackend,
  sessionId: string,
  window: DetailLookback = {},
) {
  return {
    queryKey: eventKeys.session(sessionId, window),
    queryFn: ({ signal }: Signal): Promise<SessionDetail> =>
      backend.getSession({ session_id: sessionId, ...window }, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/**
 * A session's replay (records merged in play order, with its views, actions and errors). It
 * never goes stale on its own: segments of a finished session do not change.
 */
export function sessionReplayOptions(
  backend: RumBackend,
  sessionId: string,
  window: DetailLookback & ReplayPart = {},
) {
  return {
    queryKey: eventKeys.replay(sessionId, window),
    queryFn: ({ signal }: Signal): Promise<SessionReplay> =>
      backend.getSessionReplay({ session_id: sessionId, ...window }, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/** A view with its waterfall. */
export function viewDetailOptions(
  backend: RumBackend,
  viewId: string,
  window: DetailLookback = {},
) {
  return {
    queryKey: eventKeys.view(viewId, window),
    queryFn: ({ signal }: Signal): Promise<ViewDetail> =>
      backend.getView({ view_id: viewId, ...window }, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/** Any record by its id, with its session, view and action (the explorer's side sheet). */
export function eventDetailOptions(
  backend: RumBackend,
  category: ExplorerCategory,
  id: string,
  window: DetailLookback = {},
) {
  return {
    queryKey: eventKeys.event(category, id, window),
    queryFn: ({ signal }: Signal): Promise<EventDetail> =>
      backend.getEvent({ category, id, ...window }, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}

/** Errors grouped by the pattern of their message or by chosen fields. */
export function errorClustersOptions(backend: RumBackend, input: ErrorClustersInput) {
  return {
    queryKey: eventKeys.errorClusters(input),
    queryFn: ({ signal }: Signal): Promise<ErrorClusters> =>
      backend.errorClusters(input, { signal }),
    staleTime: EXPLORER_STALE_MS,
  };
}
