import { workspaceRoutes as routes } from '@rumkit/core/api';
import { type RequestHandler, Router } from 'express';
import { mount } from '../http/validate.js';
import type { RegistryStore, WorkspaceRecord } from '../meta/registry.js';
import type { BlobStore } from '../replay/blobs.js';
import * as workspaces from '../services/workspaces.js';
import type { EventStore } from '../store/types.js';

export interface AdminDeps {
  registry: RegistryStore;
  store: EventStore;
  /** Replay blobs, deleted with their workspace. */
  blobs: BlobStore;
  clock: () => number;
  admin: RequestHandler;
  workspace: RequestHandler;
}

export function adminRoutes({
  registry,
  store,
  blobs,
  clock,
  admin,
  workspace,
}: AdminDeps): Router {
  const router = Router();
  mount(router, routes.createWorkspace, admin, ({ body }) =>
    workspaces.createWorkspace(registry, body, clock()),
  );
  mount(router, routes.listWorkspaces, admin, () => ({ workspaces: registry.get().workspaces }));
  mount(router, routes.updateWorkspace, admin, ({ params, body }) =>
    workspaces.updateWorkspace(registry, params.workspaceId, body),
  );
  mount(router, routes.deleteWorkspace, admin, ({ params }) =>
    workspaces.deleteWorkspace(registry, store, blobs, params.workspaceId),
  );
  mount(router, routes.createApiKey, admin, ({ params, body }) =>
    workspaces.createApiKey(registry, params.workspaceId, body.name, clock()),
  );
  mount(router, routes.listApiKeys, admin, ({ params }) => ({
    keys: workspaces.listApiKeys(registry, params.workspaceId),
  }));
  mount(router, routes.deleteApiKey, admin, ({ params }) =>
    workspaces.deleteApiKey(registry, params.workspaceId, params.keyId),
  );
  mount(
    router,
    routes.currentWorkspace,
    workspace,
    (_input, { res }) => res.locals.workspace as WorkspaceRecord,
  );
  return router;
}
