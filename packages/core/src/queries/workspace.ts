import type { UpdateWorkspaceInput, Workspace } from '../api/index.js';
import type { RumBackend } from '../backend/types.js';
import type { QueryCacheWriter } from './apps.js';
import { usageKeys } from './usage.js';

export const workspaceKeys = {
  all: ['rumkit', 'workspace'] as const,
  current: () => [...workspaceKeys.all, 'current'] as const,
};

/** The workspace the backend speaks for. It rarely changes, so it stays fresh for minutes. */
export function currentWorkspaceOptions(backend: RumBackend) {
  return {
    queryKey: workspaceKeys.current(),
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<Workspace> =>
      backend.getWorkspace({ signal }),
    staleTime: 5 * 60_000,
  };
}

export const workspaceMutationKeys = {
  update: [...workspaceKeys.all, 'update'] as const,
};

/** Changes the retention, the usage time zone or the name of the workspace. */
export function updateWorkspaceMutation(backend: RumBackend) {
  return {
    mutationKey: workspaceMutationKeys.update,
    mutationFn: (input: UpdateWorkspaceInput): Promise<Workspace> => backend.updateWorkspace(input),
  };
}

/**
 * Puts a changed workspace into the cache at once and marks usage reports stale: the retention
 * sets the price tier and the time zone the days.
 */
export function writeWorkspaceToCache(client: QueryCacheWriter, workspace: Workspace): void {
  client.setQueryData(workspaceKeys.current(), workspace);
  void client.invalidateQueries({ queryKey: usageKeys.all });
}
