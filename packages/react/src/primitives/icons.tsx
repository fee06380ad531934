import type { AppType, ExplorerCategory } from '@rumkit/core';
import type { ReactNode, SVGProps } from 'react';

// Small line icons, 16px on a 16-unit grid, drawn in currentColor. Always decorative: the text
// next to them (or an aria-label on their button) says what they mean.

function Svg({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      className="rk-icon"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const SearchIcon = () => (
  <Svg>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Svg>
);
export const MoreIcon = () => (
  <Svg>
    <circle cx="3.5" cy="8" r="0.6" fill="currentColor" />
    <circle cx="8" cy="8" r="0.6" fill="currentColor" />
    <circle cx="12.5" cy="8" r="0.6" fill="currentColor" />
  </Svg>
);
export const CopyIcon = () => (
  <Svg>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 5.5v-2a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2" />
  </Svg>
);
export const CheckIcon = () => (
  <Svg>
    <path d="m3 8.5 3 3 7-7" />
  </Svg>
);
export const PlusIcon = () => (
  <Svg>
    <path d="M8 3v10M3 8h10" />
  </Svg>
);
export const WarningIcon = () => (
  <Svg>
    <path d="M8 2.5 14 13H2L8 2.5Z" />
    <path d="M8 6.5v3M8 11.2v.1" />
  </Svg>
);
const ERROR_GLYPH = (
  <>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 5v3.5M8 10.8v.1" />
  </>
);
export const ErrorIcon = () => <Svg>{ERROR_GLYPH}</Svg>;
export const ChartIcon = () => (
  <Svg>
    <path d="M2.5 13.5h11M4.5 11V8M8 11V4.5M11.5 11V7" />
  </Svg>
);
export const ExploreIcon = () => (
  <Svg>
    <path d="M2.5 4h11M2.5 8h7M2.5 12h4" />
    <circle cx="11.5" cy="11" r="2" />
    <path d="m13 12.5 1.2 1.2" />
  </Svg>
);
export const EditIcon = () => (
  <Svg>
    <path d="M10.5 2.5 13.5 5.5 6 13H3v-3l7.5-7.5Z" />
  </Svg>
);
export const TrashIcon = () => (
  <Svg>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />
  </Svg>
);
export const LinkIcon = () => (
  <Svg>
    <path d="M9 3h4v4M13 3 7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" />
  </Svg>
);
export const RefreshIcon = () => (
  <Svg>
    <path d="M13 8a5 5 0 1 1-1.5-3.5M13 2.5v3h-3" />
  </Svg>
);
export const ArrowUpIcon = () => (
  <Svg>
    <path d="M8 13V3M4 7l4-4 4 4" />
  </Svg>
);
export const CloseIcon = () => (
  <Svg>
    <path d="m4.5 4.5 7 7M11.5 4.5l-7 7" />
  </Svg>
);
/** Points right; a disclosure rotates it (CSS) when open. */
export const ChevronIcon = () => (
  <Svg>
    <path d="m6 4 4 4-4 4" />
  </Svg>
);
export const ClockIcon = () => (
  <Svg>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 5v3l2 1.5" />
  </Svg>
);
export const PlayIcon = () => (
  <Svg>
    <path d="M5 3.5v9l7-4.5-7-4.5Z" />
  </Svg>
);
export const PauseIcon = () => (
  <Svg>
    <path d="M5.5 3.5v9M10.5 3.5v9" />
  </Svg>
);
/** Four corners pointing out: enter full screen. */
export const FullscreenIcon = () => (
  <Svg>
    <path d="M3 6V3h3M10 3h3v3M13 10v3h-3M6 13H3v-3" />
  </Svg>
);
/** Four corners pointing in: leave full screen. */
export const ExitFullscreenIcon = () => (
  <Svg>
    <path d="M6 3v3H3M13 6h-3V3M10 13v-3h3M3 10h3v3" />
  </Svg>
);
/** A list beside a pane: show or hide a side list. */
export const SidebarIcon = () => (
  <Svg>
    <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
    <path d="M6.5 3v10" />
  </Svg>
);
/** Lines of text: the search bar's switch to its text mode. */
export const TextModeIcon = () => (
  <Svg>
    <path d="M3 4.5h10M3 8h10M3 11.5h6" />
  </Svg>
);
/** Two pills: the search bar's switch to its pill mode. */
export const PillModeIcon = () => (
  <Svg>
    <rect x="2" y="5" width="5.5" height="6" rx="2" />
    <rect x="8.5" y="5" width="5.5" height="6" rx="2" />
  </Svg>
);
export const SortIcon = ({ direction }: { direction: 'ascending' | 'descending' | 'none' }) => (
  <Svg>
    <path d="m5 6 3-3 3 3" opacity={direction === 'descending' ? 0.3 : 1} />
    <path d="m5 10 3 3 3-3" opacity={direction === 'ascending' ? 0.3 : 1} />
  </Svg>
);

const TYPE_GLYPHS: Record<AppType, ReactNode> = {
  web: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M2.5 8h11M8 2.5c1.6 1.5 2.4 3.3 2.4 5.5S9.6 12 8 13.5C6.4 12 5.6 10.2 5.6 8S6.4 4 8 2.5Z" />
    </>
  ),
  miniapp: (
    <>
      <circle cx="5.5" cy="8" r="2.5" />
      <circle cx="10.5" cy="8" r="2.5" />
      <path d="M5.5 5.5v-2M10.5 12.5v-2" />
    </>
  ),
  android: (
    <>
      <path d="M3.5 11V8a4.5 4.5 0 0 1 9 0v3h-9Z" />
      <path d="m5 4 -1-1.5M11 4l1-1.5" />
      <circle cx="6.2" cy="8" r="0.5" fill="currentColor" />
      <circle cx="9.8" cy="8" r="0.5" fill="currentColor" />
    </>
  ),
  ios: (
    <>
      <rect x="4.5" y="1.8" width="7" height="12.4" rx="1.8" />
      <path d="M7 12h2" />
    </>
  ),
  macos: (
    <>
      <rect x="2" y="3" width="12" height="8" rx="1.2" />
      <path d="M6 14h4M8 11v3" />
    </>
  ),
  react_native: (
    <>
      <ellipse cx="8" cy="8" rx="6" ry="2.4" />
      <ellipse cx="8" cy="8" rx="6" ry="2.4" transform="rotate(60 8 8)" />
      <ellipse cx="8" cy="8" rx="6" ry="2.4" transform="rotate(120 8 8)" />
    </>
  ),
  flutter: (
    <>
      <path d="M9.5 2 3.5 8l1.8 1.8L13 2H9.5Z" />
      <path d="M9.5 8 6.5 11l3 3H13l-3-3 3-3H9.5Z" />
    </>
  ),
  uniapp: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="3" />
      <path d="M5.5 5.5v3a2.5 2.5 0 0 0 5 0v-3" />
    </>
  ),
  cpp: (
    <>
      <path d="M6 3.5c-1.5 0-2 .5-2 1.5v1.5c0 .8-.5 1.5-1.5 1.5 1 0 1.5.7 1.5 1.5V11c0 1 .5 1.5 2 1.5M10 3.5c1.5 0 2 .5 2 1.5v1.5c0 .8.5 1.5 1.5 1.5-1 0-1.5.7-1.5 1.5V11c0 1-.5 1.5-2 1.5" />
    </>
  ),
  custom: (
    <>
      <path d="M3 4.5h6M12 4.5h1M3 8h1M7 8h6M3 11.5h6M12 11.5h1" />
      <circle cx="10.5" cy="4.5" r="1.5" />
      <circle cx="5.5" cy="8" r="1.5" />
      <circle cx="10.5" cy="11.5" r="1.5" />
    </>
  ),
};

