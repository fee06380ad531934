import { Group } from '@visx/group';
import { Pie } from '@visx/shape';
import { useRumKit } from '../../../provider/context.js';
import type { ChartFormat } from './format.js';
import { Legend } from './Legend.js';
import { chartColor, OTHER_COLOR } from './palette.js';
import type { AnalysisSeries } from './useAnalysis.js';

export interface PieChartProps {
  series: readonly AnalysisSeries[];
  format: ChartFormat;
  measure: string;
  value: (n: number | null) => string;
  /**
   * Everything in scope, when shares make sense (counts): the slices' rest becomes an
   * "Everything else" slice and the percentages are of the whole. Null: shares of the slices.
   */
  total: number | null;
  /** Whether the values add up (counts); otherwise no percentages are shown. */
  additive: boolean;
  onSelect: (series: AnalysisSeries) => void;
}

const SIZE = 200;
const REST = '__rest';

interface Slice {
  key: string;
  label: string;
  value: number;
  color: string;
  series?: AnalysisSeries;
}

/** The groups as pie slices with a legend of values and shares; slices and legend filter. */
export function PieChart({
  series,
  format,
  measure,
  value,
  total,
  additive,
  onSelect,
}: PieChartProps) {
  const { t } = useRumKit();
  const slices: Slice[] = series
    .filter((s) => (s.value ?? 0) > 0)
    .map((s, i) => ({
      key: s.key,
      label: format.group(s.values),
      value: s.value as number,
      color: chartColor(i),
      series: s,
    }));
  const sum = slices.reduce((n, s) => n + s.value, 0);
  if (additive && total !== null && total > sum) {
    slices.push({ key: REST, label: t('chart.pie.rest'), value: total - sum, color: OTHER_COLOR });
  }
  const whole = slices.reduce((n, s) => n + s.value, 0) || 1;
  const share = (s: Slice) => format.percent(s.value / whole);
  const bySeries = new Map(slices.map((s) => [s.key, s]));
  const radius = SIZE / 2;

  return (
    <div className="rk-pie">
      <svg
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={t('chart.pie.label', { measure })}
        className="rk-pie-svg"
      >
        <Group top={radius} left={radius}>
          <Pie
            data={slices}
            pieValue={(s) => s.value}
            pieSort={null}
            outerRadius={radius - 2}
            innerRadius={radius * 0.55}
            padAngle={0.01}
          >
            {(pie) =>
              pie.arcs.map((arc) => (
                // biome-ignore lint/a11y/noStaticElementInteractions: a shortcut for the mouse; the legend's buttons are the keyboard's way
                <path
                  key={arc.data.key}
                  className="rk-pie-slice"
                  d={pie.path(arc) ?? ''}
                  style={{ fill: arc.data.color }}
                  data-clickable={arc.data.series ? '' : undefined}
                  onClick={() => arc.data.series && onSelect(arc.data.series)}
                >
                  <title>
                    {additive
                      ? t('chart.pie.slice', {
                          group: arc.data.label,
                          value: value(arc.data.value),
                          share: share(arc.data),
                        })
                      : `${arc.data.label}: ${value(arc.data.value)}`}
                  </title>
                </path>
              ))
            }
          </Pie>
        </Group>
      </svg>
      <Legend
        items={slices.map((s) => ({
          key: s.key,
          label: s.label,
          color: s.color,
          detail: additive ? `${value(s.value)} · ${share(s)}` : value(s.value),
        }))}
        onSelect={(key) => {
          const slice = bySeries.get(key);
          if (slice?.series) onSelect(slice.series);
        }}
        selectable={(key) => key !== REST}
        selectLabel={() => t('chart.filterBy')}
      />
    </div>
  );
}
