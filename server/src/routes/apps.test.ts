import { encodeLines } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/index.js';

let server: TestServer;
/** A second workspace with its own key. */
let other: { id: string; key: string };

beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
  const admin = (route: string, body: unknown) => server.api('POST', route, body, server.adminKey);
  const ws = (await json(await admin('/api/v1/admin/workspaces', { name: 'Other' }))).body;
  const key = (await json(await admin(`/api/v1/admin/workspaces/${ws.id}/keys`, { name: 'k' })))
    .body;
  other = { id: ws.id, key: key.secret };
}, 60_000);
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
type Body = any;
async function json(response: Response): Promise<{ status: number; body: Body }> {
  return { status: response.status, body: await response.json() };
}

describe('admin API', () => {
  it('needs the admin key: 401 without a key, with a bad one, or with a workspace key', async () => {
    const missing = await fetch(`${server.origin}/api/v1/admin/workspaces`);
    expect(await json(missing)).toEqual({
      status: 401,
      body: { error_code: 'auth.missing', message: expect.stringContaining('Bearer') },
    });
    expect((await server.api('GET', '/api/v1/admin/workspaces', undefined, 'wrong')).status).toBe(
      401,
    );
    expect((await server.api('GET', '/api/v1/admin/workspaces')).status).toBe(401);
  });

  it('creates workspaces with a retention of 14 days unless told, and validates input', async () => {
    const created = await json(
      await server.api('POST', '/api/v1/admin/workspaces', { name: 'Shop' }, server.adminKey),
    );
    expect(created).toMatchObject({ status: 201, body: { name: 'Shop', retention_days: 14 } });
    const bad = await json(
      await server.api(
        'POST',
        '/api/v1/admin/workspaces',
        { name: 'X', retention_days: 5 },
        server.adminKey,
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^body\.retention_days: /);
    const changed = await json(
      await server.api(
        'PATCH',
        `/api/v1/admin/workspaces/${created.body.id}`,
        { retention_days: 3 },
        server.adminKey,
      ),
    );
    expect(changed.body.retention_days).toBe(3);
    const list = await json(
      await server.api('GET', '/api/v1/admin/workspaces', undefined, server.adminKey),
    );
    expect(list.body.workspaces.map((w: { name: string }) => w.name)).toEqual(
      expect.arrayContaining(['Test', 'Other', 'Shop']),
    );
    expect(
      (
        await server.api(
          'PATCH',
          '/api/v1/admin/workspaces/ws_nope',
          { name: 'x' },
          server.adminKey,
        )
      ).status,
    ).toBe(404);
  });

  it('shows a key secret once, lists keys without it, and revokes them', async () => {
    const created = await json(
      await server.api(
        'POST',
        `/api/v1/admin/workspaces/${other.id}/keys`,
        { name: 'ci' },
        server.adminKey,
      ),
    );
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^rk_/);
    expect(
      (await server.api('GET', '/api/v1/workspace', undefined, created.body.secret)).status,
    ).toBe(200);
    const list = await json(
      await server.api(
        'GET',
        `/api/v1/admin/workspaces/${other.id}/keys`,
        undefined,
        server.adminKey,
      ),
    );
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(list.body.keys.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({
      name: 'ci',
      prefix: created.body.secret.slice(0, 10),
      last_used_at: expect.any(String),
    });
    const revoked = await server.api(
      'DELETE',
      `/api/v1/admin/workspaces/${other.id}/keys/${created.body.id}`,
      undefined,
      server.adminKey,
    );
    expect(revoked.status).toBe(204);
    const after = await json(
      await server.api('GET', '/api/v1/workspace', undefined, created.body.secret),
    );
    expect(after).toMatchObject({ status: 401, body: { error_code: 'auth.invalid' } });
  });

  it('serves an OpenAPI document of every route', async () => {
    const doc = (await (await fetch(`${server.origin}/api/v1/openapi.json`)).json()) as Body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/apps', '/api/v1/apps/{id}', '/api/v1/admin/workspaces']),
    );
  });
});

