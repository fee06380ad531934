// Internal building blocks of the kit's components. Not exported from the package.
export { Button, type ButtonProps } from './Button.js';
export { CodeBlock, CopyButton, type CopyLabels } from './CodeBlock.js';
export { ConfirmDialog } from './ConfirmDialog.js';
export { copyText } from './clipboard.js';
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
  CategoryIcon,
  ChartIcon,
  CheckIcon,
  ChevronIcon,
  ClockIcon,
  CloseIcon,
  CopyIcon,
  EditIcon,
  ErrorIcon,
  ExitFullscreenIcon,
  ExploreIcon,
  FullscreenIcon,
  LinkIcon,
  MoreIcon,
  PauseIcon,
  PillModeIcon,
  PlayIcon,
  PlusIcon,
  RefreshIcon,
  SearchIcon,
  SidebarIcon,
  SortIcon,
  TextModeIcon,
  TrashIcon,
  WarningIcon,
} from './icons.js';
export { MenuButton, type MenuItem } from './MenuButton.js';
export { NavAction } from './NavAction.js';
export { type TabItem, Tabs } from './Tabs.js';
export { ToggleGroup, type ToggleOption } from './ToggleGroup.js';
