import type { Workspace } from '../api/index.js';
import type { RumBackend } from '../backend/types.js';

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
