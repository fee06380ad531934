import { OTHER_STACK } from '@rumkit/core';

// Paul Tol's "muted" qualitative scheme (personal.sron.nl/~pault), chosen because it stays
// distinguishable under the common colour-vision deficiencies and on a white background.
// Light and dark hues alternate so neighbouring stacks and slices never blend. A host re-themes
// it with --rumkit-chart-1 … --rumkit-chart-10 and --rumkit-chart-other.
const DEFAULTS = [
  '#332288',
  '#88ccee',
  '#117733',
  '#ddcc77',
  '#aa4499',
  '#44aa99',
  '#cc6677',
  '#999933',
  '#882255',
  '#6699cc',
] as const;

/** The categorical colours as CSS values (custom property with its default). */
export const CHART_COLORS: readonly string[] = DEFAULTS.map(
  (hex, i) => `var(--rumkit-chart-${i + 1}, ${hex})`,
);

/** The colour of the "other" stack: a neutral grey, so it reads as the rest. */
export const OTHER_COLOR = 'var(--rumkit-chart-other, #a3a8b0)';

/** The colour of the n-th group; the "other" stack is always grey. */
export function chartColor(index: number, name?: string): string {
  if (name === OTHER_STACK) return OTHER_COLOR;
  return CHART_COLORS[index % CHART_COLORS.length] as string;
}
