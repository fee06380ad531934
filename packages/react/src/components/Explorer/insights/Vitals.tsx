import { formatFieldValue, rateVital, VITALS, type Vital, type VitalRating } from '@rumkit/core';
import { useId } from 'react';
import { useRumKit } from '../../../provider/context.js';
import { numeric } from './format.js';

/** Timings of the page load shown beside the vitals, as plain values. */
const TIMINGS = ['loading_time', 'dom_content_loaded', 'dom_complete', 'load_event'] as const;

const show = (field: string, value: number) => formatFieldValue(field, value) ?? String(value);

/**
 * A view's Web Vitals against web.dev's thresholds: the value, its rating as a badge in colour
 * and words, and a bar with the good and poor marks and where the value sits between them.
 */
export function Vitals({ view }: { view: Record<string, unknown> }) {
  const { t } = useRumKit();
  const titleId = useId();
  const vitals = VITALS.flatMap((vital) => {
    const value = numeric(view[vital.field]);
    return value === null
      ? []
      : [{ vital, value, rating: rateVital(vital.field, value) as VitalRating }];
  });
  const timings = TIMINGS.flatMap((field) => {
    const value = numeric(view[field]);
    return value === null ? [] : [{ field, value }];
  });
  return (
    <section className="rk-vitals" aria-labelledby={titleId}>
      <h3 id={titleId} className="rk-insight-title">
        {t('insight.vitals.title')}
      </h3>
      {vitals.length === 0 ? (
        <p className="rk-muted">{t('insight.vitals.empty')}</p>
      ) : (
        <ul className="rk-vital-list">
          {vitals.map(({ vital, value, rating }) => (
            <VitalCard key={vital.field} vital={vital} value={value} rating={rating} />
          ))}
        </ul>
      )}
      {timings.length > 0 ? (
        <>
          <h4 className="rk-insight-subtitle">{t('insight.timings.title')}</h4>
          <dl className="rk-timings">
            {timings.map(({ field, value }) => (
              <div key={field} className="rk-timing">
                <dt>{t(`insight.timing.${field}`)}</dt>
                <dd>{show(field, value)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

function VitalCard({ vital, value, rating }: { vital: Vital; value: number; rating: VitalRating }) {
  const { t } = useRumKit();
  // The scale runs to half again the poor mark, further when the value lies beyond it.
  const end = Math.max(vital.poor * 1.5, value * 1.05);
  const at = (v: number) => `${Math.min(100, (v / end) * 100)}%`;
  const good = show(vital.field, vital.good);
  const poor = show(vital.field, vital.poor);
  const shown = show(vital.field, value);
  return (
    <li className="rk-vital" data-rating={rating} data-vital={vital.name}>
      <div className="rk-vital-head">
        <abbr className="rk-vital-name" title={t(`insight.vital.${vital.name}`)}>
          {vital.name}
        </abbr>
        <span className="rk-vital-badge" data-rating={rating}>
          {t(`insight.rating.${rating}`)}
        </span>
      </div>
      <div className="rk-vital-value">{shown}</div>
      <div
        className="rk-vital-scale"
        role="img"
        aria-label={t('insight.vital.scale', { name: vital.name, value: shown, good, poor })}
      >
        <span
          className="rk-vital-zone"
          data-zone="good"
          style={{ left: 0, width: at(vital.good) }}
        />
        <span
          className="rk-vital-zone"
          data-zone="needs_improvement"
          style={{ left: at(vital.good), width: `calc(${at(vital.poor)} - ${at(vital.good)})` }}
        />
        <span
          className="rk-vital-zone"
          data-zone="poor"
          style={{ left: at(vital.poor), right: 0 }}
        />
        <span className="rk-vital-pin" style={{ left: at(value) }} />
      </div>
      <div className="rk-vital-thresholds rk-muted">
        {t('insight.vital.thresholds', { good, poor })}
      </div>
    </li>
  );
}
