import { Axis, buildChartTheme, Grid, LineSeries, Tooltip, XYChart } from '@visx/xychart';
import { useMemo } from 'react';
import { useRumKit } from '../../../provider/context.js';
import type { ChartFormat } from './format.js';
import { Legend } from './Legend.js';
import { CHART_COLORS, chartColor } from './palette.js';
import type { AnalysisSeries } from './useAnalysis.js';

export interface TimeSeriesChartProps {
  series: readonly AnalysisSeries[];
  interval: number;
  width: number;
  height?: number;
  format: ChartFormat;
  measure: string;
  value: (n: number | null) => string;
  onSelect: (series: AnalysisSeries) => void;
}

interface Point {
  time: number;
  value: number | null;
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 56 };
// A missing value (no record in the bucket for avg/percentiles) is a gap, not a zero.
const x = (p: Point) => p.time;
const y = (p: Point) => (p.value === null ? Number.NaN : p.value);

/**
 * One line per group over time (xychart), a tooltip with every series at the time under the
 * pointer, a legend whose items filter by their group, and the numbers as a hidden table.
 */
export function TimeSeriesChart({
  series,
  interval,
  width,
  height = 260,
  format,
  measure,
  value,
  onSelect,
}: TimeSeriesChartProps) {
  const { t } = useRumKit();
  const theme = useMemo(
    () =>
      buildChartTheme({
        backgroundColor: 'transparent',
        colors: [...CHART_COLORS],
        gridColor: 'var(--rumkit-color-border, #dcdfe4)',
        gridColorDark: 'var(--rumkit-color-border-strong, #b9bec6)',
        tickLength: 4,
        svgLabelSmall: { fill: 'var(--rumkit-color-text-muted, #5d6169)', fontSize: 11 },
        svgLabelBig: { fill: 'var(--rumkit-color-text-muted, #5d6169)', fontSize: 12 },
      }),
    [],
  );
  const times = series[0]?.points.map((p) => p.time) ?? [];
  const span =
    times.length > 0 ? (times[times.length - 1] as number) + interval - (times[0] as number) : 0;
  const byKey = new Map(series.map((s, i) => [s.key, { s, i }]));

  return (
    <div className="rk-timeseries">
      <XYChart
        width={width}
        height={height}
        margin={MARGIN}
        theme={theme}
        xScale={{ type: 'time' }}
        yScale={{ type: 'linear', nice: true, zero: true }}
        accessibilityLabel={t('chart.timeseries.label', { measure, count: series.length })}
        onPointerUp={({ key }) => {
          const hit = byKey.get(key);
          if (hit) onSelect(hit.s);
        }}
      >
        <Grid columns={false} numTicks={4} />
        <Axis
          orientation="bottom"
          numTicks={Math.max(2, Math.floor(width / 120))}
          tickFormat={(v) => format.tick(v instanceof Date ? v.getTime() : Number(v), span)}
        />
        <Axis orientation="left" numTicks={4} tickFormat={(v) => value(Number(v))} />
        {series.map((s, i) => (
          <LineSeries
            key={s.key}
            dataKey={s.key}
            data={s.points}
            xAccessor={x}
            yAccessor={y}
            colorAccessor={() => chartColor(i)}
          />
        ))}
        <Tooltip
          className="rk-root rk-chart-tooltip"
          unstyled
          applyPositionStyle
          snapTooltipToDatumX
          showVerticalCrosshair
          showSeriesGlyphs
          renderTooltip={({ tooltipData }) => {
            const time = (tooltipData?.nearestDatum?.datum as Point | undefined)?.time;
            if (time === undefined) return null;
            return (
              <>
                <p className="rk-chart-tooltip-title">{format.bucket(time, interval)}</p>
                <dl>
                  {series.map((s, i) => (
                    <div
                      key={s.key}
                      data-nearest={s.key === tooltipData?.nearestDatum?.key ? '' : undefined}
                    >
                      <dt>
                        <span className="rk-chart-swatch" style={{ background: chartColor(i) }} />
                        {format.group(s.values)}
                      </dt>
                      <dd>{value(s.points.find((p) => p.time === time)?.value ?? null)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            );
          }}
        />
      </XYChart>
      <Legend
        items={series.map((s, i) => ({
          key: s.key,
          label: format.group(s.values),
          color: chartColor(i),
          detail: value(s.value),
        }))}
        onSelect={(key) => {
          const hit = byKey.get(key);
          if (hit) onSelect(hit.s);
        }}
        selectLabel={() => t('chart.filterBy')}
      />
      <table className="rk-visually-hidden">
        <caption>{t('chart.timeseries.table', { measure })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.col.time')}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {format.group(s.values)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time, row) => (
            <tr key={time}>
              <th scope="row">{format.bucket(time, interval)}</th>
              {series.map((s) => (
                <td key={s.key}>{value(s.points[row]?.value ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
