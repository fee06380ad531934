import type { ReactNode } from 'react';

// The search bar's own icons, drawn like the kit's (16-unit grid, currentColor). Decorative:
// the button around each one has the name.
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

export const CloseIcon = () => (
  <Svg>
    <path d="m4.5 4.5 7 7m0-7-7 7" />
  </Svg>
);

export const ClockIcon = () => (
  <Svg>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 5v3l2 1.5" />
  </Svg>
);

export const TextModeIcon = () => (
  <Svg>
    <path d="M3 4.5h10M3 8h10M3 11.5h6" />
  </Svg>
);

export const PillModeIcon = () => (
  <Svg>
    <rect x="2" y="5" width="5.5" height="6" rx="2" />
    <rect x="8.5" y="5" width="5.5" height="6" rx="2" />
  </Svg>
);
