import { CHART_CSS } from './charts/styles.js';
import { DETAIL_CSS } from './detail/styles.js';
import { FACET_CSS } from './facets/styles.js';
import { INSIGHT_CSS } from './insights/styles.js';
import { SEARCH_CSS } from './search/styles.js';
import { SHELL_CSS } from './shell.styles.js';
import { TABLE_CSS } from './table/styles.js';

/** The explorer's stylesheet (same rules as the kit's: `:where(.rk-…)`, --rumkit-* tokens). */
export const EXPLORER_CSS = [
  SHELL_CSS,
  SEARCH_CSS,
  FACET_CSS,
  TABLE_CSS,
  CHART_CSS,
  DETAIL_CSS,
  INSIGHT_CSS,
].join('\n');
