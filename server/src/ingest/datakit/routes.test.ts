import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { decodeLines, encodeLines, type Point } from '@rumkit/core/protocol';
import { getField, parseValue } from '@rumkit/core/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.js';

const FIXTURE_APP = 'appid_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const fixture = readFileSync(
  path.join(process.env.RUMKIT_FIXTURES as string, 'datakit-rum-sample.lp'),
);

type RequestBody = NonNullable<Parameters<typeof fetch>[1]>['body'];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.registerApp({ app_id: FIXTURE_APP });
  await server.registerApp({ app_id: 'shop' });
  await server.registerApp({ app_id: 'locked', allowed_origins: ['https://shop.example.com'] });
  await server.registerApp({ app_id: 'tokened', client_token: 'secret-token-1' });
}, 60_000);
afterAll(() => server.close());

const T = Date.UTC(2026, 10, 20, 8, 0, 0);
let seq = 0;
/** A small valid batch of one app, with unique ids so tests do not see each other's rows. */
function batch(appId = 'shop', n = 3): { points: Point[]; session: string } {
  const session = `sess-${++seq}`;
  const points: Point[] = [
    {
      measurement: 'view',
      tags: { app_id: appId, session_id: session, view_id: `${session}-v1`, view_path: '/item/42' },
      fields: { time_spent: 1e9, view_error_count: 0 },
      time: T + seq,
    },
  ];
  for (let i = 1; i < n; i++) {
    points.push({
      measurement: 'resource',
      tags: {
        app_id: appId,
        session_id: session,
        view_id: `${session}-v1`,
        resource_status: '503',
        resource_url_path: '/api/v2/cart',
      },
      fields: { duration: 1e6 * i, resource_url: `https://shop.example.com/api/v2/cart?i=${i}` },
      time: T + seq + i,
    });
  }
  return { points, session };
}

const post = (
  body: RequestBody,
  {
    query = '?precision=ms',
    headers = {},
  }: { query?: string; headers?: Record<string, string> } = {},
) => fetch(`${server.origin}/v1/write/rum${query}`, { method: 'POST', body, headers });

async function stored(session: string, category: 'view' | 'resource' | 'session' = 'resource') {
  return server.records(category, { where: { session_id: session } });
}

