import { playOrder } from '../segments.js';
import type { RetentionCut, SegmentRow } from '../types.js';
import { table } from './ddl.js';
import type { Executor } from './executor.js';

/**
 * The index of replay segments. A ReplacingMergeTree keyed by the segment's identity, so a
 * segment sent again replaces the first (reads use FINAL) and a session's segments are one
 * range of the sort key. No TTL: its rows go with the retention job, which hands their blob
 * keys to the blob store; a TTL would drop rows and leave their blobs behind.
 */
export const SEGMENT_TABLE = 'replay_segment';

export const segmentStatement = (database: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table(database, SEGMENT_TABLE)} (
    workspace_id LowCardinality(String), app_id LowCardinality(String), session_id String,
    view_id String, start_ms Int64, end_ms Int64, index_in_view Int64, records_count Int64,
    has_full_snapshot Bool, creation_reason LowCardinality(String), source LowCardinality(String),
    raw_segment_size Nullable(Int64), blob_key String, blob_size Int64, row_version UInt64)
   ENGINE = ReplacingMergeTree(row_version)
   ORDER BY (workspace_id, session_id, view_id, index_in_view, start_ms)`;

export async function writeSegments(
  executor: Executor,
  database: string,
  rows: readonly SegmentRow[],
  nextVersion: () => bigint,
): Promise<void> {
  await executor.insert(
    table(database, SEGMENT_TABLE),
    rows.map((row) => ({
      workspace_id: row.workspaceId,
      app_id: row.appId,
      session_id: row.sessionId,
      view_id: row.viewId,
      start_ms: row.start,
      end_ms: row.end,
      index_in_view: row.indexInView,
      records_count: row.recordsCount,
      has_full_snapshot: row.hasFullSnapshot,
      creation_reason: row.creationReason,
      source: row.source,
      raw_segment_size: row.rawSegmentSize,
      blob_key: row.blobKey,
      blob_size: row.blobSize,
      row_version: nextVersion().toString(),
    })),
  );
}

interface Stored {
  workspace_id: string;
  app_id: string;
  session_id: string;
  view_id: string;
  start_ms: string;
  end_ms: string;
  index_in_view: string;
  records_count: string;
  has_full_snapshot: boolean;
  creation_reason: string;
  source: string;
  raw_segment_size: string | null;
  blob_key: string;
  blob_size: string;
}

export async function readSegments(
  executor: Executor,
  database: string,
  workspaceId: string,
  sessionId: string,
  from: number,
  to: number,
): Promise<SegmentRow[]> {
  const rows = await executor.query<Stored>(
    `SELECT * EXCEPT row_version FROM ${table(database, SEGMENT_TABLE)} FINAL
     WHERE workspace_id = {w:String} AND session_id = {s:String}
       AND end_ms >= {from:Int64} AND start_ms < {to:Int64}
     ORDER BY start_ms, index_in_view, view_id`,
    {
      w: workspaceId,
      s: sessionId,
      from: BigInt(Math.floor(from)),
      to: BigInt(Math.ceil(to)),
    },
  );
  return rows
    .map(
      (row): SegmentRow => ({
        workspaceId: row.workspace_id,
        appId: row.app_id,
        sessionId: row.session_id,
        viewId: row.view_id,
        start: Number(row.start_ms),
        end: Number(row.end_ms),
        indexInView: Number(row.index_in_view),
        recordsCount: Number(row.records_count),
        hasFullSnapshot: row.has_full_snapshot,
        creationReason: row.creation_reason,
        source: row.source,
        rawSegmentSize: row.raw_segment_size === null ? null : Number(row.raw_segment_size),
        blobKey: row.blob_key,
        blobSize: Number(row.blob_size),
      }),
    )
    .sort(playOrder);
}

/**
 * Deletes the segments that ended before each cut and gives their blob keys. The store's
 * writes run one at a time, so no segment is indexed between the read and the delete.
 */
export async function deleteSegmentsOlderThan(
  executor: Executor,
  database: string,
  cuts: readonly RetentionCut[],
): Promise<string[]> {
  const keys: string[] = [];
  for (const cut of cuts) {
    const where = 'workspace_id = {w:String} AND end_ms < {before:Int64}';
    const params = { w: cut.workspaceId, before: BigInt(Math.floor(cut.before)) };
    // Every version, not FINAL: a replaced version's blob key is the same key.
    const found = await executor.query<{ blob_key: string }>(
      `SELECT DISTINCT blob_key FROM ${table(database, SEGMENT_TABLE)} WHERE ${where}`,
      params,
    );
    if (found.length === 0) continue;
    await executor.command(`DELETE FROM ${table(database, SEGMENT_TABLE)} WHERE ${where}`, params);
    for (const { blob_key } of found) keys.push(blob_key);
  }
  return keys;
}
