// @rumkit/react: the React bridge and components of rumkit.
export {
  ApplicationList,
  type ApplicationListOptions,
  type ApplicationListProps,
  type AppRow,
  type ComponentState,
  useApplicationList,
} from './components/ApplicationList/index.js';
export {
  type AppIdStatus,
  CreateAppWizard,
  type CreateAppWizardOptions,
  type CreateAppWizardProps,
  useCreateAppWizard,
  type WizardField,
  type WizardStep,
} from './components/CreateAppWizard/index.js';
export {
  type BoundView,
  DashboardBinder,
  type DashboardBinderOptions,
  type DashboardBinderProps,
  useDashboardBinder,
} from './components/DashboardBinder/index.js';
export {
  Explorer,
  type ExplorerModel,
  type ExplorerOptions,
  type ExplorerProps,
  type ExplorerScope,
  type ExplorerStatus,
  type FilterRequest,
  type ReplayTarget,
  useExplorer,
} from './components/Explorer/index.js';
export {
  type ControllableStateOptions,
  useControllableState,
} from './hooks/useControllableState.js';
export { useKitUi } from './hooks/useKitUi.js';
export { en, type Locale, type MessageKey, type Messages, zh } from './i18n/index.js';
export {
  createKitQueryClient,
  createKitStore,
  type DashboardTarget,
  type ExplorerTarget,
  type KitStore,
  type KitUiState,
  type RumKitContextValue,
  type RumNavigation,
  RumProvider,
  type RumProviderProps,
  useRumKit,
} from './provider/index.js';
