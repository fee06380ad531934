// msw handlers that serve the reference server's API (the routes in @rumkit/core/api) from any
// RumBackend, usually createMemoryBackend. Component tests and stories both use them, so the
// components always talk HTTP through createHttpBackend, as they do in a host.
import {
  ApiError,
  appRoutes,
  detailRoutes,
  type ExplorerCategory,
  eventRoutes,
  expressPath,
  type RouteDef,
  type RumBackend,
  replayRoutes,
  usageRoutes,
  workspaceRoutes,
} from '@rumkit/core';
import { delay, type HttpHandler, HttpResponse, http } from 'msw';

/** Where tests point createHttpBackend; stories use the page's own origin. */
export const TEST_ORIGIN = 'http://rumkit.test';
export const TEST_API_KEY = 'rk_test_key';

/** Every workspace route of the API, for scenarios that answer them all the same way. */
export const KIT_ROUTES: readonly RouteDef[] = [
  workspaceRoutes.currentWorkspace,
  workspaceRoutes.updateCurrentWorkspace,
  appRoutes.listApps,
  appRoutes.createApp,
  // check-id before {id}: msw tries handlers in order, and "check-id" would match {id}.
  appRoutes.checkAppId,
  appRoutes.getApp,
  appRoutes.updateApp,
  appRoutes.deleteApp,
  eventRoutes.searchEvents,
  eventRoutes.facet,
  eventRoutes.histogram,
  eventRoutes.analysis,
  detailRoutes.sessionDetail,
  replayRoutes.sessionReplay,
  detailRoutes.viewDetail,
  detailRoutes.eventDetail,
  detailRoutes.errorClusters,
  usageRoutes.usage,
];

/** The msw path of a route on any origin: `*\/api/v1/apps/:id`. */
export const mswPath = (route: RouteDef) => `*${expressPath(route.path)}`;

const methods = {
  GET: http.get,
  POST: http.post,
  PATCH: http.patch,
  PUT: http.put,
  DELETE: http.delete,
} as const;

export function routeHandler(
  route: RouteDef,
  resolver: Parameters<typeof http.get>[1],
): HttpHandler {
  return methods[route.method](mswPath(route), resolver);
}

const errorResponse = (error: unknown) => {
  if (error instanceof ApiError) {
    return HttpResponse.json(
      { error_code: error.code, message: error.message, details: error.details },
      { status: error.status },
    );
  }
  return HttpResponse.json(
    { error_code: 'server.internal', message: 'internal server error' },
    { status: 500 },
  );
};

export interface ApiHandlerOptions {
  /** Milliseconds before each answer, for stories that should feel like a network. */
  latency?: number;
}

