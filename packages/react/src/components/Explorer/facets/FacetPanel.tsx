import { memo, useId } from 'react';
import { useRumKit } from '../../../provider/context.js';
import { AddFacet } from './AddFacet.js';
import { Facet } from './Facet.js';
import { isRangeFacet } from './facetKind.js';
import { RangeFacet } from './RangeFacet.js';
import { type FacetPanelOptions, useFacetPanel } from './useFacetPanel.js';

export interface FacetPanelProps extends FacetPanelOptions {
  /** Extra class names for the root element. */
  className?: string | undefined;
}

/**
 * The explorer's quick filters (spec §1.6, Datadog's facet panel): one collapsible facet per
 * field, a list of top values with counts for tags and strings, a range slider for durations
 * and measures, and "Add facet" over the category's fields. Every click commits a new search
 * text built from scope.query; the facets read their state back from it.
 */
export const FacetPanel = memo(function FacetPanel({ className, ...options }: FacetPanelProps) {
  const { t } = useRumKit();
  const panel = useFacetPanel(options);
  const titleId = useId();
  const { scope } = options;

  return (
    <section
      className={`rk-facets${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-category={scope.category}
    >
      <div className="rk-facets-head">
        <h2 id={titleId} className="rk-facets-title">
          {t('facet.title')}
        </h2>
        <AddFacet fields={panel.addable} onAdd={panel.add} />
      </div>
      {panel.parsed.ok ? null : <p className="rk-facet-note">{t('facet.invalidQuery')}</p>}
      {panel.fields.length === 0 ? (
        <p className="rk-facets-none">{t('facet.none')}</p>
      ) : (
        <ul className="rk-facets-list">
          {panel.fields.map((field) => {
            const props = {
              scope,
              field,
              parsed: panel.parsed,
              expanded: panel.isExpanded(field),
              onExpandedChange: (open: boolean) => panel.setExpanded(field, open),
              onRemove: () => panel.remove(field),
              onCommit: panel.commit,
            };
            return (
              <li key={field} className="rk-facets-item">
                {isRangeFacet(field) ? <RangeFacet {...props} /> : <Facet {...props} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
