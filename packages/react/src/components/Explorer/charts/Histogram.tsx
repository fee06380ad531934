import { memo, useId } from 'react';
import { ErrorPanel, StatePanel } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { ExplorerScope } from '../types.js';
import { useChartFormat } from './format.js';
import { HistogramPlot } from './HistogramPlot.js';
import { Legend } from './Legend.js';
import { chartColor } from './palette.js';
import { useHistogram } from './useHistogram.js';
import { useWidth } from './useSize.js';

// Decorative bar heights for the loading skeleton (distinct, so they double as keys).
const SKELETON_BARS = [
  34, 52, 41, 66, 58, 73, 49, 38, 61, 80, 69, 55, 44, 63, 77, 59, 47, 36, 54, 71, 64, 50, 42, 57,
];

export interface HistogramProps {
  scope: ExplorerScope;
  /** Stack counts by this tag (top 10 + "other"); default by category: error → error_source, resource → resource_status_group, others none. */
  groupBy?: string | null;
  defaultGroupBy?: string | null;
  onGroupByChange?: (field: string | null) => void;
  /** Drag across the chart to zoom: the new absolute range (ms). */
  onRangeSelect?: (range: { from: number; to: number }) => void;
  /** Total in scope reported back (sum of buckets), for the table's counter. */
  onTotal?: (total: number) => void;
  /** Height of the plot in px. Default 120. */
  height?: number;
}

/**
 * The explorer's distribution chart (spec §1.6): counts over time in automatic buckets,
 * stacked by a tag, with the total, a legend, a tooltip per bar and drag-to-zoom.
 */
export const Histogram = memo(function Histogram({
  scope,
  onRangeSelect,
  height = 120,
  ...options
}: HistogramProps) {
  const { t } = useRumKit();
  const format = useChartFormat();
  const histogram = useHistogram({ scope, ...options });
  const [widthRef, width] = useWidth<HTMLDivElement>();
  const selectId = useId();
  const { view, state } = histogram;
  const totalText = (n: number) =>
    t.plural(`chart.count.${scope.category}`, n, { count: format.count(n) });

  const summary = () => {
    if (!view || view.buckets.length === 0) return t('chart.histogram.label');
    const peak = view.buckets.reduce((a, b) => (b.count > a.count ? b : a));
    return t('chart.histogram.summary', {
      total: totalText(view.total),
      from: format.dateTime(view.buckets[0]?.time ?? scope.from),
      to: format.dateTime(scope.to),
      interval: format.interval(view.interval),
      peak: format.count(peak.count),
      peakTime: format.dateTime(peak.time),
    });
  };

  return (
    <section
      className="rk-histogram"
      data-state={state}
      aria-label={t('chart.histogram.label')}
      aria-busy={state === 'loading' || histogram.stale || undefined}
    >
      <div className="rk-histogram-head">
        <p className="rk-histogram-total" aria-live="polite">
          {view && !histogram.stale ? totalText(view.total) : null}
          {histogram.stale ? (
            <span className="rk-muted">{t('chart.histogram.updating')}</span>
          ) : null}
        </p>
        <div className="rk-chart-control">
          <label htmlFor={selectId}>{t('chart.histogram.stackBy')}</label>
          <select
            id={selectId}
            className="rk-select"
            data-size="sm"
            value={histogram.groupBy ?? ''}
            onChange={(event) => histogram.setGroupBy(event.target.value || null)}
          >
            <option value="">{t('chart.histogram.noStack')}</option>
            {histogram.groupOptions.map((field) => (
              <option key={field} value={field}>
                {field}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="rk-histogram-body" ref={widthRef} style={{ minHeight: height }}>
        {state === 'loading' || state === 'idle' ? (
          <div className="rk-histogram-skeleton" role="status" style={{ height }}>
            <span className="rk-visually-hidden">
              {state === 'idle' ? t('common.waitingForNetwork') : t('chart.histogram.loading')}
            </span>
            {SKELETON_BARS.map((h) => (
              <span key={h} className="rk-skeleton" style={{ height: `${h}%` }} />
            ))}
          </div>
        ) : null}
        {state === 'error' ? (
          <ErrorPanel
            title={t('chart.histogram.error')}
            error={histogram.error}
            t={t}
            onRetry={histogram.retry}
          />
        ) : null}
        {(state === 'ready' || state === 'empty') && view ? (
          <div className="rk-histogram-chart" data-stale={histogram.stale ? '' : undefined}>
            <HistogramPlot
              buckets={view.buckets}
              interval={view.interval}
              stacks={view.stacks.map((s) => s.name)}
              width={width}
              height={height}
              format={format}
              label={t('chart.histogram.label')}
              summary={summary()}
              keysHelp={t('chart.histogram.keys')}
              onRangeSelect={onRangeSelect}
            />
            {state === 'empty' ? (
              <div className="rk-histogram-empty">
                <StatePanel title={t('chart.histogram.empty')}>
                  {t('chart.histogram.emptyBody')}
                </StatePanel>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>

      {state === 'ready' && view && view.stacks.length > 0 ? (
        <Legend
          items={view.stacks.map((s, i) => ({
            key: s.name,
            label: format.stack(s.name),
            color: chartColor(i, s.name),
            detail: format.count(s.total),
          }))}
        />
      ) : null}
      {state === 'ready' && view ? (
        <HistogramTable view={view} format={format} caption={t('chart.histogram.table')} />
      ) : null}
    </section>
  );
});

/** The same numbers as a table, for screen readers (visually hidden). */
function HistogramTable({
  view,
  format,
  caption,
}: {
  view: NonNullable<ReturnType<typeof useHistogram>['view']>;
  format: ReturnType<typeof useChartFormat>;
  caption: string;
}) {
  const { t } = useRumKit();
  return (
    <table className="rk-visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.col.time')}</th>
          {view.stacks.map((s) => (
            <th key={s.name} scope="col">
              {format.stack(s.name)}
            </th>
          ))}
          <th scope="col">{t('chart.total')}</th>
        </tr>
      </thead>
      <tbody>
        {view.buckets.map((b) => (
          <tr key={b.time}>
            <th scope="row">{format.bucket(b.time, view.interval)}</th>
            {view.stacks.map((s) => (
              <td key={s.name}>{format.count(b.by_group?.[s.name] ?? 0)}</td>
            ))}
            <td>{format.count(b.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
