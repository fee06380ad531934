import { FACET_DURATION_UNITS, type FacetDurationUnit, formatDuration } from '@rumkit/core';
import { type CSSProperties, type KeyboardEvent, useId } from 'react';
import { Button } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { FacetError, FacetLoading, FacetSection } from './FacetSection.js';
import { useFacetFormat } from './facetKind.js';
import { STEPS } from './rangeScale.js';
import type { FacetOptions } from './useFacet.js';
import { type RangeFacetModel, useRangeDraft, useRangeFacet } from './useRangeFacet.js';

export interface RangeFacetProps extends FacetOptions {
  onExpandedChange: (open: boolean) => void;
  onRemove: () => void;
}

const UNITS = Object.keys(FACET_DURATION_UNITS) as FacetDurationUnit[];
// Keys that move a native slider; the range is applied when they are let go.
const SLIDER_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * A numeric facet (durations and measures): a two-handle slider over the values in scope,
 * two number inputs with a unit for durations, and the range the search sets, with a reset.
 * Applying writes one `field:[a TO b]` with its units (`duration:[100ms TO 2.5s]`).
 */
export function RangeFacet({ onExpandedChange, onRemove, ...options }: RangeFacetProps) {
  const { t } = useRumKit();
  const facet = useRangeFacet(options);
  const show = useShow(facet.duration);
  const { field } = options;
  const { committed, extent } = facet;

  const activeText = committed
    ? committed.from !== null && committed.to !== null
      ? t('facet.range.active', { from: show(committed.from), to: show(committed.to) })
      : committed.from !== null
        ? t('facet.range.atLeast', { from: show(committed.from) })
        : t('facet.range.atMost', { to: show(committed.to ?? 0) })
    : null;

  return (
    <FacetSection
      field={field}
      state={facet.state}
      expanded={options.expanded}
      onExpandedChange={onExpandedChange}
      onRemove={onRemove}
      busy={facet.busy}
    >
      {activeText ? (
        <p className="rk-facet-range-active">
          <span>{activeText}</span>
          <Button
            size="sm"
            variant="ghost"
            disabled={!facet.editable}
            aria-label={t('facet.range.resetLabel', { name: field })}
            onClick={facet.reset}
          >
            {t('facet.range.reset')}
          </Button>
        </p>
      ) : null}
      {facet.state === 'loading' ? <FacetLoading /> : null}
      {facet.state === 'error' ? (
        <FacetError field={field} error={facet.error} onRetry={facet.retry} />
      ) : null}
      {facet.state === 'empty' ? <p className="rk-facet-empty">{t('facet.empty')}</p> : null}
      {facet.state === 'ready' && extent ? (
        <RangeEditor
          // A new range in the search or a new extent starts a fresh draft.
          key={`${committed?.from}|${committed?.to}|${extent.min}|${extent.max}`}
          field={field}
          facet={{ ...facet, extent }}
          show={show}
        />
      ) : null}
    </FacetSection>
  );
}

/** A value in the facet's base unit as people read it (`340 ms`, `1,204`). */
function useShow(duration: boolean) {
  const format = useFacetFormat();
  return (value: number) => (duration ? formatDuration(value) : format.number(value));
}

function RangeEditor({
  field,
  facet,
  show,
}: {
  field: string;
  facet: RangeFacetModel & { extent: { min: number; max: number } };
  show: (value: number) => string;
}) {
  const { t } = useRumKit();
  const draft = useRangeDraft(facet);
  const id = useId();
  const { extent } = facet;
  const single = !(extent.max > extent.min);
  const errorText =
    draft.error === 'nan'
      ? t('facet.range.notANumber')
      : draft.error === 'order'
        ? t('facet.range.invalid')
        : null;

  const release = () => draft.apply();
  const onSliderKeyUp = (event: KeyboardEvent<HTMLInputElement>) => {
    if (SLIDER_KEYS.has(event.key)) draft.apply();
  };
  const fill = {
    '--rk-from': `${(draft.positions.from / STEPS) * 100}%`,
    '--rk-to': `${(draft.positions.to / STEPS) * 100}%`,
  } as CSSProperties;

  return (
    <form
      className="rk-facet-range"
      onSubmit={(event) => {
        event.preventDefault();
        draft.apply();
      }}
    >
      <p className="rk-facet-range-extent">
        {t('facet.range.inScope', { min: show(extent.min), max: show(extent.max) })}
      </p>
      <div className="rk-facet-slider" style={fill} data-disabled={single || undefined}>
        <span className="rk-facet-slider-track" aria-hidden="true" />
        {(['from', 'to'] as const).map((side) => (
          <input
            key={side}
            type="range"
            min={0}
            max={STEPS}
            step={1}
            value={draft.positions[side]}
            disabled={single || !facet.editable}
            aria-label={t(side === 'from' ? 'facet.range.minLabel' : 'facet.range.maxLabel', {
              name: field,
            })}
            aria-valuetext={show(draft.values[side])}
            data-side={side}
            onChange={(event) => draft.slide(side, Number(event.target.value))}
            onPointerUp={release}
            onKeyUp={onSliderKeyUp}
          />
        ))}
      </div>
      <div className="rk-facet-range-inputs">
        {(['from', 'to'] as const).map((side) => (
          <label key={side} className="rk-facet-range-input">
            <span className="rk-facet-range-label">
              {t(side === 'from' ? 'facet.range.min' : 'facet.range.max')}
            </span>
            <input
              type="number"
              className="rk-input"
              step="any"
              inputMode="decimal"
              value={draft.texts[side]}
              disabled={!facet.editable}
              aria-invalid={draft.error !== null || undefined}
              aria-describedby={draft.error ? `${id}-error` : undefined}
              onChange={(event) => draft.setText(side, event.target.value)}
            />
          </label>
        ))}
        {facet.duration ? (
          <label className="rk-facet-range-input">
            <span className="rk-facet-range-label">{t('facet.range.unit')}</span>
            <select
              className="rk-select"
              value={draft.unit}
              onChange={(event) => draft.setUnit(event.target.value as FacetDurationUnit)}
            >
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`facet.unit.${unit}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {errorText ? (
        <p id={`${id}-error`} className="rk-facet-range-error" role="alert">
          {errorText}
        </p>
      ) : null}
      <div className="rk-facet-range-actions">
        <Button
          type="submit"
          size="sm"
          variant="primary"
          disabled={!draft.dirty || draft.error !== null || !facet.editable}
        >
          {t('facet.range.apply')}
        </Button>
      </div>
    </form>
  );
}
