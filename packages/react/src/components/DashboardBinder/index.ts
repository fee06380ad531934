export { DashboardBinder, type DashboardBinderProps } from './DashboardBinder.js';
export {
  type BoundView,
  type DashboardBinderOptions,
  useDashboardBinder,
} from './useDashboardBinder.js';
