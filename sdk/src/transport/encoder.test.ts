import { decodeLines } from '@rumkit/core/protocol';
import { describe, expect, it } from 'vitest';
import { toCheckedPoint } from '../../test/schema.js';
import type { RumEvent } from '../types.js';
import { encodeEvent, toPoint, toWireName } from './encoder.js';

const event = (extra: Record<string, unknown>): RumEvent => ({
  type: 'resource',
  date: 1_767_225_600_123,
  context: {},
  appId: 'shop',
  viewId: 'v1',
  ...extra,
});

describe('the encoder', () => {
  it('writes Guance’s snake_case names from the camelCase internals', () => {
    expect(toWireName('resourceUrlPathGroup')).toBe('resource_url_path_group');
    expect(toWireName('userid')).toBe('userid');
  });

  it('puts tags and fields where Guance does, with the wire’s value forms', () => {
    const point = toCheckedPoint(
      event({
        isSignin: true,
        resourceStatus: 200,
        resourceUrl: 'https://a.example/x',
        resourceUrlQuery: { q: '1' },
        duration: 1_500_000,
        isLogin: false,
      }),
    );
    expect(point.tags).toMatchObject({
      app_id: 'shop',
      is_signin: 'T',
      resource_status: '200',
      view_id: 'v1',
    });
    expect(point.fields).toMatchObject({
      resource_url: 'https://a.example/x',
      resource_url_query: '{"q":"1"}',
      duration: 1_500_000,
      is_login: false,
    });
    expect(point.time).toBe(1_767_225_600_123);
  });

  it('leaves out empty and non-finite values and flattens newlines in tags', () => {
    const point = toPoint(
      event({ viewName: 'a\nb', env: '', duration: Number.NaN, traceId: undefined }),
    );
    expect(point.tags.view_name).toBe('a b');
    expect('env' in point.tags || 'duration' in point.fields || 'trace_id' in point.tags).toBe(
      false,
    );
  });

  it('sends custom context as fields listed in custom_keys, dropping names that clash', () => {
    const point = toCheckedPoint(
      event({
        resourceUrl: 'https://a.example/x',
        context: {
          plan: 'pro',
          cart: { items: 2 },
          resource_url: 'spoofed',
          session_id: 'spoofed',
          ok: true,
        },
      }),
    );
    expect(point.fields).toMatchObject({
      plan: 'pro',
      cart: '{"items":2}',
      ok: true,
      resource_url: 'https://a.example/x',
    });
    expect(point.tags.session_id).toBeUndefined();
    expect(JSON.parse(String(point.fields.custom_keys))).toEqual(['plan', 'cart', 'ok']);
  });

  it('gives one line that DataKit’s parser reads back, escapes included', () => {
    const line = encodeEvent(event({ viewName: 'a b,c=d"e', errorMessage: 'say "hi"\nbye\\' }));
    expect(line.includes('\n') && !line.includes('\\n')).toBe(true);
    const [point] = decodeLines(line, { precision: 'ms' });
    expect(point?.tags.view_name).toBe('a b,c=d"e');
    expect(point?.fields.error_message).toBe('say "hi"\nbye\\');
  });

  it('throws (the transport drops and counts) on a point the intake would refuse', () => {
    expect(() => encodeEvent({ type: 'view', date: 1, context: {} })).toThrow();
  });
});
