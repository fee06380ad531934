import { compareSegments } from '@rumkit/core/replay';
import type { SegmentRow } from './types.js';

/**
 * Replay segments in play order, compareSegments' order on the index's rows. Engines sort with
 * it after their ORDER BY: SQL compares ids by bytes, the play order as JavaScript does.
 */
export function playOrder(a: SegmentRow, b: SegmentRow): number {
  return compareSegments(
    { start: a.start, index_in_view: a.indexInView, view_id: a.viewId },
    { start: b.start, index_in_view: b.indexInView, view_id: b.viewId },
  );
}
