import {
  addTerm,
  columnsOf,
  defaultExplorerState,
  type EventRecord,
  type ExplorerCategory,
  type ExplorerDetail,
  type ExplorerState,
  eqTerm,
  ID_FIELD,
  negate,
  parseSearch,
  printRange,
  printSearch,
  removeKey,
  resolveRange,
  SearchSyntaxError,
  searchEventPagesOptions,
  validateSearch,
} from '@rumkit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import { useRumKit } from '../../provider/context.js';
import { type ExplorerScope, type FilterRequest, scopeInput } from './types.js';

export interface ExplorerOptions {
  /** The whole explorer state, when the host owns it (deep links, the back button). */
  state?: ExplorerState | undefined;
  /** Where an uncontrolled explorer starts; missing parts take their defaults. */
  defaultState?: Partial<ExplorerState> | undefined;
  /** Called with every change of state, controlled or not. */
  onStateChange?: ((state: ExplorerState) => void) | undefined;
  /** Only these apps (app_id values); default every app of the workspace. */
  appIds?: string[] | undefined;
  /** Rows of the list's first page (later pages have at least 500). Default 100. */
  pageSize?: number | undefined;
  /** The clock relative ranges end at. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** `idle`: the first page waits for the network to come back (offline). */
export type ExplorerStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

/** Fields every row needs besides its columns: its id, its status, its replay. */
const ROW_FIELDS: Record<ExplorerCategory, readonly string[]> = {
  session: ['session_id', 'session_error_count', 'session_has_replay'],
  view: ['view_id', 'session_id', 'view_error_count', 'session_has_replay'],
  resource: ['resource_id', 'session_id', 'resource_status'],
  error: ['error_id', 'session_id'],
  long_task: ['long_task_id', 'session_id'],
  action: ['action_id', 'session_id', 'action_error_count'],
};

/** The search text with a filter added (a facet, an attribute, a chart's group). */
export function withFilter(query: string, request: FilterRequest): string {
  let filter = parseOrNull(query);
  if (request.only) filter = removeKey(filter, request.key);
  let term: ReturnType<typeof eqTerm>;
  try {
    term = eqTerm(request.key, request.value);
  } catch (error) {
    // A custom key the syntax cannot write: the search stays as it was.
    if (error instanceof SearchSyntaxError) return query;
    throw error;
  }
  return printSearch(addTerm(filter, request.negate ? negate(term) : term));
}

function parseOrNull(query: string) {
  try {
    return parseSearch(query);
  } catch (error) {
    // A search that does not parse is replaced rather than extended.
    if (error instanceof SearchSyntaxError) return null;
    throw error;
  }
}

/** Whether a search is valid for a category, so it can be kept when the category changes. */
function fitsCategory(query: string, category: ExplorerCategory): boolean {
  try {
    return validateSearch(parseSearch(query), category, new Set()) === null;
  } catch {
    return false;
  }
}

/**
 * The explorer's state and its list: the state (owned by the host or by the explorer), the
 * scope every part queries, the list as an infinite query, and the handlers that change it.
 */
export function useExplorer(options: ExplorerOptions = {}) {
  const { backend, queryClient } = useRumKit();
  const now = options.now ?? Date.now;
  const [state, setState] = useControllableState<ExplorerState>({
    value: options.state,
    defaultValue: {
      ...defaultExplorerState(options.defaultState?.category),
      ...options.defaultState,
    },
    onChange: options.onStateChange,
  });

  // A relative range ends at a clock reading taken when the question changes (or on refresh),
  // not at every render, so its queries keep one key.
  const [refreshed, setRefreshed] = useState(0);
  const question = `${state.category}|${printRange(state.range)}|${state.query}|${refreshed}`;
  const anchor = useRef<{ question: string; at: number } | null>(null);
  if (anchor.current?.question !== question) anchor.current = { question, at: now() };
  const { from, to } = resolveRange(state.range, anchor.current.at);

  const appKey = (options.appIds ?? []).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: appKey stands for options.appIds
  const scope = useMemo<ExplorerScope>(
    () => ({ category: state.category, from, to, query: state.query, appIds: options.appIds }),
    [state.category, from, to, state.query, appKey],
  );

  const columns = columnsOf(state);
  const fields = useMemo(
    () => [...new Set([...ROW_FIELDS[state.category], ...columns])],
    [state.category, columns],
  );
  const list = useInfiniteQuery(
    {
      ...searchEventPagesOptions(
        backend,
        {
          ...scopeInput(scope),
          columns: fields,
          limit: options.pageSize ?? 100,
          ...(state.sort ? { sort: state.sort } : {}),
        },
        // A small first page shows soonest; scrolling on asks for more at a time.
        { nextLimit: Math.max(options.pageSize ?? 100, 500) },
      ),
      // Keep showing the previous rows while a changed search loads, as a list should.
      placeholderData: (previous) => previous,
      // The analysis and the clusters ask their own questions.
      enabled: state.mode === 'list',
    },
    queryClient,
  );
  // The facets and the histogram ask once the list's first page is in: on two cores, six
  // questions at once would each wait for the others, and the rows are what a person reads
  // first. Other modes have no list to wait for.
  const listSettled =
    state.mode !== 'list' || list.isError || (list.isSuccess && !list.isPlaceholderData);
  const [sideScope, setSideScope] = useState(scope);
  useEffect(() => {
    if (listSettled) setSideScope(scope);
  }, [listSettled, scope]);
  const rows = useMemo<EventRecord[]>(
    () => list.data?.pages.flatMap((page) => page.rows as EventRecord[]) ?? [],
    [list.data],
  );
  // The explorer's own state is its list's; the analysis and the clusters show their own.
  const status: ExplorerStatus =
    state.mode !== 'list'
      ? 'ready'
      : list.isError
        ? 'error'
        : list.isPending
          ? list.fetchStatus === 'paused'
            ? 'idle'
            : 'loading'
          : rows.length === 0
            ? 'empty'
            : 'ready';

  // Custom keys seen in the first rows: the column chooser, the search and the facets offer
  // them. The same list stays the same array as more pages come in, so what takes it need not
  // render again.
  const extraKeysText = useMemo(() => {
    const keys = new Set<string>();
    for (let i = 0; i < Math.min(rows.length, 500); i++) {
      const custom = (rows[i]?.custom as Record<string, unknown> | undefined) ?? {};
      for (const key of Object.keys(custom)) keys.add(key);
    }
    return JSON.stringify([...keys].sort());
  }, [rows]);
  const extraKeys = useMemo(() => JSON.parse(extraKeysText) as string[], [extraKeysText]);

  const update = useCallback(
    (change: Partial<ExplorerState>) => setState((prev) => ({ ...prev, ...change })),
    [setState],
  );

  const actions = useMemo(
    () => ({
      setCategory: (category: ExplorerCategory) =>
        setState((prev) =>
          prev.category === category
            ? prev
            : {
                ...prev,
                category,
                query: fitsCategory(prev.query, category) ? prev.query : '',
                columns: null,
                sort: null,
                mode: prev.mode === 'clusters' ? 'list' : prev.mode,
                analysis: defaultExplorerState(category).analysis,
                detail: null,
              },
        ),
      setQuery: (query: string) => update({ query }),
      setRange: (range: ExplorerState['range']) => update({ range }),
      setColumns: (next: string[]) => update({ columns: next }),
      setSort: (sort: ExplorerState['sort']) => update({ sort }),
      setMode: (mode: ExplorerState['mode']) => update({ mode }),
      setAnalysis: (analysis: ExplorerState['analysis']) => update({ analysis }),
      openDetail: (detail: ExplorerDetail | null) => update({ detail }),
      openRecord: (record: EventRecord) =>
        setState((prev) => ({
          ...prev,
          detail: { category: prev.category, id: String(record[ID_FIELD[prev.category]]) },
        })),
      filter: (request: FilterRequest) =>
        setState((prev) => ({ ...prev, query: withFilter(prev.query, request) })),
      filterAll: (requests: FilterRequest[]) =>
        setState((prev) => ({
          ...prev,
          mode: 'list',
          query: requests.reduce((query, request) => withFilter(query, request), prev.query),
        })),
      /** Adds a ready-made term (a cluster's wildcard search) and shows the list. */
      search: (term: string) =>
        setState((prev) => {
          const added = parseOrNull(term);
          if (!added) return prev;
          return {
            ...prev,
            mode: 'list',
            query: printSearch(addTerm(parseOrNull(prev.query), added)),
          };
        }),
      addColumn: (field: string) =>
        setState((prev) => {
          const current = columnsOf(prev);
          return current.includes(field) ? prev : { ...prev, columns: [...current, field] };
        }),
      refresh: () => setRefreshed((n) => n + 1),
    }),
    [setState, update],
  );

  return {
    state,
    scope,
    /**
     * The scope of the facets and the histogram: the list's, once its first page is in. It
     * changes in an effect, after the rows are painted, so their render does not hold the rows.
     */
    sideScope,
    columns,
    rows,
    status,
    error: list.error,
    retry: () => void list.refetch(),
    hasMore: list.hasNextPage,
    loadingMore: list.isFetchingNextPage,
    loadMore: () => {
      if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    },
    /** A new question is loading while the previous rows stay on screen. */
    updating: list.isPlaceholderData && list.isFetching,
    extraKeys,
    ...actions,
  };
}

export type ExplorerModel = ReturnType<typeof useExplorer>;