/** The icon of an app type, in its tinted tile. */
export function AppTypeIcon({ type }: { type: AppType }) {
  return (
    <span className="rk-type-icon" data-type={type}>
      <Svg>{TYPE_GLYPHS[type]}</Svg>
    </span>
  );
}

const CATEGORY_GLYPHS: Record<ExplorerCategory, ReactNode> = {
  session: (
    <>
      <circle cx="8" cy="5.5" r="2.5" />
      <path d="M3 13.5a5 5 0 0 1 10 0" />
    </>
  ),
  view: (
    <>
      <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
      <path d="M2.5 6h11" />
    </>
  ),
  resource: <path d="M2.5 8h8M8 5l3 3-3 3M13.5 3v10" />,
  error: ERROR_GLYPH,
  action: <path d="M5.5 2.5v7l2-1.5 1.5 3.5 1.5-.7-1.5-3.3h2.5L5.5 2.5Z" />,
  long_task: (
    <>
      <circle cx="8" cy="8.5" r="5" />
      <path d="M8 6v2.5l1.8 1.2M6.5 2h3" />
    </>
  ),
};

/** The icon of an explorer category (timeline items, source rows). */
export const CategoryIcon = ({ category }: { category: ExplorerCategory }) => (
  <Svg>{CATEGORY_GLYPHS[category]}</Svg>
);
