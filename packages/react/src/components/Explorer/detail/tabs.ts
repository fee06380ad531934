import type { ExplorerCategory, ExplorerDetail } from '@rumkit/core';

/** The drawer's tabs, by the id that goes into `ExplorerDetail.tab` (and the URL). */
export type DetailTab = 'timeline' | 'performance' | 'fetch' | 'errors' | 'stack' | 'attributes';

/** Which tabs each category's drawer has, in order; the first opens by default (spec §1.6). */
export const DETAIL_TABS: Record<ExplorerCategory, readonly DetailTab[]> = {
  session: ['timeline', 'attributes'],
  view: ['performance', 'fetch', 'errors', 'attributes'],
  error: ['stack', 'attributes'],
  resource: ['attributes'],
  action: ['attributes'],
  long_task: ['attributes'],
};

/** The tab to show: the detail's own when its category has it (an old link may not), else the first. */
export function activeTab(detail: ExplorerDetail): DetailTab {
  const tabs = DETAIL_TABS[detail.category];
  return tabs.find((tab) => tab === detail.tab) ?? (tabs[0] as DetailTab);
}
