// @rumkit/core/api: the contract of the reference server's JSON API. The server validates
// requests with these schemas and generates its OpenAPI document from them; createHttpBackend
// parses responses with them.
import type { z } from 'zod';
import { appRoutes } from './apps.js';
import { detailRoutes } from './details.js';
import { eventRoutes } from './events.js';
import { replayRoutes } from './replay.js';
import type { RouteDef } from './route.js';
import { type usageQuery, usageRoutes } from './usage.js';
import { type updateWorkspaceBody, workspaceRoutes } from './workspaces.js';

export * from './apps.js';
export * from './common.js';
export * from './details.js';
export * from './errors.js';
export * from './events.js';
export * from './openapi.js';
export * from './remote-config.js';
export * from './replay.js';
export * from './route.js';
export * from './usage.js';
export * from './workspaces.js';

/** Every route of the API, in the order the OpenAPI document lists them. */
export const API_ROUTES: readonly RouteDef[] = [
  ...Object.values(workspaceRoutes),
  ...Object.values(appRoutes),
  ...Object.values(eventRoutes),
  ...Object.values(detailRoutes),
  ...Object.values(replayRoutes),
  ...Object.values(usageRoutes),
];

/** The time window of a detail lookup (ms); default the last 15 days up to a day ahead. */
export type DetailLookback = z.output<NonNullable<(typeof detailRoutes)['sessionDetail']['query']>>;
/** The days of a usage report, YYYY-MM-DD in the workspace's time zone, both included. */
export type UsageInput = z.input<typeof usageQuery>;
/** What the workspace's own key may change: its name, retention and usage time zone. */
export type UpdateWorkspaceInput = z.input<typeof updateWorkspaceBody>;
