import { type EventRecord, ID_FIELD, type TimelineCategory } from '@rumkit/core';

export interface TimelineItem {
  category: TimelineCategory;
  record: EventRecord;
  /** The id its detail opens by; undefined when the SDK sent none. */
  id: string | undefined;
  /** Unique in the timeline, whatever the order. */
  key: string;
}

/** A view and what happened on it; `view` is null for events whose view is not stored. */
export interface TimelineSection {
  key: string;
  view: TimelineItem | null;
  items: TimelineItem[];
}

export interface TimelineOptions {
  order: 'asc' | 'desc';
  /** Also resources and long tasks (many per view, so off by default). */
  all: boolean;
}

const DETAILED: readonly string[] = ['resource', 'long_task'];

const toItem = (record: EventRecord, position: number): TimelineItem => {
  const category = record.category as TimelineCategory;
  const raw = record[ID_FIELD[category]];
  const id = typeof raw === 'string' && raw !== '' ? raw : undefined;
  return { category, record, id, key: `${category}:${id ?? ''}:${position}` };
};

/** How many entries the resources-and-long-tasks toggle hides. */
export const detailedCount = (events: readonly EventRecord[]) =>
  events.filter((event) => DETAILED.includes(String(event.category))).length;

/**
 * The session's timeline as sections: each view with its actions, errors (and resources, long
 * tasks) by view_id, in time order either way. Events of a view the timeline lacks (past
 * retention, or sent without view_id) get a section of their own, placed at their first event.
 */
export function buildTimeline(
  events: readonly EventRecord[],
  { order, all }: TimelineOptions,
): TimelineSection[] {
  const sign = order === 'asc' ? 1 : -1;
  const byTime = (a: TimelineItem, b: TimelineItem) => sign * (a.record.time - b.record.time);
  const sections = new Map<string, TimelineSection>();
  const items = events.map(toItem).filter((item) => all || !DETAILED.includes(item.category));
  for (const item of items) {
    if (item.category !== 'view') continue;
    const key = `view:${String(item.record.view_id ?? item.record.time)}`;
    sections.set(key, { key, view: item, items: [] });
  }
  for (const item of items) {
    if (item.category === 'view') continue;
    const viewId = item.record.view_id;
    const key = `view:${String(viewId)}`;
    let section = typeof viewId === 'string' ? sections.get(key) : undefined;
    if (!section) {
      const orphanKey = `orphan:${String(viewId ?? '')}`;
      section = sections.get(orphanKey);
      if (!section) {
        section = { key: orphanKey, view: null, items: [] };
        sections.set(orphanKey, section);
      }
    }
    section.items.push(item);
  }
  const start = (section: TimelineSection) =>
    section.view?.record.time ?? Math.min(...section.items.map((item) => item.record.time));
  return [...sections.values()]
    .map((section) => ({ ...section, items: section.items.sort(byTime) }))
    .sort((a, b) => sign * (start(a) - start(b)));
}
