import {
  type ExplorerDetail,
  lastItems,
  type ViewDetail,
  WATERFALL_KINDS,
  type WaterfallItem,
  type WaterfallKind,
  waterfallCategory,
  waterfallExtent,
  waterfallItems,
} from '@rumkit/core';
import { scaleLinear } from '@visx/scale';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Translator } from '../../../i18n/index.js';
import { useRumKit } from '../../../provider/context.js';
import { numeric, text, urlPath } from './format.js';

/** The spec's "show the last 50/100/200/all"; null is all. */
export const WATERFALL_LIMITS = [50, 100, 200, null] as const;
export type WaterfallLimit = (typeof WATERFALL_LIMITS)[number];

export interface WaterfallRow {
  key: string;
  item: WaterfallItem;
  label: string;
}

export interface WaterfallMark {
  id: 'lcp' | 'loading';
  ms: number;
}

/** What a row says: method and path, the action's name, the error's message, "Long task". */
export function waterfallLabel(item: WaterfallItem, t: Translator): string {
  const r = item.record;
  switch (item.kind) {
    case 'resource':
      return [text(r.resource_method), urlPath(r) || t('insight.waterfall.request')]
        .filter(Boolean)
        .join(' ');
    case 'long_task':
      return t('insight.waterfall.longTask');
    case 'action':
      return text(r.action_name) || text(r.action_type) || t('insight.waterfall.action');
    case 'error':
      return text(r.error_message) || text(r.error_type) || t('insight.waterfall.error');
  }
}

/** Rows, filters and the time axis of a view's waterfall; Waterfall renders them. */
export function useWaterfall(detail: ViewDetail, onOpen: (detail: ExplorerDetail) => void) {
  const { t } = useRumKit();
  const [limit, setLimit] = useState<WaterfallLimit>(50);
  const [kinds, setKinds] = useState<ReadonlySet<WaterfallKind>>(() => new Set(WATERFALL_KINDS));
  const [search, setSearch] = useState('');
  // Typing stays responsive on a view of 500 requests: the rows follow a beat behind.
  const deferredSearch = useDeferredValue(search);

  const rows = useMemo<WaterfallRow[]>(
    () =>
      waterfallItems(detail).map((item, i) => ({
        key: `${item.kind}-${item.id ?? i}-${i}`,
        item,
        label: waterfallLabel(item, t),
      })),
    [detail, t],
  );

  const counts = useMemo(() => {
    const byKind: Record<WaterfallKind, number> = {
      resource: 0,
      long_task: 0,
      error: 0,
      action: 0,
    };
    for (const row of rows) byKind[row.item.kind]++;
    return byKind;
  }, [rows]);

  const filtered = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    return rows.filter(
      (row) =>
        kinds.has(row.item.kind) &&
        (needle === '' ||
          row.label.toLowerCase().includes(needle) ||
          text(row.item.record.resource_url).toLowerCase().includes(needle)),
    );
  }, [rows, kinds, deferredSearch]);

  const shown = useMemo(() => lastItems(filtered, limit), [filtered, limit]);

  const origin = detail.view.time;
  const marks = useMemo<WaterfallMark[]>(() => {
    const found: WaterfallMark[] = [];
    const lcp = numeric(detail.view.largest_contentful_paint);
    const loading = numeric(detail.view.loading_time);
    if (lcp !== null && lcp > 0) found.push({ id: 'lcp', ms: lcp / 1e6 });
    if (loading !== null && loading > 0) found.push({ id: 'loading', ms: loading / 1e6 });
    return found;
  }, [detail.view]);

  const extent = waterfallExtent(
    shown.map((row) => row.item),
    marks.map((mark) => mark.ms),
  );
  const ticks = useMemo(
    () => scaleLinear<number>({ domain: [0, extent], nice: false }).ticks(5),
    [extent],
  );

  return {
    rows: shown,
    total: rows.length,
    matching: filtered.length,
    counts,
    origin,
    extent,
    ticks,
    marks,
    limit,
    setLimit,
    kinds,
    toggleKind: (kind: WaterfallKind) =>
      setKinds((current) => {
        const next = new Set(current);
        if (next.has(kind)) next.delete(kind);
        else next.add(kind);
        return next;
      }),
    search,
    setSearch,
    open: (row: WaterfallRow) => {
      if (row.item.id !== null)
        onOpen({ category: waterfallCategory(row.item.kind), id: row.item.id });
    },
  };
}
