import * as contract from '@rumkit/core/replay';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeClock } from '../../test/helpers.js';
import {
  type CreationReason,
  createSegmenter,
  SEGMENT_MAX_BYTES,
  SEGMENT_MAX_DURATION_MS,
  type Segment,
  SNAPSHOT_EXIT_BYTES,
} from './segments.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function setup() {
  const closed: Segment[] = [];
  const exits: boolean[] = [];
  const segmenter = createSegmenter(
    (segment, exit) => {
      closed.push(segment);
      exits.push(exit);
    },
    (fn, ms) => setTimeout(fn, ms),
  );
  segmenter.setView('session-1', 'view-1');
  const add = (type: number, at: number, size = 20) =>
    segmenter.add(
      JSON.stringify({ type, timestamp: T0 + at, data: 'x'.repeat(size) }),
      T0 + at,
      type,
    );
  return { closed, exits, segmenter, add };
}

const summary = (segments: Segment[]) =>
  segments.map((s) => [s.viewId, s.creationReason, s.indexInView, s.records.length]);

describe('segments', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it('use the shared contract’s limits and creation reasons', () => {
    expect(SEGMENT_MAX_DURATION_MS).toBe(contract.SEGMENT_MAX_DURATION_MS);
    expect(SEGMENT_MAX_BYTES).toBe(contract.SEGMENT_MAX_BYTES);
    const reasons: CreationReason[] = [
      'init',
      'view_change',
      'segment_duration_limit',
      'segment_bytes_limit',
      'before_unload',
      'visibility_hidden',
      'page_frozen',
      'buffer_checkout',
      'stop',
    ];
    for (const reason of reasons) expect(contract.CREATION_REASONS).toContain(reason);
  });

  it('the first segment says init; each says why the one before it closed', () => {
    const { closed, segmenter, add } = setup();
    add(4, 0);
    add(2, 1);
    segmenter.flush('visibility_hidden');
    add(3, 2);
    segmenter.flush('before_unload', true);
    add(3, 3);
    segmenter.flush('stop');
    add(3, 4);
    segmenter.flush('view_change');
    expect(closed.map((s) => s.creationReason)).toEqual([
      'init',
      'visibility_hidden',
      'before_unload',
      'stop',
    ]);
  });

  it('hold one view’s records each, counted per view with index_in_view', () => {
    const { closed, segmenter, add } = setup();
    add(4, 0);
    segmenter.flush('visibility_hidden');
    add(3, 10);
    segmenter.flush('view_change');
    segmenter.setView('session-1', 'view-2');
    add(4, 20);
    segmenter.flush('visibility_hidden');
    add(3, 30);
    segmenter.flush('visibility_hidden');
    expect(summary(closed)).toEqual([
      ['view-1', 'init', 0, 1],
      ['view-1', 'visibility_hidden', 1, 1],
      ['view-2', 'view_change', 0, 1],
      ['view-2', 'visibility_hidden', 1, 1],
    ]);
  });

  it('close 5 s after their first record, on a timer or when a later record arrives', () => {
    const { closed, add } = setup();
    add(3, 0);
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS - 1);
    expect(closed).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(summary(closed)).toEqual([['view-1', 'init', 0, 1]]);
    // Timers of a hidden tab may be late: the record itself tells.
    add(3, 10_000);
    add(3, 15_000);
    expect(summary(closed).slice(1)).toEqual([['view-1', 'segment_duration_limit', 1, 1]]);
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    expect(closed.map((s) => s.creationReason)).toEqual([
      'init',
      'segment_duration_limit',
      'segment_duration_limit',
    ]);
  });

  it('close past 60,000 bytes of JSON while no compression ratio is known', () => {
    const { closed, add } = setup();
    for (let i = 0; i < 7; i++) add(3, i, 10_000);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.records).toHaveLength(6);
    expect(closed[0]?.bytes).toBeGreaterThanOrEqual(SEGMENT_MAX_BYTES);
    add(3, 8);
    vi.advanceTimersByTime(SEGMENT_MAX_DURATION_MS);
    expect(closed[1]).toMatchObject({ creationReason: 'segment_bytes_limit', indexInView: 1 });
    expect(closed[1]?.records).toHaveLength(2);
  });

  it('hold as much more JSON as the last segment deflated to less, 1 to 10 times', () => {
    const { closed, segmenter, add } = setup();
    /** Adds records of ~9,950 bytes until a segment closes: how many it took. */
    let at = 0;
    const fill = () => {
      const before = closed.length;
      let count = 0;
      while (closed.length === before) {
        add(3, at++, 9_900);
        count++;
      }
      return count;
    };
    const record = JSON.stringify({ type: 3, timestamp: T0, data: 'x'.repeat(9_900) }).length + 1;
    const expected = (json: number) => Math.ceil(json / record);
    // Past 60,000 bytes deflated, at a ratio of 4: 240,000 bytes of JSON.
    segmenter.expectRatio(4);
    expect(fill()).toBe(expected(4 * SEGMENT_MAX_BYTES));
    // However well it deflates: 10 times at most.
    segmenter.expectRatio(1000);
    expect(fill()).toBe(expected(10 * SEGMENT_MAX_BYTES));
    // A tiny body deflates to more bytes than it had: never fewer than 60,000 bytes of JSON.
    segmenter.expectRatio(0.5);
    expect(fill()).toBe(expected(SEGMENT_MAX_BYTES));
    expect(closed.map((s) => s.creationReason)).toEqual([
      'init',
      'segment_bytes_limit',
      'segment_bytes_limit',
    ]);
  });

  it('keep a full snapshot with the Meta record before it, and say they have one', () => {
    const { closed, add } = setup();
    add(3, 0);
    add(4, SEGMENT_MAX_DURATION_MS - 1);
    add(2, SEGMENT_MAX_DURATION_MS + 30, 100_000);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.records.map((r) => JSON.parse(r).type)).toEqual([3, 4, 2]);
    expect(closed[0]).toMatchObject({
      hasFullSnapshot: true,
      start: T0,
      end: T0 + SEGMENT_MAX_DURATION_MS + 30,
    });
  });

  it('close after a full snapshot too large for a page exit, so it is deflated while the page lives', () => {
    const { closed, segmenter, add } = setup();
    // Room for ten times more JSON than the snapshot (it deflated well), but a page exit sends
    // JSON as it is, and its requests carry 64 KiB at most.
    segmenter.expectRatio(10);
    add(4, 0);
    add(2, 1, SNAPSHOT_EXIT_BYTES);
    expect(summary(closed)).toEqual([['view-1', 'init', 0, 2]]);
    add(3, 2);
    segmenter.flush('visibility_hidden', true);
    expect(summary(closed)).toEqual([
      ['view-1', 'init', 0, 2],
      ['view-1', 'segment_bytes_limit', 1, 1],
    ]);

    // A small page's snapshot stays with the records after it.
    segmenter.setView('session-1', 'view-2');
    add(4, 10);
    add(2, 11, SNAPSHOT_EXIT_BYTES - 200);
    add(3, 12);
    expect(closed).toHaveLength(2);
  });

  it('pass page exits on', () => {
    const { exits, segmenter, add } = setup();
    add(3, 0);
    segmenter.flush('before_unload', true);
    expect(exits).toEqual([true]);
    // Nothing open: nothing to send.
    segmenter.flush('before_unload', true);
    expect(exits).toEqual([true]);
  });
});
