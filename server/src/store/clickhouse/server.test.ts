import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const T = Date.UTC(2026, 10, 20, 10);
let server: TestServer;

// Its own test file: chDB binds one data directory per process.
beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off', RUMKIT_STORE: 'clickhouse' } });
  await server.registerApp({ app_id: 'web_a' });
});
afterAll(() => server?.close());

describe('the server on RUMKIT_STORE=clickhouse', () => {
  it('keeps ingested events in chDB under the data directory and answers the explorer from it', async () => {
    const response = await server.ingest([
      {
        measurement: 'view',
        tags: { app_id: 'web_a', session_id: 's1', view_id: 'v1', browser: 'Firefox' },
        fields: { time_spent: 1e9, view_url: 'https://shop.example.com/' },
        time: T,
      },
      {
        measurement: 'error',
        tags: { app_id: 'web_a', session_id: 's1', view_id: 'v1', error_type: 'TypeError' },
        fields: { error_message: 'boom' },
        time: T + 1000,
      },
    ]);
    expect(response.status).toBe(200);
    expect(existsSync(path.join(server.dataDir, 'clickhouse'))).toBe(true);
    const search = await server.api('POST', '/api/v1/events/search', {
      category: 'error',
      from: T - 60_000,
      to: T + 60_000,
      query: 'error_type:TypeError',
    });
    const { rows } = (await search.json()) as { rows: { error_message: string }[] };
    expect(rows.map((r) => r.error_message)).toEqual(['boom']);
    const [session] = await server.records('session');
    expect(session).toMatchObject({
      session_id: 's1',
      session_view_count: 1,
      session_error_count: 1,
    });
    const badCursor = await server.api('POST', '/api/v1/events/search', {
      category: 'error',
      from: T - 60_000,
      to: T + 60_000,
      cursor: 'garbage',
    });
    expect(badCursor.status).toBe(400);
  });

  it('stores a replay upload and plays it back, its session marked', async () => {
    const records = [
      { type: 4, timestamp: T, data: { href: 'https://shop.example.com/' } },
      { type: 3, timestamp: T + 500, data: { source: 2 } },
    ];
    const upload = await server.uploadReplay({
      fields: {
        app_id: 'web_a',
        session_id: 's1',
        view_id: 'v1',
        start: T,
        end: T + 500,
        creation_reason: 'init',
        records_count: 2,
        has_full_snapshot: true,
        index_in_view: 0,
      },
      records,
    });
    expect(upload.status).toBe(200);
    const replay = await server.api('GET', `/api/v1/sessions/s1/replay?from=${T - 60_000}`);
    expect(replay.status).toBe(200);
    const body = (await replay.json()) as {
      records: unknown[];
      session: { session_has_replay: boolean };
    };
    expect(body.records).toEqual(records);
    expect(body.session.session_has_replay).toBe(true);
  });
});
