import { appRoutes as routes } from '@rumkit/core/api';
import { type RequestHandler, Router } from 'express';
import { mount } from '../http/validate.js';
import type { RegistryStore, WorkspaceRecord } from '../meta/registry.js';
import * as apps from '../services/apps.js';

export function appsRoutes(deps: {
  registry: RegistryStore;
  clock: () => number;
  workspace: RequestHandler;
}): Router {
  const { registry, clock, workspace } = deps;
  const router = Router();
  const ws = (res: { locals: Record<string, unknown> }) =>
    (res.locals.workspace as WorkspaceRecord).id;
  mount(router, routes.listApps, workspace, (_i, { res }) => ({
    apps: apps.listApps(registry, ws(res)),
  }));
  mount(router, routes.createApp, workspace, ({ body }, { res }) =>
    apps.createApp(registry, ws(res), body, clock()),
  );
  // Declared before /apps/{id} so "check-id" is not taken for an id.
  mount(router, routes.checkAppId, workspace, ({ query }) =>
    apps.appIdAvailability(registry, query.app_id, query.exclude),
  );
  mount(router, routes.getApp, workspace, ({ params }, { res }) =>
    apps.getApp(registry, ws(res), params.id),
  );
  mount(router, routes.updateApp, workspace, ({ params, body }, { res }) =>
    apps.updateApp(registry, ws(res), params.id, body, clock()),
  );
  mount(router, routes.deleteApp, workspace, ({ params }, { res }) =>
    apps.deleteApp(registry, ws(res), params.id),
  );
  return router;
}
