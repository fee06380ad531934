import { type EventRecord, formatDuration } from '@rumkit/core';
import { useId } from 'react';
import { useRumKit } from '../../../provider/context.js';

const num = (value: unknown) => {
  const n = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(n) && n >= 0
    ? n
    : null;
};

/**
 * The phases of a request (Resource Timing, ns) placed one after another. TLS happens inside the
 * TCP connection (connectEnd − secureConnectStart), so its bar ends where TCP's does.
 */
export function timingPhases(record: EventRecord) {
  const dns = num(record.resource_dns);
  const tcp = num(record.resource_tcp);
  const ssl = num(record.resource_ssl);
  const ttfb = num(record.resource_ttfb);
  const trans = num(record.resource_trans);
  const connected = (dns ?? 0) + (tcp ?? 0);
  const phases = [
    { id: 'dns', start: 0, length: dns },
    { id: 'tcp', start: dns ?? 0, length: tcp },
    { id: 'ssl', start: connected - Math.min(ssl ?? 0, tcp ?? 0), length: ssl },
    { id: 'ttfb', start: connected, length: ttfb },
    { id: 'trans', start: connected + (ttfb ?? 0), length: trans },
  ] as const;
  const known = phases.filter(
    (p): p is (typeof phases)[number] & { length: number } => p.length !== null,
  );
  const end = Math.max(num(record.duration) ?? 0, ...known.map((p) => p.start + p.length));
  return { phases: known, total: end };
}

/** A resource's timing breakdown (DNS, TCP, TLS, time to first byte, download) as bars. */
export function ResourceTiming({ record }: { record: EventRecord }) {
  const { t } = useRumKit();
  const titleId = useId();
  const { phases, total } = timingPhases(record);
  if (phases.length === 0) return null;
  const percent = (ns: number) => `${total > 0 ? (ns / total) * 100 : 0}%`;
  return (
    <section className="rk-timing" aria-labelledby={titleId}>
      <h3 id={titleId} className="rk-attrs-heading">
        {t('detail.timing.title')}
      </h3>
      <ol className="rk-timing-list">
        {phases.map((phase) => (
          <li key={phase.id} className="rk-timing-row" data-phase={phase.id}>
            <span className="rk-timing-label">{t(`detail.timing.${phase.id}`)}</span>
            <span className="rk-timing-track" aria-hidden="true">
              <span
                className="rk-timing-bar"
                style={{ left: percent(phase.start), width: percent(phase.length) }}
              />
            </span>
            <span className="rk-timing-value">{formatDuration(phase.length)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
