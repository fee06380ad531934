export { ApplicationList, type ApplicationListProps } from './ApplicationList.js';
export {
  type ApplicationListOptions,
  type AppRow,
  type ComponentState,
  type Sort,
  type SortColumn,
  useApplicationList,
} from './useApplicationList.js';
