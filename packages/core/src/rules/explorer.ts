import { AGGREGATES, EXPLORER_CATEGORIES, type ExplorerCategory } from '../api/events.js';
import { DEFAULT_RANGE, parseRange, printRange, type TimeRange } from './timeRange.js';

/** The field that identifies a record of each category (what a detail is opened by). */
export const ID_FIELD: Record<ExplorerCategory, string> = {
  session: 'session_id',
  view: 'view_id',
  resource: 'resource_id',
  error: 'error_id',
  long_task: 'long_task_id',
  action: 'action_id',
};

/** The columns a category's list starts with (spec §1.6), besides the time. */
export const DEFAULT_COLUMNS: Record<ExplorerCategory, readonly string[]> = {
  session: [
    'time_spent',
    'session_type',
    'session_view_count',
    'session_action_count',
    'session_error_count',
    'session_first_view_url',
    'session_last_view_url',
  ],
  view: ['view_url', 'view_loading_type', 'loading_time', 'time_spent'],
  resource: ['resource_url', 'resource_method', 'resource_status', 'resource_type', 'duration'],
  error: ['view_url', 'error_type', 'error_message'],
  long_task: ['view_url', 'duration', 'blocking_duration'],
  action: ['action_name', 'action_type', 'duration', 'view_url'],
};

/** The quick filters of a category's side panel, in order. */
export const DEFAULT_FACETS: Record<ExplorerCategory, readonly string[]> = {
  session: ['app_id', 'env', 'version', 'session_type', 'browser', 'os', 'country', 'time_spent'],
  view: [
    'app_id',
    'env',
    'view_path_group',
    'view_loading_type',
    'browser',
    'loading_time',
    'largest_contentful_paint',
  ],
  resource: [
    'app_id',
    'resource_type',
    'resource_method',
    'resource_status_group',
    'resource_url_host',
    'duration',
  ],
  error: ['app_id', 'error_source', 'error_type', 'view_path_group', 'browser', 'version'],
  long_task: ['app_id', 'view_path_group', 'duration', 'blocking_duration'],
  action: ['app_id', 'action_type', 'action_name', 'view_path_group', 'duration'],
};

/** Fields whose value counts the record's errors (spec §1.6 status marking). */
const ERROR_COUNT: Partial<Record<ExplorerCategory, string>> = {
  session: 'session_error_count',
  view: 'view_error_count',
  action: 'action_error_count',
};

export type EventStatus = 'warning' | 'info';

/**
 * A row's status (spec §1.6): `warning` when it has errors (its error count above 0), else
 * `info`. A request that failed (status 400 and up) is a warning too. Errors themselves are not
 * marked: in the error list every row would be, and the mark would say nothing.
 */
export function eventStatus(
  category: ExplorerCategory,
  record: Record<string, unknown>,
): EventStatus {
  if (category === 'resource') return Number(record.resource_status) >= 400 ? 'warning' : 'info';
  const field = ERROR_COUNT[category];
  return field !== undefined && Number(record[field]) > 0 ? 'warning' : 'info';
}

/** A detail open in the drawer: a record by its category's id, on one of its tabs. */
export interface ExplorerDetail {
  category: ExplorerCategory;
  id: string;
  /** The drawer's tab; default the first of the category. */
  tab?: string | undefined;
}

export type ExplorerMode = 'list' | 'analysis' | 'clusters';
export type AnalysisChart = 'timeseries' | 'toplist' | 'pie';

/** What the analysis mode groups, measures and draws. */
export interface ExplorerAnalysis {
  /** One to three tags. */
  groupBy: string[];
  aggregate: 'count' | 'avg' | 'min' | 'max' | 'p50' | 'p75' | 'p90' | 'p95' | 'p99';
  /** The measured field; needed unless the aggregate is count. */
  field?: string | undefined;
  chart: AnalysisChart;
}

/**
 * Everything a host may own of the explorer, plain and serialisable, so it can live in a
 * URL (explorerStateToParams) and the browser's back button walks through it.
 */
export interface ExplorerState {
  category: ExplorerCategory;
  range: TimeRange;
  /** Search text in the explorer syntax. */
  query: string;
  /** The list's columns; null for the category's defaults. */
  columns: string[] | null;
  sort: { field: string; order: 'asc' | 'desc' } | null;
  mode: ExplorerMode;
  analysis: ExplorerAnalysis;
  detail: ExplorerDetail | null;
}

