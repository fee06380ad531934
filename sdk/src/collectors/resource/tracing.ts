import type { RequestInfo } from '../../browser/requests.js';
import { randomHex, uuid } from '../../tools/id.js';
import { matches } from '../../tools/url.js';
import type { Configuration } from '../../types.js';

/**
 * The headers of each traceType (spec §1.3 table): `name:value` pairs where `{t}` is the trace
 * id, `{s}` the span id, `{f}` 1 or 0 for sampled, `{p}` Datadog's priority (2 or -1).
 */
const HEADERS: Record<string, string> = {
  ddtrace:
    'x-datadog-trace-id:{t} x-datadog-parent-id:{s} x-datadog-origin:rum x-datadog-sampling-priority:{p}',
  zipkin: 'X-B3-TraceId:{t} X-B3-SpanId:{s} X-B3-Sampled:{f}',
  zipkin_single_header: 'b3:{t}-{s}-{f}',
  w3c_traceparent: 'traceparent:00-{t}-{s}-0{f}',
  jaeger: 'uber-trace-id:{t}:{s}:0:{f}',
  skywalking_v3: 'sw8:{f}-{T}-{S}-0-{a}-{v}-{u}-{h}',
};

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
/** Decimal of a random 63-bit id, as Datadog's tracers want it. */
const datadogId = () => (BigInt(`0x${randomHex(8)}`) >> BigInt(1)).toString();

/**
 * Adds the trace headers of the rule's traceType to a request whose URL matches
 * allowedTracingUrls, in sessions being recorded, and puts the ids on the request so its
 * resource (and network error) carries `trace_id` and `span_id` when sampled.
 */
export function createTracer(config: Configuration, isTracked: () => unknown) {
  return (request: RequestInfo, setHeader: (name: string, value: string) => void): void => {
    // The session is only asked about for a URL to trace: asking may read the cookie.
    const rule = config.tracing.find((option) => matches([option.match], request.url));
    if (!rule || !isTracked()) return;
    const type = rule.traceType;
    const sampled = Math.random() * 100 < config.tracingSampleRate;
    const sky = type === 'skywalking_v3';
    const traceId =
      type === 'ddtrace'
        ? datadogId()
        : sky
          ? uuid()
          : randomHex(config.traceId128Bit || type === 'w3c_traceparent' ? 16 : 8);
    const spanId = type === 'ddtrace' ? datadogId() : sky ? uuid() : randomHex(8);
    const values: Record<string, string> = {
      t: traceId,
      s: spanId,
      f: sampled ? '1' : '0',
      p: sampled ? '2' : '-1',
    };
    if (sky) {
      Object.assign(values, {
        T: base64(traceId),
        S: base64(spanId),
        a: base64(`${config.applicationId}_rum_${config.env || ''}`),
        v: base64(config.version || ''),
        u: base64(location.href),
        h: base64(new URL(request.url).host),
      });
    }
    for (const header of (HEADERS[type] as string).split(' ')) {
      const [name, value] = header.split(/:(.*)/) as [string, string];
      setHeader(
        name,
        value.replace(/\{(\w)\}/g, (_, key: string) => values[key] as string),
      );
    }
    if (sampled) Object.assign(request, { traceId, spanId });
  };
}
