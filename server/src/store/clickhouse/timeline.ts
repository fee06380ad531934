import { TIMELINE_FIELDS, type TimelineCategory } from '@rumkit/core/api';
import type { StoredRecord } from '../types.js';
import { table } from './ddl.js';
import type { Executor } from './executor.js';
import { Sql } from './query.js';
import { readValues } from './rows.js';

const CATEGORIES = Object.keys(TIMELINE_FIELDS) as TimelineCategory[];

/**
 * A session's timeline, read from the event tables themselves: one statement per category,
 * each finding the session's rows through the bloom-filter index on session_id (a view in its
 * kept version, through FINAL), within the session's first and last moment when its record has
 * them, so the sort key on time skips all but the session's minutes (1M bench events: p50 159
 * ms without the bounds). No table of its own: it would double every write and need its own
 * replacing of re-sent views. Retention and deletes take it along with the events. A batch
 * stores its events before its sessions, so for the moment between, a timeline read misses
 * that batch's events past the session's stored end.
 */
export async function readTimeline(
  executor: Executor,
  database: string,
  workspaceId: string,
  sessionId: string,
): Promise<StoredRecord[]> {
  // Every version's bounds, so no FINAL: the earliest start and the latest end.
  const [bounds] = await executor.query<{ start: string | null; end: string | null }>(
    `SELECT toUnixTimestamp64Milli(min(time)) AS start, toUnixTimestamp64Milli(max(end_time)) AS end
     FROM ${table(database, 'session')} WHERE workspace_id = {w:String} AND session_id = {s:String}
     HAVING count() > 0`,
    { w: workspaceId, s: sessionId },
  );
  const lists = await Promise.all(
    CATEGORIES.map(async (category) => {
      const sql = new Sql(database, category);
      const within = [
        bounds?.start == null ? '' : ` AND time >= ${sql.time(Number(bounds.start))}`,
        bounds?.end == null ? '' : ` AND time <= ${sql.time(Number(bounds.end))}`,
      ].join('');
      const rows = await executor.query<Record<string, unknown>>(
        `SELECT ${sql.select(['session_id', ...TIMELINE_FIELDS[category]])} FROM ${sql.from()}
         WHERE workspace_id = ${sql.bind(workspaceId, 'String')} AND session_id = ${sql.bind(sessionId, 'String')}${within}
         ORDER BY time, event_id`,
        sql.params,
      );
      return rows.map(
        (row): StoredRecord => ({
          category,
          ...readValues(row),
          time: Number(row.time),
          workspace_id: workspaceId,
          custom: {},
        }),
      );
    }),
  );
  return lists.flat().sort((a, b) => a.time - b.time);
}
