import type { CSSProperties } from 'react';
import type { MessageKey } from '../../../i18n/index.js';
import { ErrorPanel, StatePanel } from '../../../primitives/index.js';
import { ColumnChooser } from './ColumnChooser.js';
import { HEADER_HEIGHT, ROW_HEIGHT } from './columns.js';
import { EventRow, SkeletonRow } from './EventRow.js';
import type { EventTableProps } from './props.js';
import { TableHeader } from './TableHeader.js';
import { useEventTable } from './useEventTable.js';

export type { EventTableProps };

const SKELETON_ROWS = 8;
const numbers = new Map<string, Intl.NumberFormat>();
const formatCount = (locale: string, n: number) => {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numbers.set(locale, format);
  }
  return format.format(n);
};

/**
 * The explorer's list: a virtualized grid of records with a sticky header, sortable and
 * rearrangeable columns, warning rows marked (spec §1.6), and infinite scrolling.
 */
export function EventTable(props: EventTableProps) {
  const { category, rows, columns, status, sort, hasMore, loadingMore, total } = props;
  const table = useEventTable(props);
  const { t, items, slots, ctx, virtualizer } = table;
  const nounKey = `table.noun.${category}`;
  const nounOther = t(`${nounKey}.other` as MessageKey);
  const shownCount = total ?? rows.length;
  const countText = t(total === undefined && hasMore ? 'table.countMore' : 'table.count', {
    count: formatCount(t.locale === 'zh' ? 'zh-CN' : 'en-GB', shownCount),
    noun: t.plural(nounKey, shownCount),
  });
  const rowCount = status === 'ready' ? (total ?? (hasMore ? -1 : rows.length)) : -1;
  const style = {
    '--rk-events-cols': table.template,
    '--rk-events-width': `${table.minWidth}px`,
  } as CSSProperties;

  return (
    <div className="rk-events" data-state={status} style={style}>
      <div className="rk-events-bar">
        <span className="rk-events-count">{status === 'ready' ? countText : null}</span>
        <ColumnChooser
          category={category}
          columns={columns}
          onChange={props.onColumnsChange}
          extraKeys={props.extraKeys}
          open={table.chooser.open}
          insertAt={table.chooser.insertAt}
          onOpenChange={table.onChooserOpenChange}
        />
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid on divs: the virtualizer places rows absolutely, which table elements cannot do and keep their semantics */}
      <div
        ref={table.scrollRef}
        role="grid"
        tabIndex={0}
        aria-label={t('table.label', { noun: nounOther })}
        aria-rowcount={rowCount === -1 ? -1 : rowCount + 1}
        aria-colcount={columns.length + 2}
        aria-busy={status === 'loading' || loadingMore}
        aria-activedescendant={table.activeDescendant}
        className="rk-events-scroll"
        onKeyDown={table.onKeyDown}
        onFocus={table.onFocus}
      >
        <TableHeader
          columns={columns}
          kinds={table.kinds}
          sort={sort}
          t={t}
          onSortChange={table.onSortChange}
          onResize={table.onResize}
          widths={table.widths}
          onMove={table.moveColumn}
          onInsert={table.openChooser}
          onRemove={table.removeColumn}
          onAddFacet={props.onAddFacet}
        />
        {status === 'ready' ? (
          // biome-ignore lint/a11y/useSemanticElements: the body of the ARIA grid
          <div
            role="rowgroup"
            className="rk-events-body"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item, i) => {
              const record = rows[item.index];
              const top = item.start - HEADER_HEIGHT;
              if (!record) {
                return (
                  // biome-ignore lint/a11y: a status row of the ARIA grid; focus stays on the grid
                  <div
                    key="more"
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="rk-events-row rk-events-more"
                    style={{ transform: `translateY(${top}px)` }}
                  >
                    {/* biome-ignore lint/a11y: a cell of the ARIA grid */}
                    <div role="gridcell" className="rk-events-cell">
                      {t('table.loadingMore')}
                    </div>
                  </div>
                );
              }
              return (
                <EventRow
                  key={slots[i]}
                  ctx={ctx}
                  record={record}
                  index={item.index}
                  top={top}
                  active={item.index === table.active}
                  open={table.isOpen(record)}
                />
              );
            })}
          </div>
        ) : status === 'loading' ? (
          // biome-ignore lint/a11y/useSemanticElements: the body of the ARIA grid
          <div
            role="rowgroup"
            className="rk-events-body"
            style={{ height: SKELETON_ROWS * ROW_HEIGHT }}
          >
            {Array.from({ length: SKELETON_ROWS }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key by.
              <SkeletonRow key={i} index={i} cells={columns.length + 2} />
            ))}
          </div>
        ) : null}
      </div>
      {status === 'loading' ? (
        <p className="rk-visually-hidden" role="status">
          {t('table.loading', { noun: nounOther })}
        </p>
      ) : null}
      {status === 'error' ? (
        <ErrorPanel
          title={t('table.error', { noun: nounOther })}
          error={props.error}
          t={t}
          {...(props.onRetry ? { onRetry: props.onRetry } : {})}
        />
      ) : null}
      {status === 'empty' ? (
        <StatePanel title={t('table.empty', { noun: nounOther })}>
          {t('table.emptyHint')}
        </StatePanel>
      ) : null}
      {table.region}
    </div>
  );
}
