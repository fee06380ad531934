import type { EventRecord, ExplorerCategory } from '@rumkit/core';
import { eventStatus } from '@rumkit/core';
import { type MouseEvent, memo } from 'react';
import type { Translator } from '../../../i18n/index.js';
import type { ReplayTarget } from '../types.js';
import { type FormatTime, renderCell } from './cells.js';
import { type ColumnKind, ROW_HEIGHT } from './columns.js';

/** What every row shares; one object, stable across scrolls, so memo() holds. */
export interface RowContext {
  category: ExplorerCategory;
  columns: readonly string[];
  kinds: readonly ColumnKind[];
  formatTime: FormatTime;
  t: Translator;
  rowId: (index: number) => string;
  onRowClick: (index: number) => void;
  onPlay: ((target: ReplayTarget) => void) | undefined;
}

export interface EventRowProps {
  ctx: RowContext;
  record: EventRecord;
  index: number;
  /** Offset from the top of the body, px. */
  top: number;
  /** The keyboard's row. */
  active: boolean;
  /** The row whose detail is open. */
  open: boolean;
}

// Stops the click from also opening the row.
const onPlayClick = (event: MouseEvent, play: () => void) => {
  event.stopPropagation();
  play();
};

/** A row of the table: no hooks, so a scroll re-renders only the rows that came into view. */
export const EventRow = memo(function EventRow({
  ctx,
  record,
  index,
  top,
  active,
  open,
}: EventRowProps) {
  const { category, columns, kinds, formatTime, t, onPlay } = ctx;
  const warning = eventStatus(category, record) === 'warning';
  const sessionId = typeof record.session_id === 'string' ? record.session_id : undefined;
  // Any event of a recorded session plays from its own moment (Guance's SDKs, and ours, say
  // session_has_replay on every event while the session is recorded).
  const replay = onPlay && record.session_has_replay === true && sessionId;
  return (
    // biome-ignore lint/a11y: an ARIA grid row, placed by the virtualizer; the grid's keys (Enter) open it, not the row's.
    <div
      id={ctx.rowId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={open}
      className="rk-events-row"
      data-status={warning ? 'warning' : undefined}
      data-active={active ? '' : undefined}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => ctx.onRowClick(index)}
    >
      {renderCell('time', 'time', record, formatTime)}
      {/* biome-ignore lint/a11y: a cell of the ARIA grid; focus stays on the grid (aria-activedescendant) */}
      <div role="gridcell" className="rk-events-cell rk-events-status">
        {warning ? (
          <span className="rk-events-warning" role="img" aria-label={t('table.warning')}>
            ⚠
          </span>
        ) : null}
        {replay ? (
          <button
            type="button"
            className="rk-events-play"
            aria-label={t('table.play', { time: formatTime(record.time) })}
            title={t('table.playTitle')}
            onClick={(event) =>
              onPlayClick(event, () => onPlay({ sessionId: replay, time: record.time }))
            }
          >
            ▶
          </button>
        ) : null}
      </div>
      {columns.map((field, i) => renderCell(field, kinds[i] ?? 'text', record, formatTime))}
    </div>
  );
});

/** A placeholder row while the first page loads. */
export function SkeletonRow({ index, cells }: { index: number; cells: number }) {
  return (
    // biome-ignore lint/a11y: a placeholder row of the ARIA grid, hidden from assistive technology
    <div
      role="row"
      aria-hidden="true"
      className="rk-events-row rk-events-skeleton"
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      {Array.from({ length: cells }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key by.
        <div key={i} className="rk-events-cell">
          <span className="rk-events-bone" />
        </div>
      ))}
    </div>
  );
}
