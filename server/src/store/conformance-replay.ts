// The index of session replay segments: part of the EventStore conformance suite. Test-only,
// called by describeEventStore.
import { expect, it } from 'vitest';
import { HOUR, MIN, T0, view } from './conformance-rows.js';
import type { EventStore, SegmentRow } from './types.js';

const DAY = 24 * HOUR;

export function segment(
  viewId: string,
  start: number,
  indexInView: number,
  extra: Partial<SegmentRow> = {},
): SegmentRow {
  const row = {
    workspaceId: 'ws_a',
    appId: 'shop',
    sessionId: 's1',
    viewId,
    start,
    end: start + 4000,
    indexInView,
    recordsCount: 12,
    hasFullSnapshot: indexInView === 0,
    creationReason: indexInView === 0 ? 'init' : 'segment_duration_limit',
    source: 'browser',
    rawSegmentSize: 6000,
    blobSize: 900,
    ...extra,
  };
  return {
    blobKey: `${row.workspaceId}/${row.sessionId}/${viewId}-${indexInView}-${start}.z`,
    ...row,
  };
}

/** The tests; `start` opens the engine's store (closed after each test by the caller). */
export function describeReplayConformance(start: () => Promise<EventStore>) {
  it("gives a session's segments in play order: by start, then index in view, then view", async () => {
    const store = await start();
    await store.writeSegments([
      segment('v2', T0 + MIN, 0),
      segment('v1', T0 + 5000, 1, { rawSegmentSize: null }),
      segment('v1', T0, 0),
    ]);
    // Two tabs' segments starting in the same millisecond.
    await store.writeSegments([segment('vB', T0 + 2 * MIN, 3), segment('vA', T0 + 2 * MIN, 3)]);
    await store.writeSegments([segment('v1', T0, 0, { sessionId: 's2' })]);
    const found = await store.segments('ws_a', 's1', 0, T0 + DAY);
    expect(found.map((s) => [s.viewId, s.indexInView, s.start])).toEqual([
      ['v1', 0, T0],
      ['v1', 1, T0 + 5000],
      ['v2', 0, T0 + MIN],
      ['vA', 3, T0 + 2 * MIN],
      ['vB', 3, T0 + 2 * MIN],
    ]);
    expect(found[0]).toEqual(segment('v1', T0, 0));
    expect(found[1]?.rawSegmentSize).toBeNull();
    expect(await store.segments('ws_a', 'nope', 0, T0 + DAY)).toEqual([]);
  });

  it('keeps to the range asked: segments that end at or after `from` and start before `to`', async () => {
    const store = await start();
    await store.writeSegments([segment('v1', T0, 0), segment('v1', T0 + 10_000, 1)]);
    const starts = async (from: number, to: number) =>
      (await store.segments('ws_a', 's1', from, to)).map((s) => s.start);
    expect(await starts(T0 + 4000, T0 + 10_001)).toEqual([T0, T0 + 10_000]);
    expect(await starts(T0 + 4001, T0 + 10_000)).toEqual([]);
    expect(await starts(0, T0 + 10_000)).toEqual([T0]);
  });

  it('keeps one copy of a segment sent again, the later one', async () => {
    const store = await start();
    await store.writeSegments([segment('v1', T0, 0, { blobSize: 100 })]);
    await store.writeSegments([segment('v1', T0, 0, { blobSize: 200 })]);
    await store.writeSegments([segment('v1', T0, 0, { blobSize: 300 }), segment('v1', T0, 1)]);
    const found = await store.segments('ws_a', 's1', 0, T0 + DAY);
    expect(found.map((s) => [s.indexInView, s.blobSize])).toEqual([
      [0, 300],
      [1, 900],
    ]);
  });

  it('keeps workspaces apart, even for equal session ids', async () => {
    const store = await start();
    await store.writeSegments([
      segment('v1', T0, 0),
      segment('v1', T0, 0, { workspaceId: 'ws_b' }),
    ]);
    const a = await store.segments('ws_a', 's1', 0, T0 + DAY);
    const b = await store.segments('ws_b', 's1', 0, T0 + DAY);
    expect(a.map((s) => s.workspaceId)).toEqual(['ws_a']);
    expect(b).toEqual([segment('v1', T0, 0, { workspaceId: 'ws_b' })]);
    await store.deleteWorkspace('ws_b');
    expect(await store.segments('ws_b', 's1', 0, T0 + DAY)).toEqual([]);
    expect(await store.segments('ws_a', 's1', 0, T0 + DAY)).toHaveLength(1);
  });

  it('deletes the segments that ended before the cut with the records, and names their blobs', async () => {
    const store = await start();
    const old = T0 - 10 * DAY;
    await store.write([view('v-old', 's-old', old, 1000), view('v1', 's1', T0, 1000)]);
    await store.writeSegments([
      segment('v-old', old, 0, { sessionId: 's-old' }),
      // Ends just after the cut: kept, as memory's retention keeps it.
      segment('v-edge', T0 - 7 * DAY - 3999, 0, { sessionId: 's-old' }),
      segment('v1', T0, 0),
      segment('v-old', old, 0, { sessionId: 's-old', workspaceId: 'ws_b' }),
    ]);
    const result = await store.deleteOlderThan([{ workspaceId: 'ws_a', before: T0 - 7 * DAY }]);
    expect(result.deleted).toBe(2); // the old view and its session
    expect(result.segmentBlobs).toEqual([segment('v-old', old, 0, { sessionId: 's-old' }).blobKey]);
    expect((await store.segments('ws_a', 's-old', 0, T0 + DAY)).map((s) => s.viewId)).toEqual([
      'v-edge',
    ]);
    expect(await store.segments('ws_a', 's1', 0, T0 + DAY)).toHaveLength(1);
    expect(await store.segments('ws_b', 's-old', 0, T0 + DAY)).toHaveLength(1);
    expect(
      (await store.deleteOlderThan([{ workspaceId: 'ws_a', before: T0 - 7 * DAY }])).segmentBlobs,
    ).toEqual([]);
  });

  it('marks a session as having a replay once, however many segments say so', async () => {
    const store = await start();
    await store.write([view('v1', 's1', T0, 1000)]);
    for (let i = 0; i < 3; i++) await store.markReplay('ws_a', 's1');
    // A session with no event yet is not made up.
    await store.markReplay('ws_a', 's-none');
    const sessions = await store.list({
      category: 'session',
      workspaceId: 'ws_a',
      from: T0 - HOUR,
      to: T0 + HOUR,
    });
    expect(sessions.map((s) => [s.session_id, s.session_has_replay])).toEqual([['s1', true]]);
    // A later batch of the session keeps the mark.
    await store.write([view('v2', 's1', T0 + MIN, 1000)]);
    const [session] = await store.list({
      category: 'session',
      workspaceId: 'ws_a',
      from: T0,
      to: T0 + 1,
    });
    expect(session).toMatchObject({ session_view_count: 2, session_has_replay: true });
  });
}
