// A view's waterfall (spec §1.6, the view's Performance tab): its resources, long tasks, errors
// and actions on one time axis from the view's start. Times are ms from the view's start;
// record times are ms since the epoch and durations ns, as stored.
import type { ExplorerCategory } from '../api/events.js';
import { ID_FIELD } from './explorer.js';

export type WaterfallKind = 'resource' | 'long_task' | 'error' | 'action';
export const WATERFALL_KINDS: readonly WaterfallKind[] = [
  'resource',
  'long_task',
  'error',
  'action',
];

/** The Resource Timing phases of a request, in the order they happen. */
export type ResourcePhaseName = 'redirect' | 'dns' | 'tcp' | 'ssl' | 'ttfb' | 'trans';

export interface WaterfallPhase {
  name: ResourcePhaseName;
  /** ms from the view's start. */
  start: number;
  /** ms. */
  duration: number;
}

export interface WaterfallItem<R extends WaterfallRecord = WaterfallRecord> {
  kind: WaterfallKind;
  record: R;
  /** The record's id (its category's ID_FIELD), null when it was sent without one. */
  id: string | null;
  /** ms from the view's start. */
  start: number;
  /** ms; 0 for an error, or anything without a duration (drawn as a marker). */
  duration: number;
  /** A request's phases, when its timing was sent; empty otherwise. */
  phases: WaterfallPhase[];
}

/** A record as the API gives it: `time` in ms since the epoch, durations in ns. */
export type WaterfallRecord = Record<string, unknown>;

export interface WaterfallSource<R extends WaterfallRecord = WaterfallRecord> {
  view: R;
  resources: readonly R[];
  errors: readonly R[];
  actions: readonly R[];
  long_tasks: readonly R[];
}

const CATEGORY: Record<WaterfallKind, ExplorerCategory> = {
  resource: 'resource',
  long_task: 'long_task',
  error: 'error',
  action: 'action',
};

/** The explorer category of a waterfall kind (what a row opens). */
export const waterfallCategory = (kind: WaterfallKind): ExplorerCategory => CATEGORY[kind];

const num = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const nsToMs = (value: unknown) => Math.max(0, (num(value) ?? 0) / 1e6);

/**
 * A request's phases, laid back from the end of its bar: the download ends when the request
 * does, and whatever the phases do not cover is at the start (queueing, a stalled connection).
 * `resource_tcp` includes the TLS handshake, so its bar is the connect time without it.
 */
export function resourcePhases(
  record: WaterfallRecord,
  start: number,
  duration: number,
): WaterfallPhase[] {
  const ssl = nsToMs(record.resource_ssl);
  const parts: [ResourcePhaseName, number][] = [
    ['redirect', nsToMs(record.resource_redirect)],
    ['dns', nsToMs(record.resource_dns)],
    ['tcp', Math.max(0, nsToMs(record.resource_tcp) - ssl)],
    ['ssl', ssl],
    ['ttfb', nsToMs(record.resource_ttfb)],
    ['trans', nsToMs(record.resource_trans)],
  ];
  if (parts.every(([, ms]) => ms === 0)) return [];
  const phases: WaterfallPhase[] = [];
  let end = start + duration;
  for (let i = parts.length - 1; i >= 0; i--) {
    const [name, ms] = parts[i] as [ResourcePhaseName, number];
    if (ms === 0) continue;
    // Timings that add up to more than the request (rounding, clock steps) are cut at its start.
    const from = Math.max(start, end - ms);
    if (end > from) phases.unshift({ name, start: from, duration: end - from });
    end = from;
  }
  return phases;
}

const ORDER: Record<WaterfallKind, number> = { resource: 0, long_task: 1, action: 2, error: 3 };

/** The view's events as waterfall items, by start (equal starts: resources, long tasks, actions, errors). */
export function waterfallItems<R extends WaterfallRecord>(
  source: WaterfallSource<R>,
): WaterfallItem<R>[] {
  const origin = num(source.view.time) ?? 0;
  const items: WaterfallItem<R>[] = [];
  const add = (kind: WaterfallKind, records: readonly R[]) => {
    for (const record of records) {
      const start = Math.max(0, (num(record.time) ?? origin) - origin);
      const duration = kind === 'error' ? 0 : nsToMs(record.duration);
      const id = record[ID_FIELD[CATEGORY[kind]]];
      items.push({
        kind,
        record,
        id: typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : null,
        start,
        duration,
        phases: kind === 'resource' ? resourcePhases(record, start, duration) : [],
      });
    }
  };
  add('resource', source.resources);
  add('long_task', source.long_tasks);
  add('action', source.actions);
  add('error', source.errors);
  return items.sort((a, b) => a.start - b.start || ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * The last `limit` of items given in order (the spec's "show the last 50/100/200/all"), still
 * in order; `null` keeps all.
 */
export function lastItems<T>(items: readonly T[], limit: number | null): T[] {
  return limit === null || items.length <= limit ? [...items] : items.slice(items.length - limit);
}

/** Where the axis ends, ms: the latest end of the items and marks, never 0. */
export function waterfallExtent(
  items: readonly { start: number; duration: number }[],
  marks: readonly number[] = [],
): number {
  let end = 0;
  for (const item of items) end = Math.max(end, item.start + item.duration);
  for (const mark of marks) end = Math.max(end, mark);
  return end > 0 ? end : 1;
}
