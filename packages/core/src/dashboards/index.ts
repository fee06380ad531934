// The built-in view catalogue (spec §1.5).
export {
  BUILT_IN_VIEWS,
  type BuiltInView,
  builtInView,
  DASHBOARD_KINDS,
  DASHBOARD_PLATFORMS,
  type DashboardKind,
  type DashboardPlatform,
  dashboardForApp,
  isBuiltInViewId,
  type LocalizedText,
  PLATFORM_LABELS,
  platformOfAppType,
  type ViewVariables,
} from './catalogue.js';
