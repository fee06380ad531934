import { type ExplorerCategory, type FieldDef, fieldsOf, getField } from '@rumkit/core';

/** Tags a category's records can be grouped (stacked) by: its tag fields and string fields. */
export function groupFieldsOf(category: ExplorerCategory): string[] {
  return fieldsOf(category)
    .filter((def) => def.kind === 'tag' || def.type === 'string')
    .map((def) => def.name);
}

const isMeasurable = (def: FieldDef) =>
  (def.type === 'integer' || def.type === 'float') && def.unit !== 'epoch_ms';

/** Numeric fields of a category that avg/min/max/percentiles can measure (not instants). */
export function measureFieldsOf(category: ExplorerCategory): string[] {
  return fieldsOf(category)
    .filter(isMeasurable)
    .map((def) => def.name);
}

export function isGroupField(category: ExplorerCategory, name: string): boolean {
  const def = getField(name);
  return (
    def !== undefined &&
    (def.categories as readonly string[]).includes(category) &&
    (def.kind === 'tag' || def.type === 'string')
  );
}

export function isMeasureField(category: ExplorerCategory, name: string): boolean {
  const def = getField(name);
  return (
    def !== undefined &&
    (def.categories as readonly string[]).includes(category) &&
    isMeasurable(def)
  );
}

/** What the histogram stacks by when nobody chose (the spec's usual questions per category). */
export const DEFAULT_STACK: Record<ExplorerCategory, string | null> = {
  session: null,
  view: null,
  resource: 'resource_status_group',
  error: 'error_source',
  long_task: null,
  action: null,
};

/** What analysis groups by when its tag does not exist in the category. */
export const DEFAULT_GROUP: Record<ExplorerCategory, string> = {
  session: 'browser',
  view: 'view_path_group',
  resource: 'resource_type',
  error: 'error_source',
  long_task: 'view_path_group',
  action: 'action_type',
};
