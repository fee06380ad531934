import { CATEGORIES, type Category, fieldsOf, type ValueType } from '@rumkit/core/schema';

/** A stored column: a catalogue field, or one of the columns every table has. */
export interface Column {
  name: string;
  type: ValueType | 'time';
}

/**
 * Columns every table starts with: the event time (ms), the owning workspace (events are
 * scoped by it, so an app_id that moves to another workspace never exposes old data), and
 * the custom context the SDK sent (a JSON object of keys the catalogue does not know).
 */
export const BASE_COLUMNS: readonly Column[] = [
  { name: 'time', type: 'time' },
  { name: 'workspace_id', type: 'string' },
];
export const CUSTOM_COLUMN: Column = { name: 'custom', type: 'json' };

const byCategory = new Map<Category, readonly Column[]>(
  CATEGORIES.map((category) => [
    category,
    [
      ...BASE_COLUMNS,
      ...fieldsOf(category).map((def) => ({ name: def.name, type: def.type })),
      CUSTOM_COLUMN,
    ],
  ]),
);

/** The columns of a category's table, in a fixed order. */
export function columnsOf(category: Category): readonly Column[] {
  return byCategory.get(category) ?? [];
}

const namesByCategory = new Map<Category, ReadonlySet<string>>(
  CATEGORIES.map((category) => [category, new Set(columnsOf(category).map((c) => c.name))]),
);

export function columnNamesOf(category: Category): ReadonlySet<string> {
  return namesByCategory.get(category) ?? new Set();
}
