// Session derivation (spec §1.4 "session", gap 1): SDKs send no session records, so every store
// folds each session's events into one record. The reference server's store and the in-memory
// backend both fold with this, so their sessions agree to the field.

/** A value as stored: typed by the catalogue. */
export type SessionValue = string | number | bigint | boolean;

/** What folding needs of an event: its category, time (ms), workspace and typed values. */
export interface SessionEvent {
  category: string;
  time: number;
  workspaceId: string;
  values: Readonly<Record<string, SessionValue>>;
}

/** 4 hours in ns: replay billing counts one session per started 4 h (spec §1.10). */
const FOUR_HOURS_NS = 4 * 3600 * 1e9;
const NS_PER_MS = 1e6;

/**
 * The common tags every event carries (spec §1.4), by what they describe. A session takes all of
 * them from its events; the explorer's attribute list groups a record's fields by them.
 */
export const CONTEXT_TAGS = {
  app: ['sdk_name', 'sdk_version', 'app_id', 'env', 'service', 'version', 'source'],
  user: ['userid', 'user_email', 'user_name', 'is_signin'],
  session: ['session_type', 'session_sampling'],
  device: [
    'os',
    'os_version',
    'os_version_major',
    'browser',
    'browser_version',
    'browser_version_major',
    'screen_size',
    'network_type',
    'time_zone',
    'device',
    'model',
    'device_uuid',
    'platform',
    'platform_version',
    'app_framework_version',
  ],
  launch: ['app_launch_query', 'app_launch_referrer_info'],
  geo: ['ip', 'isp', 'country', 'country_iso_code', 'province', 'city'],
} as const;

/** Tags a session takes from its events: every common tag. */
export const SESSION_TAGS = Object.values(CONTEXT_TAGS).flat();

/** The page attributes kept for the first and last view: `session_<which>_view_<attr>`. */
const PAGE = [
  ['view_id', 'id'],
  ['view_url', 'url'],
  ['view_host', 'host'],
  ['view_path', 'path'],
  ['view_path_group', 'path_group'],
  ['view_url_query', 'url_query'],
] as const;

const COUNTED = {
  error: 'session_error_count',
  resource: 'session_resource_count',
  action: 'session_action_count',
  long_task: 'session_long_task_count',
} as const;

/**
 * The derived session record: what a store keeps per session_id, plus the bookkeeping it needs
 * to merge later events in.
 */
export interface SessionState {
  workspaceId: string;
  sessionId: string;
  /** First and last moment seen, ms. */
  start: number;
  end: number;
  firstViewTime: number | null;
  lastViewTime: number | null;
  values: Record<string, SessionValue>;
}

/**
 * Folds a batch into the sessions it touches, in the order given (a later event's tags win).
 * `isNewView` says whether a view_id is seen for the first time (re-sent views must not count
 * twice); `existing` holds the stored states by sessionKey. Returns the touched states, new
 * objects: `existing` is not changed.
 */
export function foldSessions<E extends SessionEvent>(
  rows: readonly E[],
  existing: ReadonlyMap<string, SessionState>,
  isNewView: (row: E) => boolean,
): Map<string, SessionState> {
  const touched = new Map<string, SessionState>();
  for (const row of rows) {
    const sessionId = row.values.session_id;
    if (typeof sessionId !== 'string' || sessionId === '') continue;
    const key = sessionKey(row.workspaceId, sessionId);
    let state = touched.get(key);
    if (!state) {
      const stored = existing.get(key);
      state = stored ? cloneState(stored) : emptyState(row.workspaceId, sessionId, row.time);
      touched.set(key, state);
    }
    foldRow(state, row, row.category === 'view' && isNewView(row));
  }
  for (const state of touched.values()) finish(state);
  return touched;
}

export function sessionKey(workspaceId: string, sessionId: string): string {
  return `${workspaceId}\u0000${sessionId}`;
}

function emptyState(workspaceId: string, sessionId: string, time: number): SessionState {
  return {
    workspaceId,
    sessionId,
    start: time,
    end: time,
    firstViewTime: null,
    lastViewTime: null,
    values: {
      session_id: sessionId,
      session_view_count: 0,
      session_error_count: 0,
      session_resource_count: 0,
      session_action_count: 0,
      session_long_task_count: 0,
      session_has_replay: false,
    },
  };
}

function cloneState(state: SessionState): SessionState {
  return { ...state, values: { ...state.values } };
}

function foldRow(state: SessionState, row: SessionEvent, newView: boolean) {
  const { values } = row;
  state.start = Math.min(state.start, row.time);
  state.end = Math.max(state.end, row.time + durationMs(row));
  for (const tag of SESSION_TAGS) {
    const value = values[tag];
    // The latest event wins: a user who signs in mid-session shows up signed in.
    if (value !== undefined && value !== '') state.values[tag] = value;
  }
  if (values.session_has_replay === true) state.values.session_has_replay = true;

  if (row.category === 'view') {
    if (newView) state.values.session_view_count = Number(state.values.session_view_count) + 1;
    if (state.firstViewTime === null || row.time < state.firstViewTime) {
      state.firstViewTime = row.time;
      setPage(state, 'first', row);
      const referrer = values.view_referrer;
      if (typeof referrer === 'string') state.values.session_referrer = referrer;
    }
    if (state.lastViewTime === null || row.time >= state.lastViewTime) {
      state.lastViewTime = row.time;
      setPage(state, 'last', row);
    }
  } else if (row.category in COUNTED) {
    const column = COUNTED[row.category as keyof typeof COUNTED];
    state.values[column] = Number(state.values[column] ?? 0) + 1;
  }
}

function setPage(state: SessionState, which: 'first' | 'last', row: SessionEvent) {
  for (const [from, to] of PAGE) {
    const value = row.values[from];
    const column = `session_${which}_view_${to}`;
    if (value !== undefined) state.values[column] = value;
    else delete state.values[column];
  }
  // On the web a page's name is its path group (spec §1.4); mobile SDKs send view_name.
  const name = row.values.view_name ?? row.values.view_path_group;
  if (name !== undefined) state.values[`session_${which}_view_name`] = name;
}

function durationMs(row: SessionEvent): number {
  const ns = row.category === 'view' ? row.values.time_spent : row.values.duration;
  const value = typeof ns === 'bigint' ? Number(ns) : ns;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value / NS_PER_MS : 0;
}

function finish(state: SessionState) {
  const timeSpentNs = Math.round((state.end - state.start) * NS_PER_MS);
  state.values.time_spent = timeSpentNs;
  state.values.session_time_spent_count = 1 + Math.floor(timeSpentNs / FOUR_HOURS_NS);
}
