// Checks what the SDK emits against the shared schema: every collector test runs its events
// through here. Stricter than the server's checkPoint, which takes any unknown name as
// custom context: here an unknown name must be listed in custom_keys, a catalogued name must
// belong to the event's category and sit where the catalogue says (tag or field).
import { decodeLines, type Point } from '@rumkit/core/protocol';
import { type Category, checkPoint, getField } from '@rumkit/core/schema';
import { encodeEvent } from '../src/transport/encoder.js';
import type { RawEvent, RumEvent } from '../src/types.js';

/** The problems of one point; empty when it fits. */
export function schemaProblems(point: Point): string[] {
  const problems = checkPoint(point).map((problem) => `${problem.key}: ${problem.message}`);
  const custom = new Set<string>(
    point.fields.custom_keys ? JSON.parse(String(point.fields.custom_keys)) : [],
  );
  const check = (name: string, kind: 'tag' | 'field') => {
    if (name === 'custom_keys') return;
    const def = getField(name);
    if (!def) {
      if (!custom.has(name))
        problems.push(`${name} is neither catalogued nor listed in custom_keys`);
      return;
    }
    if (!(def.categories as readonly Category[]).includes(point.measurement as Category)) {
      problems.push(`${name} is not a ${point.measurement} ${kind} in the catalogue`);
    }
    if (def.kind !== kind)
      problems.push(`${name} is sent as a ${kind}, the catalogue says ${def.kind}`);
    if (custom.has(name)) problems.push(`${name} is catalogued but listed as custom`);
  };
  for (const name of Object.keys(point.tags)) check(name, 'tag');
  for (const name of Object.keys(point.fields)) check(name, 'field');
  return problems;
}

/** Encodes an assembled event, decodes it back and fails on any schema problem. */
export function toCheckedPoint(event: RumEvent): Point {
  const line = encodeEvent(event);
  const points = decodeLines(line, { precision: 'ms' });
  if (points.length !== 1) throw new Error(`expected one line, got ${points.length}`);
  const point = points[0] as Point;
  const problems = schemaProblems(point);
  if (problems.length > 0)
    throw new Error(`${point.measurement} does not fit the schema:\n  ${problems.join('\n  ')}`);
  return point;
}

/**
 * A raw event as assembly would send it at the least (app_id and the view it belongs to),
 * checked against the schema. Collector tests use it on everything they emit.
 */
export function checkRaw(raw: RawEvent, extra: Record<string, unknown> = {}): Point {
  const isViewEvent = raw.type !== 'telemetry';
  return toCheckedPoint({
    appId: 'test_app',
    sdkName: 'rumkit_web',
    ...(isViewEvent ? { viewId: 'view-1', viewUrl: 'http://localhost:3000/' } : {}),
    ...raw.data,
    ...extra,
    type: raw.type,
    date: raw.date,
    context: raw.context ?? {},
  });
}
