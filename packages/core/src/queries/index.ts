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
export {
  analysisOptions,
  errorClustersOptions,
  eventDetailOptions,
  eventKeys,
  facetOptions,
  histogramOptions,
  searchEventPagesOptions,
  searchEventsOptions,
  sessionDetailOptions,
  sessionReplayOptions,
  viewDetailOptions,
} from './events.js';
export { usageKeys, usageOptions } from './usage.js';
export {
  currentWorkspaceOptions,
  updateWorkspaceMutation,
  workspaceKeys,
  workspaceMutationKeys,
  writeWorkspaceToCache,
} from './workspace.js';
