import { afterEach, expect, it, vi } from 'vitest';
import { monitor, setErrorReporter } from './monitor.js';

afterEach(() => setErrorReporter(undefined));

it('swallows what a monitored function throws and hands it to the reporter', () => {
  const reported: unknown[] = [];
  setErrorReporter((error) => reported.push(error));
  const boom = new Error('internal');
  const safe = monitor((x: number) => {
    if (x > 1) throw boom;
    return x * 2;
  });
  expect(safe(1)).toBe(2);
  expect(safe(2)).toBeUndefined();
  expect(reported).toEqual([boom]);
});

it('survives a reporter that throws', () => {
  setErrorReporter(() => {
    throw new Error('reporter broke');
  });
  const spy = vi.fn(() => {
    throw new Error('x');
  });
  expect(() => monitor(spy)()).not.toThrow();
});