describe('POST /v1/write/rum', () => {
  it("stores Guance's sample payload with every value intact", async () => {
    const response = await post(fixture, {
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(response.status).toBe(200);
    expect(await read(response)).toEqual({});
    const points = decodeLines(fixture);
    expect(points).toHaveLength(9);
    for (const point of points) {
      const records = await server.records(point.measurement as 'view', {
        where: { session_id: point.tags.session_id as string },
      });
      const match = records.find(
        (r) =>
          r.time === point.time &&
          Object.entries(point.fields).every(([k, v]) => same(k, r[k] ?? r.custom[k], v)),
      );
      expect(match, `${point.measurement} at ${point.time}`).toBeDefined();
      for (const [key, value] of [...Object.entries(point.tags), ...Object.entries(point.fields)]) {
        expect(
          same(key, match?.[key] ?? match?.custom[key], value),
          `${point.measurement}.${key}`,
        ).toBe(true);
      }
    }
    const [session] = await server.records('session', { where: { app_id: FIXTURE_APP } });
    expect(session).toMatchObject({
      session_view_count: 1,
      session_resource_count: 3,
      session_error_count: 2,
      session_long_task_count: 3,
    });
  });

  it('accepts the JSON array form', async () => {
    const { points, session } = batch();
    const body = JSON.stringify(points.map((p) => ({ ...p })));
    const response = await post(body, { headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await stored(session)).toHaveLength(2);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)(
    'accepts %s bodies by the encoding parameter and by Content-Encoding',
    async (encoding, compress) => {
      const a = batch();
      const byParam = await post(compress(encodeLines(a.points)), {
        query: `?precision=ms&encoding=${encoding}`,
      });
      expect(byParam.status).toBe(200);
      const b = batch();
      const byHeader = await post(compress(encodeLines(b.points)), {
        headers: { 'content-encoding': encoding },
      });
      expect(byHeader.status).toBe(200);
      expect(await stored(a.session)).toHaveLength(2);
      expect(await stored(b.session)).toHaveLength(2);
    },
  );

  it('reads timestamps in the precision given', async () => {
    const { points, session } = batch('shop', 1);
    const seconds = encodeLines(points, { precision: 's' });
    expect((await post(seconds, { query: '?precision=s' })).status).toBe(200);
    const [view] = await stored(session, 'view');
    expect(view?.time).toBe(Math.floor((points[0]?.time as number) / 1000) * 1000);
  });

  it('refuses a body with no point of a registered app with 403 naming the app_id', async () => {
    const response = await post(encodeLines(batch('not_registered').points));
    expect(response.status).toBe(403);
    const body = await read(response);
    expect(body.error_code).toBe('app.unknown');
    expect(body.message).toContain('"not_registered"');
  });

  it('stores the points of registered apps and reports the others', async () => {
    const good = batch('shop', 2);
    const bad = batch('stranger', 1);
    const response = await post(encodeLines([...good.points, ...bad.points]));
    expect(response.status).toBe(200);
    const body = await read(response);
    expect(body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(body.errors[0]?.message).toContain('"stranger"');
    expect(await stored(good.session)).toHaveLength(1);
  });

  it('answers a malformed line with 400 naming the line and the reason', async () => {
    const response = await post(
      'view,app_id=shop,view_id=v time_spent=1 1700000000000\nview,app_id=shop broken=\n',
    );
    expect(response.status).toBe(200); // the first line is good
    const mixed = await read(response);
    expect(mixed).toMatchObject({ accepted: 1, rejected: 1 });
    expect(mixed.errors[0]).toMatchObject({ line: 2, error_code: 'lp.invalid' });

    const allBad = await post('view,app_id=shop a=\n');
    expect(allBad.status).toBe(400);
    const body = await read(allBad);
    expect(body.error_code).toBe('lp.invalid');
    expect(body.message).toMatch(/^line 1, column \d+: /);
  });

  it('keeps the good lines of a batch with bad ones and reports the first problems', async () => {
    const { points, session } = batch('shop', 4);
    const lines = encodeLines(points).split('\n');
    lines.splice(1, 0, 'resource,app_id=shop "unterminated');
    lines.splice(3, 0, 'error,app_id=shop error_message="ok" notatime');
    const response = await post(lines.join('\n'));
    expect(response.status).toBe(200);
    const body = await read(response);
    expect(body).toMatchObject({ accepted: 4, rejected: 2 });
    expect(body.errors.map((e) => e.line)).toEqual([2, 4]);
    expect(await stored(session)).toHaveLength(3);
  });

  it('rejects points that do not fit the schema, naming the field', async () => {
    const response = await post(
      'resource,app_id=shop,resource_status=abc duration=1 1700000000000',
    );
    expect(response.status).toBe(400);
    const body = await read(response);
    expect(body.error_code).toBe('point.invalid');
    expect(body.message).toContain('resource_status must be an integer');
    const session = await post('session,app_id=shop session_id="x" 1700000000000');
    expect((await read(session)).message).toContain('session records are derived by the server');
    const noApp = await post('view view_id="x" 1700000000000');
    expect((await read(noApp)).message).toContain('app_id tag is required');
  });

  it('answers an empty body, a bad precision and an unknown encoding with 4xx', async () => {
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect((await read(empty)).error_code).toBe('body.empty');
    const precision = await post('x', { query: '?precision=days' });
    expect(precision.status).toBe(400);
    expect((await read(precision)).message).toContain('precision must be one of');
    const encoding = await post('x', { headers: { 'content-encoding': 'lzma' } });
    expect(encoding.status).toBe(415);
    const corrupt = await post(Buffer.from('not gzip at all'), { query: '?encoding=gzip' });
    expect(corrupt.status).toBe(400);
    expect((await read(corrupt)).error_code).toBe('body.bad_encoding');
  });

  it('answers 413 for a compressed body over 5 MiB and for a gzip bomb, without storing anything', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    const tooBig = await post(big);
    expect(tooBig.status).toBe(413);
    expect((await read(tooBig)).message).toContain('5 MiB');
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'view,app_id=shop a=1 1\n'));
    expect(bomb.byteLength).toBeLessThan(5 * 1024 * 1024);
    const response = await post(bomb, { query: '?encoding=gzip' });
    expect(response.status).toBe(413);
    expect((await read(response)).message).toContain('decompresses to more than 32 MiB');
    // The rest of the upload was never read, so the connection closes after the answer and
    // the client's next batch goes on a fresh one.
    expect(response.headers.get('connection')).toBe('close');
    const next = batch();
    expect((await post(encodeLines(next.points))).status).toBe(200);
  });

  it('rejects a single message over 256 KiB and keeps the rest', async () => {
    const { points, session } = batch('shop', 2);
    const huge = `error,app_id=shop,session_id=${session} error_message="${'x'.repeat(300 * 1024)}" ${T}`;
    const response = await post(`${encodeLines(points)}\n${huge}\n`);
    expect(response.status).toBe(200);
    const body = await read(response);
    expect(body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ line: 3, error_code: 'lp.too_large' });
    expect(await stored(session, 'view')).toHaveLength(1);
  });

  it('answers preflight requests for any origin', async () => {
    const response = await fetch(`${server.origin}/v1/write/rum?precision=ms`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://anywhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,content-encoding',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,content-encoding',
    );
  });

  it("checks the Origin of a request against the app's allowed origins", async () => {
    const allowed = batch('locked');
    const ok = await post(encodeLines(allowed.points), {
      headers: { origin: 'https://shop.example.com' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const refused = await post(encodeLines(batch('locked').points), {
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect((await read(refused)).error_code).toBe('origin.not_allowed');
    // Apps without a list take any origin.
    expect(
      (
        await post(encodeLines(batch('shop').points), {
          headers: { origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(200);
  });

  it("requires an app's client token when it has one", async () => {
    expect((await post(encodeLines(batch('tokened').points))).status).toBe(400);
    expect(
      (
        await post(encodeLines(batch('tokened').points), {
          query: '?precision=ms&token=secret-token-1',
        })
      ).status,
    ).toBe(200);
  });

  it('takes the sendBeacon form (text/plain Blob, no precision) and the keepalive fetch form', async () => {
    const beacon = batch();
    const asBeacon = await post(
      new Blob([encodeLines(beacon.points)], { type: 'text/plain;charset=UTF-8' }),
      { query: '' },
    );
    expect(asBeacon.status).toBe(200);
    const keepalive = batch();
    const asFetch = await fetch(`${server.origin}/v1/write/rum?precision=ms`, {
      method: 'POST',
      body: encodeLines(keepalive.points),
      keepalive: true,
    });
    expect(asFetch.status).toBe(200);
    expect(await stored(beacon.session)).toHaveLength(2);
    expect(await stored(keepalive.session)).toHaveLength(2);
  });

  it('adds the client address with its geo tags, and the groups a client left out', async () => {
    const { points, session } = batch();
    await post(encodeLines(points), { headers: { 'x-forwarded-for': '81.2.69.142, 10.0.0.1' } });
    const [resource] = await stored(session);
    expect(resource).toMatchObject({
      ip: '81.2.69.142',
      country: 'United Kingdom',
      country_iso_code: 'GB',
      city: 'London',
      resource_status_group: '5xx',
      resource_url_path_group: '/api/?/cart',
    });
    const [view] = await stored(session, 'view');
    expect(view?.view_path_group).toBe('/item/?');
  });

  it('keeps the latest version of a re-sent view and counts the session once', async () => {
    const session = `resend-${++seq}`;
    const view = (spent: number) =>
      `view,app_id=shop,session_id=${session},view_id=${session}-v view_path="/",time_spent=${spent},view_resource_count=${spent} ${T}`;
    for (const spent of [1, 3, 2]) expect((await post(view(spent))).status).toBe(200);
    const views = await stored(session, 'view');
    expect(views.map((v) => v.time_spent)).toEqual([3]);
    const [record] = await stored(session, 'session');
    expect(record?.session_view_count).toBe(1);
  });
});

describe('GET /v1/env_variable', () => {
  it("answers an app's remote configuration in DataKit's shape", async () => {
    const app = await server.registerApp({
      app_id: 'remote_cfg',
      remote_config: { sessionSampleRate: 50, env: 'prod' },
    });
    const response = await fetch(`${server.origin}/v1/env_variable?app_id=remote_cfg`, {
      headers: { origin: 'https://x.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://x.example');
    expect(await read(response)).toEqual({
      content: { 'R.remote_cfg.sessionSampleRate': 50, 'R.remote_cfg.env': 'prod' },
    });
    const changed = await server.api('PATCH', `/api/v1/apps/${app.id}`, {
      remote_config: { trackUserInteractions: true },
    });
    expect(changed.status).toBe(200);
    const after = await fetch(`${server.origin}/v1/env_variable?app_id=remote_cfg`);
    expect(await read(after)).toEqual({ content: { 'R.remote_cfg.trackUserInteractions': true } });
  });

  it('answers 404 for an unknown app and 400 without app_id', async () => {
    expect((await fetch(`${server.origin}/v1/env_variable?app_id=nope`)).status).toBe(404);
    const missing = await fetch(`${server.origin}/v1/env_variable`);
    expect(missing.status).toBe(400);
    expect((await read(missing)).message).toContain('app_id');
  });
});

/** Whether a stored value is the sent value, read as its catalogue type. */
function same(key: string, stored: unknown, sent: unknown): boolean {
  const def = getField(key);
  const expected = def ? parseValue(def.type, sent as string) : sent;
  return (
    stored === expected || (typeof stored === 'bigint' && BigInt(expected as number) === stored)
  );
}

interface Answer {
  error_code: string;
  message: string;
  accepted?: number;
  rejected?: number;
  errors: { line?: number; index?: number; error_code: string; message: string }[];
}

async function read(response: Response): Promise<Answer> {
  return (await response.json()) as Answer;
}
