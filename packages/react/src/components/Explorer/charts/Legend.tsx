import { VisuallyHidden } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** Extra text after the label (a value, a share). */
  detail?: string | undefined;
}

/**
 * The colours of a chart and what they stand for. With `onSelect` every item is a button (the
 * keyboard's way to a group that the chart itself offers only to the mouse).
 */
export function Legend({
  items,
  onSelect,
  selectLabel,
  selectable = () => true,
}: {
  items: readonly LegendItem[];
  onSelect?: ((key: string) => void) | undefined;
  selectLabel?: ((item: LegendItem) => string) | undefined;
  /** Which items are buttons (a remainder slice filters by nothing). */
  selectable?: (key: string) => boolean;
}) {
  const { t } = useRumKit();
  if (items.length === 0) return null;
  return (
    <ul className="rk-chart-legend" aria-label={t('chart.legend')}>
      {items.map((item) => {
        const content = (
          <>
            <span
              className="rk-chart-swatch"
              style={{ background: item.color }}
              aria-hidden="true"
            />
            <span className="rk-chart-legend-label">{item.label}</span>{' '}
            {item.detail ? <span className="rk-chart-legend-detail">{item.detail}</span> : null}
          </>
        );
        return (
          <li key={item.key} className="rk-chart-legend-item">
            {onSelect && selectable(item.key) ? (
              <button
                type="button"
                className="rk-chart-legend-button"
                onClick={() => onSelect(item.key)}
              >
                {/* The name starts with what the button shows (WCAG 2.5.3). */}
                {selectLabel ? <VisuallyHidden>{selectLabel(item)} </VisuallyHidden> : null}
                {content}
              </button>
            ) : (
              content
            )}
          </li>
        );
      })}
    </ul>
  );
}
