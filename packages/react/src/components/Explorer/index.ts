export { Explorer, type ExplorerProps } from './Explorer.js';
export type { ExplorerScope, FilterRequest, ReplayTarget } from './types.js';
export {
  type ExplorerModel,
  type ExplorerOptions,
  type ExplorerStatus,
  useExplorer,
} from './useExplorer.js';
