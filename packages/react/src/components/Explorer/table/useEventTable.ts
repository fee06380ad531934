import { type EventRecord, ID_FIELD } from '@rumkit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type FocusEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useStableCallback } from '../../../hooks/useStableCallback.js';
import { useAnnouncer } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { useTimeFormats } from '../timeFormat.js';
import { columnKind, gridTemplate, HEADER_HEIGHT, move, ROW_HEIGHT, type Sort } from './columns.js';
import type { RowContext } from './EventRow.js';
import type { EventTableProps } from './props.js';
import { useRowSlots } from './rowSlots.js';

/** How many rows before the end the next page is asked for, so it is there when scrolled to. */
const PREFETCH_ROWS = 20;
const OVERSCAN = 4;

/** The table's behaviour: virtual rows, the keyboard's row, columns, widths, the chooser. */
export function useEventTable(props: EventTableProps) {
  const { category, rows, columns, onColumnsChange, hasMore, loadingMore, onLoadMore } = props;
  const { t } = useRumKit();
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [active, setActive] = useState(-1);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [chooser, setChooser] = useState<{ open: boolean; insertAt: number | null }>({
    open: false,
    insertAt: null,
  });
  const [region, announce] = useAnnouncer();

  // The latest props for handlers that rows hold: the rows' context stays the same object.
  const latest = useRef(props);
  latest.current = props;

  const ready = props.status === 'ready';
  const count = ready ? rows.length + (loadingMore ? 1 : 0) : 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Rows render in React's own task rather than inside the scroll event, so a fast scroll
    // does not stack renders into one long frame.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const slots = useRowSlots(items.map((item) => item.index));
  const lastIndex = items.at(-1)?.index ?? -1;

  // Once per page: asking again before the page lands would restart its request.
  // A new search gives a new first row, and may well have as many rows as the last one had.
  const asked = useRef<{ length: number; first: EventRecord | undefined } | null>(null);
  useEffect(() => {
    if (!ready || !hasMore || loadingMore || rows.length === 0) return;
    if (lastIndex < rows.length - PREFETCH_ROWS) return;
    if (asked.current?.length === rows.length && asked.current.first === rows[0]) return;
    asked.current = { length: rows.length, first: rows[0] };
    onLoadMore();
  }, [ready, hasMore, loadingMore, rows, lastIndex, onLoadMore]);

  // A new category or search starts at the top, with no keyboard row.
  const fresh = props.status === 'loading' ? 'loading' : category;
  useEffect(() => {
    if (fresh === undefined) return;
    setActive(-1);
    virtualizer.scrollToOffset(0);
  }, [fresh, virtualizer]);

  const kinds = useMemo(() => columns.map(columnKind), [columns]);
  const formatTime = useTimeFormats().instant;
  const rowId = useCallback((index: number) => `${baseId}-row-${index}`, [baseId]);
  const openRow = useCallback((index: number) => {
    const record = latest.current.rows[index];
    if (record) latest.current.onOpen(record);
  }, []);
  const onRowClick = useCallback(
    (index: number) => {
      // Selecting text in a row to copy it is not a request to open it.
      if (window.getSelection?.()?.toString()) return;
      setActive(index);
      openRow(index);
    },
    [openRow],
  );
  const hasPlay = props.onPlayReplay !== undefined;
  const onPlay = useCallback(
    (target: Parameters<NonNullable<EventTableProps['onPlayReplay']>>[0]) =>
      latest.current.onPlayReplay?.(target),
    [],
  );
  const ctx = useMemo<RowContext>(
    () => ({
      category,
      columns,
      kinds,
      formatTime,
      t,
      rowId,
      onRowClick,
      onPlay: hasPlay ? onPlay : undefined,
    }),
    [category, columns, kinds, formatTime, t, rowId, onRowClick, hasPlay, onPlay],
  );

  const goTo = (index: number) => {
    const last = latest.current.rows.length - 1;
    if (last < 0) return;
    const next = Math.max(0, Math.min(last, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys in the header's buttons and menus, or a row's Play button, are theirs.
    if (event.target !== event.currentTarget || !ready) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const from = active < 0 ? (items[0]?.index ?? 0) - 1 : active;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      goTo(target);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      openRow(active);
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget && active < 0 && ready && rows.length > 0) {
      // The first row in sight, not the first of the list: focus should not scroll.
      const first = items.find(
        (item) => item.index < rows.length && item.start >= (virtualizer.scrollOffset ?? 0),
      );
      setActive(first?.index ?? items[0]?.index ?? 0);
    }
  };

  const { template, minWidth } = gridTemplate(columns, widths);

  // Stable handlers: the header and the chooser are memoized, and a scroll renders neither.
  const moveColumn = useStableCallback((from: number, to: number) => {
    const field = columns[from];
    if (field === undefined) return;
    onColumnsChange(move(columns, from, to));
    announce(t('table.announce.moved', { field, position: to + 1 }));
  });
  const removeColumn = useStableCallback((position: number) => {
    const field = columns[position];
    if (field === undefined) return;
    onColumnsChange(columns.filter((_, i) => i !== position));
    announce(t('table.announce.removed', { field }));
    // Its menu button is gone with it; the grid keeps the focus in the table.
    scrollRef.current?.focus();
  });
  const onResize = useCallback((field: string, width: number) => {
    setWidths((w) => (w[field] === width ? w : { ...w, [field]: width }));
  }, []);

  const activeId = props.activeId ?? null;
  const idField = ID_FIELD[category];
  const isOpen = (record: EventRecord) => activeId !== null && record[idField] === activeId;
  const activeRendered = active >= 0 && items.some((item) => item.index === active);

  return {
    t,
    scrollRef,
    region,
    virtualizer,
    items,
    slots,
    ctx,
    active,
    activeDescendant: activeRendered ? rowId(active) : undefined,
    isOpen,
    template,
    minWidth,
    widths,
    kinds,
    onKeyDown,
    onFocus,
    onResize,
    onSortChange: useStableCallback((sort: Sort) => props.onSortChange(sort)),
    moveColumn,
    removeColumn,
    chooser,
    openChooser: useCallback((insertAt: number) => setChooser({ open: true, insertAt }), []),
    onChooserOpenChange: useCallback((open: boolean) => setChooser({ open, insertAt: null }), []),
  };
}
