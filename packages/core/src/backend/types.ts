import type {
  AnalysisInput,
  AnalysisResult,
  App,
  AppIdAvailability,
  CreateAppInput,
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
  UpdateAppInput,
  UpdateWorkspaceInput,
  UsageInput,
  UsageReport,
  ViewDetail,
  Workspace,
} from '../api/index.js';

/** What every backend call accepts: a signal to cancel it (React Query passes one per query). */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Everything the component kit asks of a server, one method per operation of the API in
 * `@rumkit/core/api`. Data in and out is plain and serialisable (JSON), so a backend can be
 * the reference server over HTTP (`createHttpBackend`), an in-memory fake
 * (`createMemoryBackend`), or a host's own adapter. Failures are thrown as `ApiError`.
 *
 * The workspace is implied by the credentials: a backend speaks for one workspace.
 *
 * Explorer questions (`searchEvents`, `facet`, `histogram`, `analysis`, `errorClusters`) take
 * search text in the explorer syntax (`@rumkit/core/search`). Every one of them answers
 * `ApiError` 400 `request.invalid` for input its schema refuses (such as `from` not before
 * `to`); 400 `search.<code>` for a search that does not parse or names a field the category
 * lacks, with `details: { position, length }` pointing into the text; and 400 `field.unknown`
 * for a field named outside the search (columns, sort, facet field, group) that the category
 * lacks. Fields are the catalogue's fields of the category plus custom context keys seen in
 * its records.
 */
export interface RumBackend {
  /** The workspace the backend's credentials belong to. */
  getWorkspace(options?: RequestOptions): Promise<Workspace>;
  /**
   * Changes the workspace's retention (3, 7 or 14 days; older data is deleted within the hour),
   * its usage time zone or its name; `ApiError` 400 `request.invalid` for any other value.
   */
  updateWorkspace(input: UpdateWorkspaceInput, options?: RequestOptions): Promise<Workspace>;
  /** The workspace's apps, newest first. */
  listApps(options?: RequestOptions): Promise<App[]>;
  /** One app by its internal id; `ApiError` 404 when there is none. */
  getApp(input: { id: string }, options?: RequestOptions): Promise<App>;
  /** Registers an app; `ApiError` 400 for invalid input, 409 when the app_id is taken. */
  createApp(input: CreateAppInput, options?: RequestOptions): Promise<App>;
  /** Changes some fields of an app; errors as for `createApp`, plus 404. */
  updateApp(input: { id: string; patch: UpdateAppInput }, options?: RequestOptions): Promise<App>;
  /** Deletes an app; `ApiError` 404 when there is none. */
  deleteApp(input: { id: string }, options?: RequestOptions): Promise<void>;
  /**
   * Whether an app_id is valid and free on the server. `exclude` is the internal id of an app
   * whose own app_id counts as free (editing an app).
   */
  checkAppId(
    input: { app_id: string; exclude?: string | undefined },
    options?: RequestOptions,
  ): Promise<AppIdAvailability>;

  /**
   * A page of records of a category matching a search, newest first unless `sort` says
   * otherwise; `next_cursor` (null on the last page) continues it. Errors as above, plus 400
   * `request.invalid` for a cursor this backend did not give out.
   */
  searchEvents(input: SearchEventsInput, options?: RequestOptions): Promise<SearchEventsResult>;
  /**
   * The top values of a field with their counts (ties by value), how many records in scope
   * have the field, and the smallest and largest value of a numeric one. Errors as above.
   */
  facet(input: FacetInput, options?: RequestOptions): Promise<FacetResult>;
  /**
   * Counts over time in round buckets (1 s … 7 d, at most `buckets`), the first at `from`,
   * optionally stacked by a field (its top 10 values, the rest as "other"). Errors as above.
   */
  histogram(input: HistogramInput, options?: RequestOptions): Promise<HistogramResult>;
  /**
   * Groups records by up to three fields and measures each group (count, avg, min, max or an
   * exact percentile of a numeric field), largest first, as a top list or a time series.
   * Errors as above, plus 400 `field.not_numeric` for a measured field that holds no numbers.
   */
  analysis(input: AnalysisInput, options?: RequestOptions): Promise<AnalysisResult>;
  /**
   * A session with all its views and events, oldest first, each tagged with its `category`.
   * `ApiError` 404 `session.not_found` when the workspace has no such session in the window.
   */
  getSession(
    input: { session_id: string } & DetailLookback,
    options?: RequestOptions,
  ): Promise<SessionDetail>;
  /**
   * A session's replay: the records of its segments decompressed and merged in play order,
   * with its views, actions and errors. A session without segments answers an empty replay
   * (`segments: []`); `ApiError` 404 `session.not_found` when the workspace has neither the
   * session nor any segment of it in the window. `part` asks for the records of the first part
   * of a long replay, or of the rest (replayPartSegments); the segments and events are whole.
   */
  getSessionReplay(
    input: { session_id: string } & DetailLookback & ReplayPart,
    options?: RequestOptions,
  ): Promise<SessionReplay>;
  /**
   * A view with its resources, errors, actions and long tasks, each oldest first (the
   * waterfall). `ApiError` 404 `view.not_found` when there is no such view in the window.
   */
  getView(
    input: { view_id: string } & DetailLookback,
    options?: RequestOptions,
  ): Promise<ViewDetail>;
  /**
   * Any record by the id of its category (`view_id`, `resource_id`, `error_id`, `action_id`,
   * `long_task_id`, `session_id`) with its session, view and action when it has them.
   * `ApiError` 404 `event.not_found` when there is none in the window, 400 for a category the
   * explorer does not list.
   */
  getEvent(
    input: { category: ExplorerCategory; id: string } & DetailLookback,
    options?: RequestOptions,
  ): Promise<EventDetail>;
  /**
   * The newest errors of the range (up to 10,000) grouped by the pattern of their message
   * (numbers, ids, URLs and quoted text masked) or by up to three fields, largest first.
   * Errors as above.
   */
  errorClusters(input: ErrorClustersInput, options?: RequestOptions): Promise<ErrorClusters>;
  /**
   * PV, events, billed units, replay sessions and cost per app and day in the workspace's time
   * zone, with the month so far and its projection. `ApiError` 400 `request.invalid` for dates
   * that are not YYYY-MM-DD or a `from` after `to`.
   */
  getUsage(input: UsageInput, options?: RequestOptions): Promise<UsageReport>;
}

/** The names of the backend's operations, for adapters that wrap every method (logging, latency). */
export type RumBackendOperation = keyof RumBackend;
