import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fakePerformanceObserver,
  type Recorded,
  recordLifeCycle,
  resourceEntry,
} from '../../../test/helpers.js';
import { checkRaw } from '../../../test/schema.js';
import type { RequestInfo } from '../../browser/requests.js';
import { startResourceCollection } from './index.js';

describe('the resource collector', () => {
  let observer: ReturnType<typeof fakePerformanceObserver>;
  let recorded: Recorded;
  let stop: () => void;
  beforeEach(() => {
    observer = fakePerformanceObserver(['resource']);
    recorded = recordLifeCycle();
    stop = startResourceCollection(recorded.lifeCycle, (url) =>
      url.startsWith('https://intake.example/'),
    );
  });
  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
  });

  const resources = () => recorded.of('resource').map((raw) => checkRaw(raw));
  const request = (overrides: Partial<RequestInfo> = {}): RequestInfo => ({
    kind: 'fetch',
    url: 'https://api.example/items?page=2',
    method: 'POST',
    startTime: 99,
    ...overrides,
  });

  it('reports every Resource Timing entry with its URL parts, type, status and timings', () => {
    observer.emit('resource', [
      resourceEntry({ name: 'https://cdn.example/static/v3/app.js?x=1' }),
    ]);
    const [point] = resources();
    expect(point?.tags).toMatchObject({
      resource_status: '200',
      resource_status_group: '2xx',
      resource_method: 'GET',
    });
    expect(point?.fields).toMatchObject({
      resource_type: 'js',
      resource_url: 'https://cdn.example/static/v3/app.js?x=1',
      resource_url_host: 'cdn.example',
      resource_url_path: '/static/v3/app.js',
      resource_url_path_group: '/static/?/app.js',
      resource_url_query: '{"x":"1"}',
      duration: 80_000_000,
    });
    // Dated on the device clock: the time origin plus the entry's start.
    expect(
      Math.abs((point?.time as number) - (Date.now() - performance.now() + 100)),
    ).toBeLessThanOrEqual(5);
  });

  it('takes a fetch’s method and trace ids from the request it matches', () => {
    recorded.lifeCycle.requestStarted.notify(request({ traceId: 'abc', spanId: 'def' }));
    observer.emit('resource', [
      resourceEntry({
        name: 'https://api.example/items?page=2',
        initiatorType: 'fetch',
        responseStatus: 201,
      }),
    ]);
    const [point] = resources();
    expect(point?.tags).toMatchObject({
      resource_method: 'POST',
      trace_id: 'abc',
      span_id: 'def',
      resource_status: '201',
    });
    expect(point?.fields.resource_type).toBe('fetch');
  });

  it('reports a request that got no response with status 0, and as a network error', () => {
    const failed = request({ url: 'https://down.example/', status: 0 });
    recorded.lifeCycle.requestStarted.notify(failed);
    recorded.lifeCycle.requestEnded.notify(failed);
    observer.emit('resource', [
      resourceEntry({
        name: 'https://down.example/',
        initiatorType: 'fetch',
        responseStatus: 0,
        responseStart: 0,
      }),
    ]);
    expect(resources()[0]?.tags.resource_status).toBe('0');
    const error = checkRaw(recorded.of('error')[0] as never);
    expect(error.tags).toMatchObject({
      error_source: 'network',
      error_type: 'NetworkError',
      resource_method: 'POST',
      resource_status: '0',
    });
    expect(error.fields.error_message).toBe('Load failed: POST https://down.example/');
  });

  it('reports a 5xx answer as a network error, and neither aborted requests nor 4xx', () => {
    for (const [status, aborted] of [
      [503, false],
      [404, false],
      [0, true],
    ] as const) {
      const r = request({ status, aborted });
      recorded.lifeCycle.requestStarted.notify(r);
      recorded.lifeCycle.requestEnded.notify(r);
    }
    const messages = recorded.of('error').map((raw) => checkRaw(raw).fields.error_message);
    expect(messages).toEqual([
      'Network request failed: POST https://api.example/items?page=2 (503)',
    ]);
  });

  it('never reports the SDK’s own requests', () => {
    observer.emit('resource', [
      resourceEntry({
        name: 'https://intake.example/v1/write/rum?precision=ms',
        initiatorType: 'fetch',
      }),
    ]);
    expect(resources()).toEqual([]);
  });

  it('reads a cross-origin status of 0 as unknown', () => {
    observer.emit('resource', [
      resourceEntry({
        name: 'https://ads.example/pixel.gif',
        initiatorType: 'img',
        responseStatus: 0,
      }),
    ]);
    expect(resources()[0]?.tags.resource_status).toBeUndefined();
  });
});
