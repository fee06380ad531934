// Records → segments, one view at a time (spec §1.7). The limits and reasons are the shared
// contract of @rumkit/core/replay, copied here because that module brings zod along (a test
// checks they are the same).

/** A segment closes at 5 s of records… */
export const SEGMENT_MAX_DURATION_MS = 5_000;
/**
 * …or once its body is past this many bytes as sent (deflated, like Guance's SDK counts them),
 * or at a view change… The deflated size is known only once a segment is compressed, so the
 * segmenter counts JSON (UTF-16 units) and closes at this many times the last compression
 * ratio (`expectRatio`); JSON until a ratio is known.
 */
export const SEGMENT_MAX_BYTES = 60_000;
/**
 * The ratio counted at most: a segment holds at most 10 × 60,000 bytes of JSON, however well
 * it deflates (what a page exit deflates synchronously stays bounded; so does memory).
 */
export const MAX_EXPECTED_RATIO = 10;

/**
 * A page exit deflates what is left synchronously, on the main thread, and sends it through
 * sendBeacon or fetch keepalive, whose 64 KiB in flight it shares with the RUM batches: a full
 * snapshot whose segment is past this much JSON closes it at once, so it is deflated (off the
 * main thread) and sent while the page lives, and the exit has less to carry. A large page's
 * snapshot is the one record its view cannot play without.
 */
export const SNAPSHOT_EXIT_BYTES = 32 * 1024;

/** Why a segment was started: why the one before it closed (`init` for the first). */
export type CreationReason =
  | 'init'
  | 'view_change'
  | 'segment_duration_limit'
  | 'segment_bytes_limit'
  | 'before_unload'
  | 'visibility_hidden'
  | 'page_frozen'
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
 * 60,000 bytes, after a large full snapshot, or when `flush(reason)` is called (view change, page hidden, stop…); the next
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
  /** JSON a segment holds at most: the byte limit times the expected compression ratio. */
  let maxJson = SEGMENT_MAX_BYTES;

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
    /**
     * How many times smaller the last segment's body was once deflated: later segments hold
     * that many times more JSON (1 to 10 times; below 1, deflate's overhead on a tiny body).
     */
    expectRatio(ratio: number) {
      if (ratio > 0) maxJson = SEGMENT_MAX_BYTES * Math.min(Math.max(ratio, 1), MAX_EXPECTED_RATIO);
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
      if (open.bytes >= maxJson || (type === FULL_SNAPSHOT && open.bytes > SNAPSHOT_EXIT_BYTES))
        flush('segment_bytes_limit');
    },
    /** Whether a segment is open (it has records). */
    isOpen: () => open !== undefined,
  };
}
