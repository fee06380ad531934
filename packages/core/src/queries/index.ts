// Query keys and query option factories on @tanstack/query-core, one file per resource.
export {
  appDetailOptions,
  appIdCheckOptions,
  appKeys,
  appListOptions,
  appMutationKeys,
  createAppMutation,
  deleteAppMutation,
  type QueryCacheWriter,
  removeAppFromCache,
  updateAppMutation,
  writeAppToCache,
} from './apps.js';
export { currentWorkspaceOptions, workspaceKeys } from './workspace.js';
