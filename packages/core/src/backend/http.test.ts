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

  it('asks the explorer questions by POSTing their input to the query routes', async () => {
    const { fetch, seen } = fakeFetch(({ url }) =>
      json(
        url.endsWith('/search')
          ? { rows: [{ time: 1, view_id: 'v1' }], next_cursor: null }
          : url.endsWith('/facet')
            ? { field: 'browser', values: [], total: 0, min: null, max: null }
            : url.endsWith('/histogram')
              ? { interval_ms: 1000, groups: [], buckets: [] }
              : url.endsWith('/analysis')
                ? { mode: 'toplist', interval_ms: null, series: [] }
                : { sampled: 0, clusters: [] },
      ),
    );
    const backend = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch });
    const scope = { category: 'view', from: 1, to: 2, query: 'browser:Chrome' } as const;
    expect((await backend.searchEvents({ ...scope, limit: 10 })).rows).toEqual([
      { time: 1, view_id: 'v1' },
    ]);
    await backend.facet({ ...scope, field: 'browser' });
    await backend.histogram({ ...scope, buckets: 10 });
    await backend.analysis({ ...scope, group_by: ['browser'] });
    await backend.errorClusters({ from: 1, to: 2, fields: ['error_source'] });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST http://x/api/v1/events/search',
      'POST http://x/api/v1/events/facet',
      'POST http://x/api/v1/events/histogram',
      'POST http://x/api/v1/events/analysis',
      'POST http://x/api/v1/errors/clusters',
    ]);
    expect(seen[0]?.body).toEqual({ ...scope, limit: 10 });
    expect(seen[4]?.body).toEqual({ from: 1, to: 2, fields: ['error_source'] });
  });

  it('looks up details by id in the path and the window in the query string', async () => {
    const record = { time: 1 };
    const { fetch, seen } = fakeFetch(({ url }) =>
      json(
        url.includes('/sessions/')
          ? { session: record, events: [], truncated: false }
          : url.includes('/views/')
            ? { view: record, resources: [], errors: [], actions: [], long_tasks: [] }
            : { event: record, session: null, view: null, action: null },
      ),
    );
    const backend = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch });
    await backend.getSession({ session_id: 's/1' });
    await backend.getView({ view_id: 'v1', from: 10, to: 20 });
    await backend.getEvent({ category: 'error', id: 'e1', from: 10 });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET http://x/api/v1/sessions/s%2F1',
      'GET http://x/api/v1/views/v1?from=10&to=20',
      'GET http://x/api/v1/events/error/e1?from=10',
    ]);
  });

  it('reads usage by days and patches the workspace settings', async () => {
    const report = {
      time_zone: 'UTC',
      retention_days: 14,
      currency: 'CNY',
      prices: { per_10k_billed_units: 2, per_1k_replay_sessions: 2.5 },
      days: [],
      month: {
        month: '2026-11',
        so_far: {
          pv: 0,
          resource: 0,
          error: 0,
          action: 0,
          long_task: 0,
          billed_units: 0,
          replay_sessions: 0,
          cost: 0,
        },
        projected_cost: 0,
      },
    };
    const workspace = {
      id: 'ws_1',
      name: 'One',
      retention_days: 7,
      time_zone: 'UTC',
      created_at: '2026-11-20T12:00:00.000Z',
    };
    const { fetch, seen } = fakeFetch(({ method }) => json(method === 'GET' ? report : workspace));
    const backend = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch });
    expect(await backend.getUsage({ from: '2026-11-01', to: '2026-11-20' })).toEqual(report);
    expect(await backend.updateWorkspace({ retention_days: 7 })).toEqual(workspace);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET http://x/api/v1/usage?from=2026-11-01&to=2026-11-20',
      'PATCH http://x/api/v1/workspace',
    ]);
    expect(seen[1]?.body).toEqual({ retention_days: 7 });
  });

  it('keeps the position of a search problem from the 400 body', async () => {
    const { fetch } = fakeFetch(() =>
      json(
        {
          error_code: 'search.unknown_field',
          message: 'unknown field "nope" (at 15)',
          details: { position: 15, length: 4 },
        },
        400,
      ),
    );
    const error = await createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch })
      .searchEvents({ category: 'view', from: 1, to: 2, query: 'browser:Chrome nope:1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'search.unknown_field',
      details: { position: 15, length: 4 },
    });
  });

  it('fails loudly when an explorer answer breaks the contract', async () => {
    const { fetch } = fakeFetch(() => json({ rows: 'nope', next_cursor: null }));
    const error = await createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch })
      .searchEvents({ category: 'view', from: 1, to: 2 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'response.invalid' });
    expect((error as Error).message).toContain('searchEvents');
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

  it('cancels an explorer question in flight', async () => {
    const controller = new AbortController();
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      })) as typeof globalThis.fetch;
    const pending = createHttpBackend({ baseUrl: 'http://x', apiKey: 'k', fetch }).histogram(
      { category: 'view', from: 1, to: 2 },
      { signal: controller.signal },
    );
    controller.abort();
    expect(await pending.catch((e: unknown) => e)).toMatchObject({ name: 'AbortError' });
  });
});
