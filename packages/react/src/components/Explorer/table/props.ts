import type { EventRecord, ExplorerCategory } from '@rumkit/core';
import type { ReplayTarget } from '../types.js';

export interface EventTableProps {
  category: ExplorerCategory;
  rows: readonly EventRecord[];
  /** Fields shown after the time column (and the status/warning column). */
  columns: readonly string[];
  onColumnsChange: (columns: string[]) => void;
  /** null = time, newest first. */
  sort: { field: string; order: 'asc' | 'desc' } | null;
  onSortChange: (sort: { field: string; order: 'asc' | 'desc' } | null) => void;
  /** Opens a row's detail; `activeId` (the category's ID_FIELD value) marks the open one. */
  onOpen: (record: EventRecord) => void;
  activeId?: string | null;
  /** Infinite scrolling: called when the last rows come into view and hasMore. */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  status: 'loading' | 'error' | 'empty' | 'ready';
  error?: unknown;
  onRetry?: () => void;
  /** Session rows whose session_has_replay is true show a Play button. Default: no button. */
  onPlayReplay?: (target: ReplayTarget) => void;
  /** Adds a field to the facet panel (column menu "add to quick filters"). Default: no item. */
  onAddFacet?: (field: string) => void;
  /** Custom context keys seen in the data, offered by the column chooser. */
  extraKeys?: readonly string[];
  /** Total rows known to exist (e.g. from the histogram), for aria-rowcount and a counter. */
  total?: number | undefined;
}
