import { monitor, reportInternalError, runAll } from '../tools/monitor.js';
import { relativeNow } from '../tools/time.js';
import { instrument, on } from './events.js';

/** A fetch or XHR the page made. */
export interface RequestInfo {
  kind: 'fetch' | 'xhr';
  url: string;
  method: string;
  startTime: number;
  /** Set at the end: 0 when there was no response. */
  status?: number;
  aborted?: boolean;
  error?: unknown;
  traceId?: string;
  spanId?: string;
}

export interface RequestObserver {
  /** Whether the request is the SDK's own (never observed). */
  isIgnored: (url: string) => boolean;
  /** Called before the request goes out, with a way to add headers. */
  onStart: (request: RequestInfo, setHeader: (name: string, value: string) => void) => void;
  /** Called when the response headers arrive (fetch), at loadend (XHR), or on failure. */
  onEnd: (request: RequestInfo) => void;
}

/** Wraps window.fetch and XMLHttpRequest; returns the function that undoes it. */
export function instrumentRequests(observer: RequestObserver): () => void {
  const start = (
    kind: RequestInfo['kind'],
    url: string,
    method: string | undefined,
    setHeader: (name: string, value: string) => void,
  ) => {
    try {
      const href = new URL(url, location.href).href;
      if (observer.isIgnored(href)) return undefined;
      const request: RequestInfo = {
        kind,
        url: href,
        method: (method || 'GET').toUpperCase(),
        startTime: relativeNow(),
      };
      observer.onStart(request, setHeader);
      return request;
    } catch (error) {
      reportInternalError(error);
    }
  };
  const end = monitor((request: RequestInfo, status: number, error?: unknown) => {
    request.status = status;
    request.error = error;
    if ((error as Error | undefined)?.name === 'AbortError') request.aborted = true;
    observer.onEnd(request);
  });

  const prepareFetch = monitor(
    (
      input: globalThis.RequestInfo | URL,
      init?: RequestInit,
    ): [RequestInfo | undefined, RequestInit | undefined] => {
      const request = input instanceof Request ? input : undefined;
      const extra: string[][] = [];
      const info = start(
        'fetch',
        request ? request.url : String(input),
        init?.method || request?.method,
        (name, value) => extra.push([name, value]),
      );
      if (extra.length > 0) {
        const headers = new Headers(init?.headers || request?.headers);
        for (const [name, value] of extra) headers.set(name as string, value as string);
        init = { ...init, headers };
      }
      return [info, init];
    },
  );

  const opened = new WeakMap<XMLHttpRequest, string[]>();
  const xhr = XMLHttpRequest.prototype;
  const stops = [
    instrument(
      window,
      'fetch',
      (original) =>
        function (this: unknown, input: globalThis.RequestInfo | URL, init?: RequestInit) {
          const [info, finalInit] = prepareFetch(input, init) || [undefined, init];
          const promise = original.call(this, input, finalInit);
          if (info) {
            promise.then(
              (response: Response) => end(info, response.status),
              (error: unknown) => end(info, 0, error),
            );
          }
          return promise;
        },
    ),
    instrument(
      xhr,
      'open',
      (original) =>
        function (this: XMLHttpRequest, ...args: unknown[]) {
          // open(method, url, async?, user?, password?): the optional ones pass through.
          opened.set(this, [String(args[0]), String(args[1])]);
          return (original as (...a: unknown[]) => void).apply(this, args);
        },
    ),
    instrument(
      xhr,
      'send',
      (original) =>
        function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
          const call = opened.get(this);
          const request =
            call &&
            start('xhr', call[1] as string, call[0], (name, value) =>
              this.setRequestHeader(name, value),
            );
          if (request) {
            const stopAbort = on(this, 'abort', () => {
              request.aborted = true;
            });
            const stopEnd = on(this, 'loadend', () => {
              stopAbort();
              stopEnd();
              end(request, this.status);
            });
          }
          return original.call(this, body);
        },
    ),
  ];
  return () => runAll(stops);
}
