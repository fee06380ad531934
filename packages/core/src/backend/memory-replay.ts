// Session replays over the in-memory store, as the reference server gives them
// (server/src/services/replay.ts): segments in play order, records merged, and the session's
// views, actions and errors beside them.
import {
  ApiError,
  type DetailLookback,
  type ReplayPart,
  replayRoutes,
  type SessionReplay,
} from '../api/index.js';
import {
  compareSegments,
  mergeSegmentRecords,
  parseSegmentBody,
  parseSegmentMeta,
  type ReplayRecord,
  replayPartSegments,
  type SegmentMeta,
} from '../replay/index.js';
import { sessionDetail } from './memory-details.js';
import { parseInput } from './memory-query.js';
import type { MemoryEventStore } from './memory-store.js';

const DAY = 24 * 3600 * 1000;

/** A stored segment: its metadata and its records. */
export interface MemorySegment {
  meta: SegmentMeta;
  records: ReplayRecord[];
}

/**
 * A segment as an SDK uploads it: the metadata fields and the records. Checked as the server
 * checks an upload; throws a SegmentMetaError naming the field that is wrong.
 */
export function toMemorySegment(input: {
  fields: Record<string, unknown>;
  records: readonly ReplayRecord[];
}): MemorySegment {
  const meta = parseSegmentMeta(input.fields);
  const { records } = parseSegmentBody(JSON.stringify({ records: input.records }));
  return { meta, records };
}

export function sessionReplay(
  store: MemoryEventStore,
  segments: readonly MemorySegment[],
  input: { session_id: string } & DetailLookback & ReplayPart,
  now: number,
): SessionReplay {
  const { session_id: id, ...query } = input;
  parseInput(replayRoutes.sessionReplay.params!, { sessionId: id });
  const {
    from = now - 15 * DAY,
    to = now + DAY,
    ...part
  } = parseInput(replayRoutes.sessionReplay.query!, query);
  const own = segments
    .filter(({ meta }) => meta.session_id === id && meta.end >= from && meta.start < to)
    .map(({ meta, records }) => ({ ...meta, records }))
    .sort(compareSegments);
  let detail: ReturnType<typeof sessionDetail> | undefined;
  try {
    detail = sessionDetail(store, { session_id: id, from, to }, now);
  } catch (error) {
    // No session record: the segments may have come before any event of the session.
    if (!(error instanceof ApiError && error.status === 404) || own.length === 0) throw error;
  }
  return {
    session_id: id,
    session: detail?.session ?? null,
    segments: own.map((segment) => ({
      view_id: segment.view_id,
      start: segment.start,
      end: segment.end,
      index_in_view: segment.index_in_view,
      records_count: segment.records_count,
      has_full_snapshot: segment.has_full_snapshot,
      creation_reason: segment.creation_reason,
      source: segment.source,
      raw_segment_size: segment.raw_segment_size ?? null,
    })),
    records: mergeSegmentRecords(replayPartSegments(own, part)),
    events: (detail?.events ?? []).filter((event) =>
      ['view', 'action', 'error'].includes(String(event.category)),
    ),
  };
}