/** Handlers for every kit route, answered by `backend`. */
export function apiHandlers(backend: RumBackend, options: ApiHandlerOptions = {}): HttpHandler[] {
  const serve =
    (fn: (request: Request, params: Record<string, string>) => Promise<Response>) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      if (!/^Bearer \S+/.test(request.headers.get('authorization') ?? '')) {
        return HttpResponse.json(
          { error_code: 'auth.missing_key', message: 'send a workspace API key as a Bearer token' },
          { status: 401 },
        );
      }
      if (options.latency) await delay(options.latency);
      try {
        return await fn(request, params as Record<string, string>);
      } catch (error) {
        return errorResponse(error);
      }
    };
  const body = async (request: Request) => {
    try {
      return await request.json();
    } catch {
      throw new ApiError(400, 'request.invalid_json', 'the body is not JSON');
    }
  };

  return [
    routeHandler(
      workspaceRoutes.currentWorkspace,
      serve(async () => HttpResponse.json(await backend.getWorkspace())),
    ),
    routeHandler(
      workspaceRoutes.updateCurrentWorkspace,
      serve(async (request) =>
        HttpResponse.json(await backend.updateWorkspace(await body(request))),
      ),
    ),
    routeHandler(
      appRoutes.listApps,
      serve(async () => HttpResponse.json({ apps: await backend.listApps() })),
    ),
    routeHandler(
      appRoutes.createApp,
      serve(async (request) =>
        HttpResponse.json(await backend.createApp(await body(request)), { status: 201 }),
      ),
    ),
    routeHandler(
      appRoutes.checkAppId,
      serve(async (request) => {
        const url = new URL(request.url);
        const appId = url.searchParams.get('app_id');
        if (appId === null) throw new ApiError(400, 'request.invalid', 'app_id: required');
        const exclude = url.searchParams.get('exclude') ?? undefined;
        return HttpResponse.json(await backend.checkAppId({ app_id: appId, exclude }));
      }),
    ),
    routeHandler(
      appRoutes.getApp,
      serve(async (_request, { id }) =>
        HttpResponse.json(await backend.getApp({ id: id as string })),
      ),
    ),
    routeHandler(
      appRoutes.updateApp,
      serve(async (request, { id }) =>
        HttpResponse.json(
          await backend.updateApp({ id: id as string, patch: await body(request) }),
        ),
      ),
    ),
    routeHandler(
      appRoutes.deleteApp,
      serve(async (_request, { id }) => {
        await backend.deleteApp({ id: id as string });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    ...(
      [
        [eventRoutes.searchEvents, (input) => backend.searchEvents(input)],
        [eventRoutes.facet, (input) => backend.facet(input)],
        [eventRoutes.histogram, (input) => backend.histogram(input)],
        [eventRoutes.analysis, (input) => backend.analysis(input)],
        [detailRoutes.errorClusters, (input) => backend.errorClusters(input)],
      ] as const satisfies readonly (readonly [RouteDef, (input: never) => Promise<unknown>])[]
    ).map(([route, answer]) =>
      routeHandler(
        route,
        serve(async (request) => HttpResponse.json(await answer((await body(request)) as never))),
      ),
    ),
    routeHandler(
      detailRoutes.sessionDetail,
      serve(async (request, { sessionId }) =>
        HttpResponse.json(
          await backend.getSession({ session_id: sessionId as string, ...lookback(request) }),
        ),
      ),
    ),
    routeHandler(
      replayRoutes.sessionReplay,
      serve(async (request, { sessionId }) =>
        HttpResponse.json(
          await backend.getSessionReplay({
            session_id: sessionId as string,
            ...lookback(request),
            ...replayPart(request),
          }),
        ),
      ),
    ),
    routeHandler(
      detailRoutes.viewDetail,
      serve(async (request, { viewId }) =>
        HttpResponse.json(
          await backend.getView({ view_id: viewId as string, ...lookback(request) }),
        ),
      ),
    ),
    routeHandler(
      detailRoutes.eventDetail,
      serve(async (request, { category, id }) =>
        HttpResponse.json(
          await backend.getEvent({
            category: category as ExplorerCategory,
            id: id as string,
            ...lookback(request),
          }),
        ),
      ),
    ),
    routeHandler(
      usageRoutes.usage,
      serve(async (request) => {
        const url = new URL(request.url);
        return HttpResponse.json(
          await backend.getUsage({
            from: url.searchParams.get('from') ?? '',
            to: url.searchParams.get('to') ?? '',
          }),
        );
      }),
    ),
  ];
}

/** The `from`/`to` of a detail route's query string, as numbers. */
function lookback(request: Request): { from?: number; to?: number } {
  const url = new URL(request.url);
  const out: { from?: number; to?: number } = {};
  for (const key of ['from', 'to'] as const) {
    const value = url.searchParams.get(key);
    if (value !== null) out[key] = Number(value);
  }
  return out;
}

/** The part of a replay asked for (`part`, `at`), passed on as the backend takes it. */
function replayPart(request: Request): { part?: 'all' | 'first' | 'rest'; at?: number } {
  const url = new URL(request.url);
  const part = url.searchParams.get('part');
  const at = url.searchParams.get('at');
  return {
    ...(part === null ? {} : { part: part as 'all' | 'first' | 'rest' }),
    ...(at === null ? {} : { at: Number(at) }),
  };
}
