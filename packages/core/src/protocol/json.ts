import { checkPoint, setOwn, typeName } from './check.js';
import { encodeTime } from './encode.js';
import { LineProtocolError } from './errors.js';
import { checkPrecision, msFromDigits, msFromUnits } from './precision.js';
import type { DecodeOptions, EncodeOptions, FieldValue, Point, Precision } from './types.js';
import { decodeUtf8 } from './utf8.js';

/*
 * DataKit's JSON body: `[{ "measurement", "tags", "fields", "time" }]`, sent with
 * `Content-Type: application/json`. JSON numbers carry no int/float distinction, and
 * JSON.parse rounds integers beyond 2^53 (nanosecond times included) to the nearest double;
 * use line protocol where that matters.
 */

/**
 * Reads a JSON body (text, UTF-8 bytes, or an already parsed value) into points, with the
 * same rules as line protocol. `time` is in `precision`, detected per point when not given.
 */
export function decodeJson(body: unknown, options?: DecodeOptions): Point[] {
  const precision = checkPrecision(options?.precision);
  let value = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof body === 'string' ? body : decodeUtf8(body));
    } catch (error) {
      throw new LineProtocolError(`invalid JSON: ${(error as Error).message}`);
    }
  }
  if (!Array.isArray(value)) {
    throw new LineProtocolError(`a JSON body must be an array of points, not ${typeName(value)}`);
  }
  const points: Point[] = [];
  for (let index = 0; index < value.length; index++) {
    const raw: Point = value[index];
    const { tagKeys, fieldKeys } = checkPoint(raw, index);
    const tags: Record<string, string> = {};
    for (const key of tagKeys) setOwn(tags, key, raw.tags[key] as string);
    const fields: Record<string, FieldValue> = {};
    for (const key of fieldKeys) setOwn(fields, key, raw.fields[key] as FieldValue);
    const time = decodeTime(raw.time, index, precision);
    points.push({ measurement: raw.measurement, tags, fields, time });
  }
  return points;
}

function decodeTime(time: unknown, index: number, precision?: Precision): number | undefined {
  if (time === undefined || time === null) return undefined;
  let ms = Number.NaN;
  if (typeof time === 'number' && Number.isInteger(time)) {
    const magnitude = Math.abs(time);
    ms =
      magnitude <= Number.MAX_SAFE_INTEGER
        ? msFromUnits(magnitude, time < 0, precision)
        : msFromDigits(BigInt(magnitude).toString(), time < 0, precision);
  } else if (typeof time === 'bigint') {
    ms = msFromDigits((time < 0n ? -time : time).toString(), time < 0n, precision);
  } else {
    const shown = typeof time === 'number' ? String(time) : typeName(time);
    throw new LineProtocolError(`time must be an integer, not ${shown}`, { index, key: 'time' });
  }
  if (Number.isNaN(ms)) {
    throw new LineProtocolError(`time ${time} is out of range (years 1677 to 2262)`, {
      index,
      key: 'time',
    });
  }
  return ms;
}

/** Writes points as a DataKit JSON body, `time` in `precision` (default `ms`). */
export function encodeJson(points: readonly Point[], options?: EncodeOptions): string {
  const precision = checkPrecision(options?.precision) ?? 'ms';
  let out = '[';
  for (let index = 0; index < points.length; index++) {
    const point = points[index] as Point;
    const { tagKeys, fieldKeys } = checkPoint(point, index);
    let tags = '';
    for (const key of tagKeys) {
      tags += `${tags === '' ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(point.tags[key])}`;
    }
    let fields = '';
    for (const key of fieldKeys) {
      const value = jsonValue(point.fields[key] as FieldValue);
      fields += `${fields === '' ? '' : ','}${JSON.stringify(key)}:${value}`;
    }
    const time = encodeTime(point, index, precision);
    out += `${index === 0 ? '' : ','}{"measurement":${JSON.stringify(point.measurement)}`;
    out += `,"tags":{${tags}},"fields":{${fields}}${time === undefined ? '' : `,"time":${time}`}}`;
  }
  return `${out}]`;
}

/** JSON.stringify would throw on a bigint and write -0 as 0; both keep their value here. */
function jsonValue(value: FieldValue): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return String(value);
    default:
      return value ? 'true' : 'false';
  }
}
