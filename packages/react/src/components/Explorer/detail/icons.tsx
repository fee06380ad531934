import type { ExplorerCategory } from '@rumkit/core';
import type { ReactNode } from 'react';

// The drawer's own line icons, drawn like the kit's (16-unit grid, currentColor) and always
// decorative: the text beside them says what they mean.
function Svg({ children }: { children: ReactNode }) {
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
    >
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Svg>
    <path d="M5 3.5v9l7-4.5-7-4.5Z" />
  </Svg>
);
export const CloseIcon = () => (
  <Svg>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Svg>
);

const GLYPHS: Record<ExplorerCategory, ReactNode> = {
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
  error: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M8 5v3.5M8 10.8v.1" />
    </>
  ),
  action: <path d="M5.5 2.5v7l2-1.5 1.5 3.5 1.5-.7-1.5-3.3h2.5L5.5 2.5Z" />,
  long_task: (
    <>
      <circle cx="8" cy="8.5" r="5" />
      <path d="M8 6v2.5l1.8 1.2M6.5 2h3" />
    </>
  ),
};

/** The icon of a category (timeline items, source rows). */
export const CategoryIcon = ({ category }: { category: ExplorerCategory }) => (
  <Svg>{GLYPHS[category]}</Svg>
);
