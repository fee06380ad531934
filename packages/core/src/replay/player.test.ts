import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../api/index.js';
import {
  currentReplayItem,
  currentReplayView,
  formatReplayClock,
  fromReplayOffset,
  INACTIVITY_GAP_MS,
  inactivePeriods,
  inactivityThreshold,
  playableRecords,
  playableRest,
  recordingPlacement,
  replayHref,
  replayItems,
  replaySpan,
  rrwebGotoOffset,
  toReplayOffset,
} from './player.js';
import { withoutScripts } from './scripts.js';
import type { ReplayRecord } from './segment.js';

const T = 1_790_000_000_000;
const meta = (at: number): ReplayRecord => ({
  type: 4,
  timestamp: T + at,
  data: { href: 'https://shop.example.com/', width: 1024, height: 640 },
});
const snapshot = (at: number): ReplayRecord => ({
  type: 2,
  timestamp: T + at,
  data: { node: { type: 0, id: 1, childNodes: [] }, initialOffset: { top: 0, left: 0 } },
});
const move = (at: number): ReplayRecord => ({
  type: 3,
  timestamp: T + at,
  data: { source: 1, positions: [{ x: 1, y: 2, id: 1, timeOffset: 0 }] },
});
const mutation = (at: number): ReplayRecord => ({
  type: 3,
  timestamp: T + at,
  data: { source: 0, adds: [], removes: [], texts: [], attributes: [] },
});

describe('playableRecords', () => {
  it('keeps a real rrweb recording whole, starting when the page is on screen', () => {
    const file = path.join(process.env.RUMKIT_FIXTURES ?? '', 'replay/checkout.json');
    const { records } = JSON.parse(readFileSync(file, 'utf8')) as { records: ReplayRecord[] };
    const [meta, snapshot] = records as [ReplayRecord, ReplayRecord];
    expect([meta.type, snapshot.type]).toEqual([4, 2]);
    // rrweb stamps the Meta before it serialises the page, the snapshot after.
    expect(snapshot.timestamp).toBeGreaterThan(meta.timestamp);
    // Whole but for the recorded page's scripts (its <script> elements).
    expect(playableRecords(records)).toEqual({
      records: [
        { ...meta, timestamp: snapshot.timestamp },
        ...records.slice(1).map(withoutScripts),
      ],
      dropped: 0,
    });
    expect(JSON.stringify(records[1])).toContain('"tagName":"script"');
    expect(JSON.stringify(playableRecords(records).records[1])).not.toContain('"tagName":"script"');
  });

  it('drops the records of Datadog-derived SDKs that rrweb does not play, rather than crash', () => {
    const focus = { type: 6, timestamp: T + 1, data: { has_focus: true } };
    const viewEnd = { type: 7, timestamp: T + 50 };
    const viewport = { type: 8, timestamp: T + 20, data: { scale: 1, offsetLeft: 0 } };
    const frustration = { type: 9, timestamp: T + 30, data: { frustrationTypes: ['rage_click'] } };
    const plugin = { type: 6, timestamp: T + 40, data: { plugin: 'rrweb/console@1', payload: {} } };
    const { records, dropped } = playableRecords([
      meta(0),
      focus,
      snapshot(2),
      move(10),
      viewport,
      frustration,
      plugin,
      viewEnd,
    ]);
    expect(records.map((r) => r.type)).toEqual([4, 2, 3, 6]);
    expect(dropped).toBe(4);
  });

  it('drops records of a known type without the data rrweb reads', () => {
    const { records } = playableRecords([
      meta(0),
      snapshot(1),
      { type: 3, timestamp: T + 2 },
      { type: 4, timestamp: T + 3, data: { href: 'x' } },
      { type: 2, timestamp: T + 4, data: {} },
      { type: 3, timestamp: Number.NaN, data: { source: 1 } },
      move(5),
    ]);
    expect(records.map((r) => [r.type, r.timestamp - T])).toEqual([
      [4, 1],
      [2, 1],
      [3, 5],
    ]);
  });

  it('sorts by time, keeping the order of records of one millisecond', () => {
    const { records } = playableRecords([move(9), meta(0), snapshot(0), mutation(3)]);
    expect(records.map((r) => [r.type, r.timestamp - T])).toEqual([
      [4, 0],
      [2, 0],
      [3, 3],
      [3, 9],
    ]);
  });

  it('starts at the first full snapshot, led by the Meta before it', () => {
    // A segment from the error buffer can begin mid-page: its changes have nothing to apply to.
    const { records, dropped } = playableRecords([
      mutation(0),
      move(1),
      meta(2),
      move(3),
      snapshot(4),
      move(5),
    ]);
    expect(records.map((r) => [r.type, r.timestamp - T])).toEqual([
      [4, 4],
      [2, 4],
      [3, 5],
    ]);
    expect(dropped).toBe(3);
  });

  it('has nothing to play without a Meta and a full snapshot', () => {
    expect(playableRecords([snapshot(0), move(1)]).records).toEqual([]);
    expect(playableRecords([meta(0), move(1)]).records).toEqual([]);
    expect(playableRecords([]).records).toEqual([]);
  });
});