export const DEFAULT_ANALYSIS: ExplorerAnalysis = {
  groupBy: ['view_path_group'],
  aggregate: 'count',
  chart: 'toplist',
};

export function defaultExplorerState(category: ExplorerCategory = 'session'): ExplorerState {
  return {
    category,
    range: DEFAULT_RANGE,
    query: '',
    columns: null,
    sort: null,
    mode: 'list',
    analysis: { ...DEFAULT_ANALYSIS, groupBy: [...DEFAULT_ANALYSIS.groupBy] },
    detail: null,
  };
}

/** The columns the list shows: the state's own, or the category's defaults. */
export function columnsOf(state: Pick<ExplorerState, 'category' | 'columns'>): readonly string[] {
  return state.columns ?? DEFAULT_COLUMNS[state.category];
}

const isCategory = (value: string | null): value is ExplorerCategory =>
  value !== null && (EXPLORER_CATEGORIES as readonly string[]).includes(value);
const MODES: readonly string[] = ['list', 'analysis', 'clusters'];
const CHARTS: readonly string[] = ['timeseries', 'toplist', 'pie'];
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/**
 * The state as URL search parameters, leaving out what equals the defaults, so links stay
 * short: `category=error&range=1h&query=service%3Ashop&detail=error%3Ae-1`.
 */
export function explorerStateToParams(state: ExplorerState): URLSearchParams {
  const params = new URLSearchParams();
  const defaults = defaultExplorerState(state.category);
  params.set('category', state.category);
  if (printRange(state.range) !== printRange(DEFAULT_RANGE))
    params.set('range', printRange(state.range));
  if (state.query) params.set('query', state.query);
  if (state.columns) params.set('columns', state.columns.join(','));
  if (state.sort) params.set('sort', `${state.sort.field}:${state.sort.order}`);
  if (state.mode !== 'list') params.set('mode', state.mode);
  if (state.mode === 'analysis') {
    const a = state.analysis;
    if (a.groupBy.join(',') !== defaults.analysis.groupBy.join(','))
      params.set('group', a.groupBy.join(','));
    if (a.aggregate !== 'count')
      params.set('measure', a.field ? `${a.aggregate}:${a.field}` : a.aggregate);
    if (a.chart !== defaults.analysis.chart) params.set('chart', a.chart);
  }
  if (state.detail) {
    const { category, id, tab } = state.detail;
    params.set('detail', `${category}:${id}`);
    if (tab) params.set('tab', tab);
  }
  return params;
}

/**
 * Reads what explorerStateToParams wrote. Anything missing or unreadable takes its default,
 * so an old or hand-edited link still opens the explorer.
 */
export function explorerStateFromParams(
  params: URLSearchParams,
  fallback: ExplorerCategory = 'session',
): ExplorerState {
  const rawCategory = params.get('category');
  const category = isCategory(rawCategory) ? rawCategory : fallback;
  const state = defaultExplorerState(category);
  const range = parseRange(params.get('range') ?? '');
  if (range) state.range = range;
  state.query = params.get('query') ?? '';
  const columns = list(params.get('columns'));
  if (columns.length > 0) state.columns = columns.slice(0, 60);
  const sort = /^(.+):(asc|desc)$/.exec(params.get('sort') ?? '');
  if (sort) state.sort = { field: sort[1] as string, order: sort[2] as 'asc' | 'desc' };
  const mode = params.get('mode');
  if (mode && MODES.includes(mode)) state.mode = mode as ExplorerMode;
  const group = list(params.get('group')).slice(0, 3);
  if (group.length > 0) state.analysis.groupBy = group;
  const [aggregate = '', field] = (params.get('measure') ?? '').split(':');
  if ((AGGREGATES as readonly string[]).includes(aggregate) && (aggregate === 'count' || field)) {
    state.analysis.aggregate = aggregate as ExplorerAnalysis['aggregate'];
    if (field) state.analysis.field = field;
  }
  const chart = params.get('chart');
  if (chart && CHARTS.includes(chart)) state.analysis.chart = chart as AnalysisChart;
  const detail = /^([a-z_]+):(.+)$/.exec(params.get('detail') ?? '');
  if (detail && isCategory(detail[1] as string)) {
    state.detail = { category: detail[1] as ExplorerCategory, id: detail[2] as string };
    const tab = params.get('tab');
    if (tab) state.detail.tab = tab;
  }
  return state;
}
