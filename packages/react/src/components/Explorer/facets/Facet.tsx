import { type KeyboardEvent, useId } from 'react';
import { Button, SearchIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { FacetError, FacetLoading, FacetSection } from './FacetSection.js';
import { useFacetFormat } from './facetKind.js';
import { type FacetOptions, type FacetRow, useFacet } from './useFacet.js';

export interface FacetProps extends FacetOptions {
  onExpandedChange: (open: boolean) => void;
  onRemove: () => void;
}

/**
 * A string or tag facet: the top values with their counts, each a checkbox that mirrors the
 * search (unticking excludes the value), with "only" and "exclude" on hover or focus; a value
 * search past ten values; and, once the search filters on the key, clear and invert.
 */
export function Facet({ onExpandedChange, onRemove, ...options }: FacetProps) {
  const { t } = useRumKit();
  const facet = useFacet(options);
  const format = useFacetFormat();
  const { field } = options;
  const searchId = useId();

  const count =
    facet.state === 'ready' || facet.state === 'empty'
      ? facet.more
        ? {
            text: `${format.count(facet.total)}+`,
            label: t('facet.valuesMore', { count: format.count(facet.total) }),
          }
        : {
            text: format.count(facet.total),
            label: t.plural('facet.values', facet.total, { count: format.count(facet.total) }),
          }
      : undefined;

  const actions =
    facet.filtered && facet.editable ? (
      <span className="rk-facet-head-actions">
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('facet.invertLabel', { name: field })}
          onClick={facet.invert}
        >
          {t('facet.invert')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('facet.clearLabel', { name: field })}
          onClick={facet.clear}
        >
          {t('facet.clear')}
        </Button>
      </span>
    ) : null;

  return (
    <FacetSection
      field={field}
      state={facet.state}
      expanded={options.expanded}
      onExpandedChange={onExpandedChange}
      onRemove={onRemove}
      count={count}
      busy={facet.busy}
      actions={actions}
    >
      {facet.searchable ? (
        <div className="rk-search rk-facet-search">
          <SearchIcon />
          <label htmlFor={searchId} className="rk-visually-hidden">
            {t('facet.search', { name: field })}
          </label>
          <input
            id={searchId}
            type="search"
            className="rk-input"
            autoComplete="off"
            placeholder={t('facet.searchPlaceholder')}
            value={facet.search}
            onChange={(event) => facet.setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && facet.search !== '') {
                event.preventDefault();
                facet.setSearch('');
              }
            }}
          />
        </div>
      ) : null}
      {facet.selection.other.length > 0 ? (
        <p className="rk-facet-note">
          {t('facet.other', { conditions: facet.selection.other.join(' ') })}
        </p>
      ) : null}
      {facet.state === 'loading' ? <FacetLoading /> : null}
      {facet.state === 'error' ? (
        <FacetError field={field} error={facet.error} onRetry={facet.retry} />
      ) : null}
      {facet.state === 'empty' ? (
        <p className="rk-facet-empty">
          {facet.searching !== ''
            ? t('facet.emptySearch', { search: facet.searching })
            : t('facet.empty')}
        </p>
      ) : null}
      {facet.state === 'ready' ? (
        <>
          <ul className="rk-facet-values" aria-label={field}>
            {facet.visibleRows.map((row) => (
              <FacetValue key={String(row.value)} field={field} row={row} facet={facet} />
            ))}
          </ul>
          {facet.canShowMore ? (
            <button
              type="button"
              className="rk-facet-more"
              aria-expanded={facet.showMore}
              onClick={() => facet.setShowMore(!facet.showMore)}
            >
              {facet.showMore ? t('facet.showLess') : t('facet.showMore')}
            </button>
          ) : null}
        </>
      ) : null}
    </FacetSection>
  );
}

function FacetValue({
  field,
  row,
  facet,
}: {
  field: string;
  row: FacetRow;
  facet: ReturnType<typeof useFacet>;
}) {
  const { t } = useRumKit();
  const format = useFacetFormat();
  const countId = useId();
  const text = format.value(field, row.value);
  const isOnly = facet.isOnly(row.value);
  // Native checkboxes toggle on Space; Enter does too here, as in most facet panels.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    facet.toggle(row.value);
  };
  return (
    <li className="rk-facet-value" data-checked={row.checked}>
      <label className="rk-facet-check">
        <input
          type="checkbox"
          checked={row.checked}
          disabled={!facet.editable}
          aria-describedby={countId}
          onChange={() => facet.toggle(row.value)}
          onKeyDown={onKeyDown}
        />
        <span className="rk-facet-label" title={text}>
          {text}
        </span>
      </label>
      <span className="rk-facet-value-actions">
        <button
          type="button"
          className="rk-facet-action"
          disabled={!facet.editable}
          aria-label={
            isOnly ? t('facet.allLabel', { name: field }) : t('facet.onlyLabel', { value: text })
          }
          onClick={() => (isOnly ? facet.clear() : facet.only(row.value))}
        >
          {isOnly ? t('facet.all') : t('facet.only')}
        </button>
        {row.checked ? (
          <button
            type="button"
            className="rk-facet-action"
            disabled={!facet.editable}
            aria-label={t('facet.excludeLabel', { value: text })}
            onClick={() => facet.exclude(row.value)}
          >
            {t('facet.exclude')}
          </button>
        ) : null}
      </span>
      <span id={countId} className="rk-facet-value-count">
        {row.count === null ? (
          <>
            <span aria-hidden="true">–</span>
            <span className="rk-visually-hidden">{t('facet.notInTop')}</span>
          </>
        ) : (
          <>
            <span aria-hidden="true">{format.count(row.count)}</span>
            <span className="rk-visually-hidden">
              {t.plural('facet.events', row.count, { count: format.count(row.count) })}
            </span>
          </>
        )}
      </span>
    </li>
  );
}
