import { scaleLinear } from '@visx/scale';
import { useRumKit } from '../../../provider/context.js';
import type { ChartFormat } from './format.js';
import { CHART_COLORS } from './palette.js';
import type { AnalysisSeries } from './useAnalysis.js';

export interface TopListProps {
  series: readonly AnalysisSeries[];
  format: ChartFormat;
  /** The measure's name ("Count", "p75 of loading_time"). */
  measure: string;
  value: (n: number | null) => string;
  onSelect: (series: AnalysisSeries) => void;
}

/**
 * The groups as horizontal bars in the order the API ranks them (largest first), each a button
 * that filters the explorer by its group. Bars share one linear scale from zero.
 */
export function TopList({ series, format, measure, value, onSelect }: TopListProps) {
  const { t } = useRumKit();
  const max = Math.max(0, ...series.map((s) => s.value ?? 0));
  const width = scaleLinear<number>({ domain: [0, max || 1], range: [0, 100], clamp: true });
  return (
    <ol
      className="rk-toplist"
      aria-label={t('chart.toplist.label', { count: series.length, measure })}
    >
      {series.map((s) => {
        const name = format.group(s.values);
        const text = value(s.value);
        return (
          <li key={s.key}>
            <button
              type="button"
              className="rk-toplist-row"
              title={t('chart.filterGroup', { group: name })}
              onClick={() => onSelect(s)}
            >
              <span className="rk-toplist-name">{name}</span>
              <span className="rk-toplist-track" aria-hidden="true">
                <span
                  className="rk-toplist-bar"
                  style={{
                    width: `${Math.max(s.value ? 0.5 : 0, width(Math.max(0, s.value ?? 0)))}%`,
                    background: CHART_COLORS[0],
                  }}
                />
              </span>
              <span className="rk-toplist-value">{text}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
