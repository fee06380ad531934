import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sessionReplay as sessionReplaySchema } from '@rumkit/core/api';
import { createHttpBackend } from '@rumkit/core/backend';
import { createMemoryBackend } from '@rumkit/core/memory';
import type { Point } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../http/errors.js';
import { segmentKey } from '../replay/blobs.js';
import { applyRetention } from '../services/retention.js';
import { startTestServer, type TestServer } from '../testing/index.js';

const DAY = 24 * 3600 * 1000;
const T = Date.now() - 3600_000;

const logged: { message: string; details?: Record<string, unknown> }[] = [];
const logger: Logger = {
  info: () => undefined,
  error: (message, details) => {
    logged.push({ message, ...(details ? { details } : {}) });
  },
};

let server: TestServer;
let otherKey: string;
beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' }, logger });
  await server.registerApp({ app_id: 'shop' });
  otherKey = (await server.otherWorkspace()).key;
}, 60_000);
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions
type Body = any;
const get = async (route: string, key?: string) => {
  const response = await server.api('GET', route, undefined, key);
  return { status: response.status, body: (await response.json()) as Body };
};

const tags = (session: string, extra: Record<string, string>) => ({
  app_id: 'shop',
  session_id: session,
  ...extra,
});
/** A session's events: two views, an action, an error and a resource. */
function traffic(session: string, t = T): Point[] {
  return [
    {
      measurement: 'view',
      tags: tags(session, { view_id: `${session}-v1`, view_path: '/' }),
      fields: { time_spent: 60e9 },
      time: t,
    },
    {
      measurement: 'view',
      tags: tags(session, { view_id: `${session}-v2`, view_path: '/cart' }),
      fields: { time_spent: 30e9 },
      time: t + 60_000,
    },
    {
      measurement: 'action',
      tags: tags(session, { view_id: `${session}-v2`, action_id: 'a1', action_type: 'click' }),
      fields: { action_name: 'Pay', duration: 1e8 },
      time: t + 61_000,
    },
    {
      measurement: 'resource',
      tags: tags(session, { view_id: `${session}-v2`, resource_id: 'r1', resource_status: '503' }),
      fields: { resource_url: 'https://shop.example.com/api/pay', duration: 3e8 },
      time: t + 61_100,
    },
    {
      measurement: 'error',
      tags: tags(session, { view_id: `${session}-v2`, error_id: 'e1', error_source: 'network' }),
      fields: { error_message: 'POST https://shop.example.com/api/pay failed with 503' },
      time: t + 61_400,
    },
  ];
}

/** A segment upload; `size` pads each record's data to make big replays. */
function segment(
  session: string,
  view: string,
  start: number,
  index: number,
  options: { records?: number; size?: number } = {},
) {
  const count = options.records ?? 2;
  return {
    fields: {
      app_id: 'shop',
      session_id: session,
      view_id: view,
      start: String(start),
      end: String(start + count - 1),
      creation_reason: index === 0 ? 'init' : 'segment_duration_limit',
      records_count: String(count),
      has_full_snapshot: String(index === 0),
      index_in_view: String(index),
      source: 'browser',
    },
    records: Array.from({ length: count }, (_, i) => ({
      type: i === 0 && index === 0 ? 2 : 3,
      timestamp: start + i,
      data: { source: 1, text: 'x'.repeat(options.size ?? 8), i },
    })),
  };
}

async function upload(...segments: ReturnType<typeof segment>[]) {
  for (const s of segments) {
    const response = await server.uploadReplay(s);
    expect(response.status, await response.clone().text()).toBe(200);
  }
}

