import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../../test/helpers.js';
import type { RequestInfo } from '../../browser/requests.js';
import type { TraceType } from '../../types.js';
import { createTracer } from './tracing.js';

function trace(
  traceType: TraceType,
  options: { sampleRate?: number; tracked?: boolean; url?: string; bits128?: boolean } = {},
) {
  const config = makeConfig({
    env: 'prod',
    version: '1.2.3',
    allowedTracingUrls: ['https://api.example'],
    traceType,
    tracingSampleRate: options.sampleRate ?? 100,
    traceId128Bit: options.bits128,
  });
  const request: RequestInfo = {
    kind: 'fetch',
    url: options.url ?? 'https://api.example/items',
    method: 'GET',
    startTime: 0,
  };
  const headers: Record<string, string> = {};
  createTracer(config, () => options.tracked ?? true)(request, (name, value) => {
    headers[name] = value;
  });
  return { headers, request };
}

describe('trace headers', () => {
  it('ddtrace: decimal ids, origin rum, priority 2 when sampled and -1 when not', () => {
    const { headers, request } = trace('ddtrace');
    expect(headers).toEqual({
      'x-datadog-trace-id': request.traceId,
      'x-datadog-parent-id': request.spanId,
      'x-datadog-origin': 'rum',
      'x-datadog-sampling-priority': '2',
    });
    expect(request.traceId).toMatch(/^\d{1,19}$/);
    expect(BigInt(request.traceId as string) < 2n ** 63n).toBe(true);
    const unsampled = trace('ddtrace', { sampleRate: 0 });
    expect(unsampled.headers['x-datadog-sampling-priority']).toBe('-1');
    expect(unsampled.request.traceId).toBeUndefined();
  });

  it('zipkin: X-B3 headers, 64-bit or 128-bit trace ids', () => {
    const { headers, request } = trace('zipkin');
    expect(headers).toEqual({
      'X-B3-TraceId': request.traceId,
      'X-B3-SpanId': request.spanId,
      'X-B3-Sampled': '1',
    });
    expect(request.traceId).toMatch(/^[0-9a-f]{16}$/);
    expect(trace('zipkin', { bits128: true }).request.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('zipkin_single_header: b3', () => {
    const { headers, request } = trace('zipkin_single_header', { sampleRate: 0 });
    expect(headers.b3).toMatch(/^[0-9a-f]{16}-[0-9a-f]{16}-0$/);
    expect(request.traceId).toBeUndefined();
  });

  it('w3c_traceparent: traceparent with a 128-bit trace id', () => {
    const { headers, request } = trace('w3c_traceparent');
    expect(headers.traceparent).toBe(`00-${request.traceId}-${request.spanId}-01`);
    expect(request.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('jaeger: uber-trace-id', () => {
    const { headers, request } = trace('jaeger');
    expect(headers['uber-trace-id']).toBe(`${request.traceId}:${request.spanId}:0:1`);
  });

  it('skywalking_v3: sw8 with the app, version, page and peer in base64', () => {
    const { headers, request } = trace('skywalking_v3');
    const parts = (headers.sw8 as string).split('-');
    const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    expect(parts).toEqual([
      '1',
      b64(request.traceId as string),
      b64(request.spanId as string),
      '0',
      b64('test_app_rum_prod'),
      b64('1.2.3'),
      b64(location.href),
      b64('api.example'),
    ]);
  });

  it('leaves requests alone outside allowedTracingUrls and in untracked sessions', () => {
    expect(trace('ddtrace', { url: 'https://other.example/x' }).headers).toEqual({});
    expect(trace('ddtrace', { tracked: false }).headers).toEqual({});
  });

  it('lets a rule choose its own traceType', () => {
    const config = makeConfig({
      allowedTracingUrls: [{ match: /api/, traceType: 'jaeger' }],
      traceType: 'zipkin',
    });
    const headers: Record<string, string> = {};
    createTracer(config, () => true)(
      { kind: 'xhr', url: 'https://api.example/', method: 'GET', startTime: 0 },
      (n, v) => {
        headers[n] = v;
      },
    );
    expect(Object.keys(headers)).toEqual(['uber-trace-id']);
  });
});
