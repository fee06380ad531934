// @rumkit/core/api: the contract of the reference server's JSON API. The server validates
// requests with these schemas and generates its OpenAPI document from them; createHttpBackend
// parses responses with them.
import { appRoutes } from './apps.js';
import { detailRoutes } from './details.js';
import { eventRoutes } from './events.js';
import type { RouteDef } from './route.js';
import { usageRoutes } from './usage.js';
import { workspaceRoutes } from './workspaces.js';

export * from './apps.js';
export * from './common.js';
export * from './details.js';
export * from './errors.js';
export * from './events.js';
export * from './openapi.js';
export * from './remote-config.js';
export * from './route.js';
export * from './usage.js';
export * from './workspaces.js';

/** Every route of the API, in the order the OpenAPI document lists them. */
export const API_ROUTES: readonly RouteDef[] = [
  ...Object.values(workspaceRoutes),
  ...Object.values(appRoutes),
  ...Object.values(eventRoutes),
  ...Object.values(detailRoutes),
  ...Object.values(usageRoutes),
];
