import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { playOrder } from '../segments.js';
import type { RetentionCut, SegmentRow } from '../types.js';
import type { Reader } from './prepared.js';

/**
 * The index of replay segments: one row per stored segment, its records in the blob store.
 * Times are plain BIGINT milliseconds (a segment's start and end are the SDK's numbers, not an
 * event time the explorer reads). One ART index, on session_id: a replay is read by session.
 */
export const SEGMENT_TABLE = 'replay_segment';

export const segmentStatements = (): string[] => [
  `CREATE TABLE IF NOT EXISTS ${SEGMENT_TABLE} (
    workspace_id VARCHAR NOT NULL, app_id VARCHAR NOT NULL, session_id VARCHAR NOT NULL,
    view_id VARCHAR NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,
    index_in_view BIGINT NOT NULL, records_count BIGINT NOT NULL, has_full_snapshot BOOLEAN NOT NULL,
    creation_reason VARCHAR NOT NULL, source VARCHAR NOT NULL, raw_segment_size BIGINT,
    blob_key VARCHAR NOT NULL, blob_size BIGINT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${SEGMENT_TABLE}_by_session ON ${SEGMENT_TABLE} (session_id)`,
];

const COLUMNS =
  'workspace_id, app_id, session_id, view_id, start_ms, end_ms, index_in_view, records_count, has_full_snapshot, creation_reason, source, raw_segment_size, blob_key, blob_size';

// DuckDB uses the index only when the id is the scan's one filter, hence the materialized CTEs
// (as the timeline's and the session's lookups do).
const sameKeyStatement = `WITH hit AS MATERIALIZED (SELECT rowid AS r, workspace_id, view_id, index_in_view, start_ms FROM ${SEGMENT_TABLE} WHERE session_id = $2)
  SELECT r FROM hit WHERE workspace_id = $1 AND view_id = $3 AND index_in_view = $4 AND start_ms = $5`;
const insertStatement = `INSERT INTO ${SEGMENT_TABLE} (${COLUMNS}) VALUES (${COLUMNS.split(', ')
  .map((_, i) => `$${i + 1}`)
  .join(', ')})`;
const readStatement = `WITH hit AS MATERIALIZED (SELECT ${COLUMNS} FROM ${SEGMENT_TABLE} WHERE session_id = $2)
  SELECT ${COLUMNS} FROM hit WHERE workspace_id = $1 AND end_ms >= $3 AND start_ms < $4
  ORDER BY start_ms, index_in_view, view_id`;

/** Indexes segments in the writer's open transaction, replacing one sent before. */
export async function writeSegments(
  connection: DuckDBConnection,
  rows: readonly SegmentRow[],
): Promise<void> {
  for (const row of rows) {
    const found = await connection.runAndReadAll(sameKeyStatement, [
      row.workspaceId,
      row.sessionId,
      row.viewId,
      BigInt(row.indexInView),
      BigInt(row.start),
    ]);
    const rowids = found.getRows().map(([rowid]) => String(rowid));
    if (rowids.length > 0)
      await connection.run(`DELETE FROM ${SEGMENT_TABLE} WHERE rowid IN (${rowids.join(', ')})`);
    await connection.run(insertStatement, values(row));
  }
}

function values(row: SegmentRow): DuckDBValue[] {
  return [
    row.workspaceId,
    row.appId,
    row.sessionId,
    row.viewId,
    BigInt(row.start),
    BigInt(row.end),
    BigInt(row.indexInView),
    BigInt(row.recordsCount),
    row.hasFullSnapshot,
    row.creationReason,
    row.source,
    row.rawSegmentSize === null ? null : BigInt(row.rawSegmentSize),
    row.blobKey,
    BigInt(row.blobSize),
  ];
}

export async function readSegments(
  reader: Reader,
  workspaceId: string,
  sessionId: string,
  from: number,
  to: number,
): Promise<SegmentRow[]> {
  const result = await reader.runAndReadAll(readStatement, [
    workspaceId,
    sessionId,
    BigInt(Math.floor(from)),
    BigInt(Math.ceil(to)),
  ]);
  return result.getRows().map(toSegment).sort(playOrder);
}

function toSegment(row: readonly DuckDBValue[]): SegmentRow {
  const [w, app, s, v, start, end, index, count, full, reason, source, raw, key, size] = row;
  return {
    workspaceId: String(w),
    appId: String(app),
    sessionId: String(s),
    viewId: String(v),
    start: Number(start),
    end: Number(end),
    indexInView: Number(index),
    recordsCount: Number(count),
    hasFullSnapshot: full === true,
    creationReason: String(reason),
    source: String(source),
    rawSegmentSize: raw === null ? null : Number(raw),
    blobKey: String(key),
    blobSize: Number(size),
  };
}

/** Deletes the segments that ended before each cut, in the open transaction; their blob keys. */
export async function deleteSegmentsOlderThan(
  connection: DuckDBConnection,
  cuts: readonly RetentionCut[],
): Promise<string[]> {
  const keys: string[] = [];
  for (const cut of cuts) {
    const result = await connection.runAndReadAll(
      `DELETE FROM ${SEGMENT_TABLE} WHERE workspace_id = $1 AND end_ms < $2 RETURNING blob_key`,
      [cut.workspaceId, BigInt(Math.floor(cut.before))],
    );
    for (const [key] of result.getRows()) keys.push(String(key));
  }
  return keys;
}
