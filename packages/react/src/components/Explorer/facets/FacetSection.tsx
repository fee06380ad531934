import { getField } from '@rumkit/core';
import { type ReactNode, useId } from 'react';
import { Button, ChevronIcon, CloseIcon, errorText } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { ComponentState } from '../../ApplicationList/useApplicationList.js';

export interface FacetSectionProps {
  field: string;
  state: ComponentState;
  expanded: boolean;
  onExpandedChange: (open: boolean) => void;
  onRemove: () => void;
  /** Shown next to the name (a number of values), with its full wording for screen readers. */
  count?: { text: string; label: string } | undefined;
  /** The data is being refreshed while the last answer stays on screen. */
  busy?: boolean;
  /** Buttons of the header that act on the whole facet (clear, invert). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * One facet as a disclosure: a heading whose button opens and closes the values, the field's
 * catalogue description as its tooltip, and a button that removes the facet.
 */
export function FacetSection({
  field,
  state,
  expanded,
  onExpandedChange,
  onRemove,
  count,
  busy,
  actions,
  children,
}: FacetSectionProps) {
  const { t } = useRumKit();
  const bodyId = useId();
  const description = getField(field)?.description;
  return (
    <div
      className="rk-facet"
      data-state={state}
      data-field={field}
      data-expanded={expanded}
      aria-busy={busy || state === 'loading' || undefined}
    >
      <div className="rk-facet-head">
        <h3 className="rk-facet-heading">
          <button
            type="button"
            className="rk-facet-toggle"
            aria-expanded={expanded}
            aria-controls={bodyId}
            title={description}
            onClick={() => onExpandedChange(!expanded)}
          >
            <ChevronIcon />
            <span className="rk-facet-name">{field}</span>
            {count ? (
              <span className="rk-facet-count">
                <span aria-hidden="true">{count.text}</span>
                <span className="rk-visually-hidden">{count.label}</span>
              </span>
            ) : null}
          </button>
        </h3>
        {actions}
        <Button
          size="sm"
          variant="ghost"
          iconOnly
          className="rk-facet-remove"
          aria-label={t('facet.remove', { name: field })}
          title={t('facet.remove', { name: field })}
          onClick={onRemove}
        >
          <CloseIcon />
        </Button>
      </div>
      <div id={bodyId} className="rk-facet-body" hidden={!expanded}>
        {expanded ? children : null}
      </div>
    </div>
  );
}

/** Skeleton rows while a facet loads, and the words for screen readers. */
export function FacetLoading() {
  const { t } = useRumKit();
  return (
    <div className="rk-facet-loading">
      <p role="status" className="rk-visually-hidden">
        {t('facet.loading')}
      </p>
      {[72, 56, 64].map((width) => (
        <span key={width} className="rk-facet-skeleton" aria-hidden="true">
          <span className="rk-skeleton" style={{ width: `${width}%` }} />
          <span className="rk-skeleton" />
        </span>
      ))}
    </div>
  );
}

/** A facet's error, small enough for the side panel, with the server's words and a retry. */
export function FacetError({
  field,
  error,
  onRetry,
}: {
  field: string;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useRumKit();
  return (
    <div className="rk-facet-error" role="alert">
      <p className="rk-facet-error-title">{t('facet.error', { name: field })}</p>
      <p className="rk-facet-error-body">{errorText(error, t)}</p>
      <Button size="sm" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
