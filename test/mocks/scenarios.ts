// Whole-API situations for the loading and error states of every component.
import { delay, type HttpHandler, HttpResponse } from 'msw';
import { KIT_ROUTES, routeHandler } from './api.js';

/** Every kit route hangs: the components stay in their loading state. */
export function loadingHandlers(): HttpHandler[] {
  return KIT_ROUTES.map((route) =>
    routeHandler(route, async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  );
}

export interface FailureOptions {
  status?: number;
  code?: string;
  message?: string;
}

/** Every kit route fails with DataKit's error body: the components show their error state. */
export function failingHandlers({
  status = 503,
  code = 'server.unavailable',
  message = 'the event store is not reachable; try again in a minute',
}: FailureOptions = {}): HttpHandler[] {
  return KIT_ROUTES.map((route) =>
    routeHandler(route, () => HttpResponse.json({ error_code: code, message }, { status })),
  );
}
