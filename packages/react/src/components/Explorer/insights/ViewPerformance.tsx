import type { ExplorerDetail, ViewDetail } from '@rumkit/core';
import { Vitals } from './Vitals.js';
import { Waterfall } from './Waterfall.js';

export interface ViewPerformanceProps {
  /** The view with its resources, errors, actions and long tasks (getView). */
  detail: ViewDetail;
  /** Opens a record of the waterfall in the drawer. */
  onOpen: (detail: ExplorerDetail) => void;
}

/**
 * A view's Performance tab (spec §1.6): its vitals against their thresholds and the waterfall
 * of its events. It draws the detail it is given; the drawer fetches it.
 */
export function ViewPerformance({ detail, onOpen }: ViewPerformanceProps) {
  return (
    <div className="rk-root rk-view-perf" data-state="ready">
      <Vitals view={detail.view} />
      <Waterfall detail={detail} onOpen={onOpen} />
    </div>
  );
}
