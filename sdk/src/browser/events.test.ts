import { expect, it, vi } from 'vitest';
import { setErrorReporter } from '../tools/monitor.js';
import { instrument, on } from './events.js';

it('listens monitored: a throwing handler never reaches the page', () => {
  const reported: unknown[] = [];
  setErrorReporter((error) => reported.push(error));
  const stop = on(window, 'foo bar', () => {
    throw new Error('sdk bug');
  });
  expect(() => window.dispatchEvent(new Event('foo'))).not.toThrow();
  window.dispatchEvent(new Event('bar'));
  stop();
  window.dispatchEvent(new Event('foo'));
  expect(reported).toHaveLength(2);
  setErrorReporter(undefined);
});

it('instruments a method and undoes it, or steps aside if someone wrapped it after', () => {
  const target = { greet: (name: string) => `hi ${name}` };
  const spy = vi.fn();
  const undo = instrument(target, 'greet', (original) => (name: string) => {
    spy(name);
    return original(name).toUpperCase();
  });
  expect(target.greet('ann')).toBe('HI ANN');
  const ours = target.greet;
  target.greet = (name: string) => `${ours(name)}!`;
  undo();
  expect(target.greet('bob')).toBe('hi bob!');
  expect(spy).toHaveBeenCalledTimes(1);
});
