import { detailRoutes as routes } from '@rumkit/core/api';
import { type RequestHandler, Router } from 'express';
import { mount } from '../http/validate.js';
import type { WorkspaceRecord } from '../meta/registry.js';
import * as details from '../services/details.js';
import type { EventStore } from '../store/types.js';

export function detailsRoutes(deps: {
  store: EventStore;
  clock: () => number;
  workspace: RequestHandler;
}): Router {
  const { store, clock, workspace } = deps;
  const router = Router();
  const ws = (res: { locals: Record<string, unknown> }) =>
    (res.locals.workspace as WorkspaceRecord).id;
  mount(router, routes.sessionDetail, workspace, ({ params, query }, { res }) =>
    details.sessionDetail(store, ws(res), params.sessionId, query, clock()),
  );
  mount(router, routes.viewDetail, workspace, ({ params, query }, { res }) =>
    details.viewDetail(store, ws(res), params.viewId, query, clock()),
  );
  mount(router, routes.eventDetail, workspace, ({ params, query }, { res }) =>
    details.eventDetail(store, ws(res), params.category, params.id, query, clock()),
  );
  mount(router, routes.errorClusters, workspace, ({ body }, { res }) =>
    details.errorClusters(store, ws(res), body),
  );
  return router;
}
