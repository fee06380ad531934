import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Recorded, recordLifeCycle } from '../../../test/helpers.js';
import { checkRaw } from '../../../test/schema.js';
import { computeError } from './computeError.js';
import { startErrorCollection } from './index.js';

describe('the error collector', () => {
  let recorded: Recorded;
  let stop: () => void;
  beforeEach(() => {
    recorded = recordLifeCycle();
    stop = startErrorCollection(recorded.lifeCycle);
  });
  afterEach(() => stop());

  const errors = () => recorded.of('error').map((raw) => checkRaw(raw));

  it('reports an uncaught error with its class, message and parsed stack', () => {
    const error = new TypeError('the cart exploded');
    error.stack =
      'TypeError: the cart exploded\n    at explode (https://shop.example/app.js:71:77)';
    window.dispatchEvent(new ErrorEvent('error', { error, message: error.message }));
    const [point] = errors();
    expect(point?.tags).toMatchObject({
      error_source: 'source',
      error_type: 'TypeError',
      error_handling: 'unhandled',
    });
    expect(point?.fields).toMatchObject({
      error_message: 'the cart exploded',
      error_stack: 'TypeError: the cart exploded\n  at explode @ https://shop.example/app.js:71:77',
    });
    expect(point?.tags.error_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports a script error without an Error object from its location', () => {
    window.dispatchEvent(
      new ErrorEvent('error', {
        message: 'Script error.',
        filename: 'https://cdn.example/x.js',
        lineno: 3,
        colno: 9,
      }),
    );
    expect(errors()[0]?.fields).toMatchObject({
      error_message: 'Script error.',
      error_stack: 'Error: Script error.\n  at <anonymous> @ https://cdn.example/x.js:3:9',
    });
  });

  it('ignores resource load failures, which are resources', () => {
    window.dispatchEvent(new Event('error'));
    expect(errors()).toEqual([]);
  });

  it('reports unhandled rejections, of errors and of other values', () => {
    const reject = (reason: unknown) =>
      window.dispatchEvent(
        Object.assign(new Event('unhandledrejection'), { reason, promise: Promise.resolve() }),
      );
    reject(new RangeError('too far'));
    reject({ code: 42 });
    const [first, second] = errors();
    expect(first?.tags.error_type).toBe('RangeError');
    expect(second?.fields.error_message).toBe('Uncaught {"code":42}');
  });

  it('reports console.error as handled, with the stack of the call, and still logs', () => {
    const logged: unknown[][] = [];
    const previous = console.error;
    // The collector wraps whatever console.error is; what it wraps must still be called.
    stop();
    console.error = (...args: unknown[]) => void logged.push(args);
    stop = startErrorCollection(recorded.lifeCycle);
    console.error('payment failed', { order: 7 }, new Error('card declined'));
    stop();
    console.error = previous;
    stop = () => {};
    expect(logged).toHaveLength(1);
    const [point] = errors();
    expect(point?.tags).toMatchObject({
      error_source: 'console',
      error_handling: 'handled',
      error_type: 'Error',
    });
    expect(point?.fields.error_message).toBe('payment failed {"order":7} Error: card declined');
    expect(String(point?.fields.error_handling_stack)).toContain('index.test.ts');
  });

  it('reports CSP violations as report errors', () => {
    document.dispatchEvent(
      Object.assign(new Event('securitypolicyviolation'), {
        blockedURI: 'https://evil.example/x.js',
        effectiveDirective: 'script-src-elem',
        originalPolicy: "script-src 'self'",
        sourceFile: 'https://shop.example/',
        lineNumber: 4,
        columnNumber: 2,
      }),
    );
    const [point] = errors();
    expect(point?.tags).toMatchObject({ error_source: 'report', error_type: 'csp_violation' });
    expect(point?.fields.error_message).toBe(
      "'https://evil.example/x.js' blocked by 'script-src-elem' directive",
    );
  });
});

describe('computeError', () => {
  it('follows Error.cause, 10 levels at most', () => {
    let error = new Error('level 0');
    for (let i = 1; i < 15; i++) error = new Error(`level ${i}`, { cause: error });
    const causes = computeError(error, 'Provided').errorCauses as { message: string }[];
    expect(causes).toHaveLength(10);
    expect(causes[0]?.message).toBe('level 13');
  });

  it('shows other values after a prefix', () => {
    expect(computeError('plain text', 'Provided')).toEqual({ errorMessage: 'Provided plain text' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(computeError(cyclic, 'Uncaught').errorMessage).toBe('Uncaught [object Object]');
  });
});
