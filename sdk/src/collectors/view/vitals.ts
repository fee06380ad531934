import { type Metric, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import { selectorOf } from '../../browser/dom.js';
import { monitor } from '../../tools/monitor.js';
import { ns } from '../../tools/time.js';
import type { Context } from '../../types.js';

/** Gets each metric and a function giving its fields for a view that started at `viewStart`. */
export type VitalHandler = (metric: Metric, fields: (viewStart: number) => Context) => void;

type Entry = PerformanceEntry & {
  value?: number;
  element?: Element | null;
  target?: Node | null;
  targetSelector?: string;
  sources?: { node?: Node | null }[];
};

/**
 * LCP, INP, CLS, FCP and TTFB through the `web-vitals` library, its standard build: the
 * target selectors come from the entries it hands over (docs/decisions/010). Values are
 * reported as they change, and per soft navigation where the browser detects them.
 */
export function startVitals(handle: VitalHandler): void {
  const options = { reportAllChanges: true, reportSoftNavs: true };
  const report = (
    // biome-ignore lint/suspicious/noExplicitAny: each on* takes its own metric type
    onMetric: (callback: (metric: any) => void, opts: object) => void,
    fields: (metric: Metric, entries: Entry[], viewStart: number) => Context,
  ) =>
    onMetric(
      monitor((metric: Metric) =>
        handle(metric, (viewStart) => fields(metric, metric.entries as Entry[], viewStart)),
      ),
      options,
    );

  report(onFCP, (metric) => ({ firstContentfulPaint: ns(metric.value) }));
  // A soft navigation's TTFB is 0 by definition: the document was not fetched again.
  report(onTTFB, (metric) =>
    metric.navigationType === 'soft-navigation' ? {} : { firstByte: ns(metric.value) },
  );
  report(onLCP, (metric, entries) => ({
    largestContentfulPaint: ns(metric.value),
    largestContentfulPaintElementSelector: selectorOf(entries[entries.length - 1]?.element),
  }));
  report(onCLS, (metric, entries, viewStart) => {
    const largest = entries.reduce<Entry | undefined>(
      (max, entry) => (max && (max.value as number) >= (entry.value as number) ? max : entry),
      undefined,
    );
    return {
      cumulativeLayoutShift: Math.round(metric.value * 1e4) / 1e4,
      // Guance sends this one in ms (docs/decisions/002).
      cumulativeLayoutShiftTime: largest && Math.round(largest.startTime - viewStart),
      cumulativeLayoutShiftTargetSelector:
        largest && selectorOf((largest.sources || []).find((source) => source.node)?.node),
    };
  });
  report(onINP, (metric, entries) => {
    const entry = entries.find((e) => e.target) || entries.find((e) => e.targetSelector) || {};
    return {
      interactionToNextPaint: ns(metric.value),
      interactionToNextPaintTargetSelector:
        selectorOf((entry as Entry).target) || (entry as Entry).targetSelector,
    };
  });
}