/** A raw GET of the replay through node:http: what the server sends, byte for byte. */
function rawGet(
  route: string,
  headers: Record<string, string>,
  onResponse?: (response: import('node:http').IncomingMessage) => void,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.origin}${route}`,
      { headers: { authorization: `Bearer ${server.workspaceKey}`, ...headers } },
      (response) => {
        onResponse?.(response);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/v1/sessions/:sessionId/replay', () => {
  it('answers as the in-memory backend does for the same uploads and events', async () => {
    const session = 'same-as-memory';
    const segments = [
      segment(session, `${session}-v2`, T + 60_000, 0),
      segment(session, `${session}-v1`, T, 0),
      segment(session, `${session}-v1`, T + 5000, 1, { records: 3 }),
      segment(session, `${session}-v2`, T + 65_000, 1),
    ];
    expect((await server.ingest(traffic(session))).status).toBe(200);
    await upload(...segments);
    const memory = createMemoryBackend({ events: traffic(session), replays: segments });
    const http = createHttpBackend({ baseUrl: server.origin, apiKey: server.workspaceKey });

    const answer = await http.getSessionReplay({ session_id: session });
    expect(answer).toEqual(await memory.getSessionReplay({ session_id: session }));
    expect(answer.segments.map((s) => [s.view_id, s.index_in_view])).toEqual([
      [`${session}-v1`, 0],
      [`${session}-v1`, 1],
      [`${session}-v2`, 0],
      [`${session}-v2`, 1],
    ]);
    expect(answer.records.map((r) => r.timestamp)).toEqual([
      T,
      T + 1,
      T + 5000,
      T + 5001,
      T + 5002,
      T + 60_000,
      T + 60_001,
      T + 65_000,
      T + 65_001,
    ]);
    // Views, actions and errors beside the records; resources are not shown.
    expect(answer.events.map((e) => e.category)).toEqual(['view', 'view', 'action', 'error']);
    expect(answer.session?.session_has_replay).toBe(true);
  });

  it('answers a part of a long replay: the first minute, or past the moment asked, then the rest', async () => {
    const session = 'in-parts';
    // A segment every 20 s for 3 minutes, in one view.
    const segments = Array.from({ length: 10 }, (_, i) =>
      segment(session, `${session}-v1`, T + i * 20_000, i),
    );
    expect((await server.ingest(traffic(session))).status).toBe(200);
    await upload(...segments);
    const memory = createMemoryBackend({ events: traffic(session), replays: segments });
    const http = createHttpBackend({ baseUrl: server.origin, apiKey: server.workspaceKey });
    const starts = (answer: { records: { timestamp: number }[] }) => [
      ...new Set(answer.records.map((r) => r.timestamp - ((r.timestamp - T) % 1000))),
    ];

    const all = await http.getSessionReplay({ session_id: session });
    // The first minute: segments at 0, 20 and 40 s.
    const first = await http.getSessionReplay({ session_id: session, part: 'first' });
    expect(starts(first)).toEqual([T, T + 20_000, T + 40_000]);
    const rest = await http.getSessionReplay({ session_id: session, part: 'rest' });
    expect(starts(rest)).toEqual([60, 80, 100, 120, 140, 160, 180].map((s) => T + s * 1000));
    // Together, every record once; the segments and events are whole in each part.
    expect([...first.records, ...rest.records]).toEqual(all.records);
    expect(first.segments).toEqual(all.segments);
    expect(rest.events).toEqual(all.events);
    // Opening at 2:05: the first part reaches 10 s past it.
    const at = T + 125_000;
    const deep = await http.getSessionReplay({ session_id: session, part: 'first', at });
    expect(starts(deep).at(-1)).toBe(T + 120_000);
    const deepRest = await http.getSessionReplay({ session_id: session, part: 'rest', at });
    expect(starts(deepRest)).toEqual([T + 140_000, T + 160_000, T + 180_000]);
    for (const input of [{ part: 'first' as const }, { part: 'rest' as const, at }])
      expect(await http.getSessionReplay({ session_id: session, ...input })).toEqual(
        await memory.getSessionReplay({ session_id: session, ...input }),
      );

    const bad = await get(`/api/v1/sessions/${session}/replay?part=middle`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^query\.part/);
    expect((await get(`/api/v1/sessions/${session}/replay?part=first&at=soon`)).status).toBe(400);
  });

  it('answers an empty replay for a session without segments, and 404 when neither exists', async () => {
    expect((await server.ingest(traffic('no-replay'))).status).toBe(200);
    const { status, body } = await get('/api/v1/sessions/no-replay/replay');
    expect(status).toBe(200);
    expect(sessionReplaySchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ session_id: 'no-replay', segments: [], records: [] });
    expect(body.session.session_id).toBe('no-replay');
    expect(await get('/api/v1/sessions/nobody/replay')).toEqual({
      status: 404,
      body: {
        error_code: 'session.not_found',
        message: 'no session "nobody" in this workspace and range',
      },
    });
  });

  it('plays segments that came before any event of their session', async () => {
    await upload(segment('early', 'early-v1', T, 0));
    const { status, body } = await get('/api/v1/sessions/early/replay');
    expect(status).toBe(200);
    expect(body).toMatchObject({ session: null, events: [] });
    expect(body.records).toHaveLength(2);
  });

  it('looks only in the window asked, and refuses a bad one', async () => {
    await upload(segment('windowed', 'windowed-v1', T, 0));
    const before = `from=${T - 2 * DAY}&to=${T - DAY}`;
    expect((await get(`/api/v1/sessions/windowed/replay?${before}`)).status).toBe(404);
    expect((await get(`/api/v1/sessions/windowed/replay?from=${T - DAY}`)).status).toBe(200);
    const bad = await get('/api/v1/sessions/windowed/replay?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^query\.from/);
  });

  it('needs a workspace key, and shows nothing of another workspace', async () => {
    await upload(segment('mine', 'mine-v1', T, 0));
    const anonymous = await fetch(`${server.origin}/api/v1/sessions/mine/replay`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as Body).error_code).toBe('auth.missing');
    expect((await get('/api/v1/sessions/mine/replay', otherKey)).status).toBe(404);
  });

  it('gzips the answer for a client that takes gzip, and not for one that does not', async () => {
    const session = 'zipped';
    await upload(
      ...Array.from({ length: 6 }, (_, i) =>
        segment(session, `${session}-v1`, T + i * 5000, i, { records: 20, size: 2000 }),
      ),
    );
    const zipped = await rawGet(`/api/v1/sessions/${session}/replay`, {
      'accept-encoding': 'gzip, deflate',
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(`/api/v1/sessions/${session}/replay`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 10);
    const body = JSON.parse(plain.body.toString());
    expect(sessionReplaySchema.parse(body)).toEqual(body);
    expect(body.records).toHaveLength(120);
  });

  it('streams a many-MB replay to a slow reader whole, and survives a reader that leaves', async () => {
    const session = 'big';
    await upload(
      ...Array.from({ length: 12 }, (_, i) =>
        segment(session, `${session}-v1`, T + i * 5000, i, { records: 50, size: 10_000 }),
      ),
    );
    // The reader pauses: the server waits for the socket to drain instead of buffering it all.
    const slow = await rawGet(`/api/v1/sessions/${session}/replay`, {}, (response) => {
      response.pause();
      setTimeout(() => response.resume(), 300);
    });
    expect(slow.body.length).toBeGreaterThan(6_000_000);
    const body = JSON.parse(slow.body.toString());
    expect(body.records).toHaveLength(600);
    expect(body.records.map((r: Body) => r.timestamp)).toEqual(
      [...body.records.map((r: Body) => r.timestamp)].sort((a, b) => a - b),
    );

    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        `${server.origin}/api/v1/sessions/${session}/replay`,
        { headers: { authorization: `Bearer ${server.workspaceKey}` } },
        (response) => {
          response.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => undefined);
      req.on('close', resolve);
      setTimeout(() => reject(new Error('no answer')), 10_000);
      req.end();
    });
    expect((await get(`/api/v1/sessions/${session}/replay`)).status).toBe(200);
  });

  it('skips a segment whose blob is missing or damaged, and logs it', async () => {
    const session = 'damaged';
    const segments = [0, 1, 2].map((i) => segment(session, `${session}-v1`, T + i * 5000, i));
    await upload(...segments);
    const file = (i: number) =>
      path.join(
        server.dataDir,
        'replay',
        segmentKey({
          workspaceId: server.workspaceId,
          sessionId: session,
          viewId: `${session}-v1`,
          indexInView: i,
          start: T + i * 5000,
        }),
      );
    writeFileSync(file(0), 'not zlib at all');
    rmSync(file(2));
    logged.length = 0;
    const { status, body } = await get(`/api/v1/sessions/${session}/replay`);
    expect(status).toBe(200);
    expect(body.segments).toHaveLength(3);
    expect(body.records).toEqual(segments[1]?.records);
    expect(logged.map((l) => l.message)).toEqual([
      'replay: a segment blob cannot be read; skipped',
      'replay: a segment blob is missing; skipped',
    ]);
  });
});

describe('deleting replays', () => {
  const blobDir = (workspaceId: string) => path.join(server.dataDir, 'replay', workspaceId);

  it('retention deletes the segments that ended before the cut: index rows and blob files', async () => {
    const now = Date.now();
    const old = now - 20 * DAY;
    expect((await server.ingest(traffic('old-session', old))).status).toBe(200);
    await upload(
      segment('old-session', 'old-session-v1', old, 0),
      segment('old-session', 'old-session-v1', old + 5000, 1),
      segment('new-session', 'new-session-v1', T, 0),
    );
    const day = new Date(old).toISOString().slice(0, 10);
    const oldDir = path.join(blobDir(server.workspaceId), day, 'old-session');
    expect(readdirSync(oldDir)).toHaveLength(2);
    const range = `from=${old - DAY}`;
    expect((await get(`/api/v1/sessions/old-session/replay?${range}`)).body.records).toHaveLength(
      4,
    );

    const { segments } = await applyRetention(
      server.services.registry.get(),
      server.services.worker.store,
      server.services.blobs,
      now,
    );
    expect(segments).toBe(2);
    expect(
      await server.services.worker.store.segments(server.workspaceId, 'old-session', 0, now),
    ).toEqual([]);
    // The files and their emptied day directory are gone; the session went with its events.
    expect(existsSync(path.join(blobDir(server.workspaceId), day))).toBe(false);
    expect((await get(`/api/v1/sessions/old-session/replay?${range}`)).status).toBe(404);
    expect((await get('/api/v1/sessions/new-session/replay')).body.records).toHaveLength(2);
  });

  it('deleting a workspace deletes its replays, and nothing of another', async () => {
    const admin = (method: string, route: string, body?: unknown) =>
      server.api(method, route, body, server.adminKey);
    const ws = (await (
      await admin('POST', '/api/v1/admin/workspaces', { name: 'Gone' })
    ).json()) as {
      id: string;
    };
    const key = (await (
      await admin('POST', `/api/v1/admin/workspaces/${ws.id}/keys`, { name: 'k' })
    ).json()) as { secret: string };
    await server.api(
      'POST',
      '/api/v1/apps',
      { name: 'Blog', app_id: 'blog', type: 'web' },
      key.secret,
    );
    const theirs = { ...segment('theirs', 'theirs-v1', T, 0) };
    theirs.fields.app_id = 'blog';
    await upload(theirs, segment('ours', 'ours-v1', T, 0));
    expect(existsSync(blobDir(ws.id))).toBe(true);

    expect((await admin('DELETE', `/api/v1/admin/workspaces/${ws.id}`)).status).toBe(204);
    expect(existsSync(blobDir(ws.id))).toBe(false);
    expect(await server.services.worker.store.segments(ws.id, 'theirs', 0, Date.now())).toEqual([]);
    expect((await get('/api/v1/sessions/ours/replay')).body.records).toHaveLength(2);
  });
});
