/**
 * What an SDK may send to `/v1/write/rum`: DataKit's measurement allow-list.
 * `session` is missing on purpose: the server derives it from the other events.
 */
export const INGEST_CATEGORIES = [
  'view',
  'resource',
  'error',
  'long_task',
  'action',
  'telemetry',
] as const;

/** Every record category the explorer shows, `session` included. */
export const CATEGORIES = ['session', ...INGEST_CATEGORIES] as const;

/** The events that happen inside a view and so carry the view's context. */
export const EVENT_CATEGORIES = ['view', 'resource', 'error', 'long_task', 'action'] as const;

export type Category = (typeof CATEGORIES)[number];
export type IngestCategory = (typeof INGEST_CATEGORIES)[number];
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isIngestCategory(value: string): value is IngestCategory {
  return (INGEST_CATEGORIES as readonly string[]).includes(value);
}
