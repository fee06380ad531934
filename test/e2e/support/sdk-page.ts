// Helpers for SDK browser tests: read the points the stand-in intake received.
import { decodeLines, type Point } from '@rumkit/core/protocol';
import { checkPoint, getField } from '@rumkit/core/schema';
import type { Page } from 'playwright-core';
import type { IntakeRequest } from './sdk-site.js';

/** Every point of every request, in order. */
export function points(received: IntakeRequest[]): Point[] {
  return received.flatMap((request) => decodeLines(request.body, { precision: 'ms' }));
}

/** The latest version of each view (by view_id), as the server keeps them. */
export function latestViews(all: Point[]): Point[] {
  const views = new Map<string, Point>();
  for (const point of all) {
    if (point.measurement !== 'view') continue;
    const id = point.tags.view_id as string;
    const known = views.get(id);
    if (!known || Number(point.fields.time_spent) >= Number(known.fields.time_spent))
      views.set(id, point);
  }
  return [...views.values()];
}

/** Hides the page, so the SDK flushes through sendBeacon, and waits for the requests to land. */
export async function flushSdk(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  await page.waitForTimeout(300);
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeout` ms. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeout = 10_000,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Schema problems of a point: checkPoint's, plus names that are neither catalogued for the
 * category nor listed in custom_keys, and tags sent as fields or the reverse.
 */
export function schemaProblems(point: Point): string[] {
  const problems = checkPoint(point).map((problem) => `${problem.key}: ${problem.message}`);
  const custom = new Set<string>(
    point.fields.custom_keys ? JSON.parse(String(point.fields.custom_keys)) : [],
  );
  const check = (name: string, kind: 'tag' | 'field') => {
    const def = getField(name);
    if (name === 'custom_keys' || custom.has(name)) return;
    if (!def) problems.push(`${point.measurement}.${name} is not catalogued`);
    else if (!(def.categories as readonly string[]).includes(point.measurement))
      problems.push(`${name} is not a ${point.measurement} name`);
    else if (def.kind !== kind) problems.push(`${name} sent as a ${kind}`);
  };
  for (const name of Object.keys(point.tags)) check(name, 'tag');
  for (const name of Object.keys(point.fields)) check(name, 'field');
  return problems;
}
