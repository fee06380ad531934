import { describe, expect, it } from 'vitest';
import { callerStack, formatStack, MAX_FRAMES, parseFrames } from './stack.js';

const V8 = `TypeError: l.aa is not a function
    at onClick (https://shop.example/assets/app.js:1:821)
    at https://shop.example/assets/app.js:3:14
    at async Promise.all (index 0)`;

const GECKO = `onClick@https://shop.example/assets/app.js:1:821
@https://shop.example/assets/app.js:3:14
forEach@[native code]`;

describe('stacks', () => {
  it('reads Chrome stacks into Guance frames that DataKit can map through sourcemaps', () => {
    expect(parseFrames(V8)).toEqual([
      '  at onClick @ https://shop.example/assets/app.js:1:821',
      '  at <anonymous> @ https://shop.example/assets/app.js:3:14',
      '  at async Promise.all @ index 0',
    ]);
  });

  it('reads Firefox and Safari stacks the same way', () => {
    expect(parseFrames(GECKO)).toEqual([
      '  at onClick @ https://shop.example/assets/app.js:1:821',
      '  at <anonymous> @ https://shop.example/assets/app.js:3:14',
      '  at forEach @ [native code]',
    ]);
  });

  it('leaves out a message that only looks like a frame', () => {
    expect(parseFrames('Error: write to anna@example.com failed')).toEqual([]);
  });

  it('formats an error as Type: message and its frames, or nothing without frames', () => {
    const error = new TypeError('l.aa is not a function');
    error.stack = V8;
    expect(formatStack(error)?.split('\n').slice(0, 2)).toEqual([
      'TypeError: l.aa is not a function',
      '  at onClick @ https://shop.example/assets/app.js:1:821',
    ]);
    expect(formatStack({ name: 'Error', message: 'x', stack: 'no frames here' })).toBeUndefined();
  });

  it('keeps at most MAX_FRAMES frames of a runaway recursion', () => {
    const deep = Array.from(
      { length: 500 },
      (_, i) => `    at f${i} (https://a.example/x.js:1:${i})`,
    ).join('\n');
    expect(parseFrames(deep)).toHaveLength(MAX_FRAMES);
  });

  it('gives the caller’s stack for handled errors', () => {
    const stack = callerStack(1);
    expect(stack?.split('\n')[0]).toBe('HandlingStack: error');
    expect(stack).toContain('stack.test.ts');
  });
});
