import { observeEntries, whenLoaded } from '../../browser/performance.js';
import type { RequestInfo } from '../../browser/requests.js';
import { emit, type LifeCycle } from '../../lifeCycle.js';
import { uuid } from '../../tools/id.js';
import { runAll } from '../../tools/monitor.js';
import { urlFields } from '../../tools/url.js';
import { emitError } from '../error/index.js';
import { resourceType, statusFields, timingFields } from './timing.js';

/** Requests remembered until their Resource Timing entry arrives. */
export const MAX_PENDING_REQUESTS = 100;

/**
 * Resources, from Resource Timing: every entry the page records (the document's included) is
 * one resource event. A fetch or XHR entry takes its method, trace ids and (where the entry
 * lacks it) its status from the request the instrumentation saw. Failed requests (no
 * response, or a 5xx) are also network errors.
 */
export function startResourceCollection(lifeCycle: LifeCycle, isIntake: (url: string) => boolean) {
  let pending: RequestInfo[] = [];

  const collect = (entry: PerformanceResourceTiming) => {
    if (isIntake(entry.name)) return;
    const type = resourceType(entry);
    const index = pending.findIndex(
      (r) => r.url === entry.name && r.startTime <= entry.startTime + 1,
    );
    const request =
      /^(fetch|xhr)$/.test(type) && index >= 0
        ? (pending.splice(index, 1)[0] as RequestInfo)
        : undefined;
    const status = (entry as { responseStatus?: number }).responseStatus;
    emit(
      lifeCycle,
      'resource',
      entry.startTime,
      {
        resourceId: uuid(),
        ...timingFields(entry),
        ...urlFields(entry.name, 'resourceUrl'),
        resourceType: type,
        resourceMethod: request ? request.method : 'GET',
        // A cross-origin response without CORS reads as 0: unknown, unless the request failed.
        ...statusFields(status || request?.status),
        traceId: request?.traceId,
        spanId: request?.spanId,
      },
      { domain: { performanceEntry: entry, request } },
    );
  };

  const stops = [
    lifeCycle.requestStarted.subscribe((request) => {
      pending = [...pending.slice(1 - MAX_PENDING_REQUESTS), request];
    }),
    lifeCycle.requestEnded.subscribe((request) => {
      const status = request.status as number;
      if (request.aborted || (status > 0 && status < 500)) return;
      emitError(lifeCycle, {
        fields: {
          errorType: 'NetworkError',
          errorMessage: `${status ? 'Network request failed' : 'Load failed'}: ${request.method} ${request.url}${status ? ` (${status})` : ''}`,
          ...urlFields(request.url, 'resourceUrl'),
          resourceMethod: request.method,
          ...statusFields(status),
          traceId: request.traceId,
          spanId: request.spanId,
        },
        source: 'network',
        handled: false,
        startTime: request.startTime,
        original: request.error,
      });
    }),
    observeEntries<PerformanceResourceTiming>('resource', (entries) => entries.forEach(collect)),
  ];
  whenLoaded(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    if (navigation) collect(navigation as PerformanceNavigationTiming);
  });
  return () => runAll(stops);
}
