import {
  type App,
  type AppIdAvailability,
  type CreateAppInput,
  checkAppId,
  type UpdateAppInput,
} from '@rumkit/core';
import { HttpError } from '../http/errors.js';
import type { IngestApp } from '../ingest/datakit/pipeline.js';
import type { AppRecord, RegistryStore } from '../meta/registry.js';
import { newId } from './keys.js';

export function listApps(registry: RegistryStore, workspaceId: string): App[] {
  return registry
    .get()
    .apps.filter((a) => a.workspace_id === workspaceId)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
}

export function getApp(registry: RegistryStore, workspaceId: string, id: string): App {
  const app = registry.get().apps.find((a) => a.id === id && a.workspace_id === workspaceId);
  if (!app)
    throw new HttpError(404, 'app.not_found', `this workspace has no app ${JSON.stringify(id)}`);
  return app;
}

/** Whether an app_id is valid and free on the whole server (ingest routes by it alone). */
export function appIdAvailability(
  registry: RegistryStore,
  appId: string,
  exclude?: string,
): AppIdAvailability {
  const check = checkAppId(appId);
  if (!check.ok)
    return { app_id: appId, available: false, reason: 'invalid', message: check.message };
  const taken = registry.get().apps.some((a) => a.app_id === appId && a.id !== exclude);
  return taken
    ? {
        app_id: appId,
        available: false,
        reason: 'taken',
        message: `app_id ${appId} is already in use on this server`,
      }
    : { app_id: appId, available: true, reason: null, message: null };
}

function assertFree(registry: RegistryStore, appId: string, exclude?: string) {
  const availability = appIdAvailability(registry, appId, exclude);
  if (availability.reason === 'taken')
    throw new HttpError(409, 'app.app_id_taken', availability.message ?? '');
  if (availability.reason === 'invalid')
    throw new HttpError(400, 'app.app_id_invalid', availability.message ?? '');
}

export function createApp(
  registry: RegistryStore,
  workspaceId: string,
  input: CreateAppInput,
  now: number,
): Promise<App> {
  assertFree(registry, input.app_id);
  return registry.update((draft) => {
    // Checked again inside the update: two creates may race for one app_id.
    if (draft.apps.some((a) => a.app_id === input.app_id)) {
      throw new HttpError(
        409,
        'app.app_id_taken',
        `app_id ${input.app_id} is already in use on this server`,
      );
    }
    const time = new Date(now).toISOString();
    const app: AppRecord = {
      id: newId('app'),
      workspace_id: workspaceId,
      name: input.name,
      app_id: input.app_id,
      type: input.type,
      allowed_origins: input.allowed_origins ?? [],
      client_token: input.client_token ?? null,
      dashboard_bindings: input.dashboard_bindings ?? [],
      remote_config: input.remote_config ?? {},
      created_at: time,
      updated_at: time,
    };
    draft.apps.push(app);
    return app;
  });
}

/**
 * Edits an app. A new app_id takes effect at once (spec §1.2): ingest accepts only the new
 * id, and events stored under the old one stay stored, out of the app's views.
 */
export function updateApp(
  registry: RegistryStore,
  workspaceId: string,
  id: string,
  input: UpdateAppInput,
  now: number,
): Promise<App> {
  getApp(registry, workspaceId, id);
  if (input.app_id !== undefined) assertFree(registry, input.app_id, id);
  return registry.update((draft) => {
    const app = draft.apps.find((a) => a.id === id) as AppRecord;
    if (
      input.app_id !== undefined &&
      draft.apps.some((a) => a.app_id === input.app_id && a.id !== id)
    ) {
      throw new HttpError(
        409,
        'app.app_id_taken',
        `app_id ${input.app_id} is already in use on this server`,
      );
    }
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined) (app as unknown as Record<string, unknown>)[key] = value;
    }
    app.updated_at = new Date(now).toISOString();
    return app;
  });
}

export async function deleteApp(registry: RegistryStore, workspaceId: string, id: string) {
  getApp(registry, workspaceId, id);
  await registry.update((draft) => {
    draft.apps = draft.apps.filter((a) => a.id !== id);
  });
}

/** What ingest needs to know of each registered app. */
export function ingestApps(apps: readonly AppRecord[]): IngestApp[] {
  return apps.map((a) => ({
    appId: a.app_id,
    workspaceId: a.workspace_id,
    allowedOrigins: a.allowed_origins,
    clientToken: a.client_token,
  }));
}
