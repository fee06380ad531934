import { describe, expect, it } from 'vitest';
import { decodeBase64Utf8, parseStack, parseStackLine, readErrorCauses } from './stack.js';

describe('parseStack', () => {
  it("reads Guance's web SDK frames, telling the app's from a vendor bundle's", () => {
    const lines = parseStack(
      'TypeError: e.map is not a function\n\tat renderList @ https://static.shop.example.com/assets/js/main.c0f8b837.js:1:144248\n\tat <anonymous> @ https://static.shop.example.com/assets/js/vendor.c0f8b837.js:2:6371',
    );
    expect(lines[0]).toEqual({ kind: 'text', text: 'TypeError: e.map is not a function' });
    expect(lines[1]).toMatchObject({
      kind: 'frame',
      frame: {
        fn: 'renderList',
        file: 'https://static.shop.example.com/assets/js/main.c0f8b837.js',
        line: 1,
        column: 144248,
        vendor: false,
      },
    });
    expect(lines[2]).toMatchObject({
      kind: 'frame',
      frame: { fn: null, line: 2, column: 6371, vendor: true },
    });
  });

  it('reads V8, SpiderMonkey and JavaScriptCore frames', () => {
    expect(parseStackLine('    at Object.render (webpack:///./src/App.tsx:12:5)')).toEqual({
      fn: 'Object.render',
      file: 'webpack:///./src/App.tsx',
      line: 12,
      column: 5,
      vendor: false,
    });
    expect(parseStackLine('    at async loadCart (https://x.test/app.js:3:9)')?.fn).toBe(
      'loadCart',
    );
    expect(
      parseStackLine('    at https://x.test/node_modules/react-dom/index.js:10:2'),
    ).toMatchObject({
      fn: null,
      line: 10,
      vendor: true,
    });
    expect(parseStackLine('handleClick@https://x.test/app.js:7:11')).toMatchObject({
      fn: 'handleClick',
      file: 'https://x.test/app.js',
      line: 7,
      column: 11,
    });
    expect(parseStackLine('@https://x.test/app.js:7:11')?.fn).toBeNull();
  });

  it('keeps what is not a frame as text and drops blank lines', () => {
    expect(parseStack('{"error_code":"internal","status":500}\n\n')).toEqual([
      { kind: 'text', text: '{"error_code":"internal","status":500}' },
    ]);
    expect(parseStackLine('Caused by: nothing at all')).toBeNull();
  });
});

describe('decodeBase64Utf8', () => {
  it('decodes base64 into UTF-8 text, padded or not, standard or URL-safe', () => {
    const text = 'TypeError: 价格为空 ✓\n    at ProductPrice (src/Price.tsx:12:3)';
    const b64 = Buffer.from(text, 'utf8').toString('base64');
    expect(decodeBase64Utf8(b64)).toBe(text);
    expect(decodeBase64Utf8(b64.replace(/=+$/, ''))).toBe(text);
    expect(decodeBase64Utf8(Buffer.from(text).toString('base64url'))).toBe(text);
  });

  it('gives null for text that is not base64', () => {
    expect(decodeBase64Utf8('')).toBeNull();
    expect(decodeBase64Utf8('not base64!')).toBeNull();
    expect(decodeBase64Utf8('abcde')).toBeNull();
  });
});

describe('readErrorCauses', () => {
  it('reads the cause chain from JSON text or an array, and ignores anything else', () => {
    const causes = [{ message: 'fetch failed', type: 'TypeError', stack: 'at a (b.js:1:2)' }];
    expect(readErrorCauses(JSON.stringify(causes))).toEqual(causes);
    expect(readErrorCauses([{ message: 'm' }, 3])).toEqual([
      { message: 'm', type: null, stack: null },
    ]);
    expect(readErrorCauses('{oops')).toEqual([]);
    expect(readErrorCauses({ message: 'not a list' })).toEqual([]);
  });
});
