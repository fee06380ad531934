import {
  DEFAULT_FACETS,
  type EventRecord,
  EXPLORER_CATEGORIES,
  type ExplorerCategory,
  type ExplorerMode,
  printRange,
} from '@rumkit/core';
import { useCallback, useState } from 'react';
import { useStableCallback } from '../../hooks/useStableCallback.js';
import { Button, RefreshIcon, ToggleGroup } from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import { AnalysisPanel } from './charts/AnalysisPanel.js';
import { Histogram } from './charts/Histogram.js';
import { EventDrawer } from './detail/EventDrawer.js';
import { FacetPanel } from './facets/FacetPanel.js';
import { ErrorClusters } from './insights/ErrorClusters.js';
import { SearchBar } from './search/SearchBar.js';
import { EXPLORER_CSS } from './styles.js';
import { TimeRangePicker } from './TimeRangePicker.js';
import { EventTable } from './table/EventTable.js';
import type { ReplayTarget } from './types.js';
import { type ExplorerOptions, useExplorer } from './useExplorer.js';

export interface ExplorerProps extends ExplorerOptions {
  /** Plays a session's replay; without it, no play buttons are shown. */
  onPlayReplay?: ((target: ReplayTarget) => void) | undefined;
  /** Where a trace id links to (the host's APM); without it trace ids are shown as text. */
  traceHref?: ((traceId: string, record: EventRecord) => string | undefined) | undefined;
  /**
   * The quick filters of the current category's side panel, when the host keeps them (the
   * person's own, spec §1.6); default the category's DEFAULT_FACETS.
   */
  facets?: string[] | undefined;
  onFacetsChange?: ((fields: string[]) => void) | undefined;
  /** Extra class names for the root element. */
  className?: string | undefined;
}

/**
 * The RUM explorer (spec §1.6): the six categories, a time range, a search with pills and
 * autocomplete, quick filters, a stacked histogram over a virtualized list, an analysis mode,
 * error clusters, and a detail drawer for any record. Its state can be the host's (`state` /
 * `onStateChange`), so deep links and the back button work.
 */
export function Explorer({
  onPlayReplay,
  traceHref,
  facets,
  onFacetsChange,
  className,
  ...options
}: ExplorerProps) {
  const { t } = useRumKit();
  const explorer = useExplorer(options);
  const { state, scope } = explorer;
  const [total, setTotal] = useState<number | undefined>(undefined);
  // The quick filters of each category: the host's when it keeps them, else the explorer's own.
  const [ownFacets, setOwnFacets] = useState<Partial<Record<ExplorerCategory, string[]>>>({});
  const facetFields = facets ?? ownFacets[state.category] ?? DEFAULT_FACETS[state.category];
  // Handlers stay the same functions, so the memoized panels, histogram and header do not
  // render again with each page of rows.
  const setFacetFields = useStableCallback((fields: string[]) => {
    setOwnFacets((own) => ({ ...own, [state.category]: fields }));
    onFacetsChange?.(fields);
  });
  const selectRange = useCallback(
    (r: { from: number; to: number }) => explorer.setRange({ type: 'absolute', ...r }),
    [explorer.setRange],
  );
  const addFacet = useStableCallback((field: string) =>
    facetFields.includes(field) ? undefined : setFacetFields([...facetFields, field]),
  );
  const question = [
    state.category,
    state.query,
    printRange(state.range),
    JSON.stringify(state.sort),
  ].join('|');
  const modes: ExplorerMode[] =
    state.category === 'error' ? ['list', 'analysis', 'clusters'] : ['list', 'analysis'];

  return (
    <section
      className={`rk-root rk-explorer${className ? ` ${className}` : ''}`}
      data-state={explorer.status}
      data-category={state.category}
      aria-busy={explorer.status === 'loading' || explorer.updating}
      aria-label={t('explorer.title')}
    >
      <style href="rumkit-explorer" precedence="rumkit">
        {EXPLORER_CSS}
      </style>
      <div className="rk-explorer-bar">
        <ToggleGroup
          label={t('explorer.category')}
          className="rk-explorer-categories"
          itemClassName="rk-explorer-category"
          options={EXPLORER_CATEGORIES.map((category) => ({
            value: category,
            label: t(`explorer.category.${category}`),
          }))}
          value={state.category}
          onChange={explorer.setCategory}
        />
        <div className="rk-explorer-search">
          <SearchBar
            scope={scope}
            onChange={explorer.setQuery}
            extraKeys={explorer.extraKeys}
            serverError={explorer.status === 'error' ? explorer.error : undefined}
          />
        </div>
        <TimeRangePicker value={state.range} onChange={explorer.setRange} resolved={scope} />
        <Button iconOnly aria-label={t('explorer.refresh')} onClick={explorer.refresh}>
          <RefreshIcon />
        </Button>
      </div>
      <div className="rk-explorer-body" data-detail={state.detail ? 'open' : 'closed'}>
        <div className="rk-explorer-facets" data-beside-detail={state.detail ? '' : undefined}>
          <FacetPanel
            scope={explorer.sideScope}
            fields={facetFields}
            onFieldsChange={setFacetFields}
            onQueryChange={explorer.setQuery}
            extraKeys={explorer.extraKeys}
          />
        </div>
        <div className="rk-explorer-main">
          <div className="rk-explorer-modes">
            <ToggleGroup
              label={t('explorer.mode')}
              className="rk-explorer-mode-group"
              itemClassName="rk-explorer-mode"
              options={modes.map((mode) => ({ value: mode, label: t(`explorer.mode.${mode}`) }))}
              value={state.mode}
              onChange={explorer.setMode}
            />
          </div>
          {explorer.status === 'idle' ? (
            <p className="rk-explorer-offline" role="status">
              {t('common.waitingForNetwork')}
            </p>
          ) : null}
          {state.mode === 'list' ? (
            <>
              <Histogram
                scope={explorer.sideScope}
                onRangeSelect={selectRange}
                onTotal={setTotal}
              />
              <EventTable
                // A new question starts at the top of its list.
                key={question}
                category={state.category}
                rows={explorer.rows}
                columns={explorer.columns}
                onColumnsChange={explorer.setColumns}
                sort={state.sort}
                onSortChange={explorer.setSort}
                onOpen={explorer.openRecord}
                activeId={state.detail?.category === state.category ? state.detail.id : null}
                hasMore={explorer.hasMore}
                loadingMore={explorer.loadingMore}
                onLoadMore={explorer.loadMore}
                status={explorer.status === 'idle' ? 'loading' : explorer.status}
                error={explorer.error}
                onRetry={explorer.retry}
                onPlayReplay={onPlayReplay}
                onAddFacet={addFacet}
                extraKeys={explorer.extraKeys}
                total={total}
              />
            </>
          ) : state.mode === 'analysis' ? (
            <AnalysisPanel
              scope={scope}
              analysis={state.analysis}
              onAnalysisChange={explorer.setAnalysis}
              onFilter={explorer.filterAll}
            />
          ) : (
            <ErrorClusters
              scope={scope}
              onOpen={explorer.openDetail}
              onFilter={(filter) => explorer.filterAll([filter])}
              onSearch={explorer.search}
            />
          )}
        </div>
        {state.detail ? (
          <EventDrawer
            detail={state.detail}
            from={scope.from}
            to={scope.to}
            appIds={scope.appIds}
            onClose={() => explorer.openDetail(null)}
            onDetailChange={explorer.openDetail}
            onFilter={explorer.filter}
            onAddColumn={explorer.addColumn}
            onPlayReplay={onPlayReplay}
            traceHref={traceHref}
          />
        ) : null}
      </div>
    </section>
  );
}
