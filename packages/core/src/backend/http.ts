import {
  ApiError,
  type App,
  appRoutes,
  type DetailLookback,
  detailRoutes,
  errorBody,
  eventRoutes,
  fillPath,
  type RouteDef,
  replayRoutes,
  usageRoutes,
  workspaceRoutes,
} from '../api/index.js';
import { isAbortError } from './errors.js';
import type { RequestOptions, RumBackend } from './types.js';

export interface HttpBackendOptions {
  /** The server's origin (and path prefix, if any), such as `https://rum.example.com`. `''` means this page's origin. */
  baseUrl: string;
  /** A workspace API key, sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** The fetch to use. Default: the global `fetch`, looked up at each call. */
  fetch?: typeof fetch;
}

interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

/**
 * A `RumBackend` that speaks the reference server's JSON API. Every answer is parsed with the
 * route's response schema, so a server that drifts from the contract fails loudly here, naming
 * the route, instead of deep inside a component.
 */
export function createHttpBackend(options: HttpBackendOptions): RumBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call<T>(
    route: RouteDef,
    input: CallInput,
    { signal }: RequestOptions = {},
  ): Promise<T> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(input.query ?? {}))
      if (value !== undefined) search.set(key, value);
    const qs = search.toString() ? `?${search}` : '';
    const url = `${base}${fillPath(route.path, input.params ?? {})}${qs}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${options.apiKey}`,
    };
    if (input.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(url, {
        method: route.method,
        headers,
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
        signal,
      });
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error;
      throw new ApiError(
        0,
        'network.unreachable',
        `could not reach the server at ${base || 'this origin'}: ${(error as Error).message}`,
      );
    }

    if (!response.ok) throw await errorFrom(response);
    if (!route.response) return undefined as T;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError(
        response.status,
        'response.invalid',
        `the server's answer to ${route.id} is not JSON`,
      );
    }
    const parsed = route.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(
        response.status,
        'response.invalid',
        `the server's answer to ${route.id} does not match the API contract` +
          (issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : ''),
        parsed.error.issues,
      );
    }
    return parsed.data as T;
  }

  return {
    getWorkspace: (opts) => call(workspaceRoutes.currentWorkspace, {}, opts),
    updateWorkspace: (body, opts) => call(workspaceRoutes.updateCurrentWorkspace, { body }, opts),
    listApps: async (opts) => (await call<{ apps: App[] }>(appRoutes.listApps, {}, opts)).apps,
    getApp: ({ id }, opts) => call(appRoutes.getApp, { params: { id } }, opts),
    createApp: (body, opts) => call(appRoutes.createApp, { body }, opts),
    updateApp: ({ id, patch }, opts) =>
      call(appRoutes.updateApp, { params: { id }, body: patch }, opts),
    deleteApp: ({ id }, opts) => call(appRoutes.deleteApp, { params: { id } }, opts),
    checkAppId: ({ app_id, exclude }, opts) =>
      call(appRoutes.checkAppId, { query: { app_id, exclude } }, opts),
    searchEvents: (body, opts) => call(eventRoutes.searchEvents, { body }, opts),
    facet: (body, opts) => call(eventRoutes.facet, { body }, opts),
    histogram: (body, opts) => call(eventRoutes.histogram, { body }, opts),
    analysis: (body, opts) => call(eventRoutes.analysis, { body }, opts),
    getSession: ({ session_id, ...window }, opts) =>
      call(
        detailRoutes.sessionDetail,
        { params: { sessionId: session_id }, query: lookback(window) },
        opts,
      ),
    getSessionReplay: ({ session_id, part, at, ...window }, opts) =>
      call(
        replayRoutes.sessionReplay,
        {
          params: { sessionId: session_id },
          query: { ...lookback(window), part, at: at?.toString() },
        },
        opts,
      ),
    getView: ({ view_id, ...window }, opts) =>
      call(detailRoutes.viewDetail, { params: { viewId: view_id }, query: lookback(window) }, opts),
    getEvent: ({ category, id, ...window }, opts) =>
      call(detailRoutes.eventDetail, { params: { category, id }, query: lookback(window) }, opts),
    errorClusters: (body, opts) => call(detailRoutes.errorClusters, { body }, opts),
    getUsage: ({ from, to }, opts) => call(usageRoutes.usage, { query: { from, to } }, opts),
  };
}

function lookback({ from, to }: DetailLookback): Record<string, string | undefined> {
  return { from: from?.toString(), to: to?.toString() };
}

/** DataKit's `{ error_code, message }` when the server sent one, else a description of the status. */
async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = errorBody.safeParse(body);
  if (parsed.success) {
    return new ApiError(
      response.status,
      parsed.data.error_code,
      parsed.data.message,
      parsed.data.details,
    );
  }
  const text = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(
    response.status,
    `http.${response.status}`,
    `the server answered ${response.status}${text}`,
  );
}
