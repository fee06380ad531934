import { eventRoutes as routes } from '@rumkit/core/api';
import { type RequestHandler, Router } from 'express';
import { mount } from '../http/validate.js';
import type { WorkspaceRecord } from '../meta/registry.js';
import * as explorer from '../services/explorer.js';
import type { EventStore } from '../store/types.js';

export function eventsRoutes(deps: { store: EventStore; workspace: RequestHandler }): Router {
  const { store, workspace } = deps;
  const router = Router();
  const ws = (res: { locals: Record<string, unknown> }) =>
    (res.locals.workspace as WorkspaceRecord).id;
  mount(router, routes.searchEvents, workspace, ({ body }, { res }) =>
    explorer.searchEvents(store, ws(res), body),
  );
  mount(router, routes.facet, workspace, ({ body }, { res }) =>
    explorer.facet(store, ws(res), body),
  );
  mount(router, routes.histogram, workspace, ({ body }, { res }) =>
    explorer.histogram(store, ws(res), body),
  );
  mount(router, routes.analysis, workspace, ({ body }, { res }) =>
    explorer.analysis(store, ws(res), body),
  );
  return router;
}