describe('playableRest', () => {
  it('keeps what the player can play of the rest, in time order, scripts out, no snapshot needed', () => {
    const script: ReplayRecord = {
      type: 3,
      timestamp: T + 90_000,
      data: {
        source: 0,
        adds: [
          {
            parentId: 1,
            nextId: null,
            node: { type: 2, id: 9, tagName: 'script', attributes: {}, childNodes: [] },
          },
        ],
        removes: [],
        texts: [],
        attributes: [],
      },
    };
    const rest = [move(95_000), { type: 7, timestamp: T + 96_000 }, script, mutation(80_000)];
    const { records, dropped } = playableRest(rest);
    expect(records.map((r) => r.timestamp - T)).toEqual([80_000, 90_000, 95_000]);
    expect(dropped).toBe(1);
    expect(records[1]).toEqual(withoutScripts(script));
    expect(JSON.stringify(records[1])).not.toContain('"script"');
    // playableRecords would play none of it: there is no snapshot to start from.
    expect(playableRecords(rest).records).toEqual([]);
  });
});

describe('time on the player', () => {
  const span = { start: T, end: T + 60_000 };

  it('spans the first to the last record', () => {
    expect(replaySpan([meta(0), snapshot(0), move(60_000)])).toEqual(span);
    expect(replaySpan([])).toBeNull();
  });

  it('spans to the end of the last segment while the rest of the records load', () => {
    const first = [meta(0), snapshot(0), move(60_000)];
    expect(replaySpan(first, [{ end: T + 50_000 }, { end: T + 300_000 }])).toEqual({
      start: T,
      end: T + 300_000,
    });
    // Segments that end earlier than the records say nothing new.
    expect(replaySpan(first, [{ end: T + 1_000 }])).toEqual(span);
  });

  it('knows the address it starts on from the Meta record', () => {
    expect(replayHref([meta(0), snapshot(0)])).toBe('https://shop.example.com/');
    expect(replayHref([snapshot(0)])).toBeUndefined();
  });

  it('maps epoch times to offsets within the recording, and back', () => {
    expect(toReplayOffset(T + 1500, span)).toBe(1500);
    expect(toReplayOffset(T - 5000, span)).toBe(0);
    expect(toReplayOffset(T + 90_000, span)).toBe(60_000);
    expect(fromReplayOffset(1500, span)).toBe(T + 1500);
  });

  it('asks rrweb for a millisecond more, so the records of the moment itself are shown', () => {
    expect(rrwebGotoOffset(0)).toBe(1);
  });

  it('writes positions as a clock', () => {
    expect(formatReplayClock(0)).toBe('0:00');
    expect(formatReplayClock(7_999)).toBe('0:07');
    expect(formatReplayClock(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatReplayClock(3_600_000 + 2 * 60_000 + 9_000)).toBe('1:02:09');
    expect(formatReplayClock(-5)).toBe('0:00');
  });
});

describe('inactivity', () => {
  it('finds gaps without input longer than a minute, as rrweb skips them', () => {
    const records = [
      meta(0),
      snapshot(0),
      move(1_000),
      mutation(30_000), // the page changing on its own is not activity
      move(95_000), // 94 s after the last input: skipped
      move(120_000), // 25 s: played
      move(240_000), // 2 min: skipped
      mutation(400_000), // after the last input: nothing to skip to
    ];
    expect(inactivePeriods(records)).toEqual([
      { start: T + 1_000, end: T + 95_000 },
      { start: T + 120_000, end: T + 240_000 },
    ]);
    expect(inactivePeriods(records, 100_000)).toEqual([{ start: T + 120_000, end: T + 240_000 }]);
    expect(inactivePeriods([])).toEqual([]);
  });

  it('counts the start as the last input', () => {
    expect(inactivePeriods([meta(0), snapshot(0), move(70_000)])).toEqual([
      { start: T, end: T + 70_000 },
    ]);
  });

  it('gives rrweb a threshold in played time, so a minute of recorded time skips at any speed', () => {
    expect(inactivityThreshold(1)).toBe(INACTIVITY_GAP_MS);
    expect(inactivityThreshold(4)).toBe(15_000);
  });
});

describe('the side list', () => {
  const event = (category: string, time: number, fields: Record<string, unknown> = {}) =>
    ({ category, time: T + time, session_id: 's', ...fields }) as EventRecord;
  const events = [
    event('view', 0, { view_id: 'v1', view_url: 'https://shop.example.com/cart' }),
    event('error', 4_000, { error_id: 'e1', error_message: 'card expired' }),
    event('action', 3_000, { action_id: 'a1', action_name: 'Place order' }),
    event('resource', 3_500, { resource_id: 'r1' }),
    event('view', 10_000, { view_id: 'v2' }),
    event('action', 12_000, { action_name: 'Continue' }),
  ];

  it('lists the views, actions and errors in time order', () => {
    const items = replayItems(events);
    expect(items.map((item) => [item.category, item.id, item.time - T])).toEqual([
      ['view', 'v1', 0],
      ['action', 'a1', 3_000],
      ['error', 'e1', 4_000],
      ['view', 'v2', 10_000],
      ['action', undefined, 12_000],
    ]);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });

  it('says which entries fall outside the recording; a page counts until the next one', () => {
    const items = replayItems([
      event('view', 0, { view_id: 'v0' }),
      event('action', 500, { action_id: 'a0' }),
      event('view', 1_000, { view_id: 'v1' }),
      event('action', 1_500, { action_id: 'a1' }),
      event('view', 9_000, { view_id: 'v2' }),
      event('error', 9_500, { error_id: 'e2' }),
    ]);
    // The recording runs from 1.2 s to 9.2 s: v1 started before it, yet is what it shows.
    expect(recordingPlacement(items, { start: T + 1_200, end: T + 9_200 })).toEqual([
      'before',
      'before',
      undefined,
      undefined,
      undefined,
      'after',
    ]);
  });

  it('marks the entry playing: the last one at or before the position', () => {
    const items = replayItems(events);
    expect(currentReplayItem(items, T - 1)).toBe(-1);
    expect(currentReplayItem(items, T)).toBe(0);
    expect(currentReplayItem(items, T + 3_999)).toBe(1);
    expect(currentReplayItem(items, T + 4_000)).toBe(2);
    expect(currentReplayItem(items, T + 60_000)).toBe(4);
    expect(currentReplayItem([], T)).toBe(-1);
  });

  it('knows the page on screen, the first one before any', () => {
    const items = replayItems(events);
    expect(currentReplayView(items, T - 500)?.id).toBe('v1');
    expect(currentReplayView(items, T + 9_999)?.id).toBe('v1');
    expect(currentReplayView(items, T + 10_000)?.id).toBe('v2');
    expect(currentReplayView([], T)).toBeUndefined();
  });
});
