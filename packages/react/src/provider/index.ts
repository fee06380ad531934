export {
  type DashboardTarget,
  type ExplorerTarget,
  type RumKitContextValue,
  type RumNavigation,
  useRumKit,
} from './context.js';
export { createKitQueryClient, RumProvider, type RumProviderProps } from './RumProvider.js';
export { createKitStore, type KitStore, type KitUiState } from './store.js';
