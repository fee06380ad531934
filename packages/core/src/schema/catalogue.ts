import { ACTION_FIELDS } from './action.js';
import type { Category } from './categories.js';
import {
  APP_AND_USER_TAGS,
  COMMON_FIELDS,
  GEO_TAGS,
  SHARED_METRICS,
  VIEW_CONTEXT_TAGS,
} from './common.js';
import { ERROR_FIELDS } from './error.js';
import type { FieldDef } from './field-def.js';
import { LONG_TASK_FIELDS } from './long-task.js';
import { RESOURCE_FIELDS } from './resource.js';
import { SESSION_FIELDS } from './session.js';
import { TELEMETRY_FIELDS } from './telemetry.js';
import { VIEW_FIELDS } from './view.js';

/** The one catalogue of RUM tags and fields; everything else is derived from it. */
export const FIELDS = [
  ...APP_AND_USER_TAGS,
  ...GEO_TAGS,
  ...VIEW_CONTEXT_TAGS,
  ...COMMON_FIELDS,
  ...SHARED_METRICS,
  ...VIEW_FIELDS,
  ...RESOURCE_FIELDS,
  ...ERROR_FIELDS,
  ...LONG_TASK_FIELDS,
  ...ACTION_FIELDS,
  ...SESSION_FIELDS,
  ...TELEMETRY_FIELDS,
] as const satisfies readonly FieldDef[];

export type FieldName = (typeof FIELDS)[number]['name'];

const byName = new Map<string, FieldDef>(FIELDS.map((def) => [def.name, def]));
const byCategory = new Map<Category, readonly FieldDef[]>();

/** Every tag and field a record of this category may carry, in catalogue order. */
export function fieldsOf(category: Category): readonly FieldDef[] {
  let defs = byCategory.get(category);
  if (!defs) {
    defs = FIELDS.filter((def) => (def.categories as readonly Category[]).includes(category));
    byCategory.set(category, defs);
  }
  return defs;
}

export function getField(name: string): FieldDef | undefined {
  return byName.get(name);
}

/** Names matched by free-text search terms in this category's explorer. */
export function textFieldsOf(category: Category): readonly string[] {
  return fieldsOf(category)
    .filter((def) => def.text)
    .map((def) => def.name);
}
