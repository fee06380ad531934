import { TIMELINE_FIELDS, type TimelineCategory } from '@rumkit/core/api';
import type { StoredRecord } from '../types.js';
import type { Executor } from './executor.js';
import { Sql } from './query.js';
import { readValues } from './rows.js';

const CATEGORIES = Object.keys(TIMELINE_FIELDS) as TimelineCategory[];

/**
 * A session's timeline, read from the event tables themselves: one statement per category,
 * each finding the session's rows through the bloom-filter index on session_id (a view in its
 * kept version, through FINAL). No table of its own: it would double every write and need its
 * own replacing of re-sent views, while ClickHouse skips the granules without the session at
 * the cost of a few index reads. Retention and deletes take it along with the events.
 */
export async function readTimeline(
  executor: Executor,
  database: string,
  workspaceId: string,
  sessionId: string,
): Promise<StoredRecord[]> {
  const lists = await Promise.all(
    CATEGORIES.map(async (category) => {
      const sql = new Sql(database, category);
      const rows = await executor.query<Record<string, unknown>>(
        `SELECT ${sql.select(['session_id', ...TIMELINE_FIELDS[category]])} FROM ${sql.from()}
         WHERE workspace_id = ${sql.bind(workspaceId, 'String')} AND session_id = ${sql.bind(sessionId, 'String')}
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