describe('apps API', () => {
  it('creates, lists, reads, edits and deletes apps of the workspace', async () => {
    const created = await json(
      await server.api('POST', '/api/v1/apps', {
        name: 'Shop web',
        app_id: 'crud_app',
        type: 'web',
      }),
    );
    expect(created).toMatchObject({
      status: 201,
      body: {
        name: 'Shop web',
        app_id: 'crud_app',
        type: 'web',
        allowed_origins: [],
        client_token: null,
        dashboard_bindings: [],
      },
    });
    const id = created.body.id;
    const list = await json(await server.api('GET', '/api/v1/apps'));
    expect(list.body.apps.map((a: { id: string }) => a.id)).toContain(id);
    expect((await json(await server.api('GET', `/api/v1/apps/${id}`))).body.name).toBe('Shop web');
    const edited = await json(
      await server.api('PATCH', `/api/v1/apps/${id}`, {
        name: 'Shop',
        allowed_origins: ['https://shop.example.com'],
        dashboard_bindings: ['web_overview'],
      }),
    );
    expect(edited.body).toMatchObject({
      name: 'Shop',
      allowed_origins: ['https://shop.example.com'],
      dashboard_bindings: ['web_overview'],
    });
    expect((await server.api('DELETE', `/api/v1/apps/${id}`)).status).toBe(204);
    expect((await json(await server.api('GET', `/api/v1/apps/${id}`))).body.error_code).toBe(
      'app.not_found',
    );
  });

  it.each([
    [
      { name: 'x', app_id: 'has-dash', type: 'web' },
      'body.app_id: app_id may hold only letters, digits and underscore; found "-"',
    ],
    [
      { name: 'x', app_id: 'a'.repeat(49), type: 'web' },
      'body.app_id: app_id has 49 characters; at most 48 are allowed',
    ],
    [{ name: 'x', app_id: 'ok_id', type: 'desktop' }, 'body.type: '],
    [{ name: '', app_id: 'ok_id', type: 'web' }, 'body.name: '],
    [
      { name: 'x', app_id: 'ok_id', type: 'web', allowed_origins: ['https://x.com/path'] },
      'body.allowed_origins.0: an origin is',
    ],
    [{ name: 'x', app_id: 'ok_id', type: 'web', extra: 1 }, 'body: '],
  ])('refuses %j with a 400 that names the problem', async (input, message) => {
    const response = await json(await server.api('POST', '/api/v1/apps', input));
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('request.invalid');
    expect(response.body.message.startsWith(message)).toBe(true);
  });

  it('keeps app_ids unique on the whole server, across workspaces', async () => {
    expect(
      (await server.api('POST', '/api/v1/apps', { name: 'a', app_id: 'unique_one', type: 'web' }))
        .status,
    ).toBe(201);
    const taken = await json(
      await server.api(
        'POST',
        '/api/v1/apps',
        { name: 'b', app_id: 'unique_one', type: 'ios' },
        other.key,
      ),
    );
    expect(taken).toMatchObject({ status: 409, body: { error_code: 'app.app_id_taken' } });
    const check = await json(
      await server.api('GET', '/api/v1/apps/check-id?app_id=unique_one', undefined, other.key),
    );
    expect(check.body).toEqual({
      app_id: 'unique_one',
      available: false,
      reason: 'taken',
      message: expect.any(String),
    });
    const free = await json(await server.api('GET', '/api/v1/apps/check-id?app_id=free_one'));
    expect(free.body).toMatchObject({ available: true, reason: null });
    const invalid = await json(await server.api('GET', '/api/v1/apps/check-id?app_id=bad%20id'));
    expect(invalid.body).toMatchObject({ available: false, reason: 'invalid' });
  });

  it("never shows, edits or deletes another workspace's app", async () => {
    const mine = await json(
      await server.api('POST', '/api/v1/apps', {
        name: 'mine',
        app_id: 'isolated_app',
        type: 'android',
      }),
    );
    const id = mine.body.id;
    expect((await server.api('GET', `/api/v1/apps/${id}`, undefined, other.key)).status).toBe(404);
    expect(
      (await server.api('PATCH', `/api/v1/apps/${id}`, { name: 'stolen' }, other.key)).status,
    ).toBe(404);
    expect((await server.api('DELETE', `/api/v1/apps/${id}`, undefined, other.key)).status).toBe(
      404,
    );
    const theirs = await json(await server.api('GET', '/api/v1/apps', undefined, other.key));
    expect(theirs.body.apps.map((a: { app_id: string }) => a.app_id)).not.toContain('isolated_app');
    expect((await json(await server.api('GET', `/api/v1/apps/${id}`))).body.name).toBe('mine');
  });

  it('moves ingest to a new app_id at once and keeps the old data out of the app', async () => {
    const app = await json(
      await server.api('POST', '/api/v1/apps', { name: 'm', app_id: 'before_id', type: 'web' }),
    );
    const send = (appId: string) =>
      fetch(`${server.origin}/v1/write/rum?precision=ms`, {
        method: 'POST',
        body: encodeLines([
          {
            measurement: 'error',
            tags: { app_id: appId, session_id: 'rename' },
            fields: { error_message: appId },
            time: Date.now(),
          },
        ]),
      });
    expect((await send('before_id')).status).toBe(200);
    const renamed = await json(
      await server.api('PATCH', `/api/v1/apps/${app.body.id}`, { app_id: 'after_id' }),
    );
    expect(renamed.body.app_id).toBe('after_id');
    expect((await send('before_id')).status).toBe(403);
    expect((await send('after_id')).status).toBe(200);
    const stored = await server.records('error', { where: { session_id: 'rename' } });
    expect(stored.map((r) => r.app_id).sort()).toEqual(['after_id', 'before_id']);
    // The old id is free again for new apps.
    expect((await server.api('GET', '/api/v1/apps/check-id?app_id=before_id')).ok).toBe(true);
  });

  it('answers an unknown route under /api with a 404 and lets any origin call the API', async () => {
    const preflight = await fetch(`${server.origin}/api/v1/apps`, {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect((await server.api('GET', '/api/v1/nothing')).status).toBe(404);
  });
});
