import type { ReactNode } from 'react';

// Icons of the facet panel, drawn like the kit's (16px grid, currentColor, decorative).
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

export const ChevronIcon = () => (
  <Svg>
    <path d="m6 4 4 4-4 4" />
  </Svg>
);

export const CloseIcon = () => (
  <Svg>
    <path d="m4.5 4.5 7 7M11.5 4.5l-7 7" />
  </Svg>
);
