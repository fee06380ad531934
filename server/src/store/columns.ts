import { CATEGORIES, type Category, fieldsOf, getField, type ValueType } from '@rumkit/core/schema';

/** A stored column: a catalogue field, or one of the columns every table has. */
export interface Column {
  name: string;
  type: ValueType | 'time';
}

/**
 * Columns every table starts with: the event time (ms) and the owning workspace (events are
 * scoped by it, so an app_id that moves to another workspace never exposes old data).
 */
export const BASE_COLUMNS: readonly Column[] = [
  { name: 'time', type: 'time' },
  { name: 'workspace_id', type: 'string' },
];
/** Catalogue values without a column of their own, as a JSON object. */
export const ATTRS_COLUMN: Column = { name: 'attrs', type: 'json' };
/** The custom context the SDK sent (keys the catalogue does not know), as a JSON object. */
export const CUSTOM_COLUMN: Column = { name: 'custom', type: 'json' };

/**
 * The fields that get a column of their own: the dimensions the explorer and dashboards
 * filter, group and sort on all the time. The long tail (about three quarters of the
 * catalogue, mostly absent on any one event) lives in `attrs`. Measured on the embedded
 * engine, append cost grows with the column count: 110 columns appended 16k rows/s, 30
 * columns 42k rows/s (docs/decisions/004-event-storage.md).
 */
const COMMON = [
  'app_id',
  'env',
  'version',
  'service',
  'sdk_name',
  'source',
  'session_id',
  'session_type',
  'view_id',
  'view_url',
  'view_path',
  'view_path_group',
  'view_name',
  'userid',
  'user_name',
  'browser',
  'os',
  'device',
  'country',
  'city',
  'isp',
  'network_type',
  'action_id',
];
const PROMOTED: Record<Category, readonly string[]> = {
  view: [
    'view_loading_type',
    'time_spent',
    'loading_time',
    'first_contentful_paint',
    'largest_contentful_paint',
    'cumulative_layout_shift',
    'interaction_to_next_paint',
    'first_input_delay',
    'view_error_count',
    'view_resource_count',
    'view_long_task_count',
    'view_action_count',
    'frustration_count',
  ],
  resource: [
    'resource_id',
    'resource_url',
    'resource_url_host',
    'resource_url_path_group',
    'resource_type',
    'resource_method',
    'resource_status',
    'resource_status_group',
    'duration',
    'resource_size',
    'trace_id',
    'span_id',
  ],
  error: [
    'error_id',
    'error_source',
    'error_type',
    'error_message',
    'error_handling',
    'resource_url',
    'resource_status',
    'trace_id',
  ],
  long_task: ['long_task_id', 'duration', 'blocking_duration'],
  action: [
    'action_type',
    'action_name',
    'duration',
    'action_error_count',
    'action_frustration_types',
  ],
  telemetry: ['status', 'message', 'type'],
  session: [
    'time_spent',
    'session_view_count',
    'session_error_count',
    'session_resource_count',
    'session_action_count',
    'session_long_task_count',
    'session_time_spent_count',
    'session_has_replay',
    'session_first_view_id',
    'session_first_view_path_group',
    'session_last_view_id',
    'session_last_view_path_group',
    'session_referrer',
  ],
};

function build(category: Category): Column[] {
  const known = new Set(fieldsOf(category).map((def) => def.name));
  const promoted = [...COMMON, ...PROMOTED[category]].filter((name) => known.has(name));
  const fields = promoted.map((name) => ({ name, type: getField(name)?.type ?? 'string' }));
  return [...BASE_COLUMNS, ...fields, ATTRS_COLUMN, CUSTOM_COLUMN];
}

const byCategory = new Map<Category, readonly Column[]>(CATEGORIES.map((c) => [c, build(c)]));
const namesByCategory = new Map<Category, ReadonlySet<string>>(
  CATEGORIES.map((category) => [category, new Set(fieldsOf(category).map((def) => def.name))]),
);
const physicalByCategory = new Map<Category, ReadonlySet<string>>(
  CATEGORIES.map((category) => [category, new Set(build(category).map((c) => c.name))]),
);

/** The physical columns of a category's table, in a fixed order. */
export function columnsOf(category: Category): readonly Column[] {
  return byCategory.get(category) ?? [];
}

/** Catalogue fields a record of this category may carry (in a column or in attrs). */
export function fieldNamesOf(category: Category): ReadonlySet<string> {
  return namesByCategory.get(category) ?? new Set();
}

/** Whether a field has a column of its own in this category's table. */
export function hasColumn(category: Category, name: string): boolean {
  return physicalByCategory.get(category)?.has(name) ?? false;
}
