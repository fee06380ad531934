import { describe, expect, it } from 'vitest';
import { foldSessions, type SessionEvent, type SessionState, sessionKey } from './sessions.js';

const T0 = Date.UTC(2026, 10, 20, 10);
const MIN = 60_000;
const HOUR = 60 * MIN;
const NS = 1e6;

const event = (
  category: string,
  time: number,
  values: SessionEvent['values'],
  workspaceId = 'ws_a',
): SessionEvent => ({ category, time, workspaceId, values });
const view = (id: string, session: string, time: number, spentMs: number, extra = {}) =>
  event('view', time, {
    session_id: session,
    view_id: id,
    view_path: `/${id}`,
    view_path_group: `/${id}`,
    time_spent: spentMs * NS,
    ...extra,
  });

/** Folds batches one after the other, as a store does, with view_ids seen before not new. */
function fold(...batches: SessionEvent[][]): Map<string, SessionState> {
  const stored = new Map<string, SessionState>();
  const seenViews = new Set<string>();
  for (const batch of batches) {
    const fresh = new Set(
      batch.filter((e) => e.category === 'view' && !seenViews.has(String(e.values.view_id))),
    );
    for (const [key, state] of foldSessions(batch, stored, (row) => fresh.has(row)))
      stored.set(key, state);
    for (const e of fresh) seenViews.add(String(e.values.view_id));
  }
  return stored;
}

describe('foldSessions', () => {
  it('derives the session from its events: counts, first and last page, time spent', () => {
    const sessions = fold(
      [
        view('v1', 's1', T0, 30_000, { view_referrer: 'https://search.example.com/' }),
        event('resource', T0 + 1000, { session_id: 's1', view_id: 'v1', duration: 2e8 }),
        event('resource', T0 + 2000, { session_id: 's1', view_id: 'v1', duration: 1e8 }),
        event('error', T0 + 3000, { session_id: 's1', view_id: 'v1', error_message: 'x' }),
      ],
      [
        view('v1', 's1', T0, 60_000),
        view('v2', 's1', T0 + 2 * MIN, 45_000, { userid: 'u-42', is_signin: true }),
        event('action', T0 + 2 * MIN + 1000, { session_id: 's1', view_id: 'v2', duration: 1e8 }),
      ],
    );
    const session = sessions.get(sessionKey('ws_a', 's1'));
    expect(session).toMatchObject({ start: T0, end: T0 + 2 * MIN + 45_000 });
    expect(session?.values).toMatchObject({
      session_id: 's1',
      session_view_count: 2,
      session_resource_count: 2,
      session_error_count: 1,
      session_action_count: 1,
      session_long_task_count: 0,
      session_first_view_id: 'v1',
      session_first_view_path: '/v1',
      session_last_view_id: 'v2',
      session_last_view_name: '/v2',
      session_referrer: 'https://search.example.com/',
      userid: 'u-42',
      is_signin: true,
      time_spent: (2 * MIN + 45_000) * NS,
      session_time_spent_count: 1,
      session_has_replay: false,
    });
  });

  it('counts one billing session for every started 4 hours', () => {
    const sessions = fold([view('v1', 'long', T0, 1000), view('v9', 'long', T0 + 9 * HOUR, 1000)]);
    expect(sessions.get(sessionKey('ws_a', 'long'))?.values.session_time_spent_count).toBe(3);
  });

  it('keeps workspaces apart and skips events without a session', () => {
    const sessions = fold([
      view('v1', 's1', T0, 1000),
      event('view', T0, { session_id: 's1', view_id: 'v1' }, 'ws_b'),
      event('error', T0, { view_id: 'v1' }),
    ]);
    expect([...sessions.keys()].sort()).toEqual([
      sessionKey('ws_a', 's1'),
      sessionKey('ws_b', 's1'),
    ]);
  });

  it('marks a replay when any event says so, and leaves the stored state untouched', () => {
    const first = fold([view('v1', 's1', T0, 1000)]);
    const before = first.get(sessionKey('ws_a', 's1'));
    const next = foldSessions(
      [event('error', T0 + 1, { session_id: 's1', session_has_replay: true })],
      first,
      () => false,
    );
    expect(next.get(sessionKey('ws_a', 's1'))?.values.session_has_replay).toBe(true);
    expect(before?.values.session_has_replay).toBe(false);
  });
});
