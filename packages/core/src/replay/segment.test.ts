import { describe, expect, it } from 'vitest';
import {
  mergeSegmentRecords,
  parseSegmentBody,
  parseSegmentMeta,
  REPLAY_FIRST_PART_MS,
  replayPartSegments,
  SegmentMetaError,
} from './segment.js';

const fields = {
  app_id: 'shop',
  session_id: 's1',
  view_id: 'v1',
  start: '1700000000000',
  end: '1700000004000',
  creation_reason: 'init',
  records_count: '12',
  has_full_snapshot: 'true',
  index_in_view: '0',
  source: 'browser',
  sdk_name: 'df_web_rum_sdk',
  sdk_version: '3.2.1',
  raw_segment_size: '5120',
};

describe('parseSegmentMeta', () => {
  it('reads the form fields of an upload, typed', () => {
    expect(parseSegmentMeta(fields)).toMatchObject({
      app_id: 'shop',
      start: 1700000000000,
      end: 1700000004000,
      records_count: 12,
      has_full_snapshot: true,
      index_in_view: 0,
      raw_segment_size: 5120,
      sdk_name: 'df_web_rum_sdk',
    });
  });

  it('keeps fields it does not know, and defaults the source', () => {
    const { source, ...rest } = fields;
    const meta = parseSegmentMeta({ ...rest, env: 'prod', custom_thing: 'x' });
    expect(meta.source).toBe('browser');
    expect(meta.custom_thing).toBe('x');
  });

  it.each([
    [{ session_id: undefined }, 'session_id', /session_id is required/],
    [{ start: 'soon' }, 'start', /start/],
    [{ end: '1600000000000' }, 'end', /end must not be before start/],
    [{ has_full_snapshot: 'maybe' }, 'has_full_snapshot', /has_full_snapshot/],
    [{ creation_reason: 'Not A Reason' }, 'creation_reason', /snake_case/],
    [{ index_in_view: '-1' }, 'index_in_view', /index_in_view/],
  ])('refuses %j, naming %s', (change, field, message) => {
    const input: Record<string, unknown> = { ...fields, ...change };
    for (const key of Object.keys(change))
      if ((change as Record<string, unknown>)[key] === undefined) delete input[key];
    let thrown: unknown;
    try {
      parseSegmentMeta(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegmentMetaError);
    expect((thrown as SegmentMetaError).field).toBe(field);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('parseSegmentBody', () => {
  it('gives the records and the metadata beside them', () => {
    const body = parseSegmentBody(
      JSON.stringify({
        records: [{ type: 4, timestamp: 1, data: { href: 'x' } }],
        view: { id: 'v' },
      }),
    );
    expect(body.records).toEqual([{ type: 4, timestamp: 1, data: { href: 'x' } }]);
    expect(body.view).toEqual({ id: 'v' });
  });

  it.each([
    ['not json', /not JSON/],
    ['[]', /"records" array/],
    ['{"records":{}}', /"records" array/],
    ['{"records":[{"type":"2","timestamp":1}]}', /record 0 must be an object/],
    ['{"records":[{"type":2}]}', /record 0/],
  ])('refuses %s', (json, message) => {
    expect(() => parseSegmentBody(json)).toThrow(message);
  });
});

describe('mergeSegmentRecords', () => {
  it('plays segments by start, then index in view', () => {
    const segment = (view_id: string, start: number, index_in_view: number) => ({
      view_id,
      start,
      index_in_view,
      records: [{ type: 3, timestamp: start, data: { view_id, index_in_view } }],
    });
    const merged = mergeSegmentRecords([
      segment('v2', 300, 0),
      segment('v1', 100, 1),
      segment('v1', 100, 0),
      segment('v1', 200, 2),
    ]);
    expect(merged.map((r) => r.data)).toEqual([
      { view_id: 'v1', index_in_view: 0 },
      { view_id: 'v1', index_in_view: 1 },
      { view_id: 'v1', index_in_view: 2 },
      { view_id: 'v2', index_in_view: 0 },
    ]);
  });
});

describe('replayPartSegments', () => {
  const at = (...seconds: number[]) => seconds.map((s) => ({ start: s * 1000 }));
  const starts = (segments: { start: number }[]) => segments.map((s) => s.start / 1000);
  const all = at(0, 5, 30, 59, 60, 65, 300, 600);

  it('the first part: the segments that start in the first minute', () => {
    expect(REPLAY_FIRST_PART_MS).toBe(60_000);
    expect(starts(replayPartSegments(all, { part: 'first' }))).toEqual([0, 5, 30, 59]);
    expect(starts(replayPartSegments(all, { part: 'rest' }))).toEqual([60, 65, 300, 600]);
  });

  it('reaches 10 s past the moment the player opens at, when that is further', () => {
    expect(starts(replayPartSegments(all, { part: 'first', at: 295_000 }))).toEqual([
      0, 5, 30, 59, 60, 65, 300,
    ]);
    expect(starts(replayPartSegments(all, { part: 'rest', at: 295_000 }))).toEqual([600]);
    // A moment before the recording: the first minute still.
    expect(starts(replayPartSegments(all, { part: 'first', at: 0 }))).toHaveLength(4);
  });

  it('holds at least one segment; every segment when the part is all or not said', () => {
    const far = at(0, 600);
    expect(starts(replayPartSegments(far, { part: 'first' }))).toEqual([0]);
    expect(starts(replayPartSegments(far, { part: 'rest' }))).toEqual([600]);
    expect(replayPartSegments(all, {})).toEqual(all);
    expect(replayPartSegments(all, { part: 'all', at: 1 })).toEqual(all);
    expect(replayPartSegments([], { part: 'first' })).toEqual([]);
    expect(replayPartSegments([], { part: 'rest' })).toEqual([]);
  });
});
