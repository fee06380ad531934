import { usageRoutes as routes, workspaceRoutes } from '@rumkit/core/api';
import type { PriceTable } from '@rumkit/core/rules';
import { type RequestHandler, Router } from 'express';
import { mount } from '../http/validate.js';
import type { RegistryStore, WorkspaceRecord } from '../meta/registry.js';
import { usageReport } from '../services/usage.js';
import { updateWorkspace } from '../services/workspaces.js';
import type { EventStore } from '../store/types.js';

export function usageRoutes(deps: {
  store: EventStore;
  registry: RegistryStore;
  clock: () => number;
  prices: PriceTable;
  workspace: RequestHandler;
}): Router {
  const { store, registry, clock, prices, workspace } = deps;
  const router = Router();
  const ws = (res: { locals: Record<string, unknown> }) => res.locals.workspace as WorkspaceRecord;
  mount(router, routes.usage, workspace, ({ query }, { res }) =>
    usageReport(store, ws(res), query, clock(), prices),
  );
  mount(router, workspaceRoutes.updateCurrentWorkspace, workspace, ({ body }, { res }) =>
    updateWorkspace(registry, ws(res).id, body),
  );
  return router;
}
