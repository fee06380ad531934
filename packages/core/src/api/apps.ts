import { z } from 'zod';
import { checkAppId } from '../rules/appId.js';
import { APP_TYPES } from '../rules/appTypes.js';
import { isoTime } from './common.js';
import { remoteConfigOptions } from './remote-config.js';
import { defineRoute } from './route.js';

export const appIdString = z.string().superRefine((value, ctx) => {
  const check = checkAppId(value);
  if (!check.ok)
    ctx.addIssue({ code: 'custom', message: check.message, params: { problem: check.problem } });
});

export const appType = z.enum(APP_TYPES).meta({ id: 'AppType' });

/** An allowed origin for CORS, as the browser sends it: `scheme://host[:port]`. */
export const origin = z
  .string()
  .regex(
    /^https?:\/\/[^/\s?#]+$/,
    'an origin is scheme://host[:port], with no path, such as https://shop.example.com',
  );

export const app = z
  .object({
    id: z.string().describe('Internal id; stays the same when app_id changes.'),
    workspace_id: z.string(),
    name: z.string(),
    app_id: z.string().describe('The id the SDKs send as `applicationId` and the `app_id` tag.'),
    type: appType,
    allowed_origins: z.array(z.string()).describe('Origins allowed to report; empty allows any.'),
    client_token: z.string().nullable().describe('Optional token the SDK must send as `token`.'),
    dashboard_bindings: z
      .array(z.string())
      .describe('Built-in views bound as analysis dashboards (Custom apps); the first one opens.'),
    remote_config: remoteConfigOptions,
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({ id: 'App' });
export type App = z.infer<typeof app>;

const appName = z.string().trim().min(1).max(100);

export const createAppBody = z
  .object({
    name: appName,
    app_id: appIdString,
    type: appType,
    allowed_origins: z.array(origin).max(100).optional(),
    client_token: z.string().min(8).max(200).nullable().optional(),
    dashboard_bindings: z.array(z.string().min(1)).max(50).optional(),
    remote_config: remoteConfigOptions.optional(),
  })
  .strict()
  .meta({ id: 'CreateApp' });
export type CreateAppInput = z.infer<typeof createAppBody>;

export const updateAppBody = createAppBody.partial().strict().meta({ id: 'UpdateApp' });
export type UpdateAppInput = z.infer<typeof updateAppBody>;

export const appIdAvailability = z
  .object({
    app_id: z.string(),
    available: z.boolean(),
    reason: z.enum(['invalid', 'taken']).nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'AppIdAvailability' });
export type AppIdAvailability = z.infer<typeof appIdAvailability>;

const appParams = z.object({ id: z.string().min(1) });

export const appRoutes = {
  listApps: defineRoute({
    id: 'listApps',
    method: 'GET',
    path: '/api/v1/apps',
    auth: 'workspace',
    tag: 'apps',
    summary: "List the workspace's apps, newest first.",
    response: z.object({ apps: z.array(app) }),
  }),
  createApp: defineRoute({
    id: 'createApp',
    method: 'POST',
    path: '/api/v1/apps',
    auth: 'workspace',
    tag: 'apps',
    summary:
      'Register an app. Its app_id must be free on the whole server, since ingest routes by it.',
    body: createAppBody,
    response: app,
    status: 201,
  }),
  checkAppId: defineRoute({
    id: 'checkAppId',
    method: 'GET',
    path: '/api/v1/apps/check-id',
    auth: 'workspace',
    tag: 'apps',
    summary: 'Whether an app_id is valid and free, for live validation in a form.',
    query: z.object({ app_id: z.string(), exclude: z.string().optional() }),
    response: appIdAvailability,
  }),
  getApp: defineRoute({
    id: 'getApp',
    method: 'GET',
    path: '/api/v1/apps/{id}',
    auth: 'workspace',
    tag: 'apps',
    summary: 'One app.',
    params: appParams,
    response: app,
  }),
  updateApp: defineRoute({
    id: 'updateApp',
    method: 'PATCH',
    path: '/api/v1/apps/{id}',
    auth: 'workspace',
    tag: 'apps',
    summary:
      'Edit an app. A new app_id takes effect at once: the SDKs must send it, and data under the old id stays stored but is no longer listed under the app (spec §1.2).',
    params: appParams,
    body: updateAppBody,
    response: app,
  }),
  deleteApp: defineRoute({
    id: 'deleteApp',
    method: 'DELETE',
    path: '/api/v1/apps/{id}',
    auth: 'workspace',
    tag: 'apps',
    summary: 'Delete an app. Ingest stops accepting its app_id at once.',
    params: appParams,
    status: 204,
  }),
};
