import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { instrumentRequests, type RequestInfo } from './requests.js';

describe('request instrumentation', () => {
  const started: RequestInfo[] = [];
  const ended: RequestInfo[] = [];
  let undo: () => void;
  let fetchCalls: { input: unknown; init?: RequestInit }[];

  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    started.length = 0;
    ended.length = 0;
    fetchCalls = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: unknown, init?: RequestInit) => {
        fetchCalls.push({ input, init });
        if (String(input).includes('down')) throw new TypeError('Failed to fetch');
        return new Response('ok', { status: String(input).includes('500') ? 500 : 200 });
      }),
    );
    undo = instrumentRequests({
      isIgnored: (url) => url.startsWith('https://intake.example/'),
      onStart: (request, setHeader) => {
        started.push(request);
        setHeader('x-test', 'yes');
      },
      onEnd: (request) => ended.push(request),
    });
  });
  afterEach(() => {
    undo();
    vi.unstubAllGlobals();
  });

  it('sees a fetch start and end, adds headers, and hands the page its response', async () => {
    const response = await fetch('/api/items?page=2', { method: 'post', headers: { a: '1' } });
    expect(await response.text()).toBe('ok');
    expect(started[0]).toMatchObject({
      kind: 'fetch',
      method: 'POST',
      url: 'http://localhost:3000/api/items?page=2',
    });
    expect(ended[0]?.status).toBe(200);
    const headers = fetchCalls[0]?.init?.headers as Headers;
    expect([headers.get('a'), headers.get('x-test')]).toEqual(['1', 'yes']);
  });

  it('keeps a Request’s own headers and method', async () => {
    await fetch(new Request('http://localhost:3000/x', { method: 'PUT', headers: { b: '2' } }));
    expect(started[0]?.method).toBe('PUT');
    expect(new Headers(fetchCalls[0]?.init?.headers).get('b')).toBe('2');
  });

  it('reports a failed fetch with status 0 and still rejects for the page', async () => {
    await expect(fetch('https://down.example/')).rejects.toThrow('Failed to fetch');
    await vi.waitFor(() => expect(ended[0]?.status).toBe(0));
    expect(ended[0]?.aborted).toBeUndefined();
    expect(ended[0]?.error).toBeInstanceOf(TypeError);
  });

  it('leaves the SDK’s own requests alone', async () => {
    await fetch('https://intake.example/v1/write/rum?precision=ms', { method: 'POST' });
    expect(started).toEqual([]);
    expect(fetchCalls[0]?.init?.headers).toBeUndefined();
  });

  it('sees XHRs, adds their headers and reports their status at loadend', () => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/x');
    xhr.send();
    expect(started[0]).toMatchObject({
      kind: 'xhr',
      method: 'GET',
      url: 'http://localhost:3000/api/x',
    });
    expect((xhr as unknown as FakeXhr).headers).toEqual([['x-test', 'yes']]);
    (xhr as unknown as FakeXhr).status = 503;
    xhr.dispatchEvent(new Event('loadend'));
    expect(ended[0]).toMatchObject({ kind: 'xhr', status: 503 });
  });

  it('marks an aborted XHR, so it is no network error', () => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/x');
    xhr.send('body');
    xhr.dispatchEvent(new Event('abort'));
    xhr.dispatchEvent(new Event('loadend'));
    expect(ended[0]).toMatchObject({ aborted: true, status: 0 });
  });
});

/** The network side of XMLHttpRequest is not under test: only what the wrappers add. */
class FakeXhr extends EventTarget {
  status = 0;
  headers: string[][] = [];
  open() {}
  send() {}
  setRequestHeader(name: string, value: string) {
    this.headers.push([name, value]);
  }
}
