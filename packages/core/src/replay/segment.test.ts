import { describe, expect, it } from 'vitest';
import {
  mergeSegmentRecords,
  parseSegmentBody,
  parseSegmentMeta,
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
