import { afterEach, expect, it, vi } from 'vitest';
import { monitor, setErrorReporter, whenIdle } from './monitor.js';

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

it('whenIdle waits for an idle moment where the browser has one, at once where it has none', () => {
  const reported: unknown[] = [];
  setErrorReporter((error) => reported.push(error));
  const ran: string[] = [];
  whenIdle(() => ran.push('no idle callbacks'), 1000);
  expect(ran).toEqual(['no idle callbacks']);
  const idle: (() => void)[] = [];
  const requestIdleCallback = vi.fn((fn: () => void) => idle.push(fn));
  vi.stubGlobal('requestIdleCallback', requestIdleCallback);
  whenIdle(() => {
    ran.push('idle');
    throw new Error('internal');
  }, 1000);
  expect(ran).toHaveLength(1);
  expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 1000 });
  for (const fn of idle) expect(() => fn()).not.toThrow();
  expect(ran).toEqual(['no idle callbacks', 'idle']);
  expect(reported).toHaveLength(1);
  vi.unstubAllGlobals();
});
