import {
  CONTEXT_TAGS,
  type ExplorerCategory,
  FIELDS,
  formatFieldValue,
  getField,
} from '@rumkit/core';
import type { FormatTime } from '../timeFormat.js';

/** The sections of the attribute list: the record's own fields first, custom context last. */
export const ATTRIBUTE_GROUPS = [
  'event',
  'view',
  'action',
  'session',
  'user',
  'device',
  'geo',
  'app',
  'custom',
] as const;
export type AttributeGroup = (typeof ATTRIBUTE_GROUPS)[number];

export interface Attribute {
  /** The field's name, or the custom context key (which is how search filters it). */
  key: string;
  value: unknown;
  group: AttributeGroup;
}

// The common tags' groups (core's), plus the few other context fields each group shows.
const sets = {
  app: new Set<string>([...CONTEXT_TAGS.app, 'custom_keys', 'drift']),
  user: new Set<string>([...CONTEXT_TAGS.user, 'is_login']),
  device: new Set<string>([...CONTEXT_TAGS.device, 'display']),
  geo: new Set<string>(CONTEXT_TAGS.geo),
  action: new Set(['action_id', 'action_ids']),
};

/** Which context a field belongs to, unless it is the record's own (a view's view_* fields). */
function groupOf(category: ExplorerCategory, key: string): AttributeGroup {
  if (key.startsWith('view_') && category !== 'view') return 'view';
  if (key.startsWith('session_') && category !== 'session') return 'session';
  if (sets.action.has(key) && category !== 'action') return 'action';
  for (const group of ['user', 'device', 'geo', 'app'] as const)
    if (sets[group].has(key)) return group;
  return 'event';
}

const ORDER = new Map<string, number>(FIELDS.map((def, index) => [def.name, index]));
const byCatalogue = (a: Attribute, b: Attribute) =>
  a.key === 'time'
    ? -1
    : b.key === 'time'
      ? 1
      : (ORDER.get(a.key) ?? Number.MAX_SAFE_INTEGER) -
          (ORDER.get(b.key) ?? Number.MAX_SAFE_INTEGER) || a.key.localeCompare(b.key);

const present = (value: unknown) => value !== null && value !== undefined && value !== '';

/** Every field of a record in its section, in catalogue order; empty values left out. */
export function groupAttributes(
  category: ExplorerCategory,
  record: Record<string, unknown>,
): { group: AttributeGroup; attributes: Attribute[] }[] {
  const all: Attribute[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'custom' || !present(value)) continue;
    all.push({ key, value, group: groupOf(category, key) });
  }
  const custom = record.custom;
  if (custom && typeof custom === 'object' && !Array.isArray(custom)) {
    for (const [key, value] of Object.entries(custom)) {
      if (present(value)) all.push({ key, value, group: 'custom' });
    }
  }
  return ATTRIBUTE_GROUPS.map((group) => ({
    group,
    attributes: all
      .filter((a) => a.group === group)
      .sort(group === 'custom' ? undefined : byCatalogue),
  })).filter((section) => section.attributes.length > 0);
}

/** JSON text (`{"q":"shoes"}`) or an object, pretty-printed; null when it is not JSON. */
function prettyJson(value: unknown): string | null {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  if (typeof value !== 'string' || !/^[[{]/.test(value.trim())) return null;
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return null;
  }
}

/** An attribute's value as it is read: in its unit, instants as dates, JSON indented. */
export function displayValue({ key, value, group }: Attribute, formatInstant: FormatTime): string {
  const number = Number(value);
  if ((key === 'time' || getField(key)?.unit === 'epoch_ms') && Number.isFinite(number))
    return formatInstant(number);
  const json = prettyJson(value);
  if (json !== null) return json;
  return group === 'custom' ? String(value) : (formatFieldValue(key, value) ?? String(value));
}

/** The value a filter or a copy uses: the stored value, objects as their JSON. */
export function rawValue(value: unknown): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return JSON.stringify(value);
}

/** Whether an attribute matches the search text, by name or by value (raw or as shown). */
export function matches(attribute: Attribute, shown: string, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return (
    attribute.key.toLowerCase().includes(needle) ||
    shown.toLowerCase().includes(needle) ||
    String(rawValue(attribute.value)).toLowerCase().includes(needle)
  );
}
