import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildConfiguration } from './configuration.js';

describe('init options', () => {
  let error: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    error = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => error.mockRestore());

  const base = { applicationId: 'shop_web', datakitOrigin: 'https://rum.example.com' };

  it('fills in Guance’s defaults', () => {
    expect(buildConfiguration(base)).toMatchObject({
      applicationId: 'shop_web',
      origin: 'https://rum.example.com',
      service: 'browser',
      sessionSampleRate: 100,
      sessionOnErrorSampleRate: 0,
      tracingSampleRate: 100,
      traceType: 'ddtrace',
      trackUserInteractions: false,
      trackViewsManually: false,
      compressIntakeRequests: false,
      allowFallbackToLocalStorage: false,
      tracing: [],
      excludedActivityUrls: [],
    });
    expect(error).not.toHaveBeenCalled();
  });

  it('takes a same-origin intake as a path, and the legacy datakitUrl', () => {
    expect(buildConfiguration({ ...base, datakitOrigin: '/rum/' })?.origin).toBe(
      'http://localhost:3000/rum',
    );
    expect(
      buildConfiguration({ applicationId: 'a', datakitUrl: 'http://127.0.0.1:9529' })?.origin,
    ).toBe('http://127.0.0.1:9529');
  });

  it('refuses to start without a valid applicationId or intake, saying why', () => {
    expect(
      buildConfiguration({ datakitOrigin: 'https://rum.example.com' } as never),
    ).toBeUndefined();
    expect(buildConfiguration({ ...base, applicationId: 'has-dash' })).toBeUndefined();
    expect(buildConfiguration({ ...base, datakitOrigin: 'ftp://x' })).toBeUndefined();
    expect(buildConfiguration('nope' as never)).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(4);
    expect(String(error.mock.calls[0]?.[0])).toContain('applicationId');
  });

  it('reports every wrong value in one message and keeps the defaults', () => {
    const config = buildConfiguration({
      ...base,
      sessionSampleRate: 150,
      trackUserInteractions: 'yes',
      traceType: 'opentelemetry',
      allowedTracingUrls: [42],
      excludedActivityUrls: 'x',
    } as never);
    expect(config).toMatchObject({
      sessionSampleRate: 100,
      trackUserInteractions: false,
      traceType: 'ddtrace',
      tracing: [],
      excludedActivityUrls: [],
    });
    expect(error).toHaveBeenCalledTimes(1);
    const message = String(error.mock.calls[0]?.[0]);
    for (const part of [
      'sessionSampleRate must be a number from 0 to 100, got 150',
      'trackUserInteractions must be true or false, got "yes"',
      'traceType must be',
      'allowedTracingUrls items must be',
      'excludedActivityUrls must be',
    ]) {
      expect(message).toContain(part);
    }
  });

  it('accepts Guance’s legacy names', () => {
    const config = buildConfiguration({
      ...base,
      sampleRate: 30,
      trackInteractions: true,
      useCrossSiteSessionCookie: true,
    } as never);
    expect(config).toMatchObject({
      sessionSampleRate: 30,
      trackUserInteractions: true,
      usePartitionedCrossSiteSessionCookie: true,
    });
  });

  it('reads tracing rules: URL matches with the default traceType, or their own; origins for the legacy option', () => {
    const config = buildConfiguration({
      ...base,
      traceType: 'zipkin',
      allowedTracingUrls: [
        'https://api.example',
        /graphql/,
        { match: 'https://b.example', traceType: 'jaeger' },
      ],
    });
    expect(config?.tracing.map((rule) => rule.traceType)).toEqual(['zipkin', 'zipkin', 'jaeger']);
    const legacy = buildConfiguration({ ...base, allowedTracingOrigins: ['https://api.example'] });
    const match = legacy?.tracing[0]?.match as (url: string) => boolean;
    expect([match('https://api.example/x'), match('https://api.example.evil.com/x')]).toEqual([
      true,
      false,
    ]);
  });
});
