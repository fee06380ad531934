import type { App, AppIdAvailability, CreateAppInput, UpdateAppInput } from '../api/index.js';
import type { RumBackend } from '../backend/types.js';

type QueryKeyLike = readonly unknown[];

/**
 * The part of a QueryClient the cache helpers use. Any QueryClient fits; it is structural so
 * that hosts and packages compiled with other module settings (which may see query-core's
 * CommonJS typings, a different QueryClient class to TypeScript) can pass theirs.
 */
export interface QueryCacheWriter {
  setQueryData(queryKey: QueryKeyLike, data: unknown): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: the cached value's type is the caller's
  setQueriesData(filters: { queryKey: QueryKeyLike }, updater: (old: any) => unknown): unknown;
  invalidateQueries(filters: { queryKey: QueryKeyLike }): Promise<void>;
  removeQueries(filters: { queryKey: QueryKeyLike }): void;
}

/**
 * Query keys for apps, hierarchical so that invalidating `appKeys.all` refreshes everything
 * about apps and `appKeys.lists()` only the lists.
 */
export const appKeys = {
  all: ['rumkit', 'apps'] as const,
  lists: () => [...appKeys.all, 'list'] as const,
  list: () => [...appKeys.lists(), {}] as const,
  details: () => [...appKeys.all, 'detail'] as const,
  detail: (id: string) => [...appKeys.details(), id] as const,
  idChecks: () => [...appKeys.all, 'id-check'] as const,
  idCheck: (appId: string, exclude?: string) =>
    [...appKeys.idChecks(), { app_id: appId, exclude: exclude ?? null }] as const,
};

/** The workspace's apps, newest first. */
export function appListOptions(backend: RumBackend) {
  return {
    queryKey: appKeys.list(),
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<App[]> => backend.listApps({ signal }),
    staleTime: 30_000,
  };
}

/** One app by internal id. */
export function appDetailOptions(backend: RumBackend, id: string) {
  return {
    queryKey: appKeys.detail(id),
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<App> =>
      backend.getApp({ id }, { signal }),
    staleTime: 30_000,
  };
}

/**
 * Whether an app_id is valid and free; `exclude` is the app being edited. Short-lived: another
 * admin may take the id at any moment, and the server checks again on save.
 */
export function appIdCheckOptions(backend: RumBackend, appId: string, exclude?: string) {
  return {
    queryKey: appKeys.idCheck(appId, exclude),
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<AppIdAvailability> =>
      backend.checkAppId({ app_id: appId, exclude }, { signal }),
    staleTime: 5_000,
  };
}

export const appMutationKeys = {
  create: [...appKeys.all, 'create'] as const,
  update: [...appKeys.all, 'update'] as const,
  delete: [...appKeys.all, 'delete'] as const,
};

export function createAppMutation(backend: RumBackend) {
  return {
    mutationKey: appMutationKeys.create,
    mutationFn: (input: CreateAppInput): Promise<App> => backend.createApp(input),
  };
}

export function updateAppMutation(backend: RumBackend) {
  return {
    mutationKey: appMutationKeys.update,
    mutationFn: (input: { id: string; patch: UpdateAppInput }): Promise<App> =>
      backend.updateApp(input),
  };
}

export function deleteAppMutation(backend: RumBackend) {
  return {
    mutationKey: appMutationKeys.delete,
    mutationFn: (input: { id: string }): Promise<void> => backend.deleteApp(input),
  };
}

/**
 * Puts a created or changed app into the cache at once (detail and any loaded list), then marks
 * lists and app_id checks stale so they refetch from the server.
 */
export function writeAppToCache(client: QueryCacheWriter, app: App): void {
  client.setQueryData(appKeys.detail(app.id), app);
  client.setQueriesData({ queryKey: appKeys.lists() }, (apps: App[] | undefined) => {
    if (!apps) return apps;
    const index = apps.findIndex((a) => a.id === app.id);
    if (index === -1) return [app, ...apps];
    const next = apps.slice();
    next[index] = app;
    return next;
  });
  void client.invalidateQueries({ queryKey: appKeys.lists() });
  void client.invalidateQueries({ queryKey: appKeys.idChecks() });
}

/** Takes a deleted app out of every loaded list and drops its detail. */
export function removeAppFromCache(client: QueryCacheWriter, id: string): void {
  client.setQueriesData({ queryKey: appKeys.lists() }, (apps: App[] | undefined) =>
    apps?.filter((a) => a.id !== id),
  );
  client.removeQueries({ queryKey: appKeys.detail(id) });
  void client.invalidateQueries({ queryKey: appKeys.lists() });
  void client.invalidateQueries({ queryKey: appKeys.idChecks() });
}
