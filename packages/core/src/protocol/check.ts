import { keyPath, LineProtocolError } from './errors.js';

/*
 * Rules that a point must meet to be written as a line. Encoding and the JSON form share
 * them, so a point from either always encodes, and a body that encodes always decodes.
 */

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

export function measurementProblem(measurement: unknown): string | undefined {
  if (measurement === undefined || measurement === '') return 'missing measurement';
  if (typeof measurement !== 'string')
    return `measurement must be a string, not ${typeName(measurement)}`;
  if (measurement.indexOf('\n') !== -1) return 'measurement contains a newline';
  const first = measurement.charCodeAt(0);
  // The decoder skips blanks at the start of a line and reads a leading `#` as a comment.
  if (first === 35) return 'measurement starts with "#", which makes the line a comment';
  if (first === 9) return 'measurement starts with a tab, which the decoder skips';
  return undefined;
}

export function keyProblem(key: string, what: 'tag' | 'field'): string | undefined {
  if (key === '') return `empty ${what} key`;
  if (key.indexOf('\n') !== -1) return `${what} key contains a newline`;
  return undefined;
}

export function tagValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `tag value must be a string, not ${typeName(value)}`;
  // DataKit refuses an empty tag value ("missing tag value").
  if (value === '') return 'empty tag value';
  if (value.indexOf('\n') !== -1) return 'tag value contains a newline';
  return undefined;
}

export function fieldValueProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${value} is not a valid field value`;
    case 'bigint':
      return value < INT64_MIN || value > UINT64_MAX
        ? `${value} is outside the int64 and uint64 range`
        : undefined;
    default:
      return `field value must be a number, bigint, string or boolean, not ${typeName(value)}`;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Sets a key even when it is `__proto__`, which a plain assignment would swallow. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

export function hasOwn(target: object, key: string): boolean {
  return Object.hasOwn(target, key);
}

function fail(reason: string, index: number, key?: string): LineProtocolError {
  return new LineProtocolError(reason, key === undefined ? { index } : { index, key });
}

/**
 * Checks everything but the time of a point given by a caller or read from JSON, and
 * returns its tag and field keys. `tags` may be missing, as in DataKit's JSON form.
 */
export function checkPoint(
  point: unknown,
  index: number,
): { tagKeys: string[]; fieldKeys: string[] } {
  if (!isRecord(point)) throw fail(`a point must be an object, not ${typeName(point)}`, index);
  const problem = measurementProblem(point.measurement);
  if (problem !== undefined) throw fail(problem, index, 'measurement');

  const { tags, fields } = point;
  let tagKeys: string[] = [];
  if (tags !== undefined && tags !== null) {
    if (!isRecord(tags)) throw fail(`tags must be an object, not ${typeName(tags)}`, index, 'tags');
    tagKeys = Object.keys(tags);
    for (const key of tagKeys) {
      const why = keyProblem(key, 'tag') ?? tagValueProblem(tags[key]);
      if (why !== undefined) throw fail(why, index, keyPath('tags', key));
    }
  }

  if (!isRecord(fields)) {
    const why =
      fields === undefined ? 'missing fields' : `fields must be an object, not ${typeName(fields)}`;
    throw fail(why, index, 'fields');
  }
  const fieldKeys = Object.keys(fields);
  if (fieldKeys.length === 0) throw fail('a point needs at least one field', index, 'fields');
  for (const key of fieldKeys) {
    const why = keyProblem(key, 'field') ?? fieldValueProblem(fields[key]);
    if (why !== undefined) throw fail(why, index, keyPath('fields', key));
  }
  return { tagKeys, fieldKeys };
}
