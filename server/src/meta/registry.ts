import type { AppType, RemoteConfig, RetentionDays } from '@rumkit/core';
import type { JsonFile } from './file-store.js';

export interface WorkspaceRecord {
  id: string;
  name: string;
  retention_days: RetentionDays;
  time_zone: string;
  created_at: string;
}

export interface KeyRecord {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  /** sha256 of the secret; the secret itself is never stored. */
  hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface AppRecord {
  id: string;
  workspace_id: string;
  name: string;
  app_id: string;
  type: AppType;
  allowed_origins: string[];
  client_token: string | null;
  dashboard_bindings: string[];
  remote_config: RemoteConfig;
  created_at: string;
  updated_at: string;
}

export interface Registry {
  version: 1;
  workspaces: WorkspaceRecord[];
  keys: KeyRecord[];
  apps: AppRecord[];
}

/**
 * Workspaces, keys and apps: a few kilobytes, read on every request, changed rarely. Held in
 * memory, saved whole on every change; `onChange` tells ingest which app_ids it may accept.
 */
export interface RegistryStore {
  get(): Readonly<Registry>;
  /** Applies a change and saves it before resolving; changes run one at a time. */
  update<T>(change: (draft: Registry) => T): Promise<T>;
  /** Saves soon without blocking (for last-used times). */
  touch(change: (draft: Registry) => void): void;
  onChange(listener: (registry: Readonly<Registry>) => void): void;
  flush(): void;
}

export function openRegistry(file: JsonFile<Registry>): RegistryStore {
  let state: Registry = migrate(file.read() ?? { version: 1, workspaces: [], keys: [], apps: [] });
  const listeners: ((registry: Readonly<Registry>) => void)[] = [];
  let chain = Promise.resolve();
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;

  const save = () => {
    dirty = false;
    file.write(state);
  };

  return {
    get: () => state,
    update(change) {
      const run = chain.then(() => {
        const draft = structuredClone(state);
        const result = change(draft);
        file.write(draft);
        state = draft;
        dirty = false;
        for (const listener of listeners) listener(state);
        return result;
      });
      chain = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    touch(change) {
      change(state);
      dirty = true;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (dirty) save();
      }, 30_000).unref();
    },
    onChange(listener) {
      listeners.push(listener);
    },
    flush() {
      clearTimeout(timer);
      timer = undefined;
      if (dirty) save();
    },
  };
}

/** Fills what older registry files lack. */
function migrate(registry: Registry): Registry {
  for (const workspace of registry.workspaces) workspace.time_zone ??= 'UTC';
  return registry;
}
