// Internal building blocks of the kit's components. Not exported from the package.
export { Button, type ButtonProps } from './Button.js';
export { CodeBlock, CopyButton, type CopyLabels } from './CodeBlock.js';
export { ConfirmDialog } from './ConfirmDialog.js';
export {
  ErrorPanel,
  errorText,
  Highlight,
  StatePanel,
  useAnnouncer,
  useDebouncedValue,
  VisuallyHidden,
} from './feedback.js';
export {
  AppTypeIcon,
  ArrowUpIcon,
  ChartIcon,
  CheckIcon,
  CopyIcon,
  EditIcon,
  ErrorIcon,
  ExploreIcon,
  LinkIcon,
  MoreIcon,
  PlusIcon,
  RefreshIcon,
  SearchIcon,
  SortIcon,
  TrashIcon,
  WarningIcon,
} from './icons.js';
export { MenuButton, type MenuItem } from './MenuButton.js';
export { NavAction } from './NavAction.js';
export { type TabItem, Tabs } from './Tabs.js';
