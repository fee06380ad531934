import type { MatchOption } from './tools/url.js';

export type { MatchOption };

/** What the SDK sends: DataKit's measurements (telemetry is the SDK's report on itself). */
export type EventType = 'view' | 'resource' | 'error' | 'long_task' | 'action' | 'telemetry';

export type Context = Record<string, unknown>;

/**
 * An event as a collector hands it to assembly. `data` holds Guance's fields under camelCase
 * names (`errorMessage` is `error_message` on the wire); units are already the wire's:
 * durations in ns, `date` in epoch ms.
 */
export interface RawEvent {
  type: EventType;
  date: number;
  /** performance.now() time of the event's start: finds its session, view and actions. */
  startTime: number;
  data: Context;
  /** Custom context given with this event (addAction, addError). */
  context?: Context;
  /** What beforeSend gets as its second argument: the original error, entry or DOM event. */
  domain?: Context;
  /** The view this event describes (view events only). */
  view?: ViewContext;
}

/**
 * An assembled event: what `beforeSend` sees and edits, and what the encoder writes. Keys are
 * the camelCase names of Guance's fields; `context` holds the custom context, sent as fields
 * under their own names and listed in `custom_keys`.
 */
export interface RumEvent {
  type: EventType;
  date: number;
  context: Context;
  [key: string]: unknown;
}

/** The parts of a view that every event in it carries. */
export interface ViewContext {
  id: string;
  startTime: number;
  /** viewId, viewUrl, viewHost, viewPath, viewPathGroup, viewUrlQuery, viewReferrer, viewName. */
  fields: Context;
  service?: string;
  version?: string;
  /** setViewContext. */
  context: Context;
}

export type TraceType =
  | 'ddtrace'
  | 'zipkin'
  | 'zipkin_single_header'
  | 'w3c_traceparent'
  | 'skywalking_v3'
  | 'jaeger';

/** How much of the page a session replay shows (spec §1.7); per element `data-gc-privacy` adds `hidden`. */
export type PrivacyLevel = 'mask-user-input' | 'mask' | 'allow';

export interface TracingOption {
  match: MatchOption;
  traceType?: TraceType;
}

/** The init options, under Guance's names (spec §1.3). */
export interface InitOptions {
  /** Required: the app's ID (letters, digits, underscore, at most 48). */
  applicationId: string;
  /** Required: the intake origin, `protocol://host[:port]`; a leading `/` means this page's origin. */
  datakitOrigin?: string;
  /** Legacy name of datakitOrigin. */
  datakitUrl?: string;
  env?: string;
  version?: string;
  /** Default `browser`. */
  service?: string;
  /** Percentage of sessions tracked, 0-100. Default 100. */
  sessionSampleRate?: number;
  /** Legacy name of sessionSampleRate. */
  sampleRate?: number;
  /** Percentage of untracked sessions recorded from their first error on. Default 0. */
  sessionOnErrorSampleRate?: number;
  /** Percentage of tracked sessions that record a replay (with startSessionReplayRecording). Default 100. */
  sessionReplaySampleRate?: number;
  /** Percentage of the other tracked sessions that keep the last minute and send it from an error on. Default 0. */
  sessionReplayOnErrorSampleRate?: number;
  /** Replay masking: `mask-user-input` (form values), `mask` (all text) or `allow`. Default `mask-user-input`. */
  defaultPrivacyLevel?: PrivacyLevel;
  /** Replay: return true to mask this element and what it holds (text, images, links). */
  shouldMaskNode?: (node: Node, privacyLevel: PrivacyLevel) => unknown;
  /** Collect click actions. Default false. */
  trackUserInteractions?: boolean;
  /** Legacy name of trackUserInteractions. */
  trackInteractions?: boolean;
  /** Element attribute whose value names a click action. */
  actionNameAttribute?: string;
  /** Requests whose URL matches get trace headers. Default []. */
  allowedTracingUrls?: (MatchOption | TracingOption)[];
  /** Legacy: origins whose requests get trace headers (allowedTracingUrls wins). */
  allowedTracingOrigins?: MatchOption[];
  /** Header format of traced requests. Default `ddtrace`. */
  traceType?: TraceType;
  /** 128-bit trace IDs for zipkin and jaeger. Default false. */
  traceId128Bit?: boolean;
  /** Percentage of traced requests marked as sampled. Default 100. */
  tracingSampleRate?: number;
  /** Requests that do not count as page activity (loading_time, action duration). */
  excludedActivityUrls?: MatchOption[];
  /** Views start only with startView(). Default false. */
  trackViewsManually?: boolean;
  /** Edits an event before it is sent; returning false drops it. */
  beforeSend?: (event: RumEvent, context: Context) => unknown;
  /** Session cookie on the parent domain. Default false. */
  trackSessionAcrossSubdomains?: boolean;
  /** Secure session cookie. Default false. */
  useSecureSessionCookie?: boolean;
  /** Partitioned (CHIPS) cross-site cookie, for third-party iframes. Default false. */
  usePartitionedCrossSiteSessionCookie?: boolean;
  /** Legacy name of usePartitionedCrossSiteSessionCookie. */
  useCrossSiteSessionCookie?: boolean;
  /** Keep the session in localStorage when cookies are unavailable. Default false. */
  allowFallbackToLocalStorage?: boolean;
  /** Deflate request bodies with the browser's CompressionStream. Default false. */
  compressIntakeRequests?: boolean;
  /** Read overrides from the intake's /v1/env_variable before starting. Default false. */
  remoteConfiguration?: boolean;
  /** Do not warn when init is called again. Default false. */
  silentMultipleInit?: boolean;
}

/** Init options, checked and with their defaults. */
export interface Configuration {
  applicationId: string;
  /** Intake origin with any path prefix, no trailing slash. */
  origin: string;
  env?: string;
  version?: string;
  service: string;
  sessionSampleRate: number;
  sessionOnErrorSampleRate: number;
  sessionReplaySampleRate: number;
  sessionReplayOnErrorSampleRate: number;
  defaultPrivacyLevel: PrivacyLevel;
  shouldMaskNode?: (node: Node, privacyLevel: PrivacyLevel) => unknown;
  trackUserInteractions: boolean;
  actionNameAttribute?: string;
  tracing: Required<TracingOption>[];
  traceId128Bit: boolean;
  tracingSampleRate: number;
  excludedActivityUrls: MatchOption[];
  trackViewsManually: boolean;
  beforeSend?: (event: RumEvent, context: Context) => unknown;
  trackSessionAcrossSubdomains: boolean;
  useSecureSessionCookie: boolean;
  usePartitionedCrossSiteSessionCookie: boolean;
  allowFallbackToLocalStorage: boolean;
  compressIntakeRequests: boolean;
  remoteConfiguration: boolean;
  silentMultipleInit: boolean;
}
