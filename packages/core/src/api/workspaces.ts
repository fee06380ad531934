import { z } from 'zod';
import { isoTime } from './common.js';
import { defineRoute } from './route.js';

export const RETENTION_DAYS = [3, 7, 14] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number];
export const retentionDays = z
  .union([z.literal(3), z.literal(7), z.literal(14)])
  .describe('How many days RUM data and replays are kept (spec §1.10). Default 14.');

export const workspace = z
  .object({
    id: z.string(),
    name: z.string(),
    retention_days: retentionDays,
    time_zone: z.string().describe('IANA time zone in which usage days are counted. Default UTC.'),
    created_at: isoTime,
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof workspace>;

export const workspaceName = z.string().trim().min(1).max(100);

export const createWorkspaceBody = z
  .object({ name: workspaceName, retention_days: retentionDays.optional() })
  .strict();
export const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not an IANA time zone, such as Asia/Shanghai or UTC' },
);

export const updateWorkspaceBody = z
  .object({
    name: workspaceName.optional(),
    retention_days: retentionDays.optional(),
    time_zone: timeZone.optional(),
  })
  .strict();

export const apiKey = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    name: z.string(),
    /** The first characters of the key, enough to recognise it in a list. */
    prefix: z.string(),
    created_at: isoTime,
    last_used_at: isoTime.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKey>;

export const createdApiKey = apiKey
  .extend({ secret: z.string().describe('The key itself. It is shown once and never again.') })
  .meta({ id: 'CreatedApiKey' });
export type CreatedApiKey = z.infer<typeof createdApiKey>;

export const createApiKeyBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();

const workspaceParams = z.object({ workspaceId: z.string().min(1) });
const keyParams = z.object({ workspaceId: z.string().min(1), keyId: z.string().min(1) });

export const workspaceRoutes = {
  createWorkspace: defineRoute({
    id: 'createWorkspace',
    method: 'POST',
    path: '/api/v1/admin/workspaces',
    auth: 'admin',
    tag: 'admin',
    summary: 'Create a workspace.',
    body: createWorkspaceBody,
    response: workspace,
    status: 201,
  }),
  listWorkspaces: defineRoute({
    id: 'listWorkspaces',
    method: 'GET',
    path: '/api/v1/admin/workspaces',
    auth: 'admin',
    tag: 'admin',
    summary: 'List the workspaces.',
    response: z.object({ workspaces: z.array(workspace) }),
  }),
  updateWorkspace: defineRoute({
    id: 'updateWorkspace',
    method: 'PATCH',
    path: '/api/v1/admin/workspaces/{workspaceId}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Rename a workspace or change its retention.',
    params: workspaceParams,
    body: updateWorkspaceBody,
    response: workspace,
  }),
  deleteWorkspace: defineRoute({
    id: 'deleteWorkspace',
    method: 'DELETE',
    path: '/api/v1/admin/workspaces/{workspaceId}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Delete a workspace with its keys and apps; their stored events are deleted too.',
    params: workspaceParams,
    status: 204,
  }),
  createApiKey: defineRoute({
    id: 'createApiKey',
    method: 'POST',
    path: '/api/v1/admin/workspaces/{workspaceId}/keys',
    auth: 'admin',
    tag: 'admin',
    summary: 'Create an API key for a workspace. The answer holds the secret, once.',
    params: workspaceParams,
    body: createApiKeyBody,
    response: createdApiKey,
    status: 201,
  }),
  listApiKeys: defineRoute({
    id: 'listApiKeys',
    method: 'GET',
    path: '/api/v1/admin/workspaces/{workspaceId}/keys',
    auth: 'admin',
    tag: 'admin',
    summary: "List a workspace's API keys (without their secrets).",
    params: workspaceParams,
    response: z.object({ keys: z.array(apiKey) }),
  }),
  deleteApiKey: defineRoute({
    id: 'deleteApiKey',
    method: 'DELETE',
    path: '/api/v1/admin/workspaces/{workspaceId}/keys/{keyId}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Revoke an API key.',
    params: keyParams,
    status: 204,
  }),
  updateCurrentWorkspace: defineRoute({
    id: 'updateCurrentWorkspace',
    method: 'PATCH',
    path: '/api/v1/workspace',
    auth: 'workspace',
    tag: 'workspace',
    summary:
      'Change the retention policy (3, 7 or 14 days; data past it is deleted within the hour) or the time zone of usage days.',
    body: updateWorkspaceBody,
    response: workspace,
  }),
  currentWorkspace: defineRoute({
    id: 'currentWorkspace',
    method: 'GET',
    path: '/api/v1/workspace',
    auth: 'workspace',
    tag: 'workspace',
    summary: 'The workspace the calling key belongs to.',
    response: workspace,
  }),
};
