import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLines } from '../protocol/index.js';
import { checkPoint, type DecodedPoint } from './check.js';

// The real body of Guance's web SDK 2.0.15 (test/fixtures), decoded by the real codec.
const fixture = readFileSync(
  path.join(process.env.RUMKIT_FIXTURES!, 'datakit-rum-sample.lp'),
  'utf8',
);

function point(overrides: Partial<DecodedPoint> = {}): DecodedPoint {
  return {
    measurement: 'resource',
    tags: { app_id: 'appid_1', resource_status: '200', ...overrides.tags },
    fields: { duration: 25300000, ...overrides.fields },
    time: 1636524705288,
    ...(overrides.measurement ? { measurement: overrides.measurement } : {}),
  };
}

describe('checkPoint', () => {
  it("accepts every point of the web SDK's real payload", () => {
    const points = decodeLines(fixture, { precision: 'ms' });
    expect(points).toHaveLength(9);
    expect(points[0]?.tags.os).toBe('Mac OS');
    expect(points[6]?.fields.error_stack).toContain('\n\tat <anonymous>');
    for (const p of points) expect(checkPoint(p), p.measurement).toEqual([]);
  });

  it('accepts a catalogued field sent as a tag, as the fixture does with view_url_query', () => {
    expect(checkPoint(point({ tags: { view_url_query: '{}', is_active: 'true' } }))).toEqual([]);
    expect(
      checkPoint(point({ fields: { resource_url: 'https://a.b/c', resource_status: 404 } })),
    ).toEqual([]);
  });

  it('accepts integers sent as integral floats, bigints or text', () => {
    expect(checkPoint(point({ fields: { duration: 1.5e6 } }))).toEqual([]);
    expect(checkPoint(point({ fields: { duration: 25300000n } }))).toEqual([]);
    expect(checkPoint(point({ fields: { duration: '25300000' } }))).toEqual([]);
  });

  it('treats names it does not know as custom context', () => {
    const custom = point({
      tags: { team: 'checkout' },
      fields: { cart_items: 3, track_id: 'rtrace_1' },
    });
    expect(checkPoint(custom)).toEqual([]);
  });

  it('names the field, the expected type and the value when a duration is not a number', () => {
    expect(checkPoint(point({ fields: { duration: 'abc' } }))).toEqual([
      { key: 'duration', message: 'duration must be an integer (ns), got "abc"' },
    ]);
  });

  it('rejects a fractional number for an integer field', () => {
    expect(checkPoint(point({ fields: { view_error_count: 1.5 } }))).toEqual([
      { key: 'view_error_count', message: 'view_error_count must be an integer, got 1.5' },
    ]);
  });

  it('rejects a numeric tag whose text is not a number', () => {
    expect(checkPoint(point({ tags: { resource_status: 'abc' } }))).toEqual([
      { key: 'resource_status', message: 'resource_status must be an integer, got "abc"' },
    ]);
  });

  it('rejects a boolean tag that is not T/F or true/false', () => {
    expect(checkPoint(point({ tags: { is_signin: 'maybe' } }))).toEqual([
      { key: 'is_signin', message: 'is_signin must be a boolean (T/F), got "maybe"' },
    ]);
    expect(checkPoint(point({ tags: { is_signin: 'T' }, fields: { is_login: true } }))).toEqual([]);
  });

  it('rejects a number where text or JSON is expected', () => {
    expect(checkPoint(point({ fields: { error_message: 42, view_url_query: false } }))).toEqual([
      { key: 'error_message', message: 'error_message must be a string, got 42' },
      { key: 'view_url_query', message: 'view_url_query must be a JSON string, got false' },
    ]);
  });

  it('requires the app_id tag', () => {
    const noAppId = { measurement: 'view', tags: {}, fields: { app_id: 'appid_1' } };
    expect(checkPoint(noAppId)).toEqual([
      { key: 'app_id', message: 'the app_id tag is required (it was sent as a field)' },
    ]);
    expect(checkPoint({ measurement: 'view', tags: { app_id: '' }, fields: {} })).toEqual([
      { key: 'app_id', message: 'the app_id tag is required' },
    ]);
  });

  it('only accepts the measurements DataKit accepts', () => {
    expect(checkPoint(point({ measurement: 'telemetry' }))).toEqual([]);
    expect(checkPoint(point({ measurement: 'pageview' }))).toEqual([
      {
        key: 'measurement',
        message:
          'unknown measurement "pageview"; expected one of view, resource, error, long_task, action, telemetry',
      },
    ]);
    expect(checkPoint(point({ measurement: 'session' }))).toEqual([
      {
        key: 'measurement',
        message: 'session records are derived by the server and cannot be sent',
      },
    ]);
  });

  it('rejects a time that is not a finite number', () => {
    expect(checkPoint({ ...point(), time: Number.NaN })).toEqual([
      { key: 'time', message: 'time must be a finite number, got NaN' },
    ]);
  });
});
