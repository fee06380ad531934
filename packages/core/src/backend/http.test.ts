import { describe, expect, it } from 'vitest';
import { ApiError, type App } from '../api/index.js';
import { createHttpBackend } from './http.js';

const APP: App = {
  id: 'app_1',
  workspace_id: 'ws_1',
  name: 'Shop',
  app_id: 'shop_web',
  type: 'web',
  allowed_origins: [],
  client_token: null,
  dashboard_bindings: [],
  remote_config: {},
  created_at: '2026-11-20T12:00:00.000Z',
  updated_at: '2026-11-20T12:00:00.000Z',
};

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

/** A fetch that records the request and answers with `respond`. */
function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init?.signal,
    };
    seen.push(request);
    return respond(request);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createHttpBackend', () => {
  it('sends the API key and reads the app list', async () => {
    const { fetch, seen } = fakeFetch(() => json({ apps: [APP] }));
    const backend = createHttpBackend({
      baseUrl: 'https://rum.example.com/',
      apiKey: 'k_123',
      fetch,
    });
    expect(await backend.listApps()).toEqual([APP]);
    expect(seen[0]).toMatchObject({
      url: 'https://rum.example.com/api/v1/apps',
      method: 'GET',
      headers: { authorization: 'Bearer k_123', accept: 'application/json' },
    });
  });

  it('works against this page\u2019s origin when the base URL is empty', async () => {
    const { fetch, seen } = fakeFetch(() => json(APP));
    await createHttpBackend({ baseUrl: '', apiKey: 'k', fetch }).getApp({ id: 'a/b' });
    expect(seen[0]?.url).toBe('/api/v1/apps/a%2Fb');
  });

  it('posts a new app as JSON and returns what the server made', async () => {
    const { fetch, seen } = fakeFetch(() => json(APP, 201));
    const backend = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch });
    const created = await backend.createApp({ name: 'Shop', app_id: 'shop_web', type: 'web' });
    expect(created).toEqual(APP);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { name: 'Shop', app_id: 'shop_web', type: 'web' },
    });
  });

  it('patches only the given fields and deletes with no body to read', async () => {
    const { fetch, seen } = fakeFetch(({ method }) =>
      method === 'DELETE' ? new Response(null, { status: 204 }) : json(APP),
    );
    const backend = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch });
    await backend.updateApp({ id: 'app_1', patch: { dashboard_bindings: ['rum.web.overview'] } });
    await expect(backend.deleteApp({ id: 'app_1' })).resolves.toBeUndefined();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'PATCH http://x/api/v1/apps/app_1',
      'DELETE http://x/api/v1/apps/app_1',
    ]);
    expect(seen[0]?.body).toEqual({ dashboard_bindings: ['rum.web.overview'] });
  });

  it('asks about an app_id in the query string, leaving out an absent exclude', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json({ app_id: 'a b', available: false, reason: 'invalid', message: 'bad' }),
    );
    const backend = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch });
    await backend.checkAppId({ app_id: 'a b' });
    await backend.checkAppId({ app_id: 'shop', exclude: 'app_1' });
    expect(seen.map((s) => s.url)).toEqual([
      'http://x/api/v1/apps/check-id?app_id=a+b',
      'http://x/api/v1/apps/check-id?app_id=shop&exclude=app_1',
    ]);
  });

  it('passes the signal on to fetch', async () => {
    const { fetch, seen } = fakeFetch(() => json({ apps: [] }));
    const controller = new AbortController();
    await createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch }).listApps({
      signal: controller.signal,
    });
    expect(seen[0]?.signal).toBe(controller.signal);
  });

  it("turns the server's { error_code, message } into an ApiError", async () => {
    const { fetch } = fakeFetch(() =>
      json({ error_code: 'app.app_id_taken', message: 'app_id "shop" is taken' }, 409),
    );
    const error = await createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch })
      .createApp({ name: 'Shop', app_id: 'shop', type: 'web' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'app.app_id_taken',
      message: 'app_id "shop" is taken',
    });
  });

  it('describes an error answer that is not JSON by its status', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(
      createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch }).listApps(),
    ).rejects.toMatchObject({
      status: 502,
      code: 'http.502',
      message: 'the server answered 502 Bad Gateway',
    });
  });

  it('fails loudly, naming the route, when an answer breaks the contract', async () => {
    const { fetch } = fakeFetch(() => json({ apps: [{ ...APP, type: 'fridge' }] }));
    const error = await createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch })
      .listApps()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'response.invalid' });
    expect((error as Error).message).toContain('listApps');
    expect((error as Error).message).toContain('apps.0.type');
  });

  it('fails when a success answer is not JSON', async () => {
    const { fetch } = fakeFetch(() => new Response('ok', { status: 200 }));
    await expect(
      createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch }).getWorkspace(),
    ).rejects.toMatchObject({ code: 'response.invalid' });
  });

  it('reports an unreachable server as a network error, naming the server', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    await expect(
      createHttpBackend({ baseUrl: 'http://down.example', apiKey: 'k', fetch }).listApps(),
    ).rejects.toMatchObject({
      status: 0,
      code: 'network.unreachable',
      message: 'could not reach the server at http://down.example: fetch failed',
    });
  });

  it('lets a cancellation through as the AbortError it is', async () => {
    const controller = new AbortController();
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      })) as typeof globalThis.fetch;
    const pending = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch }).listApps({
      signal: controller.signal,
    });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});
