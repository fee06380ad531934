import { getField } from './catalogue.js';
import { INGEST_CATEGORIES, isIngestCategory } from './categories.js';
import type { FieldDef, ValueType } from './field-def.js';
import { parseValue, type RawValue } from './values.js';

/** A point as the protocol decoders hand it over (declared here so schema imports nothing). */
export interface DecodedPoint {
  measurement: string;
  tags: Record<string, string>;
  fields: Record<string, RawValue>;
  time?: number;
}

/** One reason a point does not fit the catalogue; `key` names the offending tag or field. */
export interface Problem {
  key: string;
  message: string;
}

/**
 * Checks a decoded point against the catalogue; an empty list means it fits.
 *
 * Lenient where Guance's own SDKs are: a catalogued name may arrive as a tag
 * or as a field (versions and platforms disagree), numbers may be floats or
 * text, and any name the catalogue does not know is custom context.
 */
export function checkPoint(point: DecodedPoint): Problem[] {
  const problems: Problem[] = [];
  const { measurement, tags, fields } = point;

  if (!isIngestCategory(measurement)) {
    problems.push({ key: 'measurement', message: unknownMeasurement(measurement) });
  }

  const appId = tags.app_id;
  if (appId === undefined || appId === '') {
    const where = 'app_id' in fields ? ' (it was sent as a field)' : '';
    problems.push({ key: 'app_id', message: `the app_id tag is required${where}` });
  }

  if (point.time !== undefined && !Number.isFinite(point.time)) {
    problems.push({
      key: 'time',
      message: `time must be a finite number, got ${show(point.time)}`,
    });
  }

  for (const [key, value] of [...Object.entries(tags), ...Object.entries(fields)]) {
    const def = getField(key);
    if (def && parseValue(def.type, value) === undefined) {
      problems.push({ key, message: mismatch(def, value) });
    }
  }
  return problems;
}

function unknownMeasurement(measurement: string): string {
  if (measurement === 'session') {
    return 'session records are derived by the server and cannot be sent';
  }
  return `unknown measurement ${show(measurement)}; expected one of ${INGEST_CATEGORIES.join(', ')}`;
}

const EXPECTED: Record<ValueType, string> = {
  string: 'a string',
  integer: 'an integer',
  float: 'a float',
  boolean: 'a boolean',
  json: 'a JSON string',
};

function mismatch(def: FieldDef, value: RawValue): string {
  const unit = def.unit ? ` (${def.unit})` : '';
  const spelled = def.type === 'boolean' && def.values ? ` (${def.values.join('/')})` : '';
  return `${def.name} must be ${EXPECTED[def.type]}${unit}${spelled}, got ${show(value)}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
