import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLines } from './decode.js';
import { encodeLines } from './encode.js';

// test/fixtures, which vitest names in RUMKIT_FIXTURES.
const body = readFileSync(path.join(process.env.RUMKIT_FIXTURES!, 'datakit-rum-sample.lp'), 'utf8');

describe('the real body sent by Guance web SDK 2.0.15', () => {
  const points = decodeLines(body, { precision: 'ms' });

  it('holds nine points: three resources, three long tasks, two errors and one view', () => {
    expect(points.map((p) => p.measurement)).toEqual([
      'resource',
      'long_task',
      'resource',
      'resource',
      'long_task',
      'long_task',
      'error',
      'error',
      'view',
    ]);
  });

  it('unescapes the tag values', () => {
    for (const point of points) {
      expect(point.tags).toMatchObject({
        sdk_name: 'df_web_rum_sdk',
        sdk_version: '2.0.15',
        app_id: 'appid_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        os: 'Mac OS',
        is_signin: 'F',
        screen_size: '2560*1440',
        view_url: 'http://localhost:5500/dist/',
        view_url_query: '{}',
      });
    }
    expect(points[0]?.tags.resource_url_path_group).toBe('/browser-sdk/?/dataflux-rum.js');
    expect(points[8]?.tags).toMatchObject({ view_loading_type: 'initial_load', is_active: 'true' });
  });

  it('reads integers sent without a suffix as numbers', () => {
    expect(points[0]?.fields).toEqual({ duration: 0 });
    expect(points[1]?.fields).toEqual({ duration: 158000000 });
    expect(points[2]?.fields).toEqual({
      duration: 25300000,
      resource_ttfb: 4900000,
      resource_trans: 1300000,
      resource_first_byte: 16100000,
    });
    expect(points[8]?.fields).toMatchObject({
      view_error_count: 2,
      cumulative_layout_shift: 0,
      loading_time: 1252500000,
      time_spent: 23318700000,
    });
  });

  it('keeps the real newlines and tabs of the error stacks', () => {
    const stack = 'TypeError\n\tat <anonymous> @ http://localhost:5500/dist/bundle.js:1:821';
    expect(points[6]?.fields).toEqual({
      error_message: 'l.aa is not a function',
      error_stack: stack,
    });
    expect(points[7]?.fields.error_stack).toBe(stack);
    expect(points[6]?.tags).toMatchObject({ error_source: 'source', error_type: 'TypeError' });
  });

  it('reads the millisecond timestamps, also when the precision is guessed', () => {
    expect(points.map((p) => p.time)).toEqual([
      1636524705407, 1636524705407, 1636524705288, 1636524705407, 1636524705588, 1636524705819,
      1636524715601, 1636524725599, 1636524705288,
    ]);
    expect(decodeLines(body)).toEqual(points);
  });

  it('comes back the same after encoding', () => {
    expect(decodeLines(encodeLines(points))).toEqual(points);
  });
});
