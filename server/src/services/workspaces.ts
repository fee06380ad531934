import type { CreatedApiKey, RetentionDays } from '@rumkit/core';
import { HttpError } from '../http/errors.js';
import type { KeyRecord, RegistryStore, WorkspaceRecord } from '../meta/registry.js';
import { type BlobStore, workspacePrefix } from '../replay/blobs.js';
import type { EventStore } from '../store/types.js';
import { hashSecret, newId, newSecret } from './keys.js';

export const DEFAULT_RETENTION: RetentionDays = 14;

export function createWorkspace(
  registry: RegistryStore,
  input: { name: string; retention_days?: RetentionDays | undefined },
  now: number,
): Promise<WorkspaceRecord> {
  return registry.update((draft) => {
    const workspace: WorkspaceRecord = {
      id: newId('ws'),
      name: input.name,
      retention_days: input.retention_days ?? DEFAULT_RETENTION,
      time_zone: 'UTC',
      created_at: new Date(now).toISOString(),
    };
    draft.workspaces.push(workspace);
    return workspace;
  });
}

export function findWorkspace(registry: RegistryStore, id: string): WorkspaceRecord {
  const workspace = registry.get().workspaces.find((w) => w.id === id);
  if (!workspace)
    throw new HttpError(404, 'workspace.not_found', `no workspace ${JSON.stringify(id)}`);
  return workspace;
}

export function updateWorkspace(
  registry: RegistryStore,
  id: string,
  input: {
    name?: string | undefined;
    retention_days?: RetentionDays | undefined;
    time_zone?: string | undefined;
  },
): Promise<WorkspaceRecord> {
  findWorkspace(registry, id);
  return registry.update((draft) => {
    const workspace = draft.workspaces.find((w) => w.id === id) as WorkspaceRecord;
    if (input.name !== undefined) workspace.name = input.name;
    if (input.retention_days !== undefined) workspace.retention_days = input.retention_days;
    if (input.time_zone !== undefined) workspace.time_zone = input.time_zone;
    return workspace;
  });
}

/**
 * Deletes the workspace, its keys and apps (ingest stops at once), then its events and its
 * replays: their index, then their blobs.
 */
export async function deleteWorkspace(
  registry: RegistryStore,
  store: EventStore,
  blobs: BlobStore,
  id: string,
) {
  findWorkspace(registry, id);
  await registry.update((draft) => {
    draft.workspaces = draft.workspaces.filter((w) => w.id !== id);
    draft.keys = draft.keys.filter((k) => k.workspace_id !== id);
    draft.apps = draft.apps.filter((a) => a.workspace_id !== id);
  });
  await store.deleteWorkspace(id);
  await blobs.deletePrefix(workspacePrefix(id));
}

export function createApiKey(
  registry: RegistryStore,
  workspaceId: string,
  name: string,
  now: number,
): Promise<CreatedApiKey> {
  findWorkspace(registry, workspaceId);
  const secret = newSecret();
  return registry.update((draft) => {
    const key: KeyRecord = {
      id: newId('key'),
      workspace_id: workspaceId,
      name,
      prefix: secret.slice(0, 10),
      hash: hashSecret(secret),
      created_at: new Date(now).toISOString(),
      last_used_at: null,
    };
    draft.keys.push(key);
    return { ...publicKey(key), secret };
  });
}

export function listApiKeys(registry: RegistryStore, workspaceId: string) {
  findWorkspace(registry, workspaceId);
  return registry
    .get()
    .keys.filter((k) => k.workspace_id === workspaceId)
    .map(publicKey);
}

export async function deleteApiKey(registry: RegistryStore, workspaceId: string, keyId: string) {
  const key = registry.get().keys.find((k) => k.id === keyId && k.workspace_id === workspaceId);
  if (!key)
    throw new HttpError(
      404,
      'key.not_found',
      `workspace ${workspaceId} has no key ${JSON.stringify(keyId)}`,
    );
  await registry.update((draft) => {
    draft.keys = draft.keys.filter((k) => k.id !== keyId);
  });
}

/** The workspace a bearer secret belongs to, or undefined. */
export function workspaceOfSecret(
  registry: RegistryStore,
  secret: string,
  now: number,
): WorkspaceRecord | undefined {
  const hash = hashSecret(secret);
  const key = registry.get().keys.find((k) => k.hash === hash);
  if (!key) return undefined;
  registry.touch(() => {
    key.last_used_at = new Date(now).toISOString();
  });
  return registry.get().workspaces.find((w) => w.id === key.workspace_id);
}

function publicKey({ hash: _hash, ...key }: KeyRecord) {
  return key;
}
