import type { EventRecord } from '@rumkit/core';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';
import { ErrorPanel } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { useSimilarErrors } from './useSimilarErrors.js';

export interface SimilarErrorsProps {
  error: EventRecord;
  /** The explorer's range, ms (`to` exclusive). */
  from: number;
  to: number;
  appIds?: string[] | undefined;
}

const WIDTH = 300;
const HEIGHT = 72;

/**
 * The error's distribution (spec §1.6): how many errors with the same message happened in
 * each of 30 buckets over the explorer's range, with the total and when they were first and
 * last seen.
 */
export function SimilarErrors(props: SimilarErrorsProps) {
  const { t, formatDateTime } = useRumKit();
  const similar = useSimilarErrors(props);
  const titleId = useId();
  const when = (ms: number) => formatDateTime(new Date(ms).toISOString());
  const max = Math.max(1, ...similar.buckets.map((b) => b.count));
  const x = scaleBand<number>({
    domain: similar.buckets.map((b) => b.time),
    range: [0, WIDTH],
    paddingInner: 0.2,
  });
  const y = scaleLinear<number>({ domain: [0, max], range: [HEIGHT, 0] });
  const totalText = t.plural('insight.similar.total', similar.total);

  return (
    <section className="rk-root rk-similar" data-state={similar.state} aria-labelledby={titleId}>
      <h3 id={titleId} className="rk-insight-title">
        {t('insight.similar.title')}
      </h3>
      {similar.state === 'loading' || similar.state === 'idle' ? (
        <p role="status" className="rk-muted">
          {similar.state === 'idle' ? t('common.waitingForNetwork') : t('insight.similar.loading')}
        </p>
      ) : null}
      {similar.state === 'error' ? (
        <ErrorPanel
          title={t('insight.similar.failed')}
          error={similar.error}
          t={t}
          onRetry={similar.retry}
        />
      ) : null}
      {similar.state === 'empty' ? (
        <p className="rk-muted">
          {similar.hasMessage ? t('insight.similar.empty') : t('insight.similar.noMessage')}
        </p>
      ) : null}
      {similar.state === 'ready' ? (
        <>
          <dl className="rk-similar-facts">
            <div>
              <dt className="rk-visually-hidden">{t('insight.similar.caption')}</dt>
              <dd className="rk-similar-total">{totalText}</dd>
            </div>
            {similar.firstSeen !== null ? (
              <div>
                <dt>{t('insight.similar.firstSeen')}</dt>
                <dd>{when(similar.firstSeen)}</dd>
              </div>
            ) : null}
            {similar.lastSeen !== null ? (
              <div>
                <dt>{t('insight.similar.lastSeen')}</dt>
                <dd>{when(similar.lastSeen)}</dd>
              </div>
            ) : null}
          </dl>
          <figure className="rk-similar-chart">
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              preserveAspectRatio="none"
              role="img"
              aria-label={t('insight.similar.chart', {
                total: totalText,
                from: when(props.from),
                to: when(props.to),
              })}
            >
              {similar.buckets.map((bucket) => {
                const top = bucket.count === 0 ? HEIGHT : Math.min(HEIGHT - 1, y(bucket.count));
                return (
                  <Bar
                    key={bucket.time}
                    className="rk-similar-bar"
                    data-count={bucket.count}
                    x={x(bucket.time) ?? 0}
                    y={top}
                    width={x.bandwidth()}
                    height={HEIGHT - top}
                  >
                    <title>
                      {t('insight.similar.bar', { time: when(bucket.time), count: bucket.count })}
                    </title>
                  </Bar>
                );
              })}
            </svg>
            <figcaption className="rk-similar-axis rk-muted">
              <span>{when(props.from)}</span>
              <span>{t('insight.similar.caption')}</span>
              <span>{when(props.to)}</span>
            </figcaption>
          </figure>
        </>
      ) : null}
    </section>
  );
}
