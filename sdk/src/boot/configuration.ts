import { display } from '../tools/display.js';
import type { Configuration, InitOptions, TraceType } from '../types.js';

export const TRACE_TYPES =
  'ddtrace zipkin zipkin_single_header w3c_traceparent skywalking_v3 jaeger'.split(' ');

/**
 * The options with a simple type, as `name:kind:default:legacy name`. Kinds: b boolean,
 * r rate (0-100), s non-empty string, f function, t trace type, l list of URL matches
 * (string, RegExp or function), p replay privacy level. Those that /v1/env_variable may
 * override are listed in remoteConfiguration.ts.
 */
const OPTIONS = (
  'env:s version:s service:s:browser sessionSampleRate:r:100:sampleRate sessionOnErrorSampleRate:r:0 ' +
  'sessionReplaySampleRate:r:100 sessionReplayOnErrorSampleRate:r:0 defaultPrivacyLevel:p:mask-user-input shouldMaskNode:f ' +
  'trackUserInteractions:b::trackInteractions actionNameAttribute:s traceType:t:ddtrace traceId128Bit:b ' +
  'tracingSampleRate:r:100 trackViewsManually:b beforeSend:f trackSessionAcrossSubdomains:b ' +
  'useSecureSessionCookie:b usePartitionedCrossSiteSessionCookie:b::useCrossSiteSessionCookie ' +
  'allowFallbackToLocalStorage:b compressIntakeRequests:b remoteConfiguration:b silentMultipleInit:b excludedActivityUrls:l'
).split(' ');

const PRIVACY_LEVELS = ['mask-user-input', 'mask', 'allow'];

const isMatch = (v: unknown) => /^(string|function)$/.test(typeof v) || v instanceof RegExp;
const KINDS: Record<string, [string, (value: unknown) => unknown]> = {
  b: ['true or false', (v) => typeof v === 'boolean'],
  r: ['a number from 0 to 100', (v) => (v as number) >= 0 && (v as number) <= 100],
  s: ['a non-empty string', (v) => typeof v === 'string' && v],
  f: ['a function', (v) => typeof v === 'function'],
  t: [TRACE_TYPES.join(' or '), (v) => TRACE_TYPES.includes(v as string)],
  p: ['mask-user-input, mask or allow', (v) => PRIVACY_LEVELS.includes(v as string)],
  l: ['a list of strings, RegExps or functions', (v) => Array.isArray(v) && v.every(isMatch)],
};

/**
 * Checks init options and fills in defaults. All problems go out in one console message
 * naming each option, what it must be and what it got; a wrong optional value keeps its
 * default, and a missing or invalid applicationId or datakitOrigin stops init (undefined).
 */
export function buildConfiguration(
  options: InitOptions,
  source = 'init',
): Configuration | undefined {
  const o = Object(options) as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  const problem = (name: string, expected: string, value: unknown) =>
    problems.push(
      `${name} must be ${expected}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
    );
  const check = (name: string, kind: string, value: unknown, fallback?: unknown) => {
    const [expected, ok] = KINDS[kind] as [string, (value: unknown) => unknown];
    if (value === undefined || ok(value)) return value === undefined ? fallback : value;
    problem(name, expected, value);
    return fallback;
  };
  for (const spec of OPTIONS) {
    const [name, kind, fallback, legacy] = spec.split(':') as [string, string, string?, string?];
    const value = o[name] === undefined && legacy ? o[legacy] : o[name];
    config[name] = check(
      name,
      kind,
      value,
      kind === 'b'
        ? false
        : kind === 'r'
          ? Number(fallback)
          : kind === 'l'
            ? []
            : fallback || undefined,
    );
  }
  const appId = check('applicationId', 's', o.applicationId);
  config.applicationId = appId;
  const origin = check('datakitOrigin', 's', o.datakitOrigin || o.datakitUrl);
  try {
    config.origin = new URL(origin as string, location.href).href.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  const fatal =
    !/^\w{1,48}$/.test((appId as string) || '') ||
    !origin ||
    !/^https?:/.test(String(config.origin));
  if (fatal)
    problems.push(
      'applicationId (1 to 48 letters, digits or _) and datakitOrigin (an http(s) URL) are required',
    );

  // allowedTracingUrls: URL matches, or { match, traceType }; the legacy allowedTracingOrigins match origins.
  const legacy = o.allowedTracingUrls === undefined;
  const rules = legacy ? o.allowedTracingOrigins : o.allowedTracingUrls;
  config.tracing = (
    (Array.isArray(rules) ? rules : check('allowedTracingUrls', 'l', rules, [])) as unknown[]
  ).flatMap((rule: unknown) => {
    const { match, traceType = config.traceType as TraceType } = (
      isMatch(rule) ? { match: rule } : Object(rule)
    ) as { match: unknown; traceType: TraceType };
    if (isMatch(match) && TRACE_TYPES.includes(traceType)) {
      return [
        {
          match:
            legacy && typeof match === 'string'
              ? (url: string) => new URL(url).origin === match
              : match,
          traceType,
        },
      ];
    }
    problem('allowedTracingUrls items', 'URL matches or { match, traceType }', rule);
    return [];
  });

  if (problems.length > 0) {
    display(
      'error',
      `${source}: ${problems.join('; ')}. ${fatal ? 'The SDK does not start.' : 'Those options keep their defaults.'}`,
    );
  }
  return fatal ? undefined : (config as unknown as Configuration);
}
