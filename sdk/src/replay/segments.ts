// Records → segments, one view at a time (spec §1.7). The limits and reasons are the shared
// contract of @rumkit/core/replay, copied here because that module brings zod along (a test
// checks they are the same).

/** A segment closes at 5 s of records… */
export const SEGMENT_MAX_DURATION_MS = 5_000;
/** …or once past this many bytes of JSON (counted as UTF-16 units), or at a view change… */
export const SEGMENT_MAX_BYTES = 60_000;

/** Why a segment was started: why the one before it closed (`init` for the first). */
export type CreationReason =
  | 'init'
  | 'view_change'
  | 'segment_duration_limit'
  | 'segment_bytes_limit'
  | 'before_unload'
  | 'visibility_hidden'
  | 'buffer_checkout'
  | 'stop';

export interface Segment {
  sessionId: string;
  viewId: string;
  creationReason: CreationReason;
  indexInView: number;
  /** Epoch ms of the first and last record. */
  start: number;
  end: number;
  /** Each record's JSON. */
  records: string[];
  /** Length of the records' JSON with their commas. */
  bytes: number;
  hasFullSnapshot: boolean;
}

/** The one record type the segmenter looks at. */
const FULL_SNAPSHOT = 2;

/**
 * Collects records into segments of one view and hands each over when it closes: at 5 s, past
 * 60,000 bytes, or when `flush(reason)` is called (view change, page hidden, stop…); the next
 * segment is created by the next record and says why the last one closed.
 */
export function createSegmenter(
  onSegment: (segment: Segment, exit: boolean) => void,
  schedule: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>,
) {
  let open: Segment | undefined;
  let reason: CreationReason = 'init';
  let view = { sessionId: '', viewId: '' };
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (next: CreationReason, exit = false) => {
    clearTimeout(timer);
    const segment = open;
    open = undefined;
    reason = next;
    if (segment) onSegment(segment, exit);
  };

  return {
    flush,
    /** Records from now on belong to this view; a new view counts its segments from 0. */
    setView(sessionId: string, viewId: string) {
      if (viewId !== view.viewId) index = 0;
      view = { sessionId, viewId };
    },
    /** What the next segment will say it was created for (a new session starts with `init`). */
    setReason(next: CreationReason) {
      reason = next;
    },
    /** Adds a record (its JSON, epoch-ms time and type). */
    add(json: string, timestamp: number, type: number) {
      // A full snapshot stays with the Meta record before it.
      if (open && type !== FULL_SNAPSHOT && timestamp - open.start >= SEGMENT_MAX_DURATION_MS)
        flush('segment_duration_limit');
      if (!open) {
        open = {
          ...view,
          creationReason: reason,
          indexInView: index++,
          start: timestamp,
          end: timestamp,
          records: [],
          bytes: 0,
          hasFullSnapshot: false,
        };
        timer = schedule(() => flush('segment_duration_limit'), SEGMENT_MAX_DURATION_MS);
      }
      open.records.push(json);
      open.bytes += json.length + 1;
      open.end = Math.max(open.end, timestamp);
      if (type === FULL_SNAPSHOT) open.hasFullSnapshot = true;
      if (open.bytes >= SEGMENT_MAX_BYTES) flush('segment_bytes_limit');
    },
    /** Whether a segment is open (it has records). */
    isOpen: () => open !== undefined,
  };
}
