import { encodeLine, type FieldValue, type Point } from '@rumkit/core/protocol';
import { json } from '../tools/json.js';
import type { RumEvent } from '../types.js';

// The only place that knows the wire: Guance's snake_case names, which of them are tags, and
// how values are written. Internally every name is the camelCase of its wire name.

/** The camelCase names that go out as tags (spec §1.4); everything else is a field. */
const TAGS =
  'sdkName sdkVersion appId env service version source userid userEmail userName sessionId ' +
  'sessionType isSignin os osVersion osVersionMajor browser browserVersion browserVersionMajor ' +
  'screenSize networkType timeZone device viewId viewReferrer viewUrl viewHost viewPath ' +
  'viewPathGroup viewName viewLoadingType viewApdexLevel resourceId resourceStatus ' +
  'resourceStatusGroup resourceMethod traceId spanId errorId errorSource errorType ' +
  'errorHandling longTaskId actionType';

const wireNames = new Map<string, string>([['telemetryType', 'type']]);

/** `resourceUrlPathGroup` → `resource_url_path_group` (memoised: it runs for every key of every event). */
export function toWireName(name: string): string {
  let wire = wireNames.get(name);
  if (wire === undefined) {
    wire = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    if (wireNames.size < 1000) wireNames.set(name, wire);
  }
  return wire;
}

/** The wire names of the tags; built on first use, not while the page loads. */
let wireTags: Set<string> | undefined;

function fieldValue(value: unknown): FieldValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'object':
      return value === null ? undefined : json(value);
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}

/**
 * An event as a DataKit point. Tag values are strings (booleans as T/F, newlines as spaces);
 * objects become JSON strings; empty or non-finite values are left out. Custom context goes
 * out as fields under its own names, listed in `custom_keys`; a key that is already on the
 * point, or is a built-in tag, is dropped.
 */
export function toPoint(event: RumEvent): Point {
  wireTags ||= new Set(TAGS.split(' ').map(toWireName));
  const tagNames = wireTags;
  const tags: Record<string, string> = {};
  const fields: Record<string, FieldValue> = {};
  // for-in and one memo lookup per key: this runs for some 60 keys of every event.
  for (const key in event) {
    const value = event[key];
    if (value === undefined || key === 'type' || key === 'date' || key === 'context') continue;
    // `type` names the measurement internally; telemetry's own `type` field travels as telemetryType.
    const name = toWireName(key);
    if (!tagNames.has(name)) {
      const field = fieldValue(value);
      if (field !== undefined) fields[name] = field;
    } else if (value !== null) {
      const text = typeof value === 'boolean' ? (value ? 'T' : 'F') : String(value);
      if (text !== '') tags[name] = /[\r\n]/.test(text) ? text.replace(/[\r\n]+/g, ' ') : text;
    }
  }
  const customKeys: string[] = [];
  const context = event.context ?? {};
  for (const key of Object.keys(context)) {
    if (key === '' || /[\r\n]/.test(key) || key === 'custom_keys') continue;
    if (key in tags || key in fields || tagNames.has(key)) continue;
    const field = fieldValue(context[key]);
    if (field === undefined) continue;
    fields[key] = field;
    customKeys.push(key);
  }
  if (customKeys.length > 0) fields.custom_keys = json(customKeys);
  return { measurement: event.type, tags, fields, time: event.date };
}

/**
 * One line of line protocol. toPoint builds only what DataKit reads (tag values non-empty and
 * on one line, finite numbers, keys without newlines), so the codec's lean encodeLine writes it
 * unchecked; it throws on an event without fields.
 */
export function encodeEvent(event: RumEvent): string {
  return encodeLine(toPoint(event));
}
