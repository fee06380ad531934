import type { ExplorerAnalysis } from '@rumkit/core';
import { ErrorPanel, StatePanel } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { ExplorerScope, FilterRequest } from '../types.js';
import { AnalysisControls } from './AnalysisControls.js';
import { useChartFormat } from './format.js';
import { PieChart } from './PieChart.js';
import { TimeSeriesChart } from './TimeSeriesChart.js';
import { TopList } from './TopList.js';
import { useAnalysis } from './useAnalysis.js';
import { useWidth } from './useSize.js';

export interface AnalysisPanelProps {
  scope: ExplorerScope;
  analysis: ExplorerAnalysis;
  onAnalysisChange: (analysis: ExplorerAnalysis) => void;
  /** A click on a group filters the explorer by its values (one FilterRequest per group key). */
  onFilter: (filters: FilterRequest[]) => void;
}

/**
 * The explorer's analysis mode (spec §1.6): group by 1 to 3 tags, measure a count or an
 * aggregate of a numeric field, and draw it as a time series, a top list or a pie. Any group
 * filters the explorer by its values.
 */
export function AnalysisPanel(props: AnalysisPanelProps) {
  const { t } = useRumKit();
  const format = useChartFormat();
  const model = useAnalysis(props);
  const [widthRef, width] = useWidth<HTMLDivElement>();
  const { state, series, analysis } = model;
  const { aggregate, field, chart } = analysis;
  const aggregateName = t(`chart.agg.${aggregate}`);
  const measure =
    aggregate === 'count' || !field
      ? aggregateName
      : t('chart.measureOf', { aggregate: aggregateName, field });
  const value = (n: number | null) => format.measure(aggregate === 'count' ? undefined : field, n);
  const select = (s: { values: Parameters<typeof model.filterBy>[0] }) => model.filterBy(s.values);

  return (
    <section
      className="rk-analysis"
      data-state={state}
      data-chart={chart}
      aria-label={t('chart.analysis.label')}
      aria-busy={state === 'loading' || model.stale || undefined}
    >
      <AnalysisControls model={model} />
      <div className="rk-analysis-body" ref={widthRef}>
        {state === 'idle' && model.needsField ? (
          <StatePanel title={t('chart.analysis.needField')}>
            {model.measureOptions.length === 0
              ? t('chart.analysis.noNumeric')
              : t('chart.analysis.needFieldBody', { aggregate: aggregateName })}
          </StatePanel>
        ) : null}
        {state === 'idle' && !model.needsField ? (
          <StatePanel title={t('common.waitingForNetwork')} />
        ) : null}
        {state === 'loading' ? (
          <div className="rk-analysis-loading" role="status">
            <span className="rk-visually-hidden">{t('chart.analysis.loading')}</span>
            <span className="rk-skeleton" />
            <span className="rk-skeleton" />
            <span className="rk-skeleton" />
          </div>
        ) : null}
        {state === 'error' ? (
          <ErrorPanel
            title={t('chart.analysis.error')}
            error={model.error}
            t={t}
            onRetry={model.retry}
          />
        ) : null}
        {state === 'empty' ? (
          <StatePanel title={t('chart.analysis.empty')}>{t('chart.analysis.emptyBody')}</StatePanel>
        ) : null}
        {state === 'ready' ? (
          <div className="rk-analysis-chart" data-stale={model.stale ? '' : undefined}>
            <p className="rk-muted rk-analysis-hint">{t('chart.filterHint')}</p>
            {chart === 'toplist' ? (
              <TopList
                series={series}
                format={format}
                measure={measure}
                value={value}
                onSelect={select}
              />
            ) : null}
            {chart === 'pie' ? (
              <PieChart
                series={series}
                format={format}
                measure={measure}
                value={value}
                total={model.total}
                additive={aggregate === 'count'}
                onSelect={select}
              />
            ) : null}
            {chart === 'timeseries' ? (
              <TimeSeriesChart
                series={series}
                interval={model.interval ?? 60_000}
                width={width}
                format={format}
                measure={measure}
                value={value}
                onSelect={select}
              />
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
