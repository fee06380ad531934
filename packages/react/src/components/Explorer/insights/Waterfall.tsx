import { type ExplorerDetail, type ViewDetail, WATERFALL_KINDS } from '@rumkit/core';
import { type KeyboardEvent, memo, useId, useRef } from 'react';
import type { Translator } from '../../../i18n/index.js';
import { SearchIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { formatMs, text } from './format.js';
import { useWaterfall, WATERFALL_LIMITS, type WaterfallRow } from './useWaterfall.js';

const pct = (ms: number, extent: number) => `${Math.min(100, Math.max(0, (ms / extent) * 100))}%`;

/**
 * The view's resources, long tasks, errors and actions on one time axis from its start: a row
 * each, a bar by start and duration (requests split into their timing phases), instants as
 * markers, and the LCP and loading-time marks across. Rows open their record; one tab stop,
 * arrows move between rows.
 */
export function Waterfall({
  detail,
  onOpen,
}: {
  detail: ViewDetail;
  onOpen: (detail: ExplorerDetail) => void;
}) {
  const { t } = useRumKit();
  const wf = useWaterfall(detail, onOpen);
  const titleId = useId();
  const limitId = useId();
  const searchId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const firstOpenable = wf.rows.find((row) => row.item.id !== null);

  // Roving focus: Tab enters the list once; arrows, Home and End move between its rows.
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLElement>('button.rk-wf-row') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
    for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
    target?.focus();
  };

  return (
    <section className="rk-waterfall" aria-labelledby={titleId}>
      <div className="rk-wf-head">
        <h3 id={titleId} className="rk-insight-title">
          {t('insight.waterfall.title')}
        </h3>
        <div className="rk-wf-controls">
          <fieldset className="rk-wf-kinds">
            <legend className="rk-visually-hidden">{t('insight.waterfall.kinds')}</legend>
            {WATERFALL_KINDS.map((kind) => (
              <label key={kind} className="rk-wf-kind" data-kind={kind}>
                <input
                  type="checkbox"
                  checked={wf.kinds.has(kind)}
                  onChange={() => wf.toggleKind(kind)}
                />
                <span className="rk-wf-swatch" aria-hidden="true" />
                {t(`insight.kind.${kind}`)} <span className="rk-muted">({wf.counts[kind]})</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor={limitId} className="rk-wf-inline">
            {t('insight.waterfall.show')}
            <select
              id={limitId}
              className="rk-select"
              value={wf.limit ?? 'all'}
              onChange={(event) =>
                wf.setLimit(
                  event.target.value === 'all' ? null : (Number(event.target.value) as 50),
                )
              }
            >
              {WATERFALL_LIMITS.map((limit) => (
                <option key={limit ?? 'all'} value={limit ?? 'all'}>
                  {limit === null
                    ? t('insight.waterfall.all')
                    : t('insight.waterfall.last', { count: limit })}
                </option>
              ))}
            </select>
          </label>
          <div className="rk-search rk-wf-search">
            <SearchIcon />
            <label htmlFor={searchId} className="rk-visually-hidden">
              {t('insight.waterfall.filter')}
            </label>
            <input
              id={searchId}
              className="rk-input"
              type="search"
              placeholder={t('insight.waterfall.filterPlaceholder')}
              value={wf.search}
              onChange={(event) => wf.setSearch(event.target.value)}
            />
          </div>
        </div>
      </div>
      <p className="rk-muted rk-wf-count" aria-live="polite">
        {t('insight.waterfall.count', { shown: wf.rows.length, total: wf.total })}
      </p>
      {wf.rows.length === 0 ? (
        <p className="rk-wf-empty rk-muted">
          {wf.total === 0 ? t('insight.waterfall.none') : t('insight.waterfall.noMatch')}
        </p>
      ) : (
        <div className="rk-wf-body">
          <div className="rk-wf-axis" aria-hidden="true">
            <span className="rk-wf-axis-label">{t('insight.waterfall.axis')}</span>
            <span className="rk-wf-track">
              {wf.ticks.map((tick) => (
                <span key={tick} className="rk-wf-tick" style={{ left: pct(tick, wf.extent) }}>
                  {formatMs(tick)}
                </span>
              ))}
            </span>
          </div>
          <div className="rk-wf-marks">
            {wf.marks.map((mark) => {
              const name = t(mark.id === 'lcp' ? 'insight.mark.lcp' : 'insight.mark.loading');
              return (
                <span
                  key={mark.id}
                  className="rk-wf-mark"
                  data-mark={mark.id}
                  style={{ left: pct(mark.ms, wf.extent) }}
                >
                  <span className="rk-wf-mark-label">
                    {t('insight.waterfall.mark', { name, time: formatMs(mark.ms) })}
                  </span>
                </span>
              );
            })}
          </div>
          <ol
            ref={listRef}
            className="rk-wf-list"
            aria-label={t('insight.waterfall.list')}
            onKeyDown={onKeyDown}
          >
            {wf.rows.map((row) => (
              <WaterfallLine
                key={row.key}
                row={row}
                extent={wf.extent}
                first={row === firstOpenable}
                t={t}
                onOpen={wf.open}
              />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

// Memoised: a filter keystroke re-renders only the rows whose props change.
const WaterfallLine = memo(function WaterfallLine({
  row,
  extent,
  first,
  t,
  onOpen,
}: {
  row: WaterfallRow;
  extent: number;
  first: boolean;
  t: Translator;
  onOpen: (row: WaterfallRow) => void;
}) {
  const { item, label } = row;
  const kind = t(`insight.kindOne.${item.kind}`);
  const instant = item.duration === 0;
  const name = instant
    ? t('insight.waterfall.rowInstant', { kind, label, start: formatMs(item.start) })
    : t('insight.waterfall.row', {
        kind,
        label,
        start: formatMs(item.start),
        duration: formatMs(item.duration),
      });
  const phases = item.phases
    .map((phase) => `${t(`insight.phase.${phase.name}`)} ${formatMs(phase.duration)}`)
    .join(' · ');
  const title = [item.kind === 'resource' ? text(item.record.resource_url) : label, phases]
    .filter(Boolean)
    .join('\n');
  const content = (
    <>
      <span className="rk-wf-label" data-kind={item.kind}>
        <span className="rk-wf-swatch" aria-hidden="true" />
        <span className="rk-wf-label-text">{label}</span>
      </span>
      <span className="rk-wf-track" aria-hidden="true">
        {instant ? (
          <span
            className="rk-wf-marker"
            data-kind={item.kind}
            style={{ left: pct(item.start, extent) }}
          />
        ) : (
          <span
            className="rk-wf-bar"
            data-kind={item.kind}
            style={{ left: pct(item.start, extent), width: pct(item.duration, extent) }}
          >
            {item.phases.map((phase) => (
              <span
                key={phase.name}
                className="rk-wf-phase"
                data-phase={phase.name}
                style={{
                  left: pct(phase.start - item.start, item.duration),
                  width: pct(phase.duration, item.duration),
                }}
              />
            ))}
          </span>
        )}
      </span>
      {/* The duration column stays empty in the row: the number is drawn over it, outside the
          button, so the button's name (which says it) holds all the text it shows (WCAG 2.5.3). */}
      <span className="rk-wf-duration" />
    </>
  );
  const duration = instant ? null : (
    <span className="rk-wf-duration rk-wf-duration-value" aria-hidden="true">
      {formatMs(item.duration)}
    </span>
  );
  return (
    <li data-kind={item.kind} className="rk-wf-item">
      {item.id === null ? (
        <div
          className="rk-wf-row"
          role="img"
          aria-label={`${name}. ${t('insight.waterfall.noId')}`}
          title={title}
        >
          {content}
        </div>
      ) : (
        <button
          type="button"
          className="rk-wf-row"
          aria-label={name}
          title={title}
          tabIndex={first ? 0 : -1}
          onClick={() => onOpen(row)}
        >
          {content}
        </button>
      )}
      {duration}
    </li>
  );
});
