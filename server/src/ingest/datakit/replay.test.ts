import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentKey } from '../../replay/blobs.js';
import { startTestServer, type TestServer } from '../../testing/index.js';
import { replayForm } from '../../testing/replay.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
  await server.registerApp({ app_id: 'shop' });
  await server.registerApp({ app_id: 'locked', allowed_origins: ['https://shop.example.com'] });
  await server.registerApp({ app_id: 'tokened', client_token: 'secret-token-1' });
}, 60_000);
afterAll(() => server.close());

const T = Date.now() - 3600_000;
let seq = 0;
/** A segment of a fresh session, as Guance's SDK uploads it. */
function segment(overrides: Record<string, string | undefined> = {}, records?: unknown[]) {
  const session = `sess-${++seq}`;
  const start = T + seq * 10_000;
  return {
    fields: {
      app_id: 'shop',
      session_id: session,
      view_id: `${session}-v1`,
      start: String(start),
      end: String(start + 4000),
      creation_reason: 'init',
      records_count: '2',
      has_full_snapshot: 'true',
      index_in_view: '0',
      source: 'browser',
      sdk_name: 'df_web_rum_sdk',
      sdk_version: '3.2.0',
      env: 'production',
      service: 'shop',
      version: '1.0.0',
      raw_segment_size: '4321',
      ...overrides,
    },
    records: records ?? [
      { type: 4, timestamp: start, data: { href: 'https://shop.example.com/', width: 1280 } },
      { type: 2, timestamp: start + 1, data: { node: { type: 0, childNodes: [] } } },
    ],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions
type Body = any;
const read = async (response: Response): Promise<Body> => response.json();
const replayOf = async (sessionId: string) => {
  const response = await server.api('GET', `/api/v1/sessions/${sessionId}/replay`);
  return { status: response.status, body: await read(response) };
};

/** Posts a raw body to the replay endpoint. */
const post = (
  body: RequestInit['body'],
  headers: Record<string, string> = {},
  query = '?precision=ms',
) => fetch(`${server.origin}/v1/write/rum/replay${query}`, { method: 'POST', body, headers });

/** A multipart body as bytes with its content type, to change it or stream it. */
async function encoded(form: FormData): Promise<{ body: Buffer; type: string }> {
  const response = new Response(form);
  return {
    body: Buffer.from(await response.arrayBuffer()),
    type: response.headers.get('content-type') as string,
  };
}

describe('POST /v1/write/rum/replay', () => {
  it("stores a Guance upload (deflate) and plays it back, kept deflated under the segment's key", async () => {
    const upload = segment();
    const response = await server.uploadReplay(upload);
    expect(response.status).toBe(200);
    expect(await read(response)).toEqual({});
    expect(response.headers.get('access-control-allow-origin')).toBe('*');

    const { status, body } = await replayOf(upload.fields.session_id);
    expect(status).toBe(200);
    expect(body.records).toEqual(upload.records);
    expect(body.segments).toEqual([
      {
        view_id: upload.fields.view_id,
        start: Number(upload.fields.start),
        end: Number(upload.fields.end),
        index_in_view: 0,
        records_count: 2,
        has_full_snapshot: true,
        creation_reason: 'init',
        source: 'browser',
        raw_segment_size: 4321,
      },
    ]);
    const key = segmentKey({
      workspaceId: server.workspaceId,
      sessionId: upload.fields.session_id,
      viewId: upload.fields.view_id,
      indexInView: 0,
      start: Number(upload.fields.start),
    });
    expect(key).toMatch(/^ws_[a-z0-9]+\/\d{4}-\d\d-\d\d\/sess-\d+\/sess-\d+-v1-0-\d+\.z$/);
    const file = path.join(server.dataDir, 'replay', key);
    expect(JSON.parse(inflateSync(readFileSync(file)).toString())).toEqual(upload.records);
    // Written durably: no temporary file is left beside it.
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it.each(['gzip', 'json'] as const)('takes a %s segment as well', async (encoding) => {
    const upload = segment();
    const response = await server.uploadReplay(upload, { encoding });
    expect(response.status).toBe(200);
    expect((await replayOf(upload.fields.session_id)).body.records).toEqual(upload.records);
  });

  it('marks the session as having a replay', async () => {
    const upload = segment();
    const ingested = await server.ingest([
      {
        measurement: 'view',
        tags: { app_id: 'shop', session_id: upload.fields.session_id, view_id: 'v1' },
        fields: { time_spent: 1e9 },
        time: Number(upload.fields.start),
      },
    ]);
    expect(ingested.status).toBe(200);
    expect((await server.uploadReplay(upload)).status).toBe(200);
    const [session] = await server.records('session', {
      where: { session_id: upload.fields.session_id },
    });
    expect(session?.session_has_replay).toBe(true);
    expect((await replayOf(upload.fields.session_id)).body.session.session_has_replay).toBe(true);
  });

  it('keeps one copy of a segment sent twice (a retry)', async () => {
    const upload = segment();
    expect((await server.uploadReplay(upload)).status).toBe(200);
    expect((await server.uploadReplay(upload)).status).toBe(200);
    const { body } = await replayOf(upload.fields.session_id);
    expect(body.segments).toHaveLength(1);
    expect(body.records).toHaveLength(2);
  });

  it('answers preflight requests for any origin', async () => {
    const response = await fetch(`${server.origin}/v1/write/rum/replay`, {
      method: 'OPTIONS',
      headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it("checks the app: registered, the request's Origin allowed, its client token given", async () => {
    const unknown = await server.uploadReplay(segment({ app_id: 'nope' }));
    expect(unknown.status).toBe(403);
    expect(await read(unknown)).toEqual({
      error_code: 'app.unknown',
      message: 'app_id "nope" is not registered on this server',
    });
    const refused = await server.uploadReplay(segment({ app_id: 'locked' }), {
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(await read(refused)).toEqual({
      error_code: 'origin.not_allowed',
      message: 'origin https://evil.example is not allowed to report for app locked',
    });
    const allowed = await server.uploadReplay(segment({ app_id: 'locked' }), {
      headers: { origin: 'https://shop.example.com' },
    });
    expect(allowed.status).toBe(200);
    const tokenless = await server.uploadReplay(segment({ app_id: 'tokened' }));
    expect(tokenless.status).toBe(400);
    expect((await read(tokenless)).error_code).toBe('token.invalid');
    const withToken = await server.uploadReplay(segment({ app_id: 'tokened' }), {
      query: '?precision=ms&token=secret-token-1',
    });
    expect(withToken.status).toBe(200);
  });

  it.each([
    ['app_id', undefined, /segment field app_id is required/],
    ['session_id', undefined, /session_id is required/],
    ['view_id', '', /view_id/],
    ['start', 'soon', /start/],
    ['end', '1', /end must not be before start/],
    ['creation_reason', 'Not A Reason!', /creation_reason must be a snake_case reason/],
    ['records_count', 'many', /records_count/],
    ['has_full_snapshot', 'maybe', /has_full_snapshot/],
    ['index_in_view', '-1', /index_in_view/],
    ['raw_segment_size', 'big', /raw_segment_size/],
    ['env', 'x'.repeat(201), /env/],
  ])(
    'answers 400 naming the field for a bad %s, and stores nothing',
    async (field, value, message) => {
      const upload = segment({ [field]: value });
      const response = await server.uploadReplay(upload);
      expect(response.status).toBe(400);
      const body = await read(response);
      expect(body.error_code).toBe('segment.invalid');
      expect(body.message).toMatch(message);
      expect(body.message).toContain(field);
      expect((await replayOf(upload.fields.session_id ?? 'x')).status).toBe(404);
    },
  );

  it('answers 400 when the segment part is missing or sent twice, or a field is sent twice', async () => {
    const missing = replayForm(segment());
    missing.delete('segment');
    const noSegment = await post(missing);
    expect(noSegment.status).toBe(400);
    expect(await read(noSegment)).toEqual({
      error_code: 'segment.invalid',
      message: 'the "segment" file part is missing',
    });

    const twice = replayForm(segment());
    twice.append('segment', new Blob([deflateSync('{"records":[]}')]), 'again');
    const two = await post(twice);
    expect(two.status).toBe(400);
    expect((await read(two)).message).toMatch(/exactly one "segment" file part/);
    expect(two.headers.get('connection')).toBe('close');

    const field = replayForm(segment());
    field.append('view_id', 'other');
    const doubled = await post(field);
    expect(doubled.status).toBe(400);
    expect((await read(doubled)).message).toBe('segment field view_id is sent twice');

    const other = replayForm(segment());
    other.append('screenshot', new Blob(['png']), 'shot.png');
    expect((await read(await post(other))).message).toMatch(/unexpected file part "screenshot"/);
  });

  it('answers 415 for a body that is not multipart, and 400 for a broken one', async () => {
    const json = await post(JSON.stringify(segment()), { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(await read(json)).toMatchObject({
      error_code: 'body.unsupported_type',
      message: expect.stringMatching(/multipart\/form-data/),
    });
    const noType = await post(new Blob(['x']));
    expect(noType.status).toBe(415);
    const noBoundary = await post('x', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.status).toBe(400);
    expect((await read(noBoundary)).error_code).toBe('body.invalid');
    const { body, type } = await encoded(replayForm(segment()));
    const cut = await post(body.subarray(0, body.length - 40), { 'content-type': type });
    expect(cut.status).toBe(400);
    expect((await read(cut)).error_code).toBe('body.invalid');
  });

  it('answers 400 for a segment that is not deflate, gzip or JSON, or is corrupt', async () => {
    const send = async (bytes: Uint8Array) => {
      const form = replayForm(segment());
      form.set('segment', new Blob([bytes]), 'x');
      const response = await post(form);
      return { status: response.status, body: await read(response) };
    };
    const deflated = deflateSync(JSON.stringify({ records: [] }));
    const corrupt = Buffer.from(deflated);
    corrupt[corrupt.length - 3] = (corrupt[corrupt.length - 3] ?? 0) ^ 0xff;
    expect(await send(corrupt)).toMatchObject({
      status: 400,
      body: { error_code: 'segment.invalid', message: expect.stringMatching(/not valid deflate/) },
    });
    expect(await send(deflated.subarray(0, 8))).toMatchObject({ status: 400 });
    expect(await send(Buffer.from('PNG not a segment'))).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/deflate \(zlib\), gzip or JSON/) },
    });
    expect(await send(new Uint8Array())).toMatchObject({
      status: 400,
      body: { message: 'the segment file part is empty' },
    });
    expect(await send(deflateSync('{"records": [1, 2'))).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/segment is not JSON/) },
    });
    expect(await send(deflateSync('{"frames": []}'))).toMatchObject({
      status: 400,
      body: { message: 'segment must be an object with a "records" array' },
    });
    expect(await send(Buffer.from('{"records": [{"type": "full"}]}'))).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/record 0 must be an object with a numeric type/) },
    });
  });

  it('answers 413 past 32 MiB, declared or streamed, and for a deflate bomb, closing the connection', async () => {
    const big = replayForm(segment());
    big.set('segment', new Blob([Buffer.alloc(32 * 1024 * 1024 + 1)]), 'big');
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(await read(declared)).toEqual({
      error_code: 'body.too_large',
      message: 'the body is over 32 MiB',
    });
    expect(declared.headers.get('connection')).toBe('close');

    const { body, type } = await encoded(big);
    const streamed = await fetch(`${server.origin}/v1/write/rum/replay`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < body.length; i += 1024 * 1024)
            controller.enqueue(body.subarray(i, i + 1024 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('connection')).toBe('close');

    const bomb = replayForm(segment());
    bomb.set('segment', new Blob([deflateSync(Buffer.alloc(40 * 1024 * 1024, ' '))]), 'bomb');
    const exploded = await post(bomb);
    expect(exploded.status).toBe(413);
    expect((await read(exploded)).message).toBe('the segment decompresses to more than 32 MiB');
    // The server goes on taking uploads.
    expect((await server.uploadReplay(segment())).status).toBe(200);
  });

  it("limits a client address to the ingest rate, in buckets apart from its events'", async () => {
    // A stopped clock: the buckets never refill. A rate of 1 lets a burst of 4 through.
    const limited = await startTestServer({
      env: { RUMKIT_GEO: 'off', RUMKIT_INGEST_RATE: '1' },
      clock: () => T,
    });
    try {
      await limited.registerApp({ app_id: 'shop' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.uploadReplay(segment())).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      const refused = await limited.uploadReplay(segment());
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect((await read(refused)).error_code).toBe('rate.limited');
      const events = await limited.ingest([
        {
          measurement: 'view',
          tags: { app_id: 'shop', session_id: 's', view_id: 'v' },
          fields: { time_spent: 1e9 },
          time: T,
        },
      ]);
      expect(events.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('leaves no blob behind for a refused upload', async () => {
    const upload = segment({ app_id: 'nope' });
    await server.uploadReplay(upload);
    const day = new Date(Number(upload.fields.start)).toISOString().slice(0, 10);
    expect(
      existsSync(
        path.join(server.dataDir, 'replay', server.workspaceId, day, upload.fields.session_id),
      ),
    ).toBe(false);
  });
});
