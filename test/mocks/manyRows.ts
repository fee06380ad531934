// A backend with 100,000 sessions in the range, for the explorer's long-list story and its
// scrolling benchmark: rows are made on demand from their index, so nothing is held in memory,
// and every other question goes to the backend it wraps.
import type { EventRecord, HistogramResult, RumBackend, SearchEventsResult } from '@rumkit/core';

const PAGES = ['/', '/products/?', '/cart', '/checkout', '/account/orders', '/search'];
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge'];

/** Session `index` of `total`, newest first from `to`. */
export function syntheticSession(
  index: number,
  total: number,
  from: number,
  to: number,
): EventRecord {
  const step = (to - from) / total;
  const page = (n: number) =>
    `https://shop.example.com${(PAGES[n % PAGES.length] as string).replace('?', String(1000 + (n % 97)))}`;
  return {
    time: Math.floor(to - 1 - index * step),
    session_id: `s-${String(index).padStart(6, '0')}`,
    session_type: index % 50 === 0 ? 'synthetics' : 'user',
    time_spent: ((index * 7919) % 1800) * 1e9 + 3e9,
    session_view_count: 1 + (index % 9),
    session_action_count: (index * 3) % 23,
    session_error_count: index % 13 === 0 ? 1 + (index % 3) : 0,
    session_has_replay: index % 4 === 0,
    session_first_view_url: page(index),
    session_last_view_url: page(index + 3),
    browser: BROWSERS[index % BROWSERS.length],
    app_id: 'acme_web',
    custom: {},
  };
}

export function manyRowsBackend(base: RumBackend, total = 100_000): RumBackend {
  return {
    ...base,
    async searchEvents(input, options): Promise<SearchEventsResult> {
      if (input.category !== 'session') return base.searchEvents(input, options);
      const offset = input.cursor ? Number(input.cursor) : 0;
      const limit = input.limit ?? 50;
      const end = Math.min(total, offset + limit);
      const rows: EventRecord[] = [];
      for (let i = offset; i < end; i++)
        rows.push(syntheticSession(i, total, input.from, input.to));
      return { rows, next_cursor: end < total ? String(end) : null };
    },
    async histogram(input, options): Promise<HistogramResult> {
      if (input.category !== 'session') return base.histogram(input, options);
      const buckets = input.buckets ?? 60;
      const interval = Math.ceil((input.to - input.from) / buckets);
      const per = Math.floor(total / buckets);
      return {
        interval_ms: interval,
        groups: [],
        buckets: Array.from({ length: buckets }, (_, i) => ({
          time: input.from + i * interval,
          count: i === buckets - 1 ? total - per * (buckets - 1) : per,
        })),
      };
    },
  };
}
