import { getField } from '@rumkit/core';
import { type KeyboardEvent, memo, type PointerEvent } from 'react';
import type { Translator } from '../../../i18n/index.js';
import { SortIcon } from '../../../primitives/index.js';
import { ColumnMenu, type ColumnMenuProps } from './ColumnMenu.js';
import {
  ariaSort,
  baseWidth,
  type ColumnKind,
  MAX_WIDTH,
  MIN_WIDTH,
  nextSort,
  type Sort,
} from './columns.js';

export interface TableHeaderProps
  extends Pick<ColumnMenuProps, 'onMove' | 'onInsert' | 'onRemove' | 'onAddFacet'> {
  columns: readonly string[];
  kinds: readonly ColumnKind[];
  sort: Sort;
  t: Translator;
  onSortChange: (sort: Sort) => void;
  onResize: (field: string, width: number) => void;
  /** Widths resized by hand, px. */
  widths: Readonly<Record<string, number>>;
}

const STEP = 16;

/** Drags the right edge of a header cell; the width follows the pointer until it is let go. */
function startResize(
  event: PointerEvent<HTMLElement>,
  field: string,
  onResize: (f: string, w: number) => void,
) {
  const handle = event.currentTarget;
  const cell = handle.parentElement;
  if (!cell || event.button !== 0) return;
  event.preventDefault();
  const startX = event.clientX;
  const startWidth = cell.getBoundingClientRect().width;
  handle.setPointerCapture?.(event.pointerId);
  const onMove = (e: globalThis.PointerEvent) =>
    onResize(
      field,
      Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(startWidth + e.clientX - startX))),
    );
  const onUp = () => {
    handle.removeEventListener('pointermove', onMove);
    handle.removeEventListener('pointerup', onUp);
    handle.removeEventListener('pointercancel', onUp);
  };
  handle.addEventListener('pointermove', onMove);
  handle.addEventListener('pointerup', onUp);
  handle.addEventListener('pointercancel', onUp);
}

function resizeByKey(
  event: KeyboardEvent<HTMLElement>,
  field: string,
  onResize: (f: string, w: number) => void,
) {
  const delta = event.key === 'ArrowLeft' ? -STEP : event.key === 'ArrowRight' ? STEP : 0;
  if (delta === 0) return;
  event.preventDefault();
  const cell = event.currentTarget.parentElement;
  const width = cell?.getBoundingClientRect().width ?? 0;
  onResize(field, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width + delta))));
}

/**
 * The sticky header row: sort by a click, a menu per column, a resize handle per edge.
 * Memoized: the table renders on every scroll, the header only when its props change.
 */
export const TableHeader = memo(function TableHeader({
  columns,
  kinds,
  sort,
  t,
  onSortChange,
  onResize,
  widths,
  ...menu
}: TableHeaderProps) {
  const widthOf = (field: string) => widths[field] ?? baseWidth(field);
  const header = (field: string, position: number, kind: ColumnKind) => {
    const label = field === 'time' ? t('table.time') : field;
    const direction = ariaSort(sort, field);
    return (
      // biome-ignore lint/a11y: a header cell of the ARIA grid; its buttons take the focus
      <div
        key={field}
        role="columnheader"
        aria-sort={direction}
        className="rk-events-th"
        data-kind={kind}
        title={getField(field)?.description}
      >
        <button
          type="button"
          className="rk-events-sort"
          onClick={() => onSortChange(nextSort(sort, field))}
        >
          <span className="rk-events-th-label">{label}</span>
          <SortIcon direction={direction} />
        </button>
        <ColumnMenu
          field={field}
          label={label}
          position={position}
          count={columns.length}
          t={t}
          onSort={onSortChange}
          {...menu}
        />
        {/* biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA splitter pattern; <hr> cannot take focus. */}
        <div
          role="separator"
          aria-orientation="vertical"
          aria-valuenow={widthOf(field)}
          aria-valuemin={MIN_WIDTH}
          aria-valuemax={MAX_WIDTH}
          aria-label={t('table.resize', { field: label })}
          tabIndex={0}
          className="rk-events-resize"
          onPointerDown={(event) => startResize(event, field, onResize)}
          onKeyDown={(event) => resizeByKey(event, field, onResize)}
        />
      </div>
    );
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: the header of the ARIA grid
    <div role="rowgroup" className="rk-events-head">
      {/* biome-ignore lint/a11y: the header row of the ARIA grid */}
      <div role="row" aria-rowindex={1} className="rk-events-row rk-events-header-row">
        {header('time', -1, 'time')}
        {/* biome-ignore lint/a11y: the status column's header, named for screen readers only */}
        <div role="columnheader" className="rk-events-th rk-events-status">
          <span className="rk-visually-hidden">{t('table.status')}</span>
        </div>
        {columns.map((field, i) => header(field, i, kinds[i] ?? 'text'))}
      </div>
    </div>
  );
});
